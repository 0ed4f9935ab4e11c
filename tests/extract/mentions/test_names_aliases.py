"""Written forms kept as aliases (kg/resolve.py ``_surface_aliases``): a person's name with the
title of address written before it, and "Town, Region".  The canonical name stays title-less and
the town and the region stay two entities.  Real pipeline, sentences written for these tests.
Here: the RDF export of aliases, two documents, and the merge of a name in capitals; the single-text
cases are in ``tests/cases/aliases.toml``, run by ``tests/extract/test_regressions.py``."""

from __future__ import annotations

import rdflib
from rdflib.namespace import SKOS

from kg.builder import build
from kg.model import Document


def _entities(nlp, res, *texts):
    g = build([Document(f"d{n}", t) for n, t in enumerate(texts)], nlp=nlp, resources=res)
    return g, {e.name: e for e in g.entities.values()}


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
