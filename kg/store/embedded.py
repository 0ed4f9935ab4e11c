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
graphs (:func:`public_graphs`), through the store's default graph, which is their maintained
union (:mod:`kg.store.view`: each fact once).

This module opens and reads the store; :mod:`kg.store.update` writes it.  Updates are atomic
except the bulk load of a first build, which runs between a "first build in progress" marker and
its removal: a reader that finds the marker refuses the store with a clear message
(:class:`~kg.errors.StoreIncomplete`), and the next build clears it and builds again.  A store
whose files are damaged is reported as such (:class:`~kg.errors.StoreDamaged`, with how to
recover), and a build never writes into it.
"""

from __future__ import annotations

import logging
from itertools import islice
from pathlib import Path
from typing import Collection

import pyoxigraph as ox

from kg.errors import StoreDamaged, StoreError, StoreIncomplete
from kg.export.formats import (
    DATASET_FORMATS,
    LARGE_TRIPLES,
    Engine,
    dump_ox_graph,
    from_ox_term,
    serialize_ox_quads,
    serialize_quads,
)
from kg.export.rdf import DEFAULT_BASE
from kg.store.merge import repair_if_stale
from kg.store.meta import (  # noqa: F401  (StoreReport and META re-exported)
    _FIRST_BUILD,
    _STALE,
    META,
    StoreReport,
    _documents,
    _flagged,
    _holds_documents_besides,
    _init_meta,
    _prefix_graphs,
    public_graphs,
    store_base,
)
from kg.store.view import needs_upgrade, upgrade_if_needed

log = logging.getLogger(__name__)

__all__ = ["StoreError", "StoreDamaged", "StoreIncomplete", "StoreReport", "export_store", "store_documents",
           "holds_documents_besides", "store_base", "public_graphs", "open_store", "damaged_store_error"]

# -- opening -------------------------------------------------------------------------------------
_RECOVER = ("move it aside (mv {path} {path}.damaged) and run `kg build` on your inputs to make a fresh store; "
            "until then `kg query --graph` can read the last RDF export (graph.ttl beside the store)")
_DAMAGE_WORDS = ("corruption", "checksum", "does not end with newline", "no such file", "not a directory",
                 "invalid argument", "manifest", "truncated", "bad magic", "not an sst")


def damaged_store_error(exc: BaseException, path: Path | str) -> StoreDamaged | None:
    """The one-line error for an engine error that means the store's files are damaged, else None."""
    text = str(exc)
    if not isinstance(exc, (OSError, RuntimeError)) or not any(w in text.lower() for w in _DAMAGE_WORDS):
        return None
    first = " ".join(text.split())
    first = first if len(first) <= 200 else first[:200].rsplit(" ", 1)[0] + " ..."
    return StoreDamaged(f"the store at {path} is damaged and cannot be read ({first}); "
                        + _RECOVER.format(path=path) + ".")


def _open_error(exc: Exception, path: Path) -> StoreError:
    text = str(exc)
    if "lock file" in text.lower() or "temporarily unavailable" in text.lower():
        return StoreError(f"cannot open the store at {path}: another process (a running `kg build`, `kg remove` or "
                          f"`kg query` repairing it) holds it open; wait for it to finish, or copy the folder.")
    if "permission denied" in text.lower():
        return StoreError(f"cannot open the store at {path}: permission denied; check the folder's permissions.")
    return damaged_store_error(exc, path) or StoreDamaged(
        f"cannot open the store at {path} ({' '.join(text.split())[:200] or type(exc).__name__}); the folder is not a "
        f"readable store: " + _RECOVER.format(path=path) + ".")


def _check_no_lost_store(path: Path) -> None:
    """A folder with store data but no CURRENT file is a damaged store: creating a new store there
    would make RocksDB write a fresh, empty CURRENT over the old data for good."""
    if path.is_dir() and not (path / "CURRENT").exists():
        leftovers = [p.name for p in path.iterdir() if p.suffix in (".sst", ".log") and p.stem.isdigit()]
        if leftovers:
            raise StoreDamaged(f"the store at {path} is damaged: it holds data files ({', '.join(sorted(leftovers)[:3])}"
                               f"{', ...' if len(leftovers) > 3 else ''}) but no CURRENT file; nothing was written; "
                               + _RECOVER.format(path=path) + ".")


def open_store(path: Path | str, *, create: bool = False, read_only: bool = False) -> ox.Store:
    """Open the store at ``path`` (``create`` makes it if missing).

    Errors are one line each: no store there, locked by another process, damaged files
    (:class:`~kg.errors.StoreDamaged`), or, for ``read_only`` (readers), a first build still being
    written or interrupted (:class:`~kg.errors.StoreIncomplete`).  A store left with a stale entity
    graph by an older newskg is repaired for readers when nothing else holds it open."""
    path = Path(path)
    if not create and not (path / "CURRENT").is_file():
        if path.is_dir():
            _check_no_lost_store(path)
        raise StoreError(
            f"no newskg store at {path}; build one with `kg build INPUT --out DIR` (it writes DIR/store) "
            f"or pass the right --store folder."
        )
    if create and path.exists() and not path.is_dir():
        raise StoreError(f"{path} exists and is not a folder; choose another --out folder.")
    if create:
        _check_no_lost_store(path)
        if (path / "CURRENT").is_file():
            _open(path, read_only=True)  # a damaged store must fail here, before a writer touches its files
    store = _open(path, read_only=read_only)
    if read_only and _needs_repair(store, path):
        del store
        _repair_stale(path)
        store = _open(path, read_only=True)
    return store


def _open(path: Path, *, read_only: bool) -> ox.Store:
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except (OSError, RuntimeError, ValueError) as exc:
        raise _open_error(exc, path) from exc


def _needs_repair(store: ox.Store, path: Path) -> bool:
    """For readers: refuse an incomplete first build; True if the entity graph is marked stale."""
    try:
        if _flagged(store, _FIRST_BUILD):
            raise StoreIncomplete(
                f"the store at {path} is incomplete: its first build is being written by a running `kg build`, or "
                f"that build was interrupted; wait for the build to finish, or run `kg build` again.")
        return _flagged(store, _STALE) or needs_upgrade(store)
    except (OSError, RuntimeError) as exc:
        _raise_if_damaged(exc, path)
        raise


def _raise_if_damaged(exc: BaseException, path: Path | str) -> None:
    damaged = damaged_store_error(exc, path)
    if damaged is not None:
        raise damaged from exc


def _repair_stale(path: Path) -> None:
    """For readers: recompute an entity graph left stale (by an interrupted run of an older newskg),
    give a store of an older format its view (:func:`kg.store.view.upgrade_if_needed`)."""
    writer = _open(path, read_only=False)
    if _flagged(writer, _STALE):
        log.warning("the store's entity graph at %s was left stale by an interrupted run; recomputing it", path)
        repair_if_stale(writer)
    upgrade_if_needed(writer, path)
    writer.flush()


def store_documents(path: Path | str) -> list[str]:
    """Ids of the documents in the store, sorted."""
    store = open_store(path, read_only=True)
    return sorted(_documents(store).values())


def holds_documents_besides(path: Path | str, ids: Collection[str]) -> bool:
    """Does the store hold a document whose id is not in ``ids``?  (Stops at the first one.)"""
    return _holds_documents_besides(open_store(path, read_only=True), ids)


def _view_is_large(store: ox.Store) -> bool:
    return next(islice(store.quads_for_pattern(None, None, None, ox.DefaultGraph()), LARGE_TRIPLES, None), None) is not None


def export_store(path: Path | str, fmt: str, *, engine: Engine = "auto", view: bool = False) -> bytes:
    """Everything the store holds (its public graphs) in one RDF format, deterministically.

    For the same content the bytes equal :func:`kg.export.formats.serialize` of the model, except
    Turtle of more than ``LARGE_TRIPLES`` triples: pyoxigraph writes it from the store's view in
    the store's order (the same content, the same bytes; see :func:`kg.export.formats.dump_ox_graph`).
    ``view`` adds the store's view (:mod:`kg.store.view`) as the default graph (for a dataset
    format: what ``kg serve`` loads), written by pyoxigraph.
    """
    store = open_store(path, read_only=True)
    try:
        base = store_base(store) or DEFAULT_BASE
        if fmt not in DATASET_FORMATS and engine != "rdflib" and _view_is_large(store):
            # the view is the union of the public graphs, each triple once: what a triples format
            # holds; pyoxigraph writes it straight from the store (store order, see dump_ox_graph)
            return dump_ox_graph(store, ox.DefaultGraph(), fmt, base=base)
        quads = [q for g in public_graphs(store) for q in store.quads_for_pattern(None, None, None, g)]
        if view:
            quads += store.quads_for_pattern(None, None, None, ox.DefaultGraph())
            engine = "oxigraph"
    except (OSError, RuntimeError) as exc:
        _raise_if_damaged(exc, path)
        raise
    if engine == "oxigraph" or (engine == "auto" and len(quads) > LARGE_TRIPLES):
        return serialize_ox_quads(quads, fmt, base=base)
    return serialize_quads((tuple(map(from_ox_term, (q.subject, q.predicate, q.object, q.graph_name))) for q in quads),
                           fmt, base=base, engine="rdflib")
