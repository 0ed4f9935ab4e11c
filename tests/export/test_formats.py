"""RDF dataset layout and the five serialisations: round trips, determinism, rdflib vs pyoxigraph."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import rdflib
from rdflib import RDF, RDFS, Dataset, Graph, Namespace
from rdflib.compare import isomorphic

from kg.errors import KGError
from kg.export.dataset import (
    dataset_quads,
    document_graph_iri,
    entity_graph_iri,
    facts_graph_iri,
    to_dataset,
    union_graph,
)
from kg.export.formats import FORMATS, jsonld_context, serialize
from kg.export.rdf import DEFAULT_BASE, entity_iri, to_rdf
from kg.model import KnowledgeGraph
from kg.resources import data_dir

KG = Namespace("https://w3id.org/newskg/ontology#")
# Builds the same two-document model in a fresh interpreter (for the cross-process check).
MODEL_SRC = '''
from kg.model import Document, DocResult, Entity, Evidence, KnowledgeGraph, Relation
from kg.resources import load_resources

S1 = "Ruritania and Freedonia signed a pact, Minister Ana Lind said."
S2 = 'Freedonia may strike Ruritania,\\n  "officials" in Ruritania warned \\\\ said.'


def two_docs(res):
    g = KnowledgeGraph(symmetric=res.ontology.symmetric)
    d1 = [Entity("country/rur", "Country", "Ruritania", {"Ruritanian"}, 2, {"d1"}, "Q1"),
          Entity("country/fre", "Country", "Freedonia", set(), 1, {"d1"}),
          Entity("person/ana-lind", "Person", "Ana Lind", {"Lind"}, 2, {"d1"}, job_titles={"Minister"})]
    g.add(DocResult(Document("d1", S1, title="A pact", date="2024-05-01", url="https://example.com/d1"), d1, [
        Relation("country/rur", "agreedWith", "country/fre", Evidence("d1", S1, 0, len(S1), "collective", 0.7)),
        Relation("person/ana-lind", "worksFor", "country/rur", Evidence("d1", S1, 0, len(S1), "role-title", 0.8)),
    ]))
    d2 = [Entity("country/rur", "Country", "Ruritania", {"Rurit."}, 2, {"d2"}, "Q1"),
          Entity("country/fre", "Country", "Freedonia", set(), 1, {"d2"})]
    g.add(DocResult(Document("d2", S2, title="Strike warning"), d2, [
        Relation("country/fre", "attacked", "country/rur", Evidence("d2", S2, 0, len(S2), "verb-svo", 0.5, "hedged")),
        Relation("country/rur", "agreedWith", "country/fre", Evidence("d2", S2, 0, 9, "collective", 0.6)),
    ]))
    return g
'''
_ns: dict = {}
exec(MODEL_SRC, _ns)
two_docs = _ns["two_docs"]


@pytest.fixture(scope="module")
def model(res) -> KnowledgeGraph:
    return two_docs(res)


def test_union_of_named_graphs_is_the_turtle_export(model, res):
    assert isomorphic(union_graph(dataset_quads(model, resources=res)), to_rdf(model, resources=res))


def test_named_graph_layout(model, res):
    ds = to_dataset(model, resources=res)
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    g1, g2, ents = document_graph_iri(DEFAULT_BASE, "d1"), document_graph_iri(DEFAULT_BASE, "d2"), entity_graph_iri(DEFAULT_BASE)
    facts = facts_graph_iri(DEFAULT_BASE)
    assert names == {str(g1), str(g2), str(ents), str(facts)}
    rur, fre = entity_iri(DEFAULT_BASE, "country/rur"), entity_iri(DEFAULT_BASE, "country/fre")
    d1, d2, e = ds.graph(g1), ds.graph(g2), ds.graph(ents)
    # the agreement is asserted by both documents: both graphs hold the plain triple, both directions
    assert (rur, KG.agreedWith, fre) in d1 and (fre, KG.agreedWith, rur) in d2
    # the hedged strike has provenance in d2 only and no plain triple anywhere
    assert not list(ds.quads((None, KG.attacked, None, None)))
    assert [q[3] for q in ds.quads((None, RDF.predicate, KG.attacked, None))] == [g2]
    # each document graph has its own kg:Document and only its own statements
    assert {str(o) for o in d1.objects(None, KG.fromDocument)} == {DEFAULT_BASE + "doc/d1"}
    assert (None, RDF.type, KG.Document) in d2
    # entity descriptions live in the entity graph only, merged (mention counts summed)
    assert not list(d1.triples((rur, RDFS.label, None)))
    assert e.value(rur, KG.mentionCount).toPython() == 4
    assert set(map(str, e.objects(rur, rdflib.SKOS.altLabel))) == {"Ruritanian", "Rurit."}
    # one summary per asserted fact, over both documents, in the facts graph only (docs/time.md)
    f = ds.graph(facts)
    (node,) = {o for s, o in d1.subject_objects(KG.ofFact) if (s, RDF.predicate, KG.agreedWith) in d1}
    assert f.value(node, KG.documentCount).toPython() == 2
    assert not list(d1.triples((None, KG.documentCount, None)))


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_round_trips(model, res, fmt, engine):
    data = serialize(model, fmt, resources=res, engine=engine)
    assert data == serialize(model, fmt, resources=res, engine=engine)  # same bytes twice
    rdflib_fmt = {"turtle": "turtle", "ntriples": "nt", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}[fmt]
    if fmt in ("turtle", "ntriples"):
        assert isomorphic(Graph().parse(data=data, format=rdflib_fmt), to_rdf(model, resources=res))
        return
    got = Dataset().parse(data=data, format=rdflib_fmt)
    want = to_dataset(model, resources=res)
    got_graphs = {str(g.identifier): g for g in got.graphs() if len(g)}
    want_graphs = {str(g.identifier): g for g in want.graphs() if len(g)}
    assert set(got_graphs) == set(want_graphs)
    for name, g in want_graphs.items():
        assert isomorphic(got_graphs[name], g), f"{fmt}/{engine}: graph {name} differs"


def test_turtle_is_byte_identical_to_the_core_export(model, res):
    assert serialize(model, "turtle", resources=res) == to_rdf(model, resources=res).serialize(format="turtle", encoding="utf-8")


def test_bytes_are_the_same_in_another_process(model, res, tmp_path):
    script = tmp_path / "emit.py"
    script.write_text(MODEL_SRC + '''
import sys
from kg.export.formats import serialize
res = load_resources()
g = two_docs(res)
for fmt in ("turtle", "trig", "nquads", "ntriples", "jsonld"):
    for engine in ("rdflib", "oxigraph"):
        sys.stdout.buffer.write(serialize(g, fmt, resources=res, engine=engine) + b"\\x00")
''')
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    done = subprocess.run([sys.executable, str(script)], capture_output=True, env=env, check=True, timeout=120)
    ours = b"".join(serialize(model, f, resources=res, engine=e) + b"\x00"
                    for f in ("turtle", "trig", "nquads", "ntriples", "jsonld") for e in ("rdflib", "oxigraph"))
    assert done.stdout == ours


def test_jsonld_embeds_the_published_context(model, res):
    doc = json.loads(serialize(model, "jsonld", resources=res))
    published = json.loads((data_dir() / "context.jsonld").read_text())["@context"]
    assert doc["@context"] == [published, {"ent": DEFAULT_BASE}] == jsonld_context(DEFAULT_BASE)
    text = json.dumps(doc)
    assert '"worksFor"' in text and '"mentionCount"' in text  # compacted with the context's terms


def test_context_defines_every_relation_property_and_class(res):
    ctx = json.loads((data_dir() / "context.jsonld").read_text())["@context"]
    for name in res.ontology.properties:
        assert ctx.get(name) == {"@id": f"kg:{name}", "@type": "@id"}, (
            f"kg:{name} is missing from ontologies/context.jsonld; add a term for it")
    for name in res.ontology.classes:
        assert ctx.get(name) == f"kg:{name}", f"class kg:{name} is missing from ontologies/context.jsonld"


def test_large_graphs_go_through_pyoxigraph(model, res, monkeypatch):
    import kg.export.formats as formats

    monkeypatch.setattr(formats, "LARGE_TRIPLES", 10)
    for fmt in ("trig", "turtle"):
        assert serialize(model, fmt, resources=res) == serialize(model, fmt, resources=res, engine="oxigraph")
    monkeypatch.setattr(formats, "LARGE_TRIPLES", 10**9)
    assert serialize(model, "trig", resources=res) == serialize(model, "trig", resources=res, engine="rdflib")


def test_unknown_format_is_a_clear_error(model, res):
    with pytest.raises(KGError, match="unknown RDF format 'rdfxml'; choose one of turtle, trig"):
        serialize(model, "rdfxml", resources=res)
