"""Per-document typing on hand-built parses: a one-word name the text titles is a person throughout."""

from __future__ import annotations

from handdoc import hand_doc

from kg.extract import extract_document
from kg.model import Document

PARSE = """
 0 President  1  compound PROPN _ NNP
 1 Roe        2  nsubj    PROPN _ NNP
 2 spoke      2  ROOT     VERB  speak VBD
 3 .          2  punct    PUNCT _ .
 4 The        6  det      DET   _ DT
 5 Roe        6  compound PROPN _ NNP
 6 administration 7 nsubj NOUN  _ NN
 7 acted      7  ROOT     VERB  act VBD
 8 .          7  punct    PUNCT _ .
 9 Roe        10 nsubj    PROPN _ NNP
10 left       10 ROOT     VERB  leave VBD
11 .          10 punct    PUNCT _ .
"""


def entities(res, ents, parse=PARSE):
    doc = hand_doc(parse, ents)
    result = extract_document(Document("t", doc.text), doc, res)
    return {(e.name, e.cls) for e in result.entities}


def test_a_titled_name_is_a_person_where_the_ner_says_organisation(res):
    got = entities(res, (("Roe", "PERSON", 1), ("Roe", "ORG", 2), ("Roe", "ORG", 3)))
    assert got == {("Roe", "Person")}


def test_without_a_title_the_organisation_reading_stays(res):
    parse_ents = (("Roe", "ORG", 2), ("Roe", "ORG", 3))
    assert ("Roe", "Organization") in entities(res, parse_ents)


def test_a_name_the_ner_reads_as_a_person_twice_is_a_person_once_read_as_a_place(res):
    untitled = PARSE.replace(" 0 President  1  compound PROPN _ NNP", " 0 Later  2  advmod ADV _ RB")
    got = entities(res, (("Roe", "PERSON", 1), ("Roe", "GPE", 2), ("Roe", "PERSON", 3)), untitled)
    assert got == {("Roe", "Person")}
    assert ("Roe", "Place") in entities(res, (("Roe", "PERSON", 1), ("Roe", "GPE", 2), ("Roe", "GPE", 3)), untitled)
