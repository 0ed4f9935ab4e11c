"""Writing the store: add or replace documents, remove them, keep the merged entity graph right.

Atomicity: every change to a store that already holds documents (new documents, replaced ones,
removals, the recomputed entity descriptions) is *one* SPARQL Update, which Oxigraph applies in
one transaction: a reader sees the store before or after it, and a process killed at any moment
(even with SIGKILL) leaves the store as it was.  A first build (a store without documents) is
bulk-loaded (~2x faster, not atomic) between a "first build in progress" marker and its removal;
readers refuse a store with the marker (:func:`kg.store.embedded.open_store`) and the next build
clears it.  Stores left with a "stale" entity graph by older versions are repaired on open.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import pyoxigraph as ox

from kg.export.dataset import document_entities_graph_iri, document_graph_iri, entity_graph_iri, iter_document_graphs
from kg.export.rdf import DEFAULT_BASE, oxigraph_terms, validate_base
from kg.model import Entity, KnowledgeGraph
from kg.resources import Resources, load_resources
from kg.store.embedded import (
    _ALT_LABEL, _FIRST_BUILD, _JOB_TITLE, _MENTIONS, _RDF_TYPE, _RDFS_LABEL, _SAME_AS, _STALE, _TRUE, _XSD_INTEGER,
    META, StoreError, StoreReport, _documents, _flagged, _init_meta, _prefix_graphs,
    damaged_store_error, open_store, public_graphs, store_base,
)

log = logging.getLogger(__name__)
_DC_SOURCE = ox.NamedNode("http://purl.org/dc/terms/source")

__all__ = ["update_store", "remove_documents", "rebuild_entity_graph", "repair_if_stale"]

Shares = dict[str, dict[str, list]]  # document-entities graph IRI -> predicate IRI -> objects


def _data_block(graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> str:
    body = " .\n".join(str(q.triple) for q in quads)
    return f"GRAPH {graph} {{\n{body} .\n}}" if body else ""


def _apply(store: ox.Store, *, drop: Sequence[ox.NamedNode] = (), delete: Sequence[ox.Quad] = (),
           insert: Iterable[ox.Quad] = ()) -> None:
    """Drop graphs, delete quads, insert quads: one SPARQL Update, so one transaction."""
    ops = [f"DROP SILENT GRAPH {g}" for g in drop]
    for verb, quads in (("DELETE", delete), ("INSERT", insert)):
        by_graph: dict[ox.NamedNode, list[ox.Quad]] = {}
        for q in quads:
            by_graph.setdefault(q.graph_name, []).append(q)
        blocks = [b for g, qs in by_graph.items() if (b := _data_block(g, qs))]
        if blocks:
            ops.append(f"{verb} DATA {{\n" + "\n".join(blocks) + "\n}")
    if ops:
        store.update(" ;\n".join(ops))


def _stored_shares(store: ox.Store, entity: ox.NamedNode, contrib_prefix: str) -> Shares:
    """Every document's share of one entity's description, read from the store."""
    shares: Shares = {}
    for q in store.quads_for_pattern(entity, None, None, None):
        g = q.graph_name
        if isinstance(g, ox.NamedNode) and g.value.startswith(contrib_prefix):
            shares.setdefault(g.value, {}).setdefault(q.predicate.value, []).append(q.object)
    return shares


def _merge_entity(entity: ox.NamedNode, shares: Shares) -> list[ox.Triple]:
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


def _entity_changes(store: ox.Store, base: str, entities: Iterable[ox.NamedNode], *, dropped: set[str] = frozenset(),
                    new_shares: Mapping[ox.NamedNode, Shares] | None = None) -> tuple[list[ox.Quad], list[ox.Quad]]:
    """Quads to delete from and insert into the merged entity graph so that ``entities`` are
    described by the stored shares, less the ``dropped`` document-entities graphs, plus
    ``new_shares`` (entity -> shares of documents being written in the same transaction)."""
    merged = ox.NamedNode(str(entity_graph_iri(base)))
    prefix = str(document_entities_graph_iri(base, "x"))[: -len("x")]
    old: list[ox.Quad] = []
    new: list[ox.Quad] = []
    for e in sorted(set(entities), key=lambda n: n.value):
        shares = {g: s for g, s in _stored_shares(store, e, prefix).items() if g not in dropped}
        shares.update((new_shares or {}).get(e, {}))
        old += store.quads_for_pattern(e, None, None, merged)
        new += [ox.Quad(t.subject, t.predicate, t.object, merged) for t in _merge_entity(e, shares)]
    keep = set(old) & set(new)
    return [q for q in old if q not in keep], [q for q in new if q not in keep]


def rebuild_entity_graph(store: ox.Store) -> int:
    """Recompute the whole merged entity graph from the per-document shares (one transaction)."""
    base = store_base(store)
    if base is None:
        return 0
    prefix = str(document_entities_graph_iri(base, "x"))[: -len("x")]
    merged = ox.NamedNode(str(entity_graph_iri(base)))
    entities = {q.subject for g in _prefix_graphs(store, prefix) for q in store.quads_for_pattern(None, None, None, g)}
    fresh = [ox.Quad(t.subject, t.predicate, t.object, merged) for e in sorted(entities, key=lambda n: n.value)
             for t in _merge_entity(e, _stored_shares(store, e, prefix))]
    stale = [ox.Quad(META, _STALE, _TRUE, META)] if _flagged(store, _STALE) else []
    _apply(store, drop=[merged], delete=stale, insert=fresh)
    return len(entities)


def repair_if_stale(store: ox.Store) -> None:
    """Clear an interrupted first build; recompute an entity graph an older newskg left stale."""
    if _flagged(store, _FIRST_BUILD):
        # A first build is bulk-loaded (not one transaction): whatever it left is incomplete.
        log.warning("the store holds an interrupted first build; clearing it and building again")
        for g in list(store.named_graphs()):
            if g != META:
                store.remove_graph(g)
        store.remove(ox.Quad(META, _FIRST_BUILD, _TRUE, META))
        return
    if _flagged(store, _STALE):
        log.warning("the store's entity graph was left stale by an interrupted run; recomputing it")
        rebuild_entity_graph(store)


def _finish(store: ox.Store, path: Path, quads: int | None = None, **fields) -> StoreReport:
    if quads is None:
        quads = sum(1 for g in public_graphs(store) for _ in store.quads_for_pattern(None, None, None, g))
    store.flush()
    report = StoreReport(path=path, documents=len(_documents(store)), quads=quads, **fields)
    log.info(report.summary())
    return report


@contextmanager
def _writing(path: Path):
    """Engine errors met while writing, as one-line StoreErrors (damaged files, a full disk)."""
    try:
        yield
    except StoreError:
        raise
    except (OSError, RuntimeError) as exc:
        damaged = damaged_store_error(exc, path)
        if damaged is not None:
            raise damaged from exc
        if "no space left" in str(exc).lower():
            raise StoreError(f"cannot write the store at {path}: the disk is full; free some space and run the "
                             f"command again.") from exc
        raise


def update_store(
    path: Path | str,
    kg: KnowledgeGraph,
    *,
    base: str = DEFAULT_BASE,
    resources: Resources | None = None,
    doc_entities: Mapping[str, Sequence[Entity]] | None = None,
    replace: bool = True,
) -> StoreReport:
    """Add the documents of ``kg`` to the store at ``path`` (created if missing).

    A document already in the store is replaced (its old facts, provenance and entity share go)
    and logged as a warning with its old and new source; a document whose content is unchanged
    is left alone.  With ``replace=False`` a document that would replace a different stored
    version raises :class:`StoreError` before anything is written.  ``doc_entities`` (document
    id -> ``DocResult.entities``) makes per-document mention counts exact; see
    :func:`kg.export.dataset.split_documents`.
    """
    path = Path(path)
    validate_base(base)
    res = resources or load_resources()
    store = open_store(path, create=True)
    with _writing(path):
        _init_meta(store, base, path)
        repair_if_stale(store)
        return _update(store, path, kg, base=base, res=res, doc_entities=doc_entities, replace=replace)


def _update(store: ox.Store, path: Path, kg: KnowledgeGraph, *, base: str, res: Resources,
            doc_entities: Mapping[str, Sequence[Entity]] | None, replace: bool = True) -> StoreReport:
    # A store without documents (a first build) needs no read-back: every share is in memory.  (Not
    # "without entity shares": documents in which nothing was found have none, and would be loaded
    # again on top of themselves.)
    prefix = str(document_entities_graph_iri(base, "x"))[: -len("x")]
    empty = not _prefix_graphs(store, prefix) and not _prefix_graphs(store, str(document_graph_iri(base, "x"))[:-1])
    added, replaced, unchanged, refused = [], [], [], []
    touched: set[ox.NamedNode] = set()
    new_shares: dict[ox.NamedNode, Shares] = {}
    fresh: list[ox.Quad] = []  # the graphs to write
    drop: list[ox.NamedNode] = []  # the graphs of replaced documents
    public = 0
    terms = oxigraph_terms()
    for part in iter_document_graphs(kg, base=base, resources=res, doc_entities=doc_entities, terms=terms):
        g = ox.NamedNode(str(document_graph_iri(base, part.doc_id)))
        e = ox.NamedNode(str(document_entities_graph_iri(base, part.doc_id)))
        new = {g: [ox.Quad(s, p, o, g) for s, p, o in part.facts],
               e: [ox.Quad(s, p, o, e) for s, p, o in part.entities]}
        if not empty and store.contains_named_graph(g):
            old = {name: set(store.quads_for_pattern(None, None, None, name)) for name in new}
            if all(old[name] == set(qs) for name, qs in new.items()):
                unchanged.append(part.doc_id)
                continue
            was = sorted({q.object.value for q in old[g] if q.predicate == _DC_SOURCE}) or ["no source"]
            now = sorted({o.value for s, p, o in part.facts if p == _DC_SOURCE}) or ["no source"]
            change = f"{part.doc_id!r} (stored from {was[0]}, now from {now[0]})"
            if not replace:
                refused.append(change)
                continue
            log.warning("document %s replaced by a different version", change)
            touched |= {q.subject for q in old.get(e, ())}
            drop += [g, e]
            replaced.append(part.doc_id)
        else:
            added.append(part.doc_id)
        fresh += new[g] + new[e]
        public += len(new[g])
        for q in new[e]:
            new_shares.setdefault(q.subject, {}).setdefault(e.value, {}).setdefault(q.predicate.value, []).append(q.object)
        touched |= {q.subject for q in new[e]}
    if refused:
        raise StoreError(
            f"{len(refused)} document(s) would replace a different version already in the store at {path}: "
            f"{', '.join(refused[:3])}{' ...' if len(refused) > 3 else ''}; nothing was written. Give them other "
            "ids (file names or the id field) or build without --no-replace to replace them.")
    if empty:
        # A first build: the documents and the merged entity graph in one bulk load.
        merged = ox.NamedNode(str(entity_graph_iri(base)))
        entity_quads = [ox.Quad(t.subject, t.predicate, t.object, merged)
                        for e in sorted(touched, key=lambda n: n.value) for t in _merge_entity(e, new_shares[e])]
        if fresh or entity_quads:
            # pyoxigraph's bulk loader is ~2x faster than a transaction, but not atomic: a marker says a
            # first build is under way (readers refuse the store), a killed one is cleared by the next write.
            store.extend([ox.Quad(META, _FIRST_BUILD, _TRUE, META)])
            store.bulk_extend(fresh + entity_quads)
            store.remove(ox.Quad(META, _FIRST_BUILD, _TRUE, META))
        return _finish(store, path, quads=public + len(entity_quads), added=tuple(added),
                       entities_updated=len(touched))
    delete, insert = _entity_changes(store, base, touched, dropped={q.value for q in drop}, new_shares=new_shares)
    _apply(store, drop=drop, delete=delete, insert=fresh + insert)
    return _finish(store, path, added=tuple(added), replaced=tuple(replaced), unchanged=tuple(unchanged),
                   entities_updated=len(touched))


def remove_documents(path: Path | str, doc_ids: Sequence[str]) -> StoreReport:
    """Take documents' facts, provenance and entity shares out of the store (one transaction)."""
    path = Path(path)
    store = open_store(path)
    with _writing(path):
        base = store_base(store)
        if base is None:
            raise StoreError(f"{path} is not a newskg store (no base IRI recorded); rebuild it with `kg build`.")
        repair_if_stale(store)
        known = set(_documents(store).values())
        missing = [d for d in doc_ids if d not in known]
        if missing:
            sample = ", ".join(sorted(known)[:5]) + (", ..." if len(known) > 5 else "")
            raise StoreError(f"no document {', '.join(map(repr, missing))} in the store at {path}; "
                             f"known ids: {sample or 'none'} (list them with `kg query --store {path} --named documents`).")
        touched: set[ox.NamedNode] = set()
        drop: list[ox.NamedNode] = []
        for doc_id in doc_ids:
            g = ox.NamedNode(str(document_graph_iri(base, doc_id)))
            e = ox.NamedNode(str(document_entities_graph_iri(base, doc_id)))
            touched |= {q.subject for q in store.quads_for_pattern(None, None, None, e)}
            drop += [g, e]
        delete, insert = _entity_changes(store, base, touched, dropped={q.value for q in drop})
        _apply(store, drop=drop, delete=delete, insert=insert)
        return _finish(store, path, removed=tuple(doc_ids), entities_updated=len(touched))
