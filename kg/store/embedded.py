"""The embedded on-disk store (pyoxigraph/RocksDB): builds accumulate, documents can be replaced or removed.

Named graphs (see :mod:`kg.export.dataset`)::

    <base>graph/<doc>         the document's facts and provenance          (public)
    <base>kg/entities         merged entity descriptions                   (public)
    <base>kg-entities/<doc>   what that document said about its entities   (bookkeeping)
    urn:newskg:store          the store's base IRI and format version      (bookkeeping)

Why per-document entity graphs: an entity's description is a merge over documents (labels,
aliases and titles are unions, the mention count is a sum).  Keeping each document's share lets
the merged description be *recomputed* when a document is re-ingested or removed; deleting from
a merged graph alone would leave stale aliases and wrong counts.  Queries see only the public
graphs (:func:`public_graphs`).

Updates: a first build (a store without documents) bulk-loads the documents and the merged entity
graph, between a "first build in progress" marker and its removal; a store found with the marker
(a killed first build) is cleared and built again.  Later, new documents are added in one
transaction and each replaced document in one SPARQL Update; both also set a "stale" flag; the
merged descriptions of the affected entities are then recomputed and the flag cleared.  If a run dies in between, the next write sees the flag
and recomputes the whole merged graph, so the store never stays inconsistent.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import pyoxigraph as ox

from kg.export.dataset import (
    DESCRIPTION_PREDICATES,
    document_entities_graph_iri,
    document_graph_iri,
    entity_graph_iri,
    iter_document_graphs,
)
from kg.errors import KGError
from kg.export.formats import LARGE_TRIPLES, Engine, from_ox_term, serialize_ox_quads, serialize_quads
from kg.model import Entity, KnowledgeGraph
from kg.export.rdf import DEFAULT_BASE, oxigraph_terms, validate_base
from kg.resources import Resources, load_resources
from kg.vocab import KG_NS

log = logging.getLogger(__name__)

__all__ = ["StoreError", "StoreReport", "update_store", "remove_documents", "export_store", "store_documents",
           "store_base", "public_graphs", "open_store", "rebuild_entity_graph"]

FORMAT_VERSION = "1"
META = ox.NamedNode("urn:newskg:store")
_VOID_URISPACE = ox.NamedNode("http://rdfs.org/ns/void#uriSpace")
_VERSION = ox.NamedNode("http://purl.org/dc/terms/hasVersion")
_STALE = ox.NamedNode("urn:newskg:entitiesStale")
_FIRST_BUILD = ox.NamedNode("urn:newskg:firstBuildInProgress")
_TRUE = ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
_ALT_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
_JOB_TITLE = ox.NamedNode("https://schema.org/jobTitle")
_MENTIONS = ox.NamedNode(KG_NS + "mentionCount")
_SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
_KG_DOCUMENT = ox.NamedNode(KG_NS + "Document")
_DC_IDENTIFIER = ox.NamedNode("http://purl.org/dc/terms/identifier")
_DC_SOURCE = ox.NamedNode("http://purl.org/dc/terms/source")
assert {str(p) for p in DESCRIPTION_PREDICATES} == {
    p.value for p in (_RDF_TYPE, _RDFS_LABEL, _ALT_LABEL, _JOB_TITLE, _MENTIONS, _SAME_AS)
}


class StoreError(KGError):
    """The store is missing, locked, or was built with another base IRI."""


@dataclass(frozen=True)
class StoreReport:
    """What an update or removal did."""

    path: Path
    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    entities_updated: int = 0
    documents: int = 0  # documents in the store afterwards
    quads: int = 0  # public quads in the store afterwards

    def summary(self) -> str:
        return (f"store {self.path}: {len(self.added)} added, {len(self.replaced)} replaced, "
                f"{len(self.unchanged)} unchanged, {len(self.removed)} removed; "
                f"{self.documents} document(s), {self.quads} quads")


# -- opening -------------------------------------------------------------------------------------
def open_store(path: Path | str, *, create: bool = False, read_only: bool = False) -> ox.Store:
    """Open the store at ``path`` (``create`` makes it if missing)."""
    path = Path(path)
    if not create and not (path / "CURRENT").is_file():
        raise StoreError(
            f"no newskg store at {path}; build one with `kg build INPUT --out DIR` (it writes DIR/store) "
            f"or pass the right --store folder."
        )
    if create and path.exists() and not path.is_dir():
        raise StoreError(f"{path} exists and is not a folder; choose another --out folder.")
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as exc:
        text = str(exc)
        hint = ("another process (a running `kg build` or `kg query`?) holds the store open; wait for it "
                "or copy the folder." if "lock" in text.lower() else "the folder is not a valid store; "
                "delete it and rebuild.")
        raise StoreError(f"cannot open the store at {path}: {text.splitlines()[0] if text else exc}; {hint}") from exc


def store_base(store: ox.Store) -> str | None:
    for q in store.quads_for_pattern(META, _VOID_URISPACE, None, META):
        return q.object.value
    return None


def _init_meta(store: ox.Store, base: str, path: Path) -> None:
    known = store_base(store)
    if known is None:
        store.extend([ox.Quad(META, _VOID_URISPACE, ox.Literal(base), META),
                      ox.Quad(META, _VERSION, ox.Literal(FORMAT_VERSION), META)])
    elif known != base:
        raise StoreError(
            f"the store at {path} was built with --base {known!r}, not {base!r}; IRIs would not match. "
            f"Rebuild with --base {known!r} or use another --out folder."
        )


def _prefix_graphs(store: ox.Store, prefix: str) -> list[ox.NamedNode]:
    return sorted((g for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g.value.startswith(prefix)),
                  key=lambda g: g.value)


def public_graphs(store: ox.Store) -> list[ox.NamedNode]:
    """The graphs queries see: every document graph and the merged entity graph."""
    base = store_base(store)
    if base is None:
        return []
    doc_prefix = str(document_graph_iri(base, "x"))[: -len("x")]
    ent = ox.NamedNode(str(entity_graph_iri(base)))
    graphs = _prefix_graphs(store, doc_prefix)
    return graphs + ([ent] if store.contains_named_graph(ent) else [])


def store_documents(path: Path | str) -> list[str]:
    """Ids of the documents in the store, sorted."""
    store = open_store(path, read_only=True)
    return sorted(_documents(store).values())


def _documents(store: ox.Store) -> dict[str, str]:
    """Document graph IRI -> document id."""
    out: dict[str, str] = {}
    for g in public_graphs(store):
        for q in store.quads_for_pattern(None, _RDF_TYPE, _KG_DOCUMENT, g):
            for ident in store.quads_for_pattern(q.subject, _DC_IDENTIFIER, None, g):
                out[g.value] = ident.object.value
    return out


# -- writing -------------------------------------------------------------------------------------
def _data_block(graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> str:
    body = " .\n".join(str(q.triple) for q in quads)
    return f"GRAPH {graph} {{\n{body} .\n}}" if body else ""


def _replace_graphs(store: ox.Store, graphs: Mapping[ox.NamedNode, Sequence[ox.Quad]], drop: Sequence[ox.NamedNode]) -> None:
    """Drop ``drop`` and write ``graphs`` in one transaction, marking merged entities stale."""
    ops = [f"DROP SILENT GRAPH {g}" for g in drop]
    blocks = [b for g, qs in graphs.items() if (b := _data_block(g, qs))]
    blocks.append(_data_block(META, [ox.Quad(META, _STALE, _TRUE, META)]))
    ops.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
    store.update(" ;\n".join(ops))


def _subjects(store: ox.Store, graph: ox.NamedNode) -> set[ox.NamedNode]:
    return {q.subject for q in store.quads_for_pattern(None, None, None, graph)}


Shares = dict[str, dict[str, list]]  # document-entities graph IRI -> predicate IRI -> objects


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


def _recompute_entities(store: ox.Store, base: str, entities: Iterable[ox.NamedNode]) -> int:
    """Rewrite the merged descriptions of ``entities``, then clear the stale flag.

    Runs with the stale flag set: if the process dies half-way, the next write sees the flag and
    rebuilds the whole entity graph (:func:`_repair_if_stale`)."""
    merged = ox.NamedNode(str(entity_graph_iri(base)))
    prefix = str(document_entities_graph_iri(base, "x"))[: -len("x")]
    fresh: list[ox.Quad] = []
    count = 0
    for e in sorted(set(entities), key=lambda n: n.value):
        for q in list(store.quads_for_pattern(e, None, None, merged)):
            store.remove(q)
        fresh += [ox.Quad(t.subject, t.predicate, t.object, merged)
                  for t in _merge_entity(e, _stored_shares(store, e, prefix))]
        count += 1
    if fresh:
        store.extend(fresh)
    store.remove(ox.Quad(META, _STALE, _TRUE, META))
    return count


def rebuild_entity_graph(store: ox.Store) -> int:
    """Recompute the whole merged entity graph from the per-document shares."""
    base = store_base(store)
    if base is None:
        return 0
    prefix = str(document_entities_graph_iri(base, "x"))[: -len("x")]
    entities = {q.subject for g in _prefix_graphs(store, prefix) for q in store.quads_for_pattern(None, None, None, g)}
    store.update(f"DROP SILENT GRAPH {ox.NamedNode(str(entity_graph_iri(base)))}")
    return _recompute_entities(store, base, entities)


def _flagged(store: ox.Store, flag: ox.NamedNode) -> bool:
    """Is the bookkeeping ``flag`` (_STALE or _FIRST_BUILD) set?"""
    return any(True for _ in store.quads_for_pattern(META, flag, None, META))


def _repair_if_stale(store: ox.Store) -> None:
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
    _init_meta(store, base, path)
    _repair_if_stale(store)
    # A store without documents (a first build) needs no read-back: every share is in memory.  (Not
    # "without entity shares": documents in which nothing was found have none, and would be loaded
    # again on top of themselves.)
    prefix = str(document_entities_graph_iri(base, "x"))[: -len("x")]
    empty = not _prefix_graphs(store, prefix) and not _prefix_graphs(store, str(document_graph_iri(base, "x"))[:-1])
    known: dict[ox.NamedNode, Shares] | None = {} if empty else None
    added, replaced, unchanged, refused = [], [], [], []
    touched: set[ox.NamedNode] = set()
    fresh: list[ox.Quad] = []  # graphs of documents new to the store: written in one transaction
    public = 0
    terms = oxigraph_terms()
    for part in iter_document_graphs(kg, base=base, resources=res, doc_entities=doc_entities, terms=terms):
        g = ox.NamedNode(str(document_graph_iri(base, part.doc_id)))
        e = ox.NamedNode(str(document_entities_graph_iri(base, part.doc_id)))
        new = {g: [ox.Quad(s, p, o, g) for s, p, o in part.facts],
               e: [ox.Quad(s, p, o, e) for s, p, o in part.entities]}
        exists = not empty and store.contains_named_graph(g)
        if not exists:
            fresh += new[g] + new[e]
            public += len(new[g])
            if known is not None:
                for q in new[e]:
                    known.setdefault(q.subject, {}).setdefault(e.value, {}).setdefault(
                        q.predicate.value, []).append(q.object)
            touched |= {q.subject for q in new[e]}
            added.append(part.doc_id)
            continue
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
        touched |= {q.subject for q in old.get(e, ())} | {q.subject for q in new[e]}
        _replace_graphs(store, {k: sorted(v, key=str) for k, v in new.items()}, drop=[g, e])
        replaced.append(part.doc_id)
    if refused:
        del store   # the error's traceback keeps this frame: release the store's lock now
        raise StoreError(
            f"{len(refused)} document(s) would replace a different version already in the store at {path}: "
            f"{', '.join(refused[:3])}{' ...' if len(refused) > 3 else ''}; nothing was written. Give them other "
            "ids (file names or the id field) or build without --no-replace to replace them.")
    if known is not None:
        # A first build: the documents and the merged entity graph in one load.
        merged = ox.NamedNode(str(entity_graph_iri(base)))
        entity_quads = [ox.Quad(t.subject, t.predicate, t.object, merged)
                        for e in sorted(touched, key=lambda n: n.value) for t in _merge_entity(e, known[e])]
        if fresh or entity_quads:
            # pyoxigraph's bulk loader is ~2x faster than a transaction, but not atomic: a marker says a
            # first build is under way, so a killed one is cleared by the next write (_repair_if_stale).
            store.extend([ox.Quad(META, _FIRST_BUILD, _TRUE, META)])
            store.bulk_extend(fresh + entity_quads)
            store.remove(ox.Quad(META, _FIRST_BUILD, _TRUE, META))
        return _finish(store, path, quads=public + len(entity_quads), added=tuple(added),
                       entities_updated=len(touched))
    if fresh:
        # the new documents and the stale flag in one transaction (store.extend is atomic)
        store.extend(fresh + [ox.Quad(META, _STALE, _TRUE, META)])
    count = _recompute_entities(store, base, touched)
    return _finish(store, path, added=tuple(added), replaced=tuple(replaced), unchanged=tuple(unchanged),
                   entities_updated=count)


def remove_documents(path: Path | str, doc_ids: Sequence[str]) -> StoreReport:
    """Take documents' facts, provenance and entity shares out of the store."""
    path = Path(path)
    store = open_store(path)
    base = store_base(store)
    if base is None:
        raise StoreError(f"{path} is not a newskg store (no base IRI recorded); rebuild it with `kg build`.")
    _repair_if_stale(store)
    known = set(_documents(store).values())
    missing = [d for d in doc_ids if d not in known]
    if missing:
        sample = ", ".join(sorted(known)[:5]) + (", ..." if len(known) > 5 else "")
        raise StoreError(f"no document {', '.join(map(repr, missing))} in the store at {path}; "
                         f"known ids: {sample or 'none'} (list them with `kg query --store {path} --named documents`).")
    touched: set[ox.NamedNode] = set()
    for doc_id in doc_ids:
        g = ox.NamedNode(str(document_graph_iri(base, doc_id)))
        e = ox.NamedNode(str(document_entities_graph_iri(base, doc_id)))
        touched |= _subjects(store, e)
        _replace_graphs(store, {}, drop=[g, e])
    count = _recompute_entities(store, base, touched)
    return _finish(store, path, removed=tuple(doc_ids), entities_updated=count)


def export_store(path: Path | str, fmt: str, *, engine: Engine = "auto") -> bytes:
    """Everything the store holds (its public graphs) in one RDF format, deterministically.

    For the same content the bytes equal :func:`kg.export.formats.serialize` of the model.
    """
    store = open_store(path, read_only=True)
    if _flagged(store, _FIRST_BUILD):
        log.warning("the store holds an interrupted first build and is incomplete; run `kg build` again")
    elif _flagged(store, _STALE):
        log.warning("the store's entity graph is stale (interrupted run); run `kg build` or `kg remove` to repair it")
    base = store_base(store) or DEFAULT_BASE
    quads = [q for g in public_graphs(store) for q in store.quads_for_pattern(None, None, None, g)]
    if engine == "oxigraph" or (engine == "auto" and len(quads) > LARGE_TRIPLES):
        return serialize_ox_quads(quads, fmt, base=base)
    return serialize_quads((tuple(map(from_ox_term, (q.subject, q.predicate, q.object, q.graph_name))) for q in quads),
                           fmt, base=base, engine="rdflib")
