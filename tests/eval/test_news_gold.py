"""The news relation corpus (tests/gold/news/): the split files, the fact keys ``time``/``status``/
``speaker`` in :class:`kg.eval.score.GoldFact` and per-document name ambiguity.  Nothing here
resolves document texts, so no shared data folder is needed."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from kg.eval.score import GoldError, GoldTime, ambiguous_names, gold_from_dict, load_gold

REPO = Path(__file__).resolve().parents[2]
NEWS = REPO / "tests" / "gold" / "news"
SPLITS = ("train", "dev", "test")
FILES = (*SPLITS, "second")


def _raw(name: str) -> dict:
    return json.loads((NEWS / f"{name}.json").read_text(encoding="utf-8"))


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
