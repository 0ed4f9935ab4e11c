"""What ``kg serve`` serves: a snapshot of the store's public graphs, kept beside the store.

The snapshot holds the store's public graphs (:func:`kg.store.embedded.public_graphs`: one graph per
document, the merged entities, the fact summaries) and its view (:mod:`kg.store.view`, the default
graph), copied into a database of their own that the engine opens read-only: a build that writes the
store while it is served changes nothing served, and no bookkeeping graph is reachable.

**Made once per state of the store.**  The copy is kept in ``STORE.serve-snapshot/`` beside the
store (or ``folder``), one sub-folder per engine, named after the *state* of the store: a hash of
the store folder's files (name, size and modification time of each, and the content of ``CURRENT``,
``IDENTITY`` and ``MANIFEST-*``; RocksDB's info logs ``LOG*`` and its ``LOCK`` file aside), of the
engine and its version, and of this module's :data:`SNAPSHOT_FORMAT`.  Every write to the store
changes its files (a transaction appends to the write-ahead log; a flush, a compaction or a bulk
load makes new table files and a new manifest), so a build, a removal or a repair between two starts
gives another state and the next start makes a new snapshot; reading the store (``kg query``,
``kg serve``) changes no file, so a restart with the store unchanged copies nothing.  The state is
taken before the store is opened and again after the copy: if they differ (a build wrote the store
meanwhile) the copy is served but not kept.  False alarms cost a copy, never a stale answer: a
``cp`` without ``-p`` of the store, or opening it for writing without writing.

**Checked before reuse**: the names and sizes of the snapshot database's files, recorded when it was
made, and an open of it by the engine; a snapshot that fails the check is logged, deleted and made
again.  **Several servers**: each holds a shared lock (``flock``) on the snapshot it serves; a start
deletes the older snapshots of its engine that no server holds (so one is kept per engine), and
abandoned half-made ones.  Where the folder cannot be written (a read-only store), or with
``keep=False``, the snapshot is made in a temporary folder and deleted when the server stops, as
before the snapshot was kept (2026-12-05).  Figures: docs/scale.md; the choice: docs/serving.md.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pyoxigraph as ox

from kg import __version__
from kg.errors import ServeError, StoreError
from kg.store.embedded import damaged_store_error, open_store, public_graphs
from kg.store.meta import _documents

log = logging.getLogger(__name__)

__all__ = ["SNAPSHOT_FORMAT", "Snapshot", "SnapshotEngine", "builtin_engine", "oxigraph_engine", "default_folder",
           "store_state", "open_snapshot"]

# What a snapshot holds and how it is laid out; change it when that changes (kept ones are made again).
SNAPSHOT_FORMAT = "1"
_INFO, _LOCK, _DB, _NQUADS = "snapshot.json", "lock", "db", "public.nq"
_BUILDING, _TRASH = ".building-", ".trash-"


@dataclass(frozen=True)
class Snapshot:
    """A snapshot the engine opens read-only at ``location``, and what it holds."""

    location: Path
    documents: int
    graphs: int  # named graphs
    quads: int  # in the named graphs (the view aside)
    folder: Path | None = None  # where it is kept; None: a temporary copy, deleted when the server stops
    reused: bool = False
    made: str = ""  # when it was made (UTC)
    seconds: float = 0.0  # time taken to make it now (0 when reused)
    size: int = 0  # bytes of its database
    release: Callable[[], None] = field(default=lambda: None, repr=False, compare=False)


@dataclass(frozen=True)
class SnapshotEngine:
    """How one engine loads a snapshot database from N-Quads and checks that it opens."""

    name: str  # builtin | oxigraph
    version: str  # part of the state key: the on-disk format follows the engine's version
    load: Callable[[Path, Path], None]  # (N-Quads file, database folder)
    check: Callable[[Path], None]  # raises if the database cannot be opened and read


def _run(argv: list[str], what: str) -> None:
    done = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, timeout=3600,
                          env={**os.environ, "RUST_BACKTRACE": "0"})
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines() or [f"exit status {done.returncode}"]
        raise OSError(f"{what} failed: {lines[-1][:300]}")


_LOAD = ("import sys, pyoxigraph as ox; s = ox.Store(sys.argv[1]); "
         "s.bulk_load(path=sys.argv[2], format=ox.RdfFormat.N_QUADS); s.flush()")


def builtin_engine() -> SnapshotEngine:
    """pyoxigraph's bulk loader, run in a process of its own: its memory (1.4 GiB at 24,000
    documents) goes back to the system when it ends, not kept by the server for its lifetime."""
    def check(db: Path) -> None:
        store = ox.Store.read_only(str(db))
        store.query("ASK { GRAPH ?g { ?s ?p ?o } }")

    return SnapshotEngine("builtin", f"pyoxigraph {ox.__version__}",
                          lambda nq, db: _run([sys.executable, "-c", _LOAD, str(db), str(nq)], "pyoxigraph's bulk load"),
                          check)


def oxigraph_engine(binary: str) -> SnapshotEngine:
    """The Oxigraph binary's own ``oxigraph load`` (so the on-disk format matches its version)."""
    try:
        version = subprocess.run([binary, "--version"], capture_output=True, timeout=60).stdout.decode().strip()
    except (OSError, subprocess.SubprocessError) as exc:
        raise ServeError(f"cannot run the Oxigraph binary {binary} ({exc}); reinstall it (`pip install oxigraph`) "
                         f"or use --engine builtin.") from None
    return SnapshotEngine(
        "oxigraph", version or binary,
        lambda nq, db: _run([binary, "load", "--location", str(db), "--file", str(nq)], "`oxigraph load`"),
        lambda db: _run([binary, "query", "--location", str(db), "--query", "ASK {}", "--results-format", "tsv"],
                        "`oxigraph query`"))


def default_folder(store: Path | str) -> Path:
    """Where snapshots of ``store`` are kept by default: ``STORE.serve-snapshot`` beside it."""
    path = Path(store).absolute()
    return path.with_name(path.name + ".serve-snapshot")


def store_state(store: Path | str) -> str:
    """A hash of the store folder's files that every write changes (see the module's docstring)."""
    h = hashlib.sha256()
    with os.scandir(store) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.name == "LOCK" or entry.name.startswith("LOG") or not entry.is_file(follow_symlinks=False):
                continue
            try:
                st = entry.stat(follow_symlinks=False)
                h.update(f"{entry.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
                if entry.name in ("CURRENT", "IDENTITY") or entry.name.startswith("MANIFEST-"):
                    h.update(hashlib.sha256(Path(entry.path).read_bytes()).digest())
            except FileNotFoundError:  # deleted by a writer (a compaction) while listed
                h.update(f"{entry.name}\0gone\n".encode())
    return h.hexdigest()


def _key(store: Path, engine: SnapshotEngine) -> str:
    text = f"{store_state(store)}\n{engine.name}\n{engine.version}\n{SNAPSHOT_FORMAT}\n{__version__}"
    return hashlib.sha256(text.encode()).hexdigest()


def _files(db: Path) -> dict[str, int]:
    """The database's files and sizes (its info logs and lock file aside: an open may write those)."""
    return {p.name: p.stat().st_size for p in sorted(db.iterdir())
            if p.is_file() and p.name != "LOCK" and not p.name.startswith("LOG")}


# -- locks: a server holds a shared lock on the snapshot it serves, a pruner an exclusive one ------
def _lock(path: Path, *, exclusive: bool, wait: bool = True) -> int | None:
    """An open descriptor holding the lock on ``path`` (None: held by another process, when not ``wait``)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        os.close(fd)
        return None
    except BaseException:
        os.close(fd)
        raise
    return fd


def _prune(cache: Path, engine: SnapshotEngine, keep: str | None = None) -> None:
    """Delete this engine's other snapshots that no server holds, and abandoned half-made ones."""
    try:
        children = sorted(cache.iterdir())
    except OSError as exc:
        log.info("could not list %s: %s", cache, exc)
        return
    for child in children:
        name = child.name
        if name == keep or not name.startswith((f"{engine.name}-", _BUILDING, _TRASH)):
            continue
        fd = None
        try:
            if not child.is_dir() or (name.startswith(_BUILDING) and not (child / _LOCK).exists()
                                      and time.time() - child.stat().st_mtime < 3600):
                continue  # not a snapshot, or being made: its maker is about to lock it
            if name.startswith(_TRASH):  # left by a start killed while deleting
                shutil.rmtree(child, ignore_errors=True)
                continue
            fd = _lock(child / _LOCK, exclusive=True, wait=False)
            if fd is None:
                continue  # a running server serves it, or a start is making it
            trash = cache / f"{_TRASH}{os.getpid()}-{name}"
            os.rename(child, trash)  # a start waiting for its lock then finds no snapshot there
            shutil.rmtree(trash, ignore_errors=True)
            log.info("deleted the snapshot %s (no server uses it)", child)
        except OSError as exc:
            log.info("could not delete the snapshot %s: %s", child, exc)
        finally:
            if fd is not None:
                os.close(fd)


# -- making a snapshot ------------------------------------------------------------------------------
def _copy(store: Path, engine: SnapshotEngine, work: Path) -> dict:
    """Write the public graphs and the view as N-Quads in ``work`` and load them into ``work/db``."""
    nquads = work / _NQUADS
    opened = open_store(store, read_only=True)
    try:
        graphs = public_graphs(opened)
        with nquads.open("wb") as fh:  # streamed: nothing of the store is held in memory
            for g in graphs:
                ox.serialize(opened.quads_for_pattern(None, None, None, g), fh, ox.RdfFormat.N_QUADS)
            named = fh.tell()
            ox.serialize(opened.quads_for_pattern(None, None, None, ox.DefaultGraph()), fh, ox.RdfFormat.N_QUADS)
        documents = len(_documents(opened))
    except (OSError, RuntimeError) as exc:
        damaged = None if _disk_full(exc) else damaged_store_error(exc, store)
        if damaged is not None:
            raise damaged from exc
        raise
    finally:
        del opened
    quads = 0
    with nquads.open("rb") as fh:  # N-Quads escape newlines in literals: one line per quad
        while fh.tell() < named:
            quads += fh.read(min(1 << 24, named - fh.tell())).count(b"\n")
    size = nquads.stat().st_size
    engine.load(nquads, work / _DB)
    nquads.unlink()
    return {"documents": documents, "graphs": len(graphs), "quads": quads, "nquads_bytes": size}


def _disk_full(exc: BaseException) -> bool:
    return getattr(exc, "errno", None) == errno.ENOSPC or "no space left" in str(exc).lower()


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _make(store: Path, engine: SnapshotEngine, work: Path) -> tuple[dict, float]:
    t0 = time.monotonic()
    try:
        info = _copy(store, engine, work)
    except (StoreError, ServeError):
        raise
    except OSError as exc:
        if _disk_full(exc):
            raise ServeError(
                f"cannot make the snapshot of the store in {work.parent}: the disk is full (making it needs about 0.7 "
                f"times the store's size, {_size(store) * 0.7 / 2**20:,.0f} MiB, the kept snapshot 0.3 times); free "
                f"some space, or pass --snapshot-dir DIR on another disk (with --no-keep-snapshot: TMPDIR=DIR).") from None
        raise ServeError(f"cannot make the snapshot of the store at {store} in {work.parent}: {exc}; check the "
                         f"folder, or pass --snapshot-dir DIR to make it elsewhere.") from None
    return info, time.monotonic() - t0


def _snapshot(info: dict, location: Path, *, folder: Path | None, reused: bool, seconds: float,
              release: Callable[[], None]) -> Snapshot:
    done: list[bool] = []

    def once() -> None:  # a second call must not close a descriptor number the process reused meanwhile
        if not done:
            done.append(True)
            release()

    return Snapshot(location, info["documents"], info["graphs"], info["quads"], folder=folder, reused=reused,
                    made=info.get("made", ""), seconds=seconds, size=sum(info.get("files", {}).values())
                    or _size(location), release=once)


def _temporary(store: Path, engine: SnapshotEngine) -> Snapshot:
    work = Path(tempfile.mkdtemp(prefix="newskg-serve-snapshot-"))
    try:
        info, seconds = _make(store, engine, work)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return _snapshot(info, work / _DB, folder=None, reused=False, seconds=seconds,
                     release=lambda: shutil.rmtree(work, ignore_errors=True))


def _made_here(store: Path, cache: Path, engine: SnapshotEngine, key: str) -> Snapshot:
    """Make the snapshot in a half-made folder of ``cache`` and install it under its key."""
    _prune(cache, engine)  # room first: the older snapshots no server holds
    work = Path(tempfile.mkdtemp(prefix=_BUILDING, dir=cache))
    fd = _lock(work / _LOCK, exclusive=True)
    entry = cache / f"{engine.name}-{key[:24]}"
    try:
        info, seconds = _make(store, engine, work)
        kept = _key(store, engine) == key
        if kept:
            info.update(key=key, format=SNAPSHOT_FORMAT, engine=f"{engine.name} ({engine.version})", store=str(store),
                        made=time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()), files=_files(work / _DB))
            (work / _INFO).write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
            fcntl.flock(fd, fcntl.LOCK_SH)  # served from now on
            try:
                os.rename(work, entry)
            except OSError:  # another start installed the same state meanwhile: serve this copy, do not keep it
                kept = False
        else:
            log.warning("the store at %s changed while it was copied (a build is writing it?): serving this copy, "
                        "but not keeping it", store)
    except BaseException:
        os.close(fd)
        shutil.rmtree(work, ignore_errors=True)
        raise
    if not kept:
        os.close(fd)
        return _snapshot(info, work / _DB, folder=None, reused=False, seconds=seconds,
                         release=lambda: shutil.rmtree(work, ignore_errors=True))
    log.info("made the snapshot %s in %.1f s", entry, seconds)
    return _snapshot(info, entry / _DB, folder=entry, reused=False, seconds=seconds, release=lambda: os.close(fd))


def _reused(cache: Path, engine: SnapshotEngine, key: str) -> Snapshot | None:
    """The kept snapshot of this state, checked and locked, or None (after deleting a damaged one)."""
    entry = cache / f"{engine.name}-{key[:24]}"
    try:
        fd = _lock(entry / _LOCK, exclusive=False) if entry.is_dir() else None
    except FileNotFoundError:  # deleted meanwhile
        fd = None
    if fd is None:
        return None
    try:
        info = json.loads((entry / _INFO).read_text(encoding="utf-8"))
        if info.get("key") != key or info.get("format") != SNAPSHOT_FORMAT:
            problem = "it was made for another state or format"
        elif _files(entry / _DB) != info.get("files"):
            problem = "its database files are not those it was made with"
        else:
            engine.check(entry / _DB)
            return _snapshot(info, entry / _DB, folder=entry, reused=True, seconds=0.0, release=lambda: os.close(fd))
    except (OSError, ValueError, RuntimeError, AttributeError, KeyError, TypeError) as exc:
        problem = " ".join(str(exc).split())[:200] or type(exc).__name__
    os.close(fd)
    if entry.is_dir():  # else: deleted by another start while this one waited for the lock
        log.warning("the kept snapshot %s cannot be used (%s); making it again", entry, problem)
        _prune(cache, engine)
    return None


def open_snapshot(store: Path | str, engine: SnapshotEngine, *, folder: Path | str | None = None,
                  keep: bool = True) -> Snapshot:
    """The snapshot of ``store`` for ``engine``: the kept one if the store is unchanged since it was
    made, else a new one (kept in ``folder``, by default :func:`default_folder`).  Call its
    ``release()`` when the server stops.  Raises StoreError for a missing, damaged or incomplete
    store and ServeError when the snapshot cannot be made."""
    store = Path(store)
    if not (store / "CURRENT").is_file():
        open_store(store, read_only=True)  # the one-line error: no store there, or a damaged one
    cache = Path(folder) if folder is not None else default_folder(store)
    if keep:
        try:
            key = _key(store, engine)  # before the store is opened: a write after this changes the key
        except OSError as exc:
            raise StoreError(f"cannot read the store folder {store} ({exc.strerror or exc}); check its "
                             f"permissions.") from None
        try:
            cache.mkdir(parents=True, exist_ok=True)
            found = _reused(cache, engine, key)
            if found is not None:
                _prune(cache, engine, keep=found.folder.name)
                return found
            return _made_here(store, cache, engine, key)
        except OSError as exc:
            if exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
                raise ServeError(f"cannot keep the snapshot of the store in {cache} ({exc.strerror or exc}); pass "
                                 f"--snapshot-dir DIR to keep it elsewhere, or --no-keep-snapshot.") from None
            # a read-only store, someone else's folder: serve a temporary copy, as before
            log.warning("cannot keep the snapshot in %s (%s): it is made again at every start, in a temporary "
                        "folder; pass --snapshot-dir DIR to keep it elsewhere", cache, exc.strerror or exc)
    return _temporary(store, engine)
