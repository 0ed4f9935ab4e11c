"""Writing files safely: atomic replacement, the output-folder lock, and the graph's views
(GraphML and the HTML page), optionally drawn in a forked process while the caller does other
work.  :mod:`kg.store.outputs` writes everything a build produces with these."""

from __future__ import annotations

import logging
import os
import tempfile
import time
from pathlib import Path
from typing import Callable

from kg.errors import OutputError

log = logging.getLogger(__name__)

__all__ = ["write_atomic", "OutputLock", "render_views", "ViewsInChild"]


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write to a temporary file beside ``path`` and rename it: readers never see half a file.

    A process killed mid-write leaves at most a hidden ``.NAME.*.tmp`` file beside ``path``;
    ``path`` itself is always the previous or the new complete file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable (a power cut must not bring the old file back)
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


class OutputLock:
    """An exclusive lock on OUT/.kg.lock while a build writes (store and files).

    A second build on the same folder waits for the first one's writes (at most
    ``NEWSKG_LOCK_TIMEOUT`` seconds, default 900), then stops with a clear message."""

    def __init__(self, out_dir: Path, on_wait: Callable[[str], None] | None = None) -> None:
        self.path = out_dir / ".kg.lock"
        self.fh = None
        self.on_wait = on_wait or log.warning

    def __enter__(self) -> "OutputLock":
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = self.path.open("a+")
        timeout = float(os.environ.get("NEWSKG_LOCK_TIMEOUT", "900"))
        deadline = time.monotonic() + timeout
        waited = False
        while True:
            try:
                fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except OSError:
                if not waited:
                    self.on_wait(f"Waiting for another kg build writing to {self.path.parent} ...")
                    waited = True
                if time.monotonic() >= deadline:
                    self.fh.close()
                    raise OutputError(f"another kg build is still writing to {self.path.parent} (lock {self.path}); "
                                      f"try again when it has finished, or use another --out folder.")
                time.sleep(0.2)

    def __exit__(self, *exc) -> None:
        import fcntl

        if self.fh is not None:
            fcntl.flock(self.fh, fcntl.LOCK_UN)
            self.fh.close()


def render_views(graph, base: str, html: bool, max_nodes, focus, hops, *,
                 make: Callable[[], object] | None = None, freeze: bool = False) -> tuple[bytes, str | None, dict]:
    """GraphML bytes and the HTML page (None without ``html``), with their timings.  ``make``, when
    given, makes the graph first (``graph`` is then ignored; timed as "model of the stored documents").
    ``freeze`` (a process that ends once they are drawn: :class:`ViewsInChild`'s) moves every object
    made so far, the model among them, out of the cyclic collector's reach (``gc.freeze``), so the
    collections drawing causes do not walk the model again."""
    from kg.export.networkx import graphml_bytes, to_networkx

    times: dict[str, float] = {}
    if make is not None:
        from kg.procs import paused_gc

        t0 = time.perf_counter()
        with paused_gc():  # the model of every stored document: millions of long-lived objects (kg.procs)
            graph = make()
        times["model of the stored documents"] = time.perf_counter() - t0
    if freeze:
        import gc

        gc.freeze()
    t0 = time.perf_counter()
    gml = graphml_bytes(to_networkx(graph, base=base))
    times["graphml"] = time.perf_counter() - t0
    page = None
    if html:
        from kg.export.rdf import entity_iri
        from kg.export.viz import render_html

        t0 = time.perf_counter()
        page = render_html(graph, title="newskg", max_nodes=max_nodes, focus=focus, hops=hops,
                           iri_of=lambda key: str(entity_iri(base, key)))
        times["html"] = time.perf_counter() - t0
    return gml, page, times


def _views_child(conn, parent_end, parent: int, args, make) -> None:
    import signal

    from kg.procs import die_with_parent

    parent_end.close()  # only the parent reads: a dead parent must make send() fail, not block
    die_with_parent(signal.SIGKILL)  # a killed build must leave no process holding its output lock
    if os.getppid() != parent:  # the parent died before that took effect
        os._exit(1)
    try:
        result = ("ok", render_views(*args, make=make, freeze=True))
    except BaseException as exc:  # sent to the parent, which raises it there
        result = ("error", exc)
    try:
        conn.send(result)
    except Exception:  # an exception that does not pickle, or a parent that is gone
        try:
            conn.send(("error", RuntimeError(f"{type(result[1]).__name__}: {result[1]}")))
        except Exception:
            pass
    finally:
        conn.close()


class ViewsInChild:
    """Build the GraphML and the page in a forked process while this one updates the store.

    Both are CPU-bound Python, as is much of the store update, so a thread would only share one
    core (the GIL); a fork shares the graph with the child without copying or pickling it.
    ``make``, when given, makes the graph in the child (``args[0]`` is then ignored): the model of
    every stored document is made there while this process exports the RDF files.
    Where fork is unavailable, or the child dies, the views are built here instead."""

    def __init__(self, args: tuple, make: Callable[[], object] | None = None) -> None:
        import multiprocessing

        self.args = args
        self.make = make
        self.proc = self.conn = None
        if "fork" not in multiprocessing.get_all_start_methods():
            return
        ctx = multiprocessing.get_context("fork")
        self.conn, child = ctx.Pipe(duplex=False)
        self.proc = ctx.Process(target=_views_child, args=(child, self.conn, os.getpid(), args, make), name="kg-views",
                                daemon=True)
        self.proc.start()
        child.close()

    def cancel(self) -> None:
        """Stop the child (the store update failed: its views will not be written)."""
        if self.proc is not None:
            self.proc.kill()
            self.proc.join()
            self.conn.close()

    def result(self) -> tuple[bytes, str | None, dict]:
        if self.proc is None:
            return render_views(*self.args, make=self.make)
        try:
            status, value = self.conn.recv()
        except (EOFError, OSError):
            status, value = "died", None
        finally:
            self.conn.close()
            self.proc.join()
        if status == "ok":
            return value
        if status == "error":
            raise value
        log.warning("the process building the GraphML and HTML stopped (exit code %s); "
                                            "building them here", self.proc.exitcode)
        return render_views(*self.args, make=self.make)
