"""The store's view (its default graph): the set union of the public graphs, kept through every
add, replace and remove, and what queries read (row for row as graph.ttl)."""

from __future__ import annotations

import csv
import io
import logging

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.model import DocResult, Document, Entity, Evidence, KnowledgeGraph, Relation
from kg.store.embedded import open_store, public_graphs
from kg.store.meta import _VERSION, FORMAT_VERSION, META, store_format
from kg.store.query import named_queries, query_file, query_store, serialize_result
from kg.store.update import remove_documents, update_store

S1 = "Ruritania and Freedonia signed a pact, Minister Ana Lind said."
S2 = "Freedonia criticized Ruritania on Monday."
S3 = "Ruritania sanctioned Freedonia, said Lind."


def _doc(doc_id: str, version: int) -> DocResult:
    """Documents that share facts (Lind worksFor Ruritania) and entities, in two versions."""
    ents = [Entity("country/rur", "Country", "Ruritania", {"Ruritanian"} if version == 1 else {"Rurit."}, 2,
                   {doc_id}, "Q1"),
            Entity("country/fre", "Country", "Freedonia", set(), 1, {doc_id}),
            Entity("person/ana-lind", "Person", "Ana Lind", {"Lind"}, 2, {doc_id}, job_titles={"Minister"})]
    rels = [Relation("person/ana-lind", "worksFor", "country/rur", Evidence(doc_id, S1, 0, len(S1), "role-title", 0.8))]
    if version == 1:
        rels.append(Relation("country/fre", "criticized", "country/rur", Evidence(doc_id, S2, 0, len(S2), "verb-svo", 0.9)))
    else:
        rels.append(Relation("country/rur", "sanctions", "country/fre", Evidence(doc_id, S3, 0, len(S3), "verb-svo", 1.0)))  # 1.0: a decimal the store writes "1"
    return DocResult(Document(doc_id, S1 if version == 1 else S3, title=f"{doc_id} v{version}"), ents, rels)


def _write(res, path, results) -> None:
    g = KnowledgeGraph(symmetric=res.ontology.symmetric)
    for r in results:
        g.add(r)
    update_store(path, g, resources=res, doc_entities={r.document.id: r.entities for r in results})


def view_and_union(path) -> tuple[set, set]:
    store = open_store(path, read_only=True)
    view = {q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    union = {q.triple for g in public_graphs(store) for q in store.quads_for_pattern(None, None, None, g)}
    return view, union


_OPS = st.lists(st.tuples(st.sampled_from(["add", "remove"]), st.sampled_from(["d1", "d2", "d3"]),
                          st.sampled_from([1, 2])), min_size=1, max_size=6)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=_OPS)
def test_the_view_is_the_union_of_the_public_graphs_after_any_changes(res, tmp_path_factory, ops):
    path = tmp_path_factory.mktemp("view") / "store"
    stored: set[str] = set()
    for op, doc_id, version in ops:
        if op == "add":
            _write(res, path, [_doc(doc_id, version)])
            stored.add(doc_id)
        elif doc_id in stored:
            remove_documents(path, [doc_id])
            stored.discard(doc_id)
        else:
            continue
        view, union = view_and_union(path)
        assert view == union, (op, doc_id, version)


def test_a_decimal_the_store_rewrites_stays_in_the_view(res, tmp_path):
    # a confidence of 1.0: the summary of a fact two documents state is recomputed by the second
    # build; its literal must be written as the store keeps it ("1"), or the view drops it
    path = tmp_path / "store"
    _write(res, path, [_doc("d1", 2)])
    _write(res, path, [_doc("d2", 2)])
    view, union = view_and_union(path)
    assert view == union


def test_a_fact_stated_by_two_documents_is_one_row_until_both_go(res, tmp_path):
    path = tmp_path / "store"
    _write(res, path, [_doc("d1", 1), _doc("d2", 1)])
    works_for = "SELECT ?p ?c WHERE { ?p kg:worksFor ?c }"
    assert len(query_store(path, works_for).rows) == 1
    per_graph = "SELECT ?g WHERE { GRAPH ?g { ?p kg:worksFor ?c } }"
    assert len(query_store(path, per_graph).rows) == 2  # the document graphs are still there
    remove_documents(path, ["d1"])
    assert len(query_store(path, works_for).rows) == 1
    _write(res, path, [_doc("d2", 2)])  # replaced: still states worksFor, no longer criticized
    assert len(query_store(path, works_for).rows) == 1
    assert query_store(path, "ASK { ?a kg:criticized ?b }").boolean is False
    remove_documents(path, ["d2"])
    assert query_store(path, works_for).rows == []
    view, union = view_and_union(path)
    assert view == union == set()


def test_bookkeeping_graphs_are_not_reachable(res, tmp_path):
    path = tmp_path / "store"
    _write(res, path, [_doc("d1", 1)])
    got = query_store(path, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert {r[0].value for r in got.rows} == {g.value for g in public_graphs(open_store(path, read_only=True))}


def test_a_query_without_named_graphs_does_not_list_them(res, tmp_path, monkeypatch):
    # listing 100,000 document graphs costs ~2 s: only GRAPH / FROM (NAMED) queries need them
    import kg.store.embedded as embedded

    path = tmp_path / "store"
    _write(res, path, [_doc("d1", 1)])
    listed = []
    real = embedded.public_graphs
    monkeypatch.setattr(embedded, "public_graphs", lambda store: listed.append(1) or real(store))
    assert len(query_store(path, "SELECT ?p WHERE { ?p kg:worksFor ?c } # not a graph query").rows) == 1
    assert listed == []
    got = query_store(path, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert listed == [1] and {r[0].value for r in got.rows} == {g.value for g in real(open_store(path, read_only=True))}


def test_a_store_of_the_previous_format_is_upgraded_once(res, tmp_path, caplog):
    path = tmp_path / "store"
    _write(res, path, [_doc("d1", 1), _doc("d2", 1)])
    store = ox.Store(str(path))  # as the previous newskg wrote it: no view, format 1
    store.clear_graph(ox.DefaultGraph())
    for q in list(store.quads_for_pattern(META, _VERSION, None, META)):
        store.remove(q)
    store.add(ox.Quad(META, _VERSION, ox.Literal("1"), META))
    store.flush()
    del store
    with caplog.at_level(logging.WARNING, logger="kg.store.view"):
        assert len(query_store(path, "SELECT ?p WHERE { ?p kg:worksFor ?c }").rows) == 1
    assert [r.message for r in caplog.records if "upgrading the store" in r.message]
    assert store_format(open_store(path, read_only=True)) == int(FORMAT_VERSION)
    view, union = view_and_union(path)
    assert view == union and view


# -- the shipped queries: the store and graph.ttl agree row for row ------------------------------
A1 = ("Germany is an ally of France. Germany deters Russia. Defence Minister Anna Berg of Germany said the "
      "plan was ready. Germany announced the Eastern Shield Initiative.")
A2 = ("France unveiled the Rafale F5 fighter. Louis Martin, the French foreign minister, met Anna Berg. "
      "France may sanction Iran. France did not attack Russia.")
A3 = "Germany deters Russia, Defence Minister Anna Berg of Germany said. Germany is an ally of France."
BINDS = {"name": "name=Germany", "subject": "subject=Germany", "object": "object=Russia", "speaker": "speaker=Anna Berg",
         "from": "from=2000-01-01", "to": "to=2030-12-31", "post": "post=Germany", "on": "on=2020-01-01"}


@pytest.fixture(scope="module")
def three_builds(nlp, res, tmp_path_factory):
    """Three documents (two state the same facts) in two incremental builds; graph.ttl exported
    from the store, as kg build writes it."""
    from kg.builder import build
    from kg.store.embedded import export_store

    out = tmp_path_factory.mktemp("shipped")
    for docs in ([Document("a1", A1, title="Berlin"), Document("a2", A2, title="Paris")],
                 [Document("a3", A3, title="Berlin again")]):
        ents = {}
        graph = build(docs, nlp=nlp, resources=res, on_document=lambda r: ents.__setitem__(r.document.id, r.entities))
        update_store(out / "store", graph, resources=res, doc_entities=ents)
    (out / "graph.ttl").write_bytes(export_store(out / "store", "turtle"))
    return out


def _csv(result) -> list[tuple[str, ...]]:
    return sorted(tuple(r) for r in csv.reader(io.StringIO(serialize_result(result, "csv").decode())))


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_shipped_queries_give_the_same_rows_on_the_store_and_on_graph_ttl(three_builds, name):
    q = named_queries()[name]
    binds = tuple(BINDS[b] for b in q.binds)
    store_rows = _csv(query_store(three_builds / "store", q.text, bindings=binds))
    file_rows = _csv(query_file(three_builds / "graph.ttl", q.text, bindings=binds))
    assert store_rows == file_rows
