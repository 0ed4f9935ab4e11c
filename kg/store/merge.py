"""Merged entity descriptions: each document keeps its share of an entity's description, and
the public entity graph is their merge, recomputed for the entities a change touches
(:func:`merge_entity`, :func:`entity_changes`), rebuilt whole after an interrupted run
(:func:`repair_if_stale`).  Also used by ``kg push`` to merge on a server."""

from __future__ import annotations

import logging
from itertools import islice
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


def _count(share: Mapping[str, list]) -> int:
    return sum(int(o.value) for o in share.get(_MENTIONS.value, []))


def merge_entity(entity: ox.NamedNode, shares: Shares) -> list[ox.Triple]:
    """The merged description of one entity, from every document's share."""
    if not shares:
        return []
    # The share with most mentions decides class and label (ties: first document graph by IRI).
    primary = min(shares, key=lambda g: (-_count(shares[g]), g))
    return _describe(entity, shares[primary], _pool(shares.values()), sum(_count(s) for s in shares.values()))


def _pool(shares: Iterable[Mapping[str, list]]) -> dict[str, set]:
    """What every share adds to the merge: labels (and other names), job titles, sameAs."""
    out: dict[str, set] = {_ALT_LABEL.value: set(), _JOB_TITLE.value: set(), _SAME_AS.value: set()}
    for s in shares:
        for key in (_RDFS_LABEL.value, _ALT_LABEL.value):
            out[_ALT_LABEL.value].update(s.get(key, ()))
        for key in (_JOB_TITLE.value, _SAME_AS.value):
            out[key].update(s.get(key, ()))
    return out


def _describe(entity: ox.NamedNode, p: Mapping[str, list], pool: Mapping[str, set], total: int) -> list[ox.Triple]:
    """The merged description from the primary share ``p``, every share's ``pool`` and the total mentions."""
    label = min(p.get(_RDFS_LABEL.value, []), key=str, default=None)
    out = [ox.Triple(entity, _RDF_TYPE, t) for t in sorted(set(p.get(_RDF_TYPE.value, [])), key=str)[:1]]
    if label is not None:
        out.append(ox.Triple(entity, _RDFS_LABEL, label))
    out += [ox.Triple(entity, _ALT_LABEL, o) for o in sorted(pool[_ALT_LABEL.value] - {label}, key=str)]
    out += [ox.Triple(entity, _JOB_TITLE, o) for o in sorted(pool[_JOB_TITLE.value], key=str)]
    out.append(ox.Triple(entity, _MENTIONS, ox.Literal(str(total), datatype=_XSD_INTEGER)))
    same = sorted(p.get(_SAME_AS.value, []), key=str) or sorted(pool[_SAME_AS.value], key=str)
    out += [ox.Triple(entity, _SAME_AS, o) for o in same[:1]]
    return out


# An entity with at least this many quads (as subject, in any graph) has its stored shares merged by
# the engine (:func:`_large_merge`); below, they are read into Python as :func:`stored_shares` does.
LARGE_ENTITY = 150


def _stored_merge(store: ox.Store, entity: ox.NamedNode, contrib_prefix: str, skip: set[str],
                  new: Mapping[str, dict[str, list]]) -> list[ox.Triple]:
    """:func:`merge_entity` of the stored shares (less the graphs in ``skip``) and the ``new`` ones."""
    head = list(islice(store.quads_for_pattern(entity, None, None, None), LARGE_ENTITY))
    if len(head) >= LARGE_ENTITY:
        return _large_merge(store, entity, contrib_prefix, skip, new)
    shares: Shares = {}
    for q in head:
        g = q.graph_name
        if isinstance(g, ox.NamedNode) and g.value.startswith(contrib_prefix) and g.value not in skip:
            shares.setdefault(g.value, {}).setdefault(q.predicate.value, []).append(q.object)
    shares.update(new)
    return merge_entity(entity, shares)


def _large_merge(store: ox.Store, entity: ox.NamedNode, contrib_prefix: str, skip: set[str],
                 new: Mapping[str, dict[str, list]]) -> list[ox.Triple]:
    """:func:`merge_entity` of an entity with many shares (the United States has one in most
    documents) without reading them into Python: the engine lists the graphs that describe it and
    their mention counts, and the distinct names, titles and sameAs of its shares; only the primary
    share is read.  The same answer as reading every share (tests/store/test_large_merge.py)."""
    graphs = [r["g"].value for r in store.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {entity} ?p ?o }} }}")]
    shares = {g for g in graphs if g.startswith(contrib_prefix) and g not in skip}
    counts = dict.fromkeys(shares, 0)
    for r in store.query(f"SELECT ?g ?o WHERE {{ GRAPH ?g {{ {entity} {_MENTIONS} ?o }} }}"):
        if r["g"].value in counts:
            counts[r["g"].value] += int(r["o"].value)
    counts.update((g, _count(s)) for g, s in new.items())
    if not counts:
        return []
    top = min(counts, key=lambda g: (-counts[g], g))
    if top in new:
        primary = new[top]
    else:
        primary = {}
        for q in store.quads_for_pattern(entity, None, None, ox.NamedNode(top)):
            primary.setdefault(q.predicate.value, []).append(q.object)
    pool = _pool(new.values())
    if shares:
        others = ", ".join(str(ox.NamedNode(g)) for g in sorted(set(graphs) - shares))
        outside = f" FILTER(?g NOT IN ({others}))" if others else ""
        for r in store.query(f"SELECT DISTINCT ?p ?o WHERE {{ VALUES ?p {{ {_RDFS_LABEL} {_ALT_LABEL} {_JOB_TITLE} "
                             f"{_SAME_AS} }} GRAPH ?g {{ {entity} ?p ?o }}{outside} }}"):
            p = r["p"].value
            pool[_ALT_LABEL.value if p == _RDFS_LABEL.value else p].add(r["o"])
    return _describe(entity, primary, pool, sum(counts.values()))


def entity_changes(store: ox.Store, base: str, entities: Iterable[ox.NamedNode], *, dropped: set[str] = frozenset(),
                    new_shares: Mapping[ox.NamedNode, Shares] | None = None) -> tuple[list[ox.Quad], list[ox.Quad]]:
    """Quads to delete from and insert into the merged entity graph so that ``entities`` are
    described by the stored shares, less the ``dropped`` document-entities graphs, plus
    ``new_shares`` (entity -> shares of documents being written in the same transaction)."""
    merged = ox.NamedNode(str(entity_graph_iri(base)))
    prefix = str(document_entities_graph_iri(base, "x"))[: -len("x")]
    held: dict[ox.NamedNode, set[str]] = {}  # entity -> the dropped graphs holding a share of it
    for g in sorted(dropped):
        if g.startswith(prefix):
            for q in store.quads_for_pattern(None, None, None, ox.NamedNode(g)):
                held.setdefault(q.subject, set()).add(g)
    old: list[ox.Quad] = []
    new: list[ox.Quad] = []
    for e in sorted(set(entities), key=lambda n: n.value):
        mine = (new_shares or {}).get(e, {})
        merge = _stored_merge(store, e, prefix, held.get(e, set()) | set(mine), mine)
        old += store.quads_for_pattern(e, None, None, merged)
        new += [ox.Quad(t.subject, t.predicate, t.object, merged) for t in merge]
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
