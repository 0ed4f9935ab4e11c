"""The Python API (kg.build -> Result): plain strings in, every output out."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib.compare import isomorphic

import kg
from kg.api import as_documents
from kg.model import Document

pytestmark = pytest.mark.model

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_3628763bc4f5a88c.txt"
TEXT = "France criticized Germany over the new trade rules on Monday, officials said."


@pytest.fixture(scope="module")
def result(nlp, res):
    return kg.build([SEED.read_text(encoding="utf-8"), {"id": "b", "text": TEXT}], nlp=nlp, resources=res)


def test_inputs_may_be_strings_dicts_documents_or_one_of_them():
    docs = list(as_documents(["x", {"id": "d", "text": "y", "date": "2020-01-02"}, Document("z", "z")]))
    assert [d.id for d in docs][1:] == ["d", "z"] and docs[1].date == "2020-01-02"
    assert docs[0].id == next(as_documents("x")).id  # a lone string is one document; same text, same id
    with pytest.raises(TypeError, match="'text'"):
        list(as_documents([{"id": "no text"}]))
    with pytest.raises(TypeError, match="got int"):
        list(as_documents([3]))


def test_result_agrees_with_the_builder(result, seed_graph):
    assert result.stats["documents"] == 2
    seed_facts = {f for f in seed_graph.facts if seed_graph.is_asserted(f)}
    keys = {(s, p, o) for (s, p, o) in result.graph.facts if result.graph.is_asserted((s, p, o))}
    assert seed_facts <= keys  # the seed's facts are all there, read the same way


def test_rdf_and_turtle_are_the_same_graph(result):
    g = result.to_rdf()
    assert isinstance(g, rdflib.Graph) and len(g) > 0
    assert isomorphic(g, rdflib.Graph().parse(data=result.to_turtle(), format="turtle"))


def test_networkx_and_pyvis(result):
    g = result.to_networkx()
    assert isinstance(g, nx.MultiDiGraph) and g.number_of_nodes() == result.stats["entities"]
    net = result.to_pyvis()
    assert len(net.nodes) == g.number_of_nodes() and len(net.edges) == g.number_of_edges()
    assert set(net.get_nodes()) == set(g.nodes)


def test_query_select_ask_construct_and_bindings(result):
    rows = result.query("SELECT ?name WHERE { ?e a kg:Country ; rdfs:label ?name }")
    assert {"name": "France"} in rows
    assert result.query("ASK { ?s kg:criticized ?o }") in (True, False)
    assert isinstance(result.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3"), rdflib.Graph)
    bound = result.query("SELECT ?name ?e WHERE { ?e rdfs:label ?name }", name="France")
    assert len(bound) == 1


def test_html_and_save(result, tmp_path):
    page = result.to_html(tmp_path / "page.html")
    assert (tmp_path / "page.html").read_text(encoding="utf-8") == page and "<html" in page.lower()
    written = result.save(tmp_path / "out")
    names = {p.name for p in written}
    assert {"store", "graph.ttl", "graph.graphml", "graph.html"} <= names


def test_build_into_a_store_without_a_callback(nlp, res, tmp_path):
    first = kg.build(TEXT, nlp=nlp, resources=res, store=tmp_path / "store")
    assert first.store_report.added == (next(as_documents(TEXT)).id,)
    again = kg.build(TEXT, nlp=nlp, resources=res, store=tmp_path / "store")
    assert again.store_report.unchanged and not again.store_report.added
