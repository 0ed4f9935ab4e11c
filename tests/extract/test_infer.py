"""Ontology-driven closing steps (kg.extract.infer), source lines, and person typing by apposition.

The unit tests build Relations by hand; the sentence tests (real pipeline) are written for the test."""

from __future__ import annotations

import pytest

from kg.errors import DataFileError
from kg.extract.infer import CHAIN_RULE, apply_chains, drop_yielding
from kg.model import Evidence, Relation
from kg.resources import load_ontology


def _rel(s, p, o, *, start=0, rule="verb-prep", conf=0.8, modality="asserted", doc="d"):
    ev = Evidence(doc_id=doc, sentence="s", start=start, end=start + 1, rule=rule, confidence=conf, modality=modality)
    return Relation(s, p, o, ev)


CLASSES = {"acme": "Organization", "riverton": "City", "ruritania": "Country", "ana": "Person", "hill": "Place"}


def test_a_property_yields_to_the_more_specific_one_from_the_same_reading():
    rels = [_rel("acme", "basedIn", "riverton"), _rel("acme", "locatedIn", "riverton"),
            _rel("acme", "locatedIn", "riverton", start=9)]  # another sentence: kept
    kept = drop_yielding(rels, {"locatedIn": frozenset({"basedIn", "livesIn"})})
    assert [(r.predicate, r.evidence.start) for r in kept] == [("basedIn", 0), ("locatedIn", 9)]


def test_chains_follow_the_ontology_within_one_sentence(res):
    rels = [_rel("acme", "basedIn", "riverton", conf=0.8), _rel("riverton", "locatedIn", "ruritania", conf=0.5),
            _rel("hill", "locatedIn", "riverton"), _rel("ana", "livesIn", "riverton")]
    added = apply_chains(rels, res.ontology, CLASSES.__getitem__)
    got = {(r.subject, r.predicate, r.object): r.evidence for r in added}
    assert set(got) == {("acme", "basedIn", "ruritania"), ("hill", "locatedIn", "ruritania")}
    ev = got[("acme", "basedIn", "ruritania")]
    assert ev.rule == CHAIN_RULE and ev.confidence == 0.4
    # no livesIn chain is declared: a birthplace's region is asked for with a SPARQL path instead
    assert "livesIn" not in res.ontology.chains


def test_chains_need_asserted_premises_in_the_same_sentence(res):
    rels = [_rel("acme", "basedIn", "riverton"), _rel("riverton", "locatedIn", "ruritania", start=5),
            _rel("hill", "locatedIn", "riverton", modality="hedged"), _rel("riverton", "locatedIn", "ruritania")]
    added = apply_chains(rels, res.ontology, CLASSES.__getitem__)
    assert {(r.subject, r.object) for r in added} == {("acme", "ruritania")}


def test_a_chain_axiom_over_unknown_properties_is_a_clear_error(tmp_path, res):
    text = res.ontology_path.read_text(encoding="utf-8").replace(
        "owl:propertyChainAxiom ( kg:basedIn kg:locatedIn )", "owl:propertyChainAxiom ( kg:basedIn kg:nowhere )")
    bad = tmp_path / "newskg.ttl"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match="propertyChainAxiom"):
        load_ontology(bad)


def test_based_in_gives_an_organisation_a_base_and_no_location(extract):
    g, facts = extract("Acme Corp., based in Riverton, Ruritania, makes bicycles.")
    props = {(s, p, o) for s, p, o in facts if s == "Acme Corp."}
    assert ("Acme Corp.", "basedIn", "Riverton") in props, facts
    assert not {f for f in props if f[1] == "locatedIn"}, facts


def test_a_monitoring_source_line_names_an_outlet_and_its_city(extract):
    _, facts = extract("XY1234567890 Moscow ZARYA RADIO in Russian 1200 GMT 5 Mar 94")
    assert ("ZARYA RADIO", "basedIn", "Moscow") in facts, facts
    _, facts = extract("Paris Radio Lumiere in Arabic 1700 GMT 7 Apr 94")
    assert ("Radio Lumiere", "basedIn", "Paris") in facts, facts
    assert not {f for f in facts if f[2] in ("Saudi Arabia", "Arabic")}, facts  # a language is no place


def test_a_title_case_headline_is_no_source_line(extract):
    _, facts = extract("London Stocks Fall As Oil Rises")
    assert not {f for f in facts if f[1] == "basedIn"}, facts


def test_a_surname_described_as_a_person_is_a_person(extract):
    g, facts = extract("Varga, a senior Interior Ministry official, has not repeated these views in public.")
    assert ("Varga", "worksFor", "Interior Ministry") in facts, facts  # the apposition is not negated
    assert {e.cls for e in g.entities.values() if e.name == "Varga"} == {"Person"}


def test_a_former_before_an_organisation_makes_no_person(extract):
    g, _ = extract("Kallas, 53, a former Riverton University law professor, took the bench in 1982.")
    classes = {e.name: e.cls for e in g.entities.values()}
    assert classes.get("Riverton University") != "Person", classes


def test_a_name_ending_in_college_is_no_person(extract):
    g, facts = extract("Born in Riverton, Kallas came to Ruritania at age 17 to enter Oberlin College, where he studied art.")
    classes = {e.name: e.cls for e in g.entities.values()}
    assert classes.get("Oberlin College") in (None, "Organization"), classes
    assert not {f for f in facts if f[0] == "Oberlin College" and f[1] == "livesIn"}, facts


def test_a_person_at_a_named_institute_works_there(extract):
    _, facts = extract("In the field of mechanics, Anna Kowalska at the Institute of Mechanics has made headway.")
    assert ("Anna Kowalska", "worksFor", "Institute of Mechanics") in facts, facts
