"""The office-holder table (ontologies/offices/holders.jsonl): validated on load, read by date."""

from __future__ import annotations

import pytest

from kg.errors import DataFileError
from kg.resources import load_resources
from kg.resources.offices import offices_from_rows

COUNTRIES = frozenset({"country/fra", "country/deu"})
ROW = {"name": "Ana Lind", "surname": "Lind", "aliases": ["Ana B. Lind"], "country": "country/fra",
       "titles": ["president"], "start": "2001-05-01", "end": "2006-05-01", "wikidata": None}


def table(*rows):
    return offices_from_rows([(f"row {n}", r) for n, r in enumerate(rows, 1)], COUNTRIES)


@pytest.mark.parametrize("bad, says", [
    ({"country": "country/xxx"}, "unknown country"),
    ({"start": "2001-5-1"}, "YYYY-MM-DD"),
    ({"end": "2000-01-01"}, "start <= end"),
    ({"titles": ["President"]}, "lower-case"),
    ({"titles": []}, "non-empty"),
    ({"aliases": "Ana B. Lind"}, "list of names"),
    ({"office": "x"}, "needs the keys"),
    ({"property": "memberOf"}, "property must be one of"),
])
def test_a_bad_row_is_an_error_naming_it(bad, says):
    with pytest.raises(DataFileError, match=says) as err:
        table({**ROW, **bad})
    assert "row 1" in str(err.value)


def test_a_full_name_or_alias_matches_with_or_without_a_date():
    t = table(ROW)
    for name in ("Ana Lind", "Ana B. Lind", "ANA LIND"):
        assert [h.country for h in t.holders(name, "president", None)] == ["country/fra"]
    assert t.holders("Ana Lind", "prime minister", None) == ()


def test_a_surname_needs_a_date_inside_the_term_or_former_after_it():
    t = table(ROW)
    assert t.holders("Lind", "president", None) == ()
    assert len(t.holders("Lind", "president", "2003-01-01")) == 1
    assert t.holders("Lind", "president", "2006-05-01") == ()  # the end day belongs to the successor
    assert len(t.holders("Lind", "president", "2010-01-01", former=True)) == 1


def test_a_surname_two_holders_share_at_one_date_matches_neither():
    t = table(ROW, {**ROW, "name": "Bo Lind", "aliases": [], "country": "country/deu"})
    assert t.holders("Lind", "president", "2003-01-01") == ()


def test_the_shipped_table_loads_and_knows_heads_of_the_big_countries():
    offices = load_resources().offices
    assert [h.country for h in offices.holders("Barack Obama", "president", "2014-05-01")] == ["country/usa"]
    assert [h.country for h in offices.holders("Merkel", "chancellor", "2010-01-01")] == ["country/deu"]
