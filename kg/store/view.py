"""The store's default graph: a maintained view of the facts, the set union of every public graph.

Queries read it as their default graph, so a query over 100,000 documents reads one graph, not a
list of 100,000 named graphs, and a fact stated by seven documents comes back once (RDF set
semantics), row for row as in ``graph.ttl``.  The per-document graphs stay: they make replace and
remove exact, and ``GRAPH ?g`` still reaches them (each ``rdf:Statement`` names its document).

The view changes in the same transaction as the graphs it mirrors (:func:`view_changes`): what a
change inserts into a public graph is inserted into the view; a triple a change deletes from (or
drops with) a public graph leaves the view only when no other public graph still holds it (one
indexed look-up, ``quads_for_pattern(s, p, o, None)``, per triple).  A store written before the
view existed (format 1) is upgraded once (:func:`upgrade_if_needed`).
"""

from __future__ import annotations

import logging
from typing import Callable, Iterable, Sequence

import pyoxigraph as ox

from kg.export.dataset import document_graph_iri, entity_graph_iri, facts_graph_iri
from kg.store.meta import _VERSION, FORMAT_VERSION, META, public_graphs, store_base, store_format

log = logging.getLogger(__name__)

__all__ = ["VIEW", "public_test", "view_changes", "view_quads", "upgrade_if_needed", "needs_upgrade"]

VIEW = ox.DefaultGraph()


def public_test(base: str) -> Callable[[object], bool]:
    """A predicate: is this graph name a public graph (a document graph, the entity graph or the
    fact summaries)?"""
    doc_prefix = str(document_graph_iri(base, "x"))[: -len("x")]
    named = {str(entity_graph_iri(base)), str(facts_graph_iri(base))}
    return lambda g: isinstance(g, ox.NamedNode) and (g.value in named or g.value.startswith(doc_prefix))


def view_quads(quads: Iterable[ox.Quad], base: str) -> list[ox.Quad]:
    """The view of ``quads`` (their public triples, each once, in the default graph)."""
    public = public_test(base)
    return [ox.Quad(t.subject, t.predicate, t.object, VIEW)
            for t in dict.fromkeys(q.triple for q in quads if public(q.graph_name))]


def view_changes(store: ox.Store, base: str, *, drop: Sequence[ox.NamedNode] = (), delete: Iterable[ox.Quad] = (),
                 insert: Iterable[ox.Quad] = ()) -> tuple[list[ox.Quad], list[ox.Quad]]:
    """Quads to delete from and insert into the view so that it stays the union of the public
    graphs once ``drop`` (graphs), ``delete`` and ``insert`` (quads) are applied to ``store``."""
    public = public_test(base)
    dropped = {g for g in drop if public(g)}
    gone = {q for q in delete if public(q.graph_name)}
    added = dict.fromkeys(q.triple for q in insert if public(q.graph_name))
    removed = dict.fromkeys(q.triple for g in sorted(dropped, key=lambda n: n.value)
                            for q in store.quads_for_pattern(None, None, None, g))
    removed.update(dict.fromkeys(q.triple for q in gone))

    def still_held(t: ox.Triple) -> bool:
        return any(public(q.graph_name) and q.graph_name not in dropped and q not in gone
                   for q in store.quads_for_pattern(t.subject, t.predicate, t.object, None))

    out = [ox.Quad(t.subject, t.predicate, t.object, VIEW) for t in removed if t not in added and not still_held(t)]
    new = [ox.Quad(t.subject, t.predicate, t.object, VIEW) for t in added]
    return out, [q for q in new if q not in store]


def build_view(store: ox.Store, base: str, extra: Iterable[ox.Quad] = ()) -> list[ox.Quad]:
    """The whole view from the public graphs in the store (plus ``extra`` quads), for a repair."""
    return view_quads([*(q for g in public_graphs(store) for q in store.quads_for_pattern(None, None, None, g)), *extra],
                      base)


def needs_upgrade(store: ox.Store) -> bool:
    """A store of documents written before the view existed."""
    return store_base(store) is not None and store_format(store) < int(FORMAT_VERSION)


def upgrade_if_needed(store: ox.Store, path: object = "") -> bool:
    """Give a store written by an older newskg (format 1, no view) its view, atomically; True if it did."""
    if not needs_upgrade(store):
        return False
    base = store_base(store)
    log.warning("upgrading the store at %s to format %s: computing the merged view of its facts that queries read "
                "(once)", path, FORMAT_VERSION)
    quads = build_view(store, base)
    # one transaction (Store.extend is atomic): the view and the new version arrive together
    store.clear_graph(VIEW)
    store.extend(quads + [ox.Quad(META, _VERSION, ox.Literal(FORMAT_VERSION), META)])
    for q in list(store.quads_for_pattern(META, _VERSION, None, META)):
        if q.object.value != FORMAT_VERSION:
            store.remove(q)
    store.flush()
    return True
