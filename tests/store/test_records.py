"""The bookkeeping records an update replaces or forgets are looked up by subject
(kg.store.entities._stale_records), not by reading every record: the same quads as the full scan."""

from __future__ import annotations

import pyoxigraph as ox

import kg.store.entities as entities
from kg.extract.resolve.corpus import AliasEntry, AliasTable
from kg.model import DocResult, Document, Entity, Evidence, KnowledgeGraph, Relation
from kg.store.entities import _ALIASES, _EXTRACTION, _RESOLVED, BOOKKEEPING
from kg.store.meta import _any_prefix_graph
from kg.store.update import remove_documents, update_store


def _doc(d: str, *people: str) -> DocResult:
    text = f"{' and '.join(people)} criticized Freedonia."
    ents = [Entity("country/fre", "Country", "Freedonia", set(), 1, {d})]
    ents += [Entity(f"person/{p.lower().replace(' ', '-')}", "Person", p, set(), 1, {d}) for p in people]
    rels = [Relation(ents[1].key, "criticized", "country/fre", Evidence(d, text, 0, len(text), "verb-svo", 0.9))]
    return DocResult(Document(d, text), ents, rels)


def _model(res, *results: DocResult, aliases=None) -> KnowledgeGraph:
    g = KnowledgeGraph(symmetric=res.ontology.symmetric)
    for r in results:
        g.add(r)
    g.aliases = aliases
    return g


def _full_scan(store: ox.Store, pending) -> set[ox.Quad]:
    """What finish dropped before: every bookkeeping quad read and filtered."""
    return {q for q in store.quads_for_pattern(None, None, None, BOOKKEEPING)
            if (q.subject.value not in pending.documents and q.subject != BOOKKEEPING)
            or (q.predicate == _EXTRACTION and q.subject.value in pending.extractions)
            or (q.predicate == _RESOLVED and q.subject.value in pending.applied)
            or (q.predicate == _ALIASES and pending.aliases is not None)}


def test_stale_records_are_the_ones_the_full_scan_finds(res, tmp_path, monkeypatch):
    path = tmp_path / "store"
    update_store(path, _model(res, _doc("a", "Blair"), _doc("b", "Ana Lind"), _doc("c", "Lind")), resources=res)
    remove_documents(path, ["b"])  # its records stay until the next update forgets them
    compared = []
    real = entities._stale_records

    def checked(store, pending):
        out = real(store, pending)
        assert len(out) == len(set(out)) and set(out) == _full_scan(store, pending)
        compared.append(len(out))
        return out

    monkeypatch.setattr(entities, "_stale_records", checked)
    table = AliasTable((AliasEntry("Tony Blair", ("Blair",), "Person", None, ()),), "aliases.toml")
    update_store(path, _model(res, _doc("d", "Tony Blair"), _doc("e", "Ana Lind"), aliases=table), resources=res)
    update_store(path, _model(res, _doc("c", "Ana Lind")), resources=res)  # a replaced document
    assert len(compared) == 2 and compared[0] >= 3  # b's two records, the alias table at least
    store = ox.Store.read_only(str(path))
    subjects = {q.subject.value for q in store.quads_for_pattern(None, None, None, BOOKKEEPING)}
    assert not any(s.endswith("/b") for s in subjects)
    for predicate in (_EXTRACTION, _RESOLVED):
        per_doc = [q.subject.value for q in store.quads_for_pattern(None, predicate, None, BOOKKEEPING)]
        assert len(per_doc) == len(set(per_doc)) == 4  # a, c, d, e: one record each


def test_any_prefix_graph(tmp_path):
    store = ox.Store()
    assert not _any_prefix_graph(store, "http://example.org/doc/")
    store.add(ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"),
                      ox.Literal("x"), ox.NamedNode("http://example.org/doc/1")))
    assert _any_prefix_graph(store, "http://example.org/doc/")
    assert not _any_prefix_graph(store, "http://example.org/ent/")
