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

This module opens and reads the store; :mod:`kg.store.update` writes it.  Updates are atomic
except the bulk load of a first build, which runs between a "first build in progress" marker and
its removal: a reader that finds the marker refuses the store with a clear message
(:class:`~kg.errors.StoreIncomplete`), and the next build clears it and builds again.  A store
whose files are damaged is reported as such (:class:`~kg.errors.StoreDamaged`, with how to
recover), and a build never writes into it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.export.dataset import (
    DESCRIPTION_PREDICATES,
    document_graph_iri,
    entity_graph_iri,
)
from kg.errors import StoreDamaged, StoreError, StoreIncomplete
from kg.export.formats import LARGE_TRIPLES, Engine, from_ox_term, serialize_ox_quads, serialize_quads
from kg.export.rdf import DEFAULT_BASE
from kg.vocab import KG_NS

log = logging.getLogger(__name__)

# update_store, remove_documents and rebuild_entity_graph (kg.store.update) are importable from here too.
__all__ = ["StoreError", "StoreDamaged", "StoreIncomplete", "StoreReport", "export_store", "store_documents",
           "store_base", "public_graphs", "open_store", "damaged_store_error"]

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
assert {str(p) for p in DESCRIPTION_PREDICATES} == {
    p.value for p in (_RDF_TYPE, _RDFS_LABEL, _ALT_LABEL, _JOB_TITLE, _MENTIONS, _SAME_AS)
}


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
        return _flagged(store, _STALE)
    except (OSError, RuntimeError) as exc:
        _raise_if_damaged(exc, path)
        raise


def _raise_if_damaged(exc: BaseException, path: Path | str) -> None:
    damaged = damaged_store_error(exc, path)
    if damaged is not None:
        raise damaged from exc


def _repair_stale(path: Path) -> None:
    """Recompute an entity graph left stale (by an interrupted run of an older newskg) for readers."""
    from kg.store.update import repair_if_stale

    log.warning("the store's entity graph at %s was left stale by an interrupted run; recomputing it", path)
    writer = _open(path, read_only=False)
    repair_if_stale(writer)
    writer.flush()


def _flagged(store: ox.Store, flag: ox.NamedNode) -> bool:
    """Is the bookkeeping ``flag`` (_STALE or _FIRST_BUILD) set?"""
    return any(True for _ in store.quads_for_pattern(META, flag, None, META))


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


def export_store(path: Path | str, fmt: str, *, engine: Engine = "auto") -> bytes:
    """Everything the store holds (its public graphs) in one RDF format, deterministically.

    For the same content the bytes equal :func:`kg.export.formats.serialize` of the model.
    """
    store = open_store(path, read_only=True)
    try:
        base = store_base(store) or DEFAULT_BASE
        quads = [q for g in public_graphs(store) for q in store.quads_for_pattern(None, None, None, g)]
    except (OSError, RuntimeError) as exc:
        _raise_if_damaged(exc, path)
        raise
    if engine == "oxigraph" or (engine == "auto" and len(quads) > LARGE_TRIPLES):
        return serialize_ox_quads(quads, fmt, base=base)
    return serialize_quads((tuple(map(from_ox_term, (q.subject, q.predicate, q.object, q.graph_name))) for q in quads),
                           fmt, base=base, engine="rdflib")


def __getattr__(name: str):
    """The writers live in :mod:`kg.store.update`; they are also importable from here."""
    if name in ("update_store", "remove_documents", "rebuild_entity_graph"):
        from kg.store import update

        return getattr(update, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
