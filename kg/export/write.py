"""Writing what a build produces: atomic files, the output-folder lock, and the outputs themselves.

``write_outputs`` writes OUT/store, OUT/graph.ttl (and other RDF formats), graph.graphml and
graph.html; with a store, the GraphML and the page are drawn in a forked process while this one
updates the store.  Every file is replaced atomically (``write_atomic``).
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from pathlib import Path
from typing import Callable

from kg.errors import OutputError

log = logging.getLogger(__name__)

__all__ = ["write_atomic", "OutputLock", "render_views", "write_outputs"]


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


def render_views(graph, base: str, html: bool, max_nodes, focus, hops) -> tuple[bytes, str | None, dict]:
    """GraphML bytes and the HTML page (None without ``html``), with their timings."""
    from kg.export.networkx import graphml_bytes, to_networkx

    times: dict[str, float] = {}
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


def _views_child(conn, parent_end, parent: int, args) -> None:
    import signal

    from kg.procs import die_with_parent

    parent_end.close()  # only the parent reads: a dead parent must make send() fail, not block
    die_with_parent(signal.SIGKILL)  # a killed build must leave no process holding its output lock
    if os.getppid() != parent:  # the parent died before that took effect
        os._exit(1)
    try:
        result = ("ok", render_views(*args))
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
    Where fork is unavailable, or the child dies, the views are built here instead."""

    def __init__(self, args: tuple) -> None:
        import multiprocessing

        self.args = args
        self.proc = self.conn = None
        if "fork" not in multiprocessing.get_all_start_methods():
            return
        ctx = multiprocessing.get_context("fork")
        self.conn, child = ctx.Pipe(duplex=False)
        self.proc = ctx.Process(target=_views_child, args=(child, self.conn, os.getpid(), args), name="kg-views",
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
            return render_views(*self.args)
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
        return render_views(*self.args)


def write_outputs(
    graph,
    out_dir: Path,
    *,
    base: str,
    resources=None,
    doc_entities: dict | None = None,
    formats=(),
    store: bool = True,
    html: bool = True,
    max_nodes: int | None = None,
    focus: tuple[str, ...] = (),
    hops: int = 1,
    timings: dict[str, float] | None = None,
    replace: bool = True,
):
    """Write what ``kg build`` writes: OUT/store, OUT/graph.ttl (+ ``formats``), graph.graphml, graph.html.

    With a store, the GraphML and the page are built in a forked process while this one updates
    the store (two cores, twice the work).  Files are written (atomically) once everything is
    computed; the RDF files are exported from the store so that they describe all of it.
    Returns the paths written and the store report.  ``timings``, when given, receives the
    seconds of each step (the benchmark prints them); ``replace=False`` refuses to replace a
    stored document by a different version (see :func:`kg.store.embedded.update_store`)."""
    from kg.export.formats import FORMATS, serialize
    from kg.store.embedded import export_store, update_store

    times = timings if timings is not None else {}
    args = (graph, base, html, max_nodes, focus, hops)
    written: list[Path] = []
    store_report = None
    if store:
        views = ViewsInChild(args)
        t0 = time.perf_counter()
        try:
            store_report = update_store(out_dir / "store", graph, base=base, resources=resources,
                                        doc_entities=doc_entities, replace=replace)
        except BaseException:
            views.cancel()
            raise
        times["store"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        gml, page, view_times = views.result()
        times["waiting for graphml+html"] = time.perf_counter() - t0
        written.append(out_dir / "store")
    else:
        gml, page, view_times = render_views(*args)
    times.update({f"{k}{' (child)' if store else ''}": v for k, v in view_times.items()})
    for fmt in ["turtle", *(f for f in formats if f != "turtle")]:
        path = out_dir / f"graph.{FORMATS[fmt]}"
        t0 = time.perf_counter()
        if store:
            data = export_store(out_dir / "store", fmt)
        else:
            data = serialize(graph, fmt, base=base, resources=resources)
        times[f"{fmt} export"] = time.perf_counter() - t0
        write_atomic(path, data)
        written.append(path)
    write_atomic(out_dir / "graph.graphml", gml)
    written.append(out_dir / "graph.graphml")
    if page is not None:
        write_atomic(out_dir / "graph.html", page)
        written.append(out_dir / "graph.html")
    return written, store_report
