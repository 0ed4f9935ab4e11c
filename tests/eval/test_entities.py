"""The cross-document entity scorer (kg.eval.entities) and the floors on the team's dev gold."""

from __future__ import annotations

import json

import pytest
from helpers import ROOT, SHARED_DATA

from kg.eval.entities import Occurrence, evaluate_entities, gold_occurrences, load_entity_gold, score_assignment
from kg.eval.gold import GoldError


def occ(doc: str, cluster: str, n: int) -> Occurrence:
    return Occurrence(doc, n, n + 1, "x", cluster)


def test_pairwise_bcubed_and_false_merges_on_a_small_case():
    # gold: A A A | B ; system: s1 s1 s2 | s1  -> one false merge (A with B)
    o = [occ("d1", "A", 0), occ("d1", "A", 5), occ("d2", "A", 0), occ("d2", "B", 5)]
    r = score_assignment("t", o, ["s1", "s1", "s2", "s1"], raw_of=["k1", "k1", "k2", "k3"])
    assert r.pairs == {"tp": 1, "system": 3, "gold": 3}
    assert (r.precision, r.recall) == (1 / 3, 1 / 3)
    assert r.cross_pairs == {"tp": 0, "system": 2, "gold": 2}
    assert r.bcubed == pytest.approx(((2 / 3 + 2 / 3 + 1 + 1 / 3) / 4, (2 / 3 + 2 / 3 + 1 / 3 + 1) / 4))
    assert r.false_merges == [{"entity": "s1", "clusters": {"A": 2, "B": 1}}] and r.false_merge_pairs == 1
    # pairs the stage merged across keys: (k1,k3) x2 -> both wrong
    assert r.stage_pairs == {"tp": 0, "merged": 2, "gold": 2}
    assert "false merges: 1 system entities" in r.to_text()


def test_an_occurrence_no_mention_covers_is_a_singleton():
    o = [occ("d1", "A", 0), occ("d1", "A", 5)]
    r = score_assignment("t", o, [None, None])
    assert r.pairs == {"tp": 0, "system": 0, "gold": 1} and r.unmatched == 2 and r.precision == 1.0


def gold_file(tmp_path, mentions, text="Brown met Gordon Brown. Brown left; Nick Brown stayed.") -> object:
    data = {"name": "tiny", "documents": [{"id": "d1", "source": {"text": text}}],
            "clusters": [{"id": "gb", "name": "Gordon Brown", "type": "Person"},
                         {"id": "nb", "name": "Nick Brown", "type": "Person"}],
            "mentions": mentions}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_occurrences_skip_longer_forms_and_take_indexes(tmp_path):
    path = gold_file(tmp_path, [
        {"doc": "d1", "form": "Gordon Brown", "cluster": "gb"}, {"doc": "d1", "form": "Nick Brown", "cluster": "nb"},
        {"doc": "d1", "form": "Brown", "cluster": "gb", "occurrences": [1]},
        {"doc": "d1", "form": "Brown", "cluster": "nb", "occurrences": [2]}])
    gold = load_entity_gold(path)
    text = gold.documents[0].source["text"]
    found = [(text[o.start:o.end], o.start, o.cluster) for o in gold_occurrences(gold, {"d1": text})]
    assert found == [("Brown", 0, "gb"), ("Gordon Brown", 10, "gb"), ("Brown", 24, "nb"), ("Nick Brown", 36, "nb")]


@pytest.mark.parametrize("mentions,message", [
    ([{"doc": "d1", "form": "Blair", "cluster": "gb"}], "does not occur"),
    ([{"doc": "d9", "form": "Brown", "cluster": "gb"}], "unknown document"),
    ([{"doc": "d1", "form": "Brown", "cluster": "zz"}], "unknown cluster"),
    ([{"doc": "d1", "form": "Brown", "cluster": "gb", "occurrences": [0]}], "1-based"),
    ([{"doc": "d1", "form": "Brown", "cluster": "gb", "occurrences": [9]}], "occurrence 9 of"),
])
def test_gold_errors_say_where(tmp_path, mentions, message):
    path = gold_file(tmp_path, mentions)
    with pytest.raises(GoldError, match=message):
        gold = load_entity_gold(path)
        gold_occurrences(gold, {"d1": gold.documents[0].source["text"]})


def test_the_real_pipeline_on_a_tiny_inline_gold(tmp_path, nlp, res):
    text = ("Prime Minister Tony Blair met Gordon Brown at the Treasury. Mr Blair said the Labour Party "
            "would win. Brown agreed.")
    path = gold_file(tmp_path, [{"doc": "d1", "form": "Tony Blair", "cluster": "tb"},
                                {"doc": "d1", "form": "Blair", "cluster": "tb"},
                                {"doc": "d1", "form": "Gordon Brown", "cluster": "gb"},
                                {"doc": "d1", "form": "Brown", "cluster": "gb"}], text=text)
    data = json.loads(path.read_text())
    data["clusters"].append({"id": "tb", "name": "Tony Blair", "type": "Person"})
    path.write_text(json.dumps(data))
    r = evaluate_entities(path, nlp=nlp, resources=res)
    assert r.occurrences == 4 and r.precision == 1.0 and r.recall == 1.0


# -- the team's dev gold -------------------------------------------------------------------------------
# Floors measured when the corpus stage landed (see docs/entities.md); raise them when quality
# improves, never lower them to make a change pass.  The whole-pipeline figures are held down by
# per-document decisions the corpus stage cannot undo (a demonym or a capital read as its country,
# mentions the NER misses); the corpus-stage precision is the stage's own.
DEV_FLOORS = {"precision": 0.87, "recall": 0.77, "stage_precision": 0.98}


def test_dev_gold_floors(nlp, res):
    if not (SHARED_DATA / "news" / "bbc_fulltext.jsonl").exists():
        pytest.skip(f"shared data not found at {SHARED_DATA}")
    r = evaluate_entities(ROOT / "tests" / "gold" / "entities" / "dev.json", nlp=nlp, resources=res,
                          data_dir=SHARED_DATA)
    got = {"precision": r.precision, "recall": r.recall, "stage_precision": r.stage_precision}
    assert all(got[k] >= v for k, v in DEV_FLOORS.items()), f"{got} below {DEV_FLOORS}\n" + r.to_text(max_items=15)
