"""Mention spans (kg/extract/mentions.py): a name followed by an age is a person whatever the NER
says, and a bracket left open at the end of an NER span is not part of the name.  The NER labels are
set by hand on real parses, so the tests do not depend on the statistical model's guesses."""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract.mentions import extract_mentions


def _with_ents(nlp, text, spans):
    doc = nlp(text)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in spans]
    return doc


def test_a_name_and_an_age_is_a_person(nlp, res):
    doc = _with_ents(nlp, "Marta Kowalczyk Brennan, 44, of Dover was hurt.", [(0, 3, "ORG"), (7, 8, "GPE")])
    got = {m.text: m.cls for m in extract_mentions(doc, res)}
    assert got["Marta Kowalczyk Brennan"] == "Person"


def test_an_organisation_without_an_age_stays_one(nlp, res):
    doc = _with_ents(nlp, "Vantex Steel Works, a local firm, was fined.", [(0, 3, "ORG")])
    got = {m.text: m.cls for m in extract_mentions(doc, res)}
    assert got["Vantex Steel Works"] == "Organization"


def test_an_open_bracket_ends_the_name(nlp, res):
    doc = _with_ents(nlp, "The Union of Free Farmers (UFF said no.", [(1, 7, "ORG")])
    names = [m.text for m in extract_mentions(doc, res)]
    assert "Union of Free Farmers" in names
    assert not any("(" in n for n in names)
