"""Place, home and appointment rules (kg/extract/relations.py) on real parses of sentences written
for the test: each checks one reading the rules add, and, where it matters, one they must not."""

from __future__ import annotations


def test_a_place_described_as_a_town_in_another_is_located_there(extract):
    _, facts = extract("Lowmark, a small resort town in central Idaho, burned on Tuesday.")
    assert ("Lowmark", "locatedIn", "Idaho") in facts, facts


def test_a_country_described_as_an_island_nation_in_an_ocean_is_located_there(extract):
    _, facts = extract("Aid went to Madagascar, an island nation in the Indian Ocean, last year.")
    assert ("Madagascar", "locatedIn", "Indian Ocean") in facts, facts


def test_a_direction_between_a_town_and_its_country_is_skipped(extract):
    _, facts = extract("Anna Berg, the mayor of Tarvik, south-east Algeria, was killed on Wednesday.")
    assert ("Tarvik", "locatedIn", "Algeria") in facts, facts


def test_a_home_in_a_town_is_where_its_owner_lives(extract):
    _, facts = extract("Tomas Lindqvist, a professor of law, died Monday night at his home in Larchmont.")
    assert ("Tomas Lindqvist", "livesIn", "Larchmont") in facts, facts


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
