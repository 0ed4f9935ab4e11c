"""Mention spans (kg/extract/mentions.py): a name followed by an age is a person whatever the NER
says, and a bracket left open at the end of an NER span is not part of the name.  The NER labels are
set by hand on real parses, so the tests do not depend on the statistical model's guesses.  Name
checks on whole texts through the real pipeline are cases of ``tests/cases/names.toml``, run by
``tests/extract/test_regressions.py``."""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract.mentions.find import extract_mentions


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


def test_a_company_of_a_place_is_two_names(nlp, res):
    doc = _with_ents(nlp, "Osprey Valve Corp. of Millbrook said it would hire.", [(0, 5, "ORG")])
    got = {m.text: m.cls for m in extract_mentions(doc, res)}
    assert got == {"Osprey Valve Corp.": "Organization", "Millbrook": "Place"}


def test_an_acronym_glossed_in_brackets_joins_its_long_form(nlp, res):
    # the letters differ (a name translated from another language): the head word "Party" decides
    doc = _with_ents(nlp, "Tomas Lindqvist, a leader of the FPU (Free Peasants Party), spoke.",
                     [(0, 2, "PERSON"), (7, 8, "ORG")])
    ms = {m.text: m for m in extract_mentions(doc, res)}
    assert ms["FPU"].acronym_of is not None
    assert ms["Free Peasants Party"].cls == ms["FPU"].cls == "Group"


def test_an_acronym_of_a_gazetteer_name_is_the_gazetteer_entity(nlp, res):
    doc = _with_ents(nlp, "The United States of America (USA) and Ruritania signed.", [(0, 5, "GPE")])
    ms = {m.text: m for m in extract_mentions(doc, res)}
    assert ms["United States of America"].gaz_id == ms["USA"].gaz_id == "country/usa"


def test_a_list_of_names_is_not_a_headline(nlp, res):
    doc = _with_ents(nlp, "Harbor Reserve Center, Millbrook, Kan.;", [(0, 3, "ORG"), (4, 5, "GPE"), (6, 7, "GPE")])
    names = {m.text for m in extract_mentions(doc, res)}
    assert {"Harbor Reserve Center", "Millbrook"} <= names


def test_a_bare_title_word_the_ner_calls_a_person_is_a_surname(nlp, res):
    doc = _with_ents(nlp, "Officials said Mr. Vance was shot by Nolan, who killed King.",
                     [(3, 4, "PERSON"), (7, 8, "PERSON"), (11, 12, "PERSON")])
    assert "King" in {m.text for m in extract_mentions(doc, res)}


def test_a_party_named_with_title_words_is_kept(nlp, res):
    doc = _with_ents(nlp, "The funds went to the Labor Party.", [(4, 7, "ORG")])
    assert "Labor Party" in {m.text for m in extract_mentions(doc, res)}


def test_an_occupation_before_a_name_is_not_part_of_it(nlp, res):
    doc = _with_ents(nlp, "Composer Anders Holm was born in Millbrook.", [(0, 3, "PERSON"), (6, 7, "GPE")])
    assert "Anders Holm" in {m.text for m in extract_mentions(doc, res)}


def test_a_city_as_a_first_name_is_part_of_a_persons_name(nlp, res):
    doc = _with_ents(nlp, "In 1783, Boston Irwin, author of a book, was born in Ohio.",
                     [(1, 2, "DATE"), (3, 5, "PERSON"), (14, 15, "GPE")])
    got = {m.text: m.cls for m in extract_mentions(doc, res)}
    assert got.get("Boston Irwin") == "Person" and "Boston" not in got, got


def test_a_city_before_a_title_stays_the_city(nlp, res):
    doc = _with_ents(nlp, "Boston Mayor Paul Lind said the rules were new.", [(0, 4, "PERSON")])
    got = {m.text: m.cls for m in extract_mentions(doc, res)}
    assert got.get("Boston") == "City", got


def test_a_title_after_a_body_pattern_is_not_part_of_its_name(nlp, res):
    doc = _with_ents(nlp, "Department of Public Utilities Chairman Paul Lind said the rules were new.",
                     [(5, 7, "PERSON")])
    got = {m.text for m in extract_mentions(doc, res)}
    assert {"Department of Public Utilities", "Paul Lind"} <= got, got


def test_a_plural_common_noun_starting_a_sentence_is_no_name(nlp, res):
    doc = _with_ents(nlp, "Kidnappers in Iraq seize a contractor.", [(0, 1, "ORG"), (2, 3, "GPE")])
    assert "Kidnappers" not in {m.text for m in extract_mentions(doc, res)}


def test_an_all_capitals_dateline_finds_a_gazetteer_name_in_any_case(nlp, res):
    doc = nlp("PORT-AU-PRINCE, Haiti - Supporters of the president took to the streets.")
    ms = [m for m in extract_mentions(doc, res) if m.gaz_id == "city/port-au-prince-hti"]
    assert ms, extract_mentions(doc, res)


def test_a_day_the_ner_ran_on_into_is_no_part_of_the_name(nlp, res):
    doc = _with_ents(nlp, "Ruritania's Ana Lind called President Bo Berg Sunday to thank him.",
                     [(0, 1, "GPE"), (2, 4, "PERSON"), (6, 9, "PERSON")])
    got = {m.text for m in extract_mentions(doc, res)}
    assert "Bo Berg" in got and "Bo Berg Sunday" not in got


def test_another_persons_name_after_of_is_no_part_of_the_name(nlp, res):
    doc = _with_ents(nlp, "Bo Berg met Cy Dorn. They praised each other, especially Berg of Dorn.",
                     [(0, 2, "PERSON"), (3, 5, "PERSON"), (12, 15, "PERSON")])
    got = {m.text for m in extract_mentions(doc, res)}
    assert "Berg of Dorn" not in got and "Berg" in got


def test_what_a_person_owns_is_no_part_of_the_name(nlp, res):
    doc = _with_ents(nlp, "His rival, Bo Berg’s Unity Party, would win.", [(3, 7, "PERSON")])
    got = {m.text for m in extract_mentions(doc, res)}
    assert "Bo Berg" in got and not any("Unity" in t and "Berg" in t for t in got)


def test_a_person_span_that_ends_in_a_known_body_is_the_body(nlp, res):
    """"the Trump White House": a body named after its head, not a person called "X White House"."""
    doc = _with_ents(nlp, "The Lind White House backed the bill.", [(1, 4, "PERSON")])
    got = {m.text: m.cls for m in extract_mentions(doc, res)}
    assert got.get("White House") == "GovernmentBody" and "Lind White House" not in got


def test_a_capitalised_noun_after_the_is_no_person(nlp, res):
    """"the Bill was passed": the NER's one-word person after "the" is a common noun; "the Lind
    proposal" keeps its name."""
    doc = _with_ents(nlp, "Critics said the Bill was unnecessary.", [(3, 4, "PERSON")])
    assert "Bill" not in {m.text for m in extract_mentions(doc, res)}
    doc = _with_ents(nlp, "Critics said the Lind proposal was dead.", [(3, 4, "PERSON")])
    assert "Lind" in {m.text for m in extract_mentions(doc, res)}
