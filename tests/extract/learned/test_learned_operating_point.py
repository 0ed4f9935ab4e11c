"""The learned classifier's operating point: per-label path limits, and which learned relations are
added to the rules' ones (``beyond_rules``).  Plus the general rules added with them, on real
pipeline sentences written for these tests."""

from __future__ import annotations

import dataclasses

import pytest

from kg.errors import DataFileError
from kg.extract.learned import beyond_rules, load_model, parse_model
from kg.model import Evidence, Relation


def _rel(s, p, o, rule="r"):
    return Relation(s, p, o, Evidence("d", "s.", 0, 2, rule, 0.8))


def test_beyond_rules_drops_pairs_the_rules_relate_in_either_direction():
    rules = [_rel("person/a", "leaderOf", "country/x")]
    learned = [_rel("person/a", "livesIn", "country/x", "learned"),
               _rel("country/x", "locatedIn", "person/a", "learned"),
               _rel("person/a", "livesIn", "city/y", "learned")]
    kept = beyond_rules(learned, rules)
    assert [(r.subject, r.predicate, r.object) for r in kept] == [("person/a", "livesIn", "city/y")]


def test_beyond_rules_keeps_a_property_the_rule_entails():
    rules = [_rel("person/a", "leaderOf", "org/b")]
    kept = beyond_rules([_rel("person/a", "worksFor", "org/b", "learned")], rules)
    assert len(kept) == 1
    # but not when the rules read something else too, nor a duplicate of a rule fact
    rules.append(_rel("org/b", "basedIn", "person/a"))
    assert beyond_rules([_rel("person/a", "worksFor", "org/b", "learned")], rules) == []
    assert beyond_rules([_rel("person/a", "leaderOf", "org/b", "learned")], rules[:1]) == []


def test_beyond_rules_gives_no_second_head_to_a_leader_the_rules_know():
    rules = [_rel("person/a", "leaderOf", "country/x")]
    learned = [_rel("person/a", "leaderOf", "country/y", "learned"), _rel("person/b", "leaderOf", "country/y", "learned")]
    kept = beyond_rules(learned, rules)
    assert [(r.subject, r.object) for r in kept] == [("person/b", "country/y")]


def test_beyond_rules_gives_no_second_head_to_what_the_rules_give_a_head_in_that_sentence():
    rules = [_rel("person/a", "leaderOf", "country/x")]
    learned = [_rel("person/b", "leaderOf", "country/x", "learned")]
    assert beyond_rules(learned, rules) == []
    elsewhere = [Relation("person/b", "leaderOf", "country/x", Evidence("d", "t.", 40, 42, "learned", 0.8))]
    assert len(beyond_rules(elsewhere, rules)) == 1  # another sentence: another post (a premier, a president)


def test_who_the_classifier_may_make_a_head():
    from kg.extract.learned.guards import may_head
    from kg.model import Entity
    from kg.resources import load_resources

    res = load_resources()
    # a lone untitled word taken for a person heads nothing, unless the office table knows the surname
    assert not may_head(Entity("person/ladakh", "Person", "Ladakh"), "org/x", "Organization", res)
    assert may_head(Entity("person/lind", "Person", "Lind", job_titles={"director"}), "org/x", "Organization", res)
    assert may_head(Entity("person/lind", "Person", "Lind", {"Director Lind"}), "org/x", "Organization", res)
    assert may_head(Entity("person/blair", "Person", "Blair"), "country/gbr", "Country", res)
    # a state's head needs a head's title in the text or the office table
    assert not may_head(Entity("person/ana-lind", "Person", "Ana Lind"), "country/fra", "Country", res)
    assert not may_head(Entity("person/ana-lind", "Person", "Ana Lind", job_titles={"immigration minister"}),
                        "country/fra", "Country", res)
    assert may_head(Entity("person/ana-lind", "Person", "Ana Lind", {"President Ana Lind"}), "country/fra", "Country", res)
    assert may_head(Entity("person/ana-lind", "Person", "Ana Lind", job_titles={"prime minister"}),
                    "country/fra", "Country", res)
    assert may_head(Entity("person/ana-lind", "Person", "Ana Lind"), "org/acme", "Organization", res)
    # a region's too; a title that names the body it heads is that body's ("Labour leader")
    assert not may_head(Entity("person/ana-lind", "Person", "Ana Lind", job_titles={"health minister"}),
                        "region/gb-wales", "Place", res)
    assert may_head(Entity("person/ana-lind", "Person", "Ana Lind", {"Welsh First Minister Ana Lind"}),
                    "region/gb-wales", "Place", res)
    assert not may_head(Entity("person/ana-lind", "Person", "Ana Lind", job_titles={"scottish conservative party leader"}),
                        "region/gb-scotland", "Place", res)
    # a deputy's title is its own role, not its head word's ("Deputy Mayor Ana Lind" heads no city)
    assert not may_head(Entity("person/ana-lind", "Person", "Ana Lind", {"Deputy Mayor Ana Lind"}),
                        "city/riverton", "City", res)
    assert may_head(Entity("person/ana-lind", "Person", "Ana Lind", {"Mayor Ana Lind"}), "city/riverton", "City", res)


def test_path_limit_per_label():
    model = dataclasses.replace(load_model(), max_path=3, max_path_by_label={"killed": None, "livesIn": 2})
    assert model.path_limit("killed") is None
    assert model.path_limit("livesIn") == 2
    assert model.path_limit("basedIn") == 3


def _minimal(**extra):
    data = {"format": "newskg-relation-model", "version": 1, "labels": ["NONE", "killed"],
            "bias": [0.0, 0.0], "weights": {}, "temperature": 1.0, "thresholds": {"killed": 0.5}}
    data.update(extra)
    return data


def test_parse_model_reads_and_checks_path_limits():
    assert parse_model(_minimal(max_path_by_label={"killed": None})).path_limit("killed") is None
    assert parse_model(_minimal(max_path=3)).path_limit("killed") == 3
    for bad in ({"killed": 0}, {"worksFor": 2}, {"killed": "long"}, ["killed"]):
        with pytest.raises(DataFileError):
            parse_model(_minimal(max_path_by_label=bad))


def test_shipped_operating_point_is_consistent():
    model = load_model()
    assert set(model.max_path_by_label) <= set(model.labels)
    assert all(0.0 < t < 1.0 for t in model.thresholds.values())


# -- rules added with this change (kg/extract/relations.py) ------------------------------------
@pytest.mark.parametrize("text, fact", [
    ("Peter Grant, who was shot by Thomas Wilson in 2001, survived.", ("Thomas Wilson", "killed", "Peter Grant")),
    ("Roger Miles of the World Bank said growth would slow.", ("Roger Miles", "worksFor", "World Bank")),
    ("Hanover Trust Co. of Boston said it would appeal.", ("Hanover Trust Co.", "basedIn", "Boston")),
    ("Vantex, a Chicago construction firm, won the contract.", ("Vantex", "basedIn", "Chicago")),
    ("Russian billionaire Roman Abramovich bought the club.", ("Roman Abramovich", "livesIn", "Russia")),
    ("The killing of Ana Lind by Tomas Berg shocked the town.", ("Tomas Berg", "killed", "Ana Lind")),
    ("The bus stops in Dover, where Maria Lopez was born, before noon.", ("Maria Lopez", "livesIn", "Dover")),
    ("Reporters gathered outside Hillary Clinton's New York home.", ("Hillary Clinton", "livesIn", "New York City")),
    ("Maria Lopez returned to her hometown of Seville.", ("Maria Lopez", "livesIn", "Seville")),
    ("Iraq's capital, Baghdad, was quiet on Friday.", ("Baghdad", "locatedIn", "Iraq")),
])
def test_general_rules(extract, text, fact):
    _, facts = extract(text)
    assert fact in facts


def test_a_former_occupation_says_nothing_and_a_hyphen_is_no_base(extract):
    _, facts = extract("Former Russian billionaire Roman Abramovich bought the club.")
    assert not any(p == "livesIn" for _, p, _ in facts)
    _, facts = extract("Vantex, a Chicago-backed construction firm, won the contract.")
    assert ("Vantex", "basedIn", "Chicago") not in facts


def test_a_relative_clause_keeps_its_own_modality(extract):
    """The modal of the main clause ("will travel") does not hedge what the relative clause says."""
    g, facts = extract("Hillary Clinton, who visited Japan last week, will travel to China.")
    assert ("Hillary Clinton", "visited", "Japan") in facts
    assert ("Hillary Clinton", "visited", "China") not in facts  # planned: hedged
    assert ("Hillary Clinton", "visited", "China") in _named(g, "hedged")


def _named(g, modality):
    from helpers import named_facts

    return named_facts(g, modality)


def test_learned_post_after_a_past_marker_is_former(nlp, res):
    from kg.extract.learned import learned_relations
    from kg.extract.mentions.find import extract_mentions
    from kg.extract.resolve.document import resolve

    eager = dataclasses.replace(load_model(), thresholds={"worksFor": 0.0}, max_path_by_label={"worksFor": None})

    def works_for(text):
        doc = nlp(text)
        mentions = extract_mentions(doc, res)
        resolution = resolve(doc, mentions, res, "t")
        return [r for r in learned_relations(doc, mentions, resolution, res, "t", model=eager)
                if r.predicate == "worksFor"]

    assert [r.evidence.role_status for r in works_for("Acme Bank economist John Smith said rates would rise.")] \
        == ["current"]
    # a former post is kept with its status, never as a current one (docs/time.md)
    assert [r.evidence.role_status for r in works_for("Former Acme Bank economist John Smith said rates would rise.")] \
        == ["former"]


def test_beyond_rules_gives_no_state_a_head_the_office_table_contradicts():
    from kg.resources.offices import offices_from_rows

    table = offices_from_rows([("x", {"name": "Ana Lind", "surname": "Lind", "country": "country/fra",
                                      "titles": ["president"], "start": "2001-05-01", "end": "2006-05-01"})],
                              frozenset({"country/fra", "country/deu"}))
    learned = [_rel("person/lind", "leaderOf", "country/deu", "learned"),  # the table: head of France only
               _rel("person/holm", "leaderOf", "country/fra", "learned"),  # France's head that day is Lind
               _rel("person/lind", "leaderOf", "org/acme", "learned"),  # not a state: the table says nothing
               _rel("person/berg", "leaderOf", "country/deu", "learned")]  # unknown to the table: kept
    classes = {"country/deu": "Country", "country/fra": "Country", "org/acme": "Organization"}
    names = {"person/lind": "Lind", "person/holm": "Tom Holm", "person/berg": "Eva Berg"}
    kept = beyond_rules(learned, [], classes, names=names, offices=table, date="2003-01-01")
    assert [(r.subject, r.object) for r in kept] == [("person/lind", "org/acme"), ("person/berg", "country/deu")]
