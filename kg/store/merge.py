"""Merged entity descriptions: each document keeps its share of an entity's description, and
the public entity graph is their merge, recomputed for the entities a change touches
(:func:`merge_entity`, :func:`entity_changes`), rebuilt whole after an interrupted run
(:func:`repair_if_stale`).  Also used by ``kg push`` to merge on a server."""

from __future__ import annotations

import logging
from typing import Iterable, Mapping, Sequence

import pyoxigraph as ox

from kg.export.dataset import document_entities_graph_iri, document_graph_iri, entity_graph_iri
from kg.store.meta import (
    _ALT_LABEL,
    _FIRST_BUILD,
    _JOB_TITLE,
    _MENTIONS,
    _RDF_TYPE,
    _RDFS_LABEL,
    _SAME_AS,
    _STALE,
    _TRUE,
    _XSD_INTEGER,
    META,
    _flagged,
    _prefix_graphs,
    store_base,
)
from kg.store.view import VIEW, public_test, view_quads
from kg.vocab import KG_NS

log = logging.getLogger(__name__)

__all__ = ["Shares", "merge_entity", "stored_shares", "entity_changes", "apply_update", "rebuild_entity_graph",
           "repair_if_stale"]

_MERGE_RULE = ox.NamedNode(KG_NS + "mergeRule")
Shares = dict[str, dict[str, list]]  # document-entities graph IRI -> predicate IRI -> objects


def _data_block(graph: ox.NamedNode | ox.DefaultGraph, quads: Iterable[ox.Quad]) -> str:
    body = " .\n".join(str(q.triple) for q in quads)
    if not body:
        return ""
    return f"{body} ." if isinstance(graph, ox.DefaultGraph) else f"GRAPH {graph} {{\n{body} .\n}}"


def apply_update(store: ox.Store, *, drop: Sequence[ox.NamedNode | ox.DefaultGraph] = (), delete: Sequence[ox.Quad] = (),
           insert: Iterable[ox.Quad] = ()) -> None:
    """Drop graphs, delete quads, insert quads: one SPARQL Update, so one transaction.  (The view,
    the default graph, is kept by the callers: :func:`kg.store.view.view_changes`.)"""
    ops = ["DROP SILENT DEFAULT" if isinstance(g, ox.DefaultGraph) else f"DROP SILENT GRAPH {g}" for g in drop]
    for verb, quads in (("DELETE", delete), ("INSERT", insert)):
        by_graph: dict[ox.NamedNode, list[ox.Quad]] = {}
        for q in quads:
            by_graph.setdefault(q.graph_name, []).append(q)
        blocks = [b for g, qs in by_graph.items() if (b := _data_block(g, qs))]
        if blocks:
            ops.append(f"{verb} DATA {{\n" + "\n".join(blocks) + "\n}")
    if ops:
        store.update(" ;\n".join(ops))


def stored_shares(store: ox.Store, entity: ox.NamedNode, contrib_prefix: str) -> Shares:
    """Every document's share of one entity's description, read from the store."""
    shares: Shares = {}
    for q in store.quads_for_pattern(entity, None, None, None):
        g = q.graph_name
        if isinstance(g, ox.NamedNode) and g.value.startswith(contrib_prefix):
            shares.setdefault(g.value, {}).setdefault(q.predicate.value, []).append(q.object)
    return shares


def merge_entity(entity: ox.NamedNode, shares: Shares) -> list[ox.Triple]:
    """The merged description of one entity, from every document's share."""
    if not shares:
        return []

    def mentions(share: dict[str, list]) -> int:
        return sum(int(o.value) for o in share.get(_MENTIONS.value, []))

    # The share with most mentions decides class and label (ties: first document graph by IRI).
    primary = min(shares, key=lambda g: (-mentions(shares[g]), g))
    p = shares[primary]
    label = min(p.get(_RDFS_LABEL.value, []), key=str, default=None)
    out = [ox.Triple(entity, _RDF_TYPE, t) for t in sorted(set(p.get(_RDF_TYPE.value, [])), key=str)[:1]]
    if label is not None:
        out.append(ox.Triple(entity, _RDFS_LABEL, label))
    alt = {o for s in shares.values() for key in (_RDFS_LABEL.value, _ALT_LABEL.value) for o in s.get(key, [])}
    out += [ox.Triple(entity, _ALT_LABEL, o) for o in sorted(alt - {label}, key=str)]
    titles = {o for s in shares.values() for o in s.get(_JOB_TITLE.value, [])}
    out += [ox.Triple(entity, _JOB_TITLE, o) for o in sorted(titles, key=str)]
    out.append(ox.Triple(entity, _MENTIONS, ox.Literal(str(sum(mentions(s) for s in shares.values())),
                                                       datatype=_XSD_INTEGER)))
    same = sorted(p.get(_SAME_AS.value, []), key=str) or sorted(
        {o for s in shares.values() for o in s.get(_SAME_AS.value, [])}, key=str)
    out += [ox.Triple(entity, _SAME_AS, o) for o in same[:1]]
    return out


def entity_changes(store: ox.Store, base: str, entities: Iterable[ox.NamedNode], *, dropped: set[str] = frozenset(),
                    new_shares: Mapping[ox.NamedNode, Shares] | None = None) -> tuple[list[ox.Quad], list[ox.Quad]]:
    """Quads to delete from and insert into the merged entity graph so that ``entities`` are
    described by the stored shares, less the ``dropped`` document-entities graphs, plus
    ``new_shares`` (entity -> shares of documents being written in the same transaction)."""
    merged = ox.NamedNode(str(entity_graph_iri(base)))
    prefix = str(document_entities_graph_iri(base, "x"))[: -len("x")]
    old: list[ox.Quad] = []
    new: list[ox.Quad] = []
    for e in sorted(set(entities), key=lambda n: n.value):
        shares = {g: s for g, s in stored_shares(store, e, prefix).items() if g not in dropped}
        shares.update((new_shares or {}).get(e, {}))
        old += store.quads_for_pattern(e, None, None, merged)
        new += [ox.Quad(t.subject, t.predicate, t.object, merged) for t in merge_entity(e, shares)]
    keep = set(old) & set(new)
    return [q for q in old if q not in keep], [q for q in new if q not in keep]


def rebuild_entity_graph(store: ox.Store) -> int:
    """Recompute the whole merged entity graph from the per-document shares, and the view with it
    (one transaction)."""
    base = store_base(store)
    if base is None:
        return 0
    prefix = str(document_entities_graph_iri(base, "x"))[: -len("x")]
    doc_prefix = str(document_graph_iri(base, "x"))[: -len("x")]
    merged = ox.NamedNode(str(entity_graph_iri(base)))
    entities = {q.subject for g in _prefix_graphs(store, prefix) for q in store.quads_for_pattern(None, None, None, g)}
    fresh = [ox.Quad(t.subject, t.predicate, t.object, merged) for e in sorted(entities, key=lambda n: n.value)
             for t in merge_entity(e, stored_shares(store, e, prefix))]
    stale = [ox.Quad(META, _STALE, _TRUE, META)] if _flagged(store, _STALE) else []
    # the merged IRIs' kg:mergeRule and owl:sameAs (kg.store.entities.finish) are not shares: kept
    moved = {q.subject for q in store.quads_for_pattern(None, _MERGE_RULE, None, merged)}
    fresh += [q for s in sorted(moved, key=lambda n: n.value) for q in store.quads_for_pattern(s, None, None, merged)
              if q.predicate in (_MERGE_RULE, _SAME_AS)]
    public = public_test(base)
    view = view_quads([*(q for g in _prefix_graphs(store, doc_prefix) if public(g)
                         for q in store.quads_for_pattern(None, None, None, g)), *fresh], base)
    apply_update(store, drop=[merged, VIEW], delete=stale, insert=fresh + view)
    return len(entities)


def repair_if_stale(store: ox.Store) -> None:
    """Clear an interrupted first build; recompute an entity graph an older newskg left stale."""
    if _flagged(store, _FIRST_BUILD):
        # A first build is bulk-loaded (not one transaction): whatever it left is incomplete.
        log.warning("the store holds an interrupted first build; clearing it and building again")
        for g in list(store.named_graphs()):
            if g != META:
                store.remove_graph(g)
        store.clear_graph(VIEW)
        store.remove(ox.Quad(META, _FIRST_BUILD, _TRUE, META))
        return
    if _flagged(store, _STALE):
        log.warning("the store's entity graph was left stale by an interrupted run; recomputing it")
        rebuild_entity_graph(store)
