"""The learned relation classifier (kg/extract/learned/) with the shipped weights and the real pipeline."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from kg.errors import DataFileError
from kg.extract.learned import (
    NONE,
    candidate_features,
    candidates,
    learned_relations,
    load_model,
    mention_classes,
    pair_features,
    parse_model,
)
from kg.extract.mentions.find import extract_mentions
from kg.extract.resolve.document import resolve

REPO = Path(__file__).resolve().parents[3]


def res_properties():
    from kg.resources import load_resources

    return load_resources().ontology.properties


def _run(nlp, res, text, model=None):
    doc = nlp(text)
    mentions = extract_mentions(doc, res)
    resolution = resolve(doc, mentions, res, "t")
    return doc, mentions, resolution, learned_relations(doc, mentions, resolution, res, "t", model=model)


@pytest.fixture(scope="module")
def model():
    return load_model()


@pytest.fixture(scope="module")
def permissive(model):
    """The shipped weights with every property emitted at 0.5 (the shipped thresholds are stricter)."""
    return dataclasses.replace(model, thresholds={p: 0.5 for p in model.properties})


def test_shipped_model_is_valid_and_small(model):
    path = REPO / "ontologies" / "models" / "relations.json"
    assert path.stat().st_size < 5_000_000
    assert model.labels[0] == NONE and set(model.properties) <= set(res_properties())
    assert set(model.thresholds) <= set(model.properties)
    assert all(0.0 < t < 1.0 for t in model.thresholds.values())
    assert load_model() is model  # cached


def test_spokeswoman_works_for(nlp, res, permissive):
    text = "Jane Roe, a spokeswoman for Acme Corp., said the company would appeal."
    *_, rels = _run(nlp, res, text, permissive)
    got = {(r.subject, r.predicate, r.object) for r in rels}
    assert got == {("person/jane-roe", "worksFor", "org/acme-corp")}
    ev = rels[0].evidence
    assert ev.rule == "learned" and ev.modality == "asserted" and 0.5 <= ev.confidence <= 0.99
    assert ev.sentence == text


def test_person_of_city_state(nlp, res, permissive):
    *_, rels = _run(nlp, res, "John Doe of Springfield, Ill., was elected to the board.", permissive)
    got = {(r.subject, r.predicate, r.object) for r in rels}
    assert ("person/john-doe", "livesIn", "place/springfield") in got
    assert ("place/springfield", "locatedIn", "region/us-il") in got  # "Ill." is a gazetteer state
    assert not any(r.subject.startswith("place/") and r.predicate == "livesIn" for r in rels)


def test_killed_direction_and_negation(nlp, res, permissive):
    *_, rels = _run(nlp, res, "Prosecutors say John Doe killed Richard Roe in 1990.", permissive)
    assert [(r.subject, r.predicate, r.object, r.evidence.modality) for r in rels] == [
        ("person/john-doe", "killed", "person/richard-roe", "asserted")]
    *_, rels = _run(nlp, res, "John Doe did not kill Richard Roe.", permissive)
    assert all(r.evidence.modality == "negated" for r in rels if r.predicate == "killed")


def test_shipped_thresholds_are_conservative(nlp, res, model):
    """Only properties kept by the dev and news guards are emitted, never below their threshold."""
    *_, rels = _run(nlp, res, "Jane Roe, a spokeswoman for Acme Corp., said the company would appeal.")
    for r in rels:
        assert r.predicate in model.thresholds and r.evidence.confidence >= model.thresholds[r.predicate]


def test_deterministic(nlp, res, permissive):
    text = "John Doe of Springfield, Ill., was elected to the board of Acme Corp. in Chicago."
    doc, mentions, resolution, first = _run(nlp, res, text, permissive)
    _, _, _, second = _run(nlp, res, text, permissive)
    assert first == second
    tc = mention_classes(mentions, resolution)
    cands = candidates(doc, mentions, resolution, res, load_model().properties)
    feats = [candidate_features(doc, c, res, tc) for c in cands]
    assert feats == [candidate_features(doc, c, res, tc) for c in cands]
    assert all(f == sorted(set(f)) for f in feats)


def test_training_script_uses_the_inference_features():
    spec = importlib.util.spec_from_file_location("train_relations", REPO / "scripts" / "train_relations.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses in the script look their module up
    try:
        spec.loader.exec_module(mod)
    finally:
        sys.modules.pop(spec.name, None)
    assert mod.candidate_features is candidate_features
    assert mod.candidates is candidates
    assert pair_features is not None


def test_malformed_model_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataFileError, match="not valid JSON"):
        load_model(bad)
    with pytest.raises(DataFileError, match="format"):
        parse_model({"labels": ["NONE"]})
    good = json.loads((REPO / "ontologies" / "models" / "relations.json").read_text(encoding="utf-8"))
    good["weights"] = {"cls=Person>Place": [1.0, 2.0]}
    with pytest.raises(DataFileError, match=f"list of {len(good['labels'])} numbers"):
        parse_model(good)


@pytest.mark.parametrize("text", [
    "RIVERTON, Norway - A frail Pope Peter Holm, breathing heavily, celebrated an open-air Mass on Sunday.",
    "A bridge designated the tallest in the world was inaugurated by President Peter Holm in southern Norway.",
    "President Peter Holm inaugurated a bridge in southern Norway on Tuesday.",
])
def test_the_scene_of_an_act_is_no_home(nlp, res, permissive, text):
    *_, rels = _run(nlp, res, text, permissive)
    assert not [r for r in rels if r.predicate == "livesIn"], rels

