"""Place, home and appointment rules (kg/extract/relations.py) on real parses of sentences written
for the test: each checks one reading the rules add, and, where it matters, one they must not."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, fact", [
    # a place described as a town in another
    ("Lowmark, a small resort town in central Idaho, burned on Tuesday.", ("Lowmark", "locatedIn", "Idaho")),
    # a country described as an island nation in an ocean
    ("Aid went to Madagascar, an island nation in the Indian Ocean, last year.",
     ("Madagascar", "locatedIn", "Indian Ocean")),
    # a direction between a town and its country is skipped
    ("Anna Berg, the mayor of Tarvik, south-east Algeria, was killed on Wednesday.", ("Tarvik", "locatedIn", "Algeria")),
    # a home in a town is where its owner lives
    ("Tomas Lindqvist, a professor of law, died Monday night at his home in Larchmont.",
     ("Tomas Lindqvist", "livesIn", "Larchmont")),
])
def test_a_place_rule_reads_the_fact(extract, text, fact):
    _, facts = extract(text)
    assert fact in facts, facts


def test_an_appointment_gives_the_post(extract):
    _, facts = extract("The board named Anna Lind chief executive of Acme Corp. on Monday.")
    assert ("Anna Lind", "leaderOf", "Acme Corp.") in facts, facts
    assert ("Anna Lind", "worksFor", "Anna Lind") not in facts, facts


def test_being_made_to_do_something_is_no_post(extract):
    _, facts = extract("The court made Anna Lind pay the fine to Acme Corp. on Monday.")
    assert not {f for f in facts if f[1] in ("leaderOf", "worksFor")}, facts


def test_a_capital_the_text_calls_a_capital_is_the_city(extract):
    # "a report from <capital>" alone reads as the government; the apposition says it is the city
    _, facts = extract("The agency said in a report from Yerevan, the capital of Armenia, that six men died.")
    assert ("Yerevan", "locatedIn", "Armenia") in facts, facts


def test_a_chief_executive_of_a_territory_leads_it(extract):
    _, facts = extract("Hong Kong's Chief Executive Anna Lam said the city would recover.")
    assert ("Anna Lam", "leaderOf", "Hong Kong") in facts, facts
    assert ("Anna Lam", "livesIn", "Hong Kong") not in facts, facts
