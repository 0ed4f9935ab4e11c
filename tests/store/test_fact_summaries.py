"""One fact, many reports (kg.export.facts): the summaries follow the store's documents, and the
store's export equals the model's (docs/time.md)."""

from __future__ import annotations

import rdflib
from rdflib.compare import isomorphic

from kg.export.facts import source_of
from kg.export.rdf import to_rdf
from kg.model import DocResult, Document, Entity, Evidence, KnowledgeGraph, Relation
from kg.store.embedded import export_store
from kg.store.update import remove_documents, update_store
from kg.vocab import KG, KG_NS

S = "Ana Lind met Bo Berg."


def _doc(doc_id: str, date: str | None, source: str | None, url: str | None = None) -> DocResult:
    ents = [Entity("person/ana-lind", "Person", "Ana Lind", set(), 1, {doc_id}),
            Entity("person/bo-berg", "Person", "Bo Berg", set(), 1, {doc_id})]
    ev = Evidence(doc_id, S, 0, len(S), "verb-svo", 0.5)
    return DocResult(Document(doc_id, S, None, date, url, source), ents,
                     [Relation("person/ana-lind", "metWith", "person/bo-berg", ev)])


def _model(res, *docs) -> KnowledgeGraph:
    g = KnowledgeGraph(symmetric=res.ontology.symmetric)
    for d in docs:
        g.add(d)
    return g


def _summary(graph: rdflib.Graph) -> tuple:
    (node,) = set(graph.subjects(rdflib.RDF.type, KG.Fact))
    return tuple(None if graph.value(node, p) is None else graph.value(node, p).toPython()
                 for p in (KG.documentCount, KG.sourceCount, KG.firstReported, KG.lastReported, KG.confidence))


def test_summary_counts_documents_sources_and_dates(res):
    import datetime as dt
    from decimal import Decimal

    g = to_rdf(_model(res, _doc("a", "2016-09-18", "Wire"), _doc("b", "2016-09-20", None, "https://www.news.example/x"),
                      _doc("c", None, "Wire")), resources=res)
    assert _summary(g) == (3, 2, dt.date(2016, 9, 18), dt.date(2016, 9, 20), Decimal("0.875"))
    # the plain triple is still there
    assert (None, rdflib.URIRef(KG_NS + "metWith"), None) in g


def test_store_summary_follows_added_and_removed_documents(tmp_path, res):
    path = tmp_path / "store"
    update_store(path, _model(res, _doc("a", "2016-09-18", "Wire")), resources=res)
    update_store(path, _model(res, _doc("b", "2016-09-20", "Daily")), resources=res)
    both = rdflib.Graph().parse(data=export_store(path, "turtle"), format="turtle")
    assert _summary(both)[:2] == (2, 2)
    whole = to_rdf(_model(res, _doc("a", "2016-09-18", "Wire"), _doc("b", "2016-09-20", "Daily")), resources=res)
    assert isomorphic(both, whole)
    remove_documents(path, ["a"])
    left = rdflib.Graph().parse(data=export_store(path, "turtle"), format="turtle")
    assert _summary(left)[:2] == (1, 1)


def test_source_of():
    assert source_of("Reuters", "https://x.example/a") == "Reuters"
    assert source_of(None, "https://www.bbc.co.uk/news/1") == "bbc.co.uk"
    assert source_of(" ", None) is None


def test_graphml_edges_carry_time_and_sources(res):
    from kg.export.networkx import graphml_bytes, to_networkx

    g = to_networkx(_model(res, _doc("a", "2016-09-18", "Wire"), _doc("b", "2016-09-20", None, "https://www.news.example/x")))
    (edge,) = [d for _, _, d in g.edges(data=True)]
    assert (edge["documents_asserting"], edge["sources"], edge["first_reported"], edge["last_reported"]) == \
        (2, 2, "2016-09-18", "2016-09-20")
    assert edge["event_start"] == "" and edge["role_status"] == ""
    assert edge["valid_from"] == edge["valid_until"] == ""
    assert b"first_reported" in graphml_bytes(g)


def test_graphml_edges_carry_a_posts_bounds(res):
    from dataclasses import replace

    from kg.export.networkx import graphml_bytes, to_networkx

    doc = _doc("a", "2016-09-18", "Wire")
    rel = doc.relations[0]
    ev = replace(rel.evidence, role_status="former", valid_from="1997-05-02", valid_until="2007-06-27")
    post = DocResult(doc.document, doc.entities, [Relation("person/ana-lind", "worksFor", "person/bo-berg", ev)])
    g = to_networkx(_model(res, post))
    (edge,) = [d for _, _, d in g.edges(data=True)]
    assert (edge["role_status"], edge["valid_from"], edge["valid_until"]) == ("former", "1997-05-02", "2007-06-27")
    assert b"valid_until" in graphml_bytes(g)


def test_a_write_refreshes_the_summaries_it_touches_as_a_full_rebuild_would(tmp_path, res):
    """After an added, a replaced (new date and outlet) and a removed document, the summaries the
    writes refreshed equal a rebuild from every statement (kg.store.facts.rebuild_fact_graph)."""
    import pyoxigraph as ox

    from kg.export.dataset import facts_graph_iri
    from kg.export.rdf import DEFAULT_BASE
    from kg.store.embedded import open_store
    from kg.store.facts import rebuild_fact_graph

    path = tmp_path / "store"
    update_store(path, _model(res, _doc("a", "2016-09-18", "Wire"), _doc("b", "2016-09-19", "Daily")), resources=res)
    update_store(path, _model(res, _doc("c", "2016-06-01", "Post")), resources=res)
    update_store(path, _model(res, _doc("b", "2016-09-21", "Other")), resources=res)
    remove_documents(path, ["a"])
    store = open_store(path)
    fg = ox.NamedNode(str(facts_graph_iri(DEFAULT_BASE)))
    refreshed = set(store.quads_for_pattern(None, None, None, fg))
    view = set(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    rebuild_fact_graph(store, DEFAULT_BASE)
    assert set(store.quads_for_pattern(None, None, None, fg)) == refreshed
    assert set(store.quads_for_pattern(None, None, None, ox.DefaultGraph())) == view
    assert len(refreshed) > 10  # a summary and two occurrences (June and September)


def test_a_run_killed_before_its_summaries_leaves_a_flag_and_the_next_write_recomputes_all(tmp_path, res):
    """The flag is set with the document graphs and cleared after the summaries: a write that finds
    it (a run killed in between) recomputes every summary, not only those of its own statements."""
    import pyoxigraph as ox

    from kg.export.dataset import facts_graph_iri
    from kg.export.rdf import DEFAULT_BASE
    from kg.store.embedded import open_store
    from kg.store.meta import _FACTS_STALE, _TRUE, META

    path = tmp_path / "store"
    update_store(path, _model(res, _doc("a", "2016-09-18", "Wire")), resources=res)
    flag = ox.Quad(META, _FACTS_STALE, _TRUE, META)
    store = open_store(path)
    assert flag not in store
    fg = ox.NamedNode(str(facts_graph_iri(DEFAULT_BASE)))
    for q in list(store.quads_for_pattern(None, None, None, fg)):  # as a killed run leaves it
        store.remove(q)
    store.add(flag)
    del store
    other = DocResult(Document("z", "Bo Berg met Cy Dahl.", None, "2016-09-19", None, "Post"),
                      [Entity("person/bo-berg", "Person", "Bo Berg", set(), 1, {"z"}),
                       Entity("person/cy-dahl", "Person", "Cy Dahl", set(), 1, {"z"})],
                      [Relation("person/bo-berg", "metWith", "person/cy-dahl",
                                Evidence("z", "Bo Berg met Cy Dahl.", 0, 20, "verb-svo", 0.5))])
    update_store(path, _model(res, other), resources=res)
    store = open_store(path, read_only=True)
    assert flag not in store
    assert len({q.subject for q in store.quads_for_pattern(None, None, None, fg)
                if q.predicate.value == KG_NS + "documentCount" and "/fact/" in q.subject.value}) == 2
