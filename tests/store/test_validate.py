"""SHACL shapes and `kg validate`."""

from __future__ import annotations

from decimal import Decimal

import pytest
import rdflib
from rdflib import RDF, RDFS, Literal, Namespace
from typer.testing import CliRunner

from kg.export.rdf import DEFAULT_BASE, entity_iri, to_rdf
from kg.model import DocResult, Document, Entity, Evidence, KnowledgeGraph, Relation
from kg.store.validate import validate_graph

KG = Namespace("https://w3id.org/newskg/ontology#")
SENT = "Ruritania and Freedonia signed a pact, Minister Ana Lind said."
RUR = entity_iri(DEFAULT_BASE, "country/rur")
LIND = entity_iri(DEFAULT_BASE, "person/ana-lind")


def small(res) -> KnowledgeGraph:
    g = KnowledgeGraph(symmetric=res.ontology.symmetric)
    ents = [Entity("country/rur", "Country", "Ruritania", {"Ruritanian"}, 2, {"d1"}, "Q1"),
            Entity("country/fre", "Country", "Freedonia", set(), 1, {"d1"}),
            Entity("person/ana-lind", "Person", "Ana Lind", {"Lind"}, 2, {"d1"}, job_titles={"Minister"})]
    rels = [Relation("country/rur", "agreedWith", "country/fre", Evidence("d1", SENT, 0, len(SENT), "collective", 0.7)),
            Relation("person/ana-lind", "worksFor", "country/rur", Evidence("d1", SENT, 0, len(SENT), "role-title", 0.8)),
            Relation("country/fre", "attacked", "country/rur", Evidence("d1", SENT, 0, len(SENT), "verb-svo", 0.5, "hedged"))]
    g.add(DocResult(Document("d1", SENT, title="A pact"), ents, rels))
    return g


@pytest.fixture()
def good(res) -> rdflib.Graph:
    return to_rdf(small(res), resources=res)


@pytest.fixture(params=["pyshacl", "turbo", "split"])
def engine(request) -> str:
    """pyshacl is the reference; turbo (pyshacl-turbo, the default when installed) must match it."""
    if request.param != "pyshacl":
        pytest.importorskip("pyshacl_turbo")
    return request.param


def lines(report) -> list[str]:
    return [v.line() for v in report.violations]


def test_a_correct_graph_conforms(good, engine):
    report = validate_graph(good, engine=engine)
    assert report.conforms and lines(report) == []


def test_broken_graphs_fail_with_the_right_message(good, engine):
    g = good
    g.add((RUR, KG.worksFor, LIND))  # a country cannot work for anyone
    g.remove((LIND, RDFS.label, None))
    st = next(iter(g.subjects(KG.modality, Literal("hedged"))))
    g.set((st, KG.modality, Literal("maybe")))
    g.set((st, KG.confidence, Literal(Decimal("1.5"))))
    report = validate_graph(g, engine=engine)
    assert not report.conforms
    got = lines(report)
    ent = DEFAULT_BASE
    assert f"Violation: <{ent}country/rur> kg:worksFor: subject of kg:worksFor is not a kg:Person (the property's rdfs:domain) (value <{ent}person/ana-lind>)" in got
    assert f"Violation: <{ent}person/ana-lind> rdfs:label: an entity needs exactly one non-empty rdfs:label" in got
    assert any(line.endswith('kg:modality: kg:modality must be one of asserted, hedged, negated (value "maybe")') for line in got)
    assert any("kg:confidence: a statement needs exactly one kg:confidence, a decimal in [0, 1]" in line
               and '"1.5"^^xsd:decimal' in line for line in got)
    # nothing else (the range of worksFor may or may not admit a person, depending on the ontology)
    assert len([line for line in got if "rdfs:range" not in line]) == 4, got


def test_untyped_entity_and_foreign_class_are_caught(good, engine):
    g = good
    g.remove((LIND, RDF.type, None))
    g.add((RUR, RDF.type, rdflib.URIRef("https://schema.org/Country")))
    got = lines(validate_graph(g, engine=engine))
    assert any(line.startswith(f"Violation: <{DEFAULT_BASE}person/ana-lind> rdf:type: an entity needs exactly one rdf:type")
               for line in got)
    assert any(line.startswith(f"Violation: <{DEFAULT_BASE}country/rur> rdf:type:") for line in got)


def test_seed_build_output_conforms(seed_rdf):
    report = validate_graph(seed_rdf)
    assert report.conforms, "\n".join(lines(report))


def test_a_small_pipeline_build_conforms(nlp, res):
    from kg.builder import build

    g = build([Document("a1", "Germany is an ally of France. Germany deters Russia. Defence Minister Anna Berg "
                              "of Germany said the plan was ready. France may sanction Iran.")], nlp=nlp, resources=res)
    report = validate_graph(to_rdf(g, resources=res))
    assert report.conforms, "\n".join(lines(report))


def test_cli_validate(good, res, tmp_path):
    from kg.cli import app
    from kg.export.formats import serialize
    from kg.store.update import update_store

    ok = tmp_path / "ok.trig"
    ok.write_bytes(serialize(small(res), "trig", resources=res))
    runner = CliRunner()
    done = runner.invoke(app, ["validate", str(ok)])
    assert done.exit_code == 0 and "conforms to the newskg shapes" in done.stdout
    update_store(tmp_path / "store", small(res), resources=res)
    done = runner.invoke(app, ["validate", "--store", str(tmp_path / "store")])
    assert done.exit_code == 0, done.output
    good.remove((LIND, RDFS.label, None))
    bad = tmp_path / "bad.ttl"
    bad.write_text(good.serialize(format="turtle"))
    done = runner.invoke(app, ["validate", str(bad)])
    assert done.exit_code == 1
    assert done.stdout.splitlines() == [
        f"Violation: <{DEFAULT_BASE}person/ana-lind> rdfs:label: an entity needs exactly one non-empty rdfs:label"]
    done = runner.invoke(app, ["validate", str(tmp_path / "missing.ttl")])
    assert done.exit_code == 1 and "Error: no such RDF file" in done.output


def test_a_union_range_admits_its_members_only(good, engine):
    """kg:announced has an owl:unionOf range (organisations, groups, products, events, laws)."""
    pact = entity_iri(DEFAULT_BASE, "law/pact")
    good.add((pact, RDF.type, KG.Law))
    good.add((pact, RDFS.label, Literal("Pact")))
    good.add((pact, KG.mentionCount, Literal(1)))
    good.add((LIND, KG.announced, pact))
    assert validate_graph(good, engine=engine).conforms, lines(validate_graph(good, engine=engine))
    good.add((LIND, KG.announced, RUR))  # a country is not something announced
    got = lines(validate_graph(good, engine=engine))
    assert got == [f"Violation: <{DEFAULT_BASE}person/ana-lind> kg:announced: object of kg:announced is not a "
                   f"member of its owl:unionOf (the property's rdfs:range) (value <{DEFAULT_BASE}country/rur>)"], got


def _broken(good):
    """The graph with one break of every kind the shapes check (see benchmarks/validation.py)."""
    g = good
    g.add((RUR, KG.worksFor, LIND))
    g.remove((LIND, RDFS.label, None))
    st = next(iter(g.subjects(KG.modality, Literal("hedged"))))
    g.set((st, KG.modality, Literal("maybe")))
    g.set((st, KG.confidence, Literal(Decimal("1.5"))))
    g.add((RUR, RDF.type, KG.Person))
    g.set((RUR, KG.mentionCount, Literal("3")))
    g.add((RUR, rdflib.OWL.sameAs, rdflib.URIRef("http://example.org/not-wikidata")))
    g.add((rdflib.URIRef(str(RUR) + "-old"), KG.mergeRule, Literal("same-key")))
    return g


@pytest.mark.parametrize("broken", [False, True])
@pytest.mark.parametrize("engine", ["turbo", "split"])
def test_the_faster_engines_agree_with_pyshacl(good, broken, engine):
    """pyshacl is the reference: the faster engines must give the very same lines."""
    pytest.importorskip("pyshacl_turbo")
    g = _broken(good) if broken else good
    ref, got = validate_graph(g, engine="pyshacl"), validate_graph(g, engine=engine)
    assert got.conforms == ref.conforms == (not broken)
    assert lines(got) == lines(ref)
