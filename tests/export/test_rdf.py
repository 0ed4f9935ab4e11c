"""RDF export against a golden file (graph isomorphism), IRI minting, NetworkX derivation."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.export.networkx import graphml_bytes, to_networkx
from kg.export.rdf import DEFAULT_BASE, entity_iri, mint_iri, to_rdf
from kg.model import DocResult, Document, Entity, Evidence, KnowledgeGraph, Relation

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "golden" / "small.ttl"
SENT = "Ruritania and Freedonia signed a pact, Minister Ana Lind said."


def small_graph(res) -> KnowledgeGraph:
    g = KnowledgeGraph(symmetric=res.ontology.symmetric)
    ents = [
        Entity("country/rur", "Country", "Ruritania", {"Ruritanian"}, 2, {"d1"}, "Q1"),
        Entity("country/fre", "Country", "Freedonia", set(), 1, {"d1"}),
        Entity("person/ana-lind", "Person", "Ana Lind", {"Lind"}, 2, {"d1"}, job_titles={"Minister"}),
    ]
    ev = Evidence("d1", SENT, 0, len(SENT), "collective", 0.7)
    hedged = Evidence("d1", SENT, 0, len(SENT), "verb-svo", 0.5, "hedged")
    rels = [Relation("country/rur", "agreedWith", "country/fre", ev),
            Relation("person/ana-lind", "worksFor", "country/rur", Evidence("d1", SENT, 0, len(SENT), "role-title", 0.8)),
            Relation("country/fre", "attacked", "country/rur", hedged)]
    g.add(DocResult(Document("d1", SENT, title="A pact", date="2024-05-01", url="https://example.com/d1"), ents, rels))
    return g


def test_export_matches_golden_turtle(res):
    got = to_rdf(small_graph(res), resources=res)
    expected = rdflib.Graph().parse(GOLDEN)
    if not isomorphic(got, expected):
        _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        pytest.fail("export differs from golden file\nonly in export:\n"
                    + only_got.serialize(format="nt") + "\nonly in golden:\n" + only_expected.serialize(format="nt"))


def test_symmetric_fact_is_stored_once_and_exported_both_ways(res):
    g = small_graph(res)
    assert [f for f in g.facts if f[1] == "agreedWith"] == [("country/fre", "agreedWith", "country/rur")]
    rdf = to_rdf(g, resources=res)
    kg = rdflib.Namespace("https://w3id.org/newskg/ontology#")
    a, b = entity_iri(DEFAULT_BASE, "country/rur"), entity_iri(DEFAULT_BASE, "country/fre")
    assert (a, kg.agreedWith, b) in rdf and (b, kg.agreedWith, a) in rdf


def test_hedged_fact_has_statement_but_no_plain_triple(res):
    rdf = to_rdf(small_graph(res), resources=res)
    kg = rdflib.Namespace("https://w3id.org/newskg/ontology#")
    assert not list(rdf.triples((None, kg.attacked, None)))
    assert list(rdf.triples((None, rdflib.RDF.predicate, kg.attacked)))


def test_mint_iri_is_stable_readable_and_injective():
    assert str(mint_iri(DEFAULT_BASE, "country", "usa")) == DEFAULT_BASE + "country/usa"
    assert str(mint_iri(DEFAULT_BASE, "person", "ana-lind")) == DEFAULT_BASE + "person/ana-lind"
    a, b = mint_iri(DEFAULT_BASE, "org", "a b"), mint_iri(DEFAULT_BASE, "org", "a-b")
    assert a != b and a == mint_iri(DEFAULT_BASE, "org", "a b")
    weird = mint_iri(DEFAULT_BASE, "org", "<img src=x> \"q\" \n")
    assert rdflib.Graph().parse(data=f"<{weird}> <{weird}> <{weird}> .", format="nt")


def test_bad_base_is_rejected():
    with pytest.raises(ValueError, match="--base"):
        mint_iri("no base", "x", "y")


def test_networkx_is_derived_from_the_same_model(res):
    g = small_graph(res)
    nxg = to_networkx(g)
    assert nxg.number_of_nodes() == 3
    edges = {(d["property"], d["modality"]) for _, _, d in nxg.edges(data=True)}
    assert edges == {("agreedWith", "asserted"), ("worksFor", "asserted"), ("attacked", "hedged")}
    node = nxg.nodes[str(entity_iri(DEFAULT_BASE, "person/ana-lind"))]
    assert node["label"] == "Ana Lind" and node["job_titles"] == "Minister"
    assert b"<graphml" in graphml_bytes(nxg)


def test_oxigraph_terms_give_the_same_rdf_as_rdflib_terms(seed_graph, res):
    from kg.export.formats import to_ox_term
    from kg.export.rdf import RDFLIB_TERMS, iter_triples, oxigraph_terms

    via_rdflib = [tuple(map(to_ox_term, t)) for t in iter_triples(seed_graph, resources=res)]
    direct = list(iter_triples(seed_graph, resources=res, terms=oxigraph_terms()))
    assert via_rdflib == direct and len(direct) > 100
    ox_terms = oxigraph_terms()
    for value in (0.30000000000000004, 1.0, 0.0, 1e-7, 0.85):
        assert to_ox_term(RDFLIB_TERMS.decimal(value)) == ox_terms.decimal(value)
    for value in (0, 7, 10**12):
        assert to_ox_term(RDFLIB_TERMS.integer(value)) == ox_terms.integer(value)
    assert to_ox_term(RDFLIB_TERMS.anyuri("https://x.org/a b")) == ox_terms.anyuri("https://x.org/a b")
