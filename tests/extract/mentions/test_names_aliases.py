"""Written forms kept as aliases (kg/resolve.py ``_surface_aliases``): a person's name with the
title of address written before it, and "Town, Region".  The canonical name stays title-less and
the town and the region stay two entities.  Real pipeline, sentences written for these tests."""

from __future__ import annotations

import rdflib
from rdflib.namespace import SKOS

from kg.model import Document
from kg.builder import build


def _entities(nlp, res, *texts):
    g = build([Document(f"d{n}", t) for n, t in enumerate(texts)], nlp=nlp, resources=res)
    return g, {e.name: e for e in g.entities.values()}


def test_title_of_address_is_an_alias_not_the_name(nlp, res):
    _, ents = _entities(nlp, res, "Sen. Robert Hale criticized the plan on Tuesday.")
    hale = ents["Robert Hale"]
    assert hale.cls == "Person"
    assert "Sen. Robert Hale" in hale.aliases


def test_affiliation_before_the_title_gives_a_second_form(nlp, res):
    _, ents = _entities(nlp, res, "U.S. Sen. Robert Hale voted no.")
    assert {"Sen. Robert Hale", "U.S. Sen. Robert Hale"} <= ents["Robert Hale"].aliases


def test_the_rev(nlp, res):
    _, ents = _entities(nlp, res, "The Rev. Jesse Jackson spoke in Chicago.")
    assert "Rev. Jesse Jackson" in ents["Jesse Jackson"].aliases


def test_job_descriptions_are_not_forms_of_address(nlp, res):
    _, ents = _entities(nlp, res, "Defense Secretary Lloyd Austin visited Seoul on Monday.")
    assert not any("Secretary" in a for a in ents["Lloyd Austin"].aliases)


def test_town_region_form_is_an_alias_of_the_town(nlp, res):
    g, ents = _entities(nlp, res, "The old church stands in Springfield, Mass., near the river.")
    town, state = ents["Springfield"], ents["Massachusetts"]  # "Mass." is a gazetteer alias of the state
    assert state.key == "region/us-ma" and state.cls == "Place"
    assert "Springfield, Mass." in town.aliases
    assert not any("Springfield" in a for a in state.aliases)  # the region keeps its own names only
    assert (town.key, "locatedIn", state.key) in g.facts  # still two entities and the fact


def test_a_list_of_places_is_no_town_region_form(nlp, res):
    _, ents = _entities(nlp, res, "The tour visits Paris, Lyon, Marseille and Nice.")
    assert not any("," in a for e in ents.values() for a in e.aliases)


def test_aliases_are_exported_as_alt_labels(nlp, res):
    from kg.export.rdf import to_rdf

    g, ents = _entities(nlp, res, "Sen. Robert Hale criticized the plan on Tuesday.")
    rdf = to_rdf(g, resources=res)
    alts = {str(o) for o in rdf.objects(None, SKOS.altLabel)}
    labels = {str(o) for o in rdf.objects(None, rdflib.RDFS.label)}
    assert "Sen. Robert Hale" in alts
    assert "Robert Hale" in labels and "Sen. Robert Hale" not in labels


def test_aliases_do_not_merge_entities_across_documents(nlp, res):
    """Two documents name two different people with the same title and surname; the titled forms
    are only aliases, so the people stay apart."""
    g, _ = _entities(nlp, res, "Sen. Robert Hale criticized the plan on Tuesday.",
                     "Sen. Maria Hale praised the plan on Wednesday.")
    persons = sorted(e.name for e in g.entities.values() if e.cls == "Person")
    assert persons == ["Maria Hale", "Robert Hale"]


def test_a_name_in_capitals_yields_to_its_normal_spelling_across_documents():
    from kg.model import Entity

    e = Entity(key="person/peter-holm", cls="Person", name="PETER Holm", docs={"d1"})
    e.merge(Entity(key="person/peter-holm", cls="Person", name="Peter Holm", docs={"d2"}))
    assert e.name == "Peter Holm" and "PETER Holm" in e.aliases
    e.merge(Entity(key="person/peter-holm", cls="Person", name="PETER Holm", docs={"d3"}))
    assert e.name == "Peter Holm"
