"""The news relation corpus (tests/gold/news/): the split files, the fact keys ``time``/``status``/
``speaker`` in :class:`kg.eval.score.GoldFact`, per-document name ambiguity and the agreement
script.  Nothing here resolves document texts, so no shared data folder is needed."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from scriptmod import load_script

from kg.eval.gold import GoldError, GoldTime, ambiguous_names, gold_from_dict, load_gold

REPO = Path(__file__).resolve().parents[2]
NEWS = REPO / "tests" / "gold" / "news"
SPLITS = ("train", "dev", "test")
FILES = (*SPLITS, "second")


def _raw(name: str) -> dict:
    return json.loads((NEWS / f"{name}.json").read_text(encoding="utf-8"))


def _agreement():
    """scripts/news_gold_agreement.py as a module."""
    return load_script("news_gold_agreement")


# -- the corpus files -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_news_gold_file_loads_without_warnings(name: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    gold = load_gold(NEWS / f"{name}.json")
    assert [r.getMessage() for r in caplog.records] == []
    assert ambiguous_names(gold) == {}
    assert all(e.doc is not None and e.id.startswith(f"{e.doc}:") for e in gold.entities)


def test_news_splits_are_disjoint_and_cover_the_manifest() -> None:
    manifest = {i["id"]: i for i in json.loads((NEWS / "items.json").read_text(encoding="utf-8"))["items"]}
    seen: dict[str, str] = {}
    for split in SPLITS:
        for doc in _raw(split)["documents"]:
            assert doc["id"] not in seen, f"{doc['id']} is in {seen.get(doc['id'])} and {split}"
            seen[doc["id"]] = split
            assert manifest[doc["id"]]["split"] == split
            assert doc["source"] == manifest[doc["id"]]["source"]
    assert sorted(seen) == sorted(manifest)
    second = {d["id"] for d in _raw("second")["documents"]}
    assert len(second) == 40 and second <= set(manifest)


@pytest.mark.parametrize("name", FILES)
def test_news_gold_every_fact_has_evidence(name: str) -> None:
    gold = load_gold(NEWS / f"{name}.json")
    empty = [f for f in gold.relations + gold.optional if not f.evidence.strip()]
    assert empty == []


@pytest.mark.parametrize("name", FILES)
def test_news_gold_time_status_speaker_round_trip(name: str) -> None:
    raw = _raw(name)
    gold = load_gold(NEWS / f"{name}.json")
    facts = raw["relations"] + raw.get("optional", [])
    loaded = gold.relations + gold.optional
    assert len(facts) == len(loaded)
    for r, f in zip(facts, loaded):
        assert (f.subject, f.property, f.object) == (r["subject"], r["property"], r["object"])
        t = r.get("time")
        assert f.time == (GoldTime(t["text"], t.get("start"), t.get("end")) if t else None)
        assert f.status == r.get("status")
        assert f.speaker == r.get("speaker")
    # the corpus uses all three keys; a loader that drops them fails here
    assert any(f.time for f in loaded) and any(f.status for f in loaded) and any(f.speaker for f in loaded)


# -- time, status and speaker in gold_from_dict ---------------------------------------------------


def _gold(**fact_keys) -> dict:
    fact = {"subject": "d1:roe", "property": "worksFor", "object": "d1:acme", "doc": "d1",
            "evidence": "Roe, the Acme chief", **fact_keys}
    return {
        "name": "t",
        "documents": [{"id": "d1", "source": {"text": "Roe, the Acme chief, said so."}},
                      {"id": "d2", "source": {"text": "Doe spoke."}}],
        "entities": [
            {"id": "d1:roe", "name": "Jane Roe", "type": "Person", "doc": "d1"},
            {"id": "d1:acme", "name": "Acme", "type": "Organization", "doc": "d1"},
            {"id": "d2:doe", "name": "John Doe", "type": "Person", "doc": "d2"},
        ],
        "relations": [fact],
    }


def test_gold_fact_keeps_time_status_speaker() -> None:
    time = {"text": "since 1999", "start": "1999-01-01"}
    fact = gold_from_dict(_gold(time=time, status="former", speaker="unnamed")).relations[0]
    assert fact.time == GoldTime("since 1999", "1999-01-01", None)
    assert (fact.status, fact.speaker) == ("former", "unnamed")
    plain = gold_from_dict(_gold()).relations[0]
    assert (plain.time, plain.status, plain.speaker) == (None, None, None)


@pytest.mark.parametrize(("keys", "message"), [
    ({"time": "last week"}, "'time' must be an object"),
    ({"time": {"start": "2016-09-12"}}, "needs a non-empty 'text'"),
    ({"time": {"text": "last week"}}, "needs 'start' and/or 'end'"),
    ({"time": {"text": "x", "start": "12/09/2016"}}, "time 'start' must be a date YYYY-MM-DD"),
    ({"time": {"text": "x", "end": "2016-02-30"}}, "time 'end' must be a date YYYY-MM-DD"),
    ({"time": {"text": "x", "start": "2016-09-18", "end": "2016-09-12"}}, "is after end"),
    ({"time": {"text": "x", "start": "2016-09-12", "when": "then"}}, "unknown keys ['when']"),
    ({"status": "past"}, "status 'past' is not one of ['current', 'former', 'future']"),
    ({"status": "former", "property": "criticized"}, "status is for"),
    ({"speaker": "d1:nobody"}, "speaker 'd1:nobody' must be an entity id or 'unnamed'"),
    ({"speaker": "d2:doe"}, "belongs to document 'd2'"),
])
def test_gold_fact_extras_are_validated(keys: dict, message: str) -> None:
    with pytest.raises(GoldError, match="relations\\[0\\]") as err:
        gold_from_dict(_gold(**keys))
    assert message in str(err.value)


def test_status_is_allowed_on_sub_properties_of_worksfor() -> None:
    fact = gold_from_dict(_gold(property="leaderOf", status="future")).relations[0]
    assert fact.status == "future"


# -- ambiguous names ------------------------------------------------------------------------------


def _entities(*ents: tuple[str, str, list[str], str | None]) -> dict:
    docs = sorted({d for *_, d in ents if d})
    return {"name": "t", "documents": [{"id": d, "source": {"text": "x"}} for d in docs],
            "entities": [{"id": i, "name": n, "aliases": a, "type": "Person", **({"doc": d} if d else {})}
                         for i, n, a, d in ents],
            "relations": []}


def test_same_name_in_different_documents_is_not_ambiguous(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    gold = gold_from_dict(_entities(("a:smith", "Smith", [], "a"), ("b:smith", "Smith", [], "b")))
    assert ambiguous_names(gold) == {}
    assert caplog.records == []


def test_same_alias_within_one_document_is_ambiguous(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    gold = gold_from_dict(_entities(("a:js", "John Smith", ["Smith"], "a"), ("a:ms", "Mary Smith", ["Smith"], "a")))
    assert ambiguous_names(gold) == {"smith": ["a:js", "a:ms"]}
    assert "shared by entities a:js, a:ms" in caplog.text


def test_same_alias_among_global_entities_is_ambiguous() -> None:
    gold = gold_from_dict(_entities(("js", "John Smith", ["Smith"], None), ("ms", "Mary Smith", ["Smith"], None)))
    assert ambiguous_names(gold) == {"smith": ["js", "ms"]}


def test_global_entity_competes_with_the_entities_of_each_document() -> None:
    gold = gold_from_dict(_entities(("js", "John Smith", ["Smith"], None), ("a:ms", "Mary Smith", ["Smith"], "a"),
                                    ("b:other", "Smith", [], "b")))
    assert ambiguous_names(gold) == {"smith": ["a:ms", "js"]}


def test_ambiguity_in_several_documents_reports_every_entity() -> None:
    gold = gold_from_dict(_entities(("a:js", "John Smith", ["Smith"], "a"), ("a:ms", "Mary Smith", ["Smith"], "a"),
                                    ("b:js", "Jo Smith", ["Smith"], "b"), ("b:ks", "Kim Smith", ["Smith"], "b")))
    assert ambiguous_names(gold) == {"smith": ["a:js", "a:ms", "b:js", "b:ks"]}


# -- the agreement script -------------------------------------------------------------------------


def _annotation(entities: list[tuple[str, str, list[str]]], required: list, optional: list = (), **extras):
    """A one-document annotation (document d1) with facts (subject, property, object[, keys])."""
    def fact(f):
        return {"subject": f[0], "property": f[1], "object": f[2], "doc": "d1", "evidence": "e",
                **(f[3] if len(f) > 3 else {})}

    gold = gold_from_dict({
        "name": "t", "documents": [{"id": "d1", "source": {"text": "x"}}],
        "entities": [{"id": i, "name": n, "aliases": a, "type": "Person", "doc": "d1"} for i, n, a in entities],
        "relations": [fact(f) for f in required], "optional": [fact(f) for f in optional],
    })
    return _agreement().restrict([gold], {"d1"})


def test_agreement_matches_entities_by_names_and_symmetric_facts_in_either_order() -> None:
    m = _agreement()
    a = _annotation([("x:obama", "Barack Obama", ["Obama"]), ("x:putin", "Vladimir Putin", [])],
                    [("x:obama", "metWith", "x:putin")])
    b = _annotation([("y:o", "Obama", []), ("y:p", "Vladimir V. Putin", ["Putin", "Vladimir Putin"])],
                    [("y:p", "metWith", "y:o")])
    sides = m.Sides.build(a, b, frozenset({"metWith"}))
    assert sides.a_to_b == {"x:obama": "y:o", "x:putin": "y:p"}
    assert (m.strict(sides).tp, m.strict(sides).fp, m.strict(sides).fn) == (1, 0, 0)


def test_agreement_strict_and_lenient() -> None:
    m = _agreement()
    ents = [("roe", "Roe", []), ("acme", "Acme", []), ("doe", "Doe", [])]
    a = _annotation(ents, [("roe", "worksFor", "acme"), ("roe", "criticized", "doe")])
    b = _annotation(ents, [("roe", "worksFor", "acme"), ("doe", "criticized", "roe")],
                    [("roe", "criticized", "doe")])
    sides = m.Sides.build(a, b, frozenset())
    s = m.strict(sides)
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)  # criticized is directed: the reversed fact is another fact
    assert m.lenient(sides) == (0.5, 1.0, pytest.approx(2 / 3))
    assert m.flip(m.lenient(sides)) == (1.0, 0.5, pytest.approx(2 / 3))


def test_agreement_on_status_time_speaker() -> None:
    m = _agreement()
    ents = [("roe", "Roe", []), ("acme", "Acme", []), ("doe", "Doe", [])]
    day = {"text": "on Monday", "start": "2020-01-06", "end": "2020-01-06"}
    a = _annotation(ents, [("roe", "worksFor", "acme"), ("roe", "criticized", "doe", {"time": day, "speaker": "doe"})])
    b = _annotation(ents, [("roe", "worksFor", "acme", {"status": "current"}),
                           ("roe", "criticized", "doe", {"time": {**day, "text": "Monday"}})])
    table = m.attribute_table(m.Sides.build(a, b, frozenset()))
    assert table["status"]["agree"] == 1  # a missing status is the default, current
    assert table["time"]["both, same"] == 1  # the same dates, whatever the wording
    assert table["speaker"]["only A"] == 1


def test_agreement_report_matches_agreement_md() -> None:
    m = _agreement()
    text = m.report(*m.load(NEWS))
    assert text == m.report(*m.load(NEWS))  # deterministic
    assert text in (NEWS / "AGREEMENT.md").read_text(encoding="utf-8"), "re-run the script and update AGREEMENT.md"


def test_agreement_cli_reports_a_missing_folder_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert _agreement().main(["--news", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: gold file ") and "second.json does not exist" in err and err.count("\n") == 1
