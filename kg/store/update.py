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
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from dataclasses import replace as with_fields
from pathlib import Path
from typing import Callable, Collection, Iterator, Mapping, Sequence

import pyoxigraph as ox

from kg.export.dataset import document_entities_graph_iri, document_graph_iri, entity_graph_iri, iter_document_graphs
from kg.export.rdf import DEFAULT_BASE, oxigraph_terms, validate_base
from kg.model import Entity, KnowledgeGraph
from kg.procs import paused_gc
from kg.resources import Resources, load_resources
from kg.store.embedded import StoreError, damaged_store_error, open_store
from kg.store.entities import Pending, accumulate, finish
from kg.store.facts import rebuild_fact_graph, refresh_fact_graph, touched_facts
from kg.store.merge import Shares, apply_update, entity_changes, merge_entity, rebuild_entity_graph, repair_if_stale
from kg.store.meta import (
    _FACTS_STALE,
    _FIRST_BUILD,
    _TRUE,
    META,
    StoreReport,
    _any_prefix_graph,
    _documents,
    _flagged,
    _init_meta,
    document_quads,
    document_quads_change,
    public_quads,
    store_base,
)
from kg.store.view import upgrade_if_needed, view_changes, view_quads

log = logging.getLogger(__name__)
_DC_SOURCE = ox.NamedNode("http://purl.org/dc/terms/source")
_FACTS_STALE_FLAG = ox.Quad(META, _FACTS_STALE, _TRUE, META)

__all__ = ["update_store", "remove_documents", "rebuild_entity_graph", "repair_if_stale", "merge_entity"]

def _finish(store: ox.Store, path: Path, documents: int, corpus: Pending | None = None,
            facts: set[ox.NamedNode] | None = None, **fields) -> StoreReport:
    """Resolution records, fact summaries (of ``facts``, the facts whose statements changed; all
    when None), the report (``documents``: how many the store holds now)."""
    if corpus is not None:  # merged IRIs and resolution records (kg.store.entities)
        finish(store, corpus)
    base = store_base(store)
    if base is not None and facts is None:
        rebuild_fact_graph(store, base)  # kg.export.facts (all: a first build, or a run killed before)
    elif base is not None:
        refresh_fact_graph(store, base, facts)
    store.remove(_FACTS_STALE_FLAG)
    quads = public_quads(store, base) if base is not None else 0
    store.flush()
    report = StoreReport(path=path, documents=documents, quads=quads, **fields)
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
    on_resolved: Callable[[Callable[[], KnowledgeGraph]], None] | None = None,
) -> StoreReport:
    """Add the documents of ``kg`` to the store at ``path`` (created if missing).

    A document already in the store is replaced (its old facts, provenance and entity share go)
    and logged as a warning with its old and new source; a document whose content is unchanged
    is left alone.  With ``replace=False`` a document that would replace a different stored
    version raises :class:`StoreError` before anything is written.  ``doc_entities`` (document
    id -> ``DocResult.entities``) makes per-document mention counts exact; see
    :func:`kg.export.dataset.split_documents`.  ``on_resolved``, when given, is called before the
    first write of an update of a store that holds documents, with a function that makes the model
    of every document the store will hold (corpus resolution is done by then; the writes do not
    change it): :mod:`kg.store.outputs` starts drawing the page and GraphML from it while this writes.
    """
    path = Path(path)
    validate_base(base)
    res = resources or load_resources()
    store = open_store(path, create=True)
    try:
        with _writing(path):
            _init_meta(store, base, path)
            repair_if_stale(store)
            upgrade_if_needed(store, path)
            return _update(store, path, kg, base=base, res=res, doc_entities=doc_entities, replace=replace,
                           on_resolved=on_resolved)
    except BaseException as exc:
        # The traceback's frames would keep the store (and its lock) open for as long as the
        # caller holds the error; a refused update must leave the store free for the next one.
        del store
        traceback.clear_frames(exc.__traceback__)
        raise


# Documents written per transaction by an update: pyoxigraph holds a transaction's quads in native
# memory (about 2 KiB a quad; a document writes a few hundred), docs/scale.md.
WRITE_CHUNK = 1000


@dataclass
class _Plan:
    """What an update writes: documents sorted by what happens to them, graphs and entity shares."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    rewritten: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    touched: set[ox.NamedNode] = field(default_factory=set)
    new_shares: dict[ox.NamedNode, Shares] = field(default_factory=dict)
    fresh: list[ox.Quad] = field(default_factory=list)  # the graphs to write
    drop: list[ox.NamedNode] = field(default_factory=list)  # the graphs of replaced documents
    public: int = 0  # quads of the document graphs written
    removed: int = 0  # quads of the document graphs dropped
    facts: set[ox.NamedNode] = field(default_factory=set)  # facts of the statements written or dropped


def _update(store: ox.Store, path: Path, kg: KnowledgeGraph, *, base: str, res: Resources,
            doc_entities: Mapping[str, Sequence[Entity]] | None, replace: bool = True,
            on_resolved: Callable[[Callable[[], KnowledgeGraph]], None] | None = None) -> StoreReport:
    # A run killed between its writes and the refresh of their fact summaries left the flag: all
    # summaries are recomputed this time.
    stale_facts = _flagged(store, _FACTS_STALE)
    # A store without documents (a first build) needs no read-back: every share is in memory.  (Not
    # "without entity shares": documents in which nothing was found have none, and would be loaded
    # again on top of themselves.)
    # corpus resolution over the stored documents and these (kg.store.entities): adds the stored
    # documents whose entities resolve differently now, to be rewritten
    stored = _documents(store)
    with paused_gc():  # decoding and resolving every stored record: millions of long-lived objects (kg.procs)
        kg, doc_entities, corpus = accumulate(store, kg, doc_entities, stored.values(), base=base, resources=res)
    prefix = str(document_entities_graph_iri(base, "x"))[: -len("x")]
    empty = not _any_prefix_graph(store, prefix) and not _any_prefix_graph(store, str(document_graph_iri(base, "x"))[:-1])
    chunks = _plans(store, kg, base=base, res=res, doc_entities=doc_entities, empty=empty, replace=replace,
                    rewritten=corpus.rewritten)
    if empty or not replace:  # a first build loads all at once; --no-replace refuses before anything is written
        chunks = list(chunks)
        _refuse(_merged(chunks).refused, path)
        if empty:
            plan = _merged(chunks)
            return _first_build(store, path, plan, base, corpus, len(stored) + len(plan.added))
    if on_resolved is not None and corpus.resolution is not None and corpus.results:
        on_resolved(lambda: corpus.model(res))
    done = []
    for part in chunks:  # one transaction per chunk of documents, planned just before: each leaves a consistent store
        _write(store, base, part)
        part.fresh, part.new_shares = [], {}  # written: only the report's fields are kept (the peak of a large write)
        done.append(part)
    plan = _merged(done)
    # a document's graph is written once: the new documents are the ones whose graph was not stored
    documents = len(stored) + len(plan.added)
    report = _finish(store, path, documents, corpus=corpus, facts=None if stale_facts else plan.facts, added=tuple(plan.added), replaced=tuple(plan.replaced),
                     rewritten=tuple(plan.rewritten), unchanged=tuple(plan.unchanged), entities_updated=len(plan.touched))
    # the model of every stored document, from this update's corpus resolution (kg.store.outputs)
    return with_fields(report, stored_model=lambda: corpus.model(res))


def _refuse(refused: list[str], path: Path) -> None:
    if refused:
        raise StoreError(
            f"{len(refused)} document(s) would replace a different version already in the store at {path}: "
            f"{', '.join(refused[:3])}{' ...' if len(refused) > 3 else ''}; nothing was written. Give them other "
            "ids (file names or the id field) or build without --no-replace to replace them.")


def _write(store: ox.Store, base: str, plan: _Plan) -> None:
    """One chunk's documents, the entity merges and view changes they cause, the kept quad count and
    the facts-stale flag: one transaction.  A run killed between two chunks leaves the store as a
    build of fewer documents would (the next build rewrites what resolves differently)."""
    delete, insert = entity_changes(store, base, plan.touched, dropped={q.value for q in plan.drop},
                                    new_shares=plan.new_shares)
    view_delete, view_insert = view_changes(store, base, drop=plan.drop, delete=delete, insert=plan.fresh + insert)
    count_delete, count_insert = document_quads_change(store, document_quads(store) + plan.public - plan.removed)
    apply_update(store, drop=plan.drop, delete=delete + view_delete + count_delete,
                 insert=plan.fresh + insert + view_insert + count_insert + [_FACTS_STALE_FLAG])


def _merged(plans: list[_Plan]) -> _Plan:
    """The chunks' plans as one (the report, a refusal, a first build)."""
    if len(plans) == 1:
        return plans[0]
    out = _Plan()
    for p in plans:
        for name in ("added", "replaced", "rewritten", "unchanged", "refused", "fresh", "drop"):
            getattr(out, name).extend(getattr(p, name))
        out.touched |= p.touched
        out.facts |= p.facts
        out.public += p.public
        out.removed += p.removed
        for subject, shares in p.new_shares.items():
            out.new_shares.setdefault(subject, {}).update(shares)
    return out


def _plans(store: ox.Store, kg: KnowledgeGraph, *, base: str, res: Resources,
           doc_entities: Mapping[str, Sequence[Entity]] | None, empty: bool, replace: bool,
           rewritten: Collection[str] = ()) -> Iterator[_Plan]:
    """Each document's graphs, compared with the stored version (none on a first build), in chunks
    of at most :data:`WRITE_CHUNK` documents to write (a transaction's memory grows with its quads),
    made one at a time (a chunk written before the next is made holds no quads of the others).
    Always at least one chunk (it writes the kept quad count)."""
    plan = _Plan()
    terms = oxigraph_terms()
    for part in iter_document_graphs(kg, base=base, resources=res, doc_entities=doc_entities, terms=terms):
        if len(plan.added) + len(plan.replaced) + len(plan.rewritten) >= WRITE_CHUNK:
            yield plan
            plan = _Plan()
        g = ox.NamedNode(str(document_graph_iri(base, part.doc_id)))
        e = ox.NamedNode(str(document_entities_graph_iri(base, part.doc_id)))
        new = {g: [ox.Quad(s, p, o, g) for s, p, o in part.facts],
               e: [ox.Quad(s, p, o, e) for s, p, o in part.entities]}
        if not empty and store.contains_named_graph(g):
            old = {name: set(store.quads_for_pattern(None, None, None, name)) for name in new}
            if all(old[name] == set(qs) for name, qs in new.items()):
                plan.unchanged.append(part.doc_id)
                continue
            was = sorted({q.object.value for q in old[g] if q.predicate == _DC_SOURCE}) or ["no source"]
            now = sorted({o.value for s, p, o in part.facts if p == _DC_SOURCE}) or ["no source"]
            change = f"{part.doc_id!r} (stored from {was[0]}, now from {now[0]})"
            if part.doc_id in rewritten:  # the same document, its entities resolved with the new ones
                log.info("document %r rewritten: its entities resolve differently with the new documents", part.doc_id)
                plan.rewritten.append(part.doc_id)
            elif not replace:
                plan.refused.append(change)
                continue
            else:
                log.warning("document %s replaced by a different version", change)
                plan.replaced.append(part.doc_id)
            plan.touched |= {q.subject for q in old.get(e, ())}
            plan.drop += [g, e]
            plan.removed += len(old[g])
            plan.facts |= touched_facts(old[g])
        else:
            plan.added.append(part.doc_id)
        plan.fresh += new[g] + new[e]
        plan.public += len(new[g])
        plan.facts |= touched_facts(new[g])
        for q in new[e]:
            plan.new_shares.setdefault(q.subject, {}).setdefault(e.value, {}).setdefault(
                q.predicate.value, []).append(q.object)
        plan.touched |= {q.subject for q in new[e]}
    yield plan


def _first_build(store: ox.Store, path: Path, plan: _Plan, base: str, corpus: Pending, documents: int) -> StoreReport:
    """The documents and the merged entity graph in one bulk load."""
    merged = ox.NamedNode(str(entity_graph_iri(base)))
    entity_quads = [ox.Quad(t.subject, t.predicate, t.object, merged)
                    for e in sorted(plan.touched, key=lambda n: n.value) for t in merge_entity(e, plan.new_shares[e])]
    if plan.fresh or entity_quads:
        # pyoxigraph's bulk loader is ~2x faster than a transaction, but not atomic: a marker says a
        # first build is under way (readers refuse the store), a killed one is cleared by the next write.
        store.extend([ox.Quad(META, _FIRST_BUILD, _TRUE, META)])
        stale_count, count = document_quads_change(store, plan.public)
        for q in stale_count:
            store.remove(q)
        store.bulk_extend(plan.fresh + entity_quads + view_quads(plan.fresh + entity_quads, base) + count)
        store.remove(ox.Quad(META, _FIRST_BUILD, _TRUE, META))
    return _finish(store, path, documents, corpus=corpus, added=tuple(plan.added),
                   entities_updated=len(plan.touched))


def remove_documents(path: Path | str, doc_ids: Sequence[str]) -> StoreReport:
    """Take documents' facts, provenance and entity shares out of the store (one transaction)."""
    path = Path(path)
    store = open_store(path)
    with _writing(path):
        base = store_base(store)
        if base is None:
            raise StoreError(f"{path} is not a newskg store (no base IRI recorded); rebuild it with `kg build`.")
        repair_if_stale(store)
        upgrade_if_needed(store, path)
        stale_facts = _flagged(store, _FACTS_STALE)
        stored = _documents(store)
        known = set(stored.values())
        missing = [d for d in doc_ids if d not in known]
        if missing:
            sample = ", ".join(sorted(known)[:5]) + (", ..." if len(known) > 5 else "")
            raise StoreError(f"no document {', '.join(map(repr, missing))} in the store at {path}; "
                             f"known ids: {sample or 'none'} (list them with `kg query --store {path} --named documents`).")
        touched: set[ox.NamedNode] = set()
        drop: list[ox.NamedNode] = []
        removed = 0
        facts: set[ox.NamedNode] = set()
        for doc_id in doc_ids:
            g = ox.NamedNode(str(document_graph_iri(base, doc_id)))
            e = ox.NamedNode(str(document_entities_graph_iri(base, doc_id)))
            touched |= {q.subject for q in store.quads_for_pattern(None, None, None, e)}
            quads = list(store.quads_for_pattern(None, None, None, g))
            removed += len(quads)
            facts |= touched_facts(quads)
            drop += [g, e]
        delete, insert = entity_changes(store, base, touched, dropped={q.value for q in drop})
        view_delete, view_insert = view_changes(store, base, drop=drop, delete=delete, insert=insert)
        count_delete, count_insert = document_quads_change(store, document_quads(store) - removed)
        apply_update(store, drop=drop, delete=delete + view_delete + count_delete,
                     insert=insert + view_insert + count_insert + [_FACTS_STALE_FLAG])
        gone = set(doc_ids)
        left = sum(1 for d in stored.values() if d not in gone)
        return _finish(store, path, left, facts=None if stale_facts else facts, removed=tuple(doc_ids),
                       entities_updated=len(touched))
