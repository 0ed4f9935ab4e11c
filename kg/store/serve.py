"""``kg serve``: a read-only SPARQL 1.1 endpoint over a snapshot of the store.

What is served: the store's *public* graphs (:func:`kg.store.embedded.public_graphs`: one named graph per
document plus the merged entity graph) and its view of the facts (:mod:`kg.store.view`, their set
union, each fact once), as they were when the server started: a snapshot (:mod:`kg.store.snapshot`),
kept beside the store and reused by the next start while the store is unchanged.  The bookkeeping
graphs are not served, and the store folder is not held open, so ``kg build`` and ``kg remove`` keep
working while the server runs (restart the server to see their changes).  The default graph of a
query is the view, as in ``kg query``; ``GRAPH ?g`` reaches the public graphs.

The endpoint is ``http://HOST:PORT/query`` (GET ``?query=``, POST form-encoded or
``application/sparql-query``; results as SPARQL JSON/XML/CSV/TSV or, for CONSTRUCT/DESCRIBE,
N-Triples/Turtle/... by ``Accept``).  One front server (:mod:`kg.store.http`) checks every request
and query; the engine runs each query in a process it can kill (:mod:`kg.store.backends`):

``oxigraph``
    the Oxigraph binary (the ``oxigraph`` package from PyPI ships it): the snapshot is loaded with
    that binary's own ``oxigraph load`` (so the on-disk format always matches its version) and each
    query runs in an ``oxigraph query`` process.
``builtin``
    a pool of pyoxigraph worker processes over the snapshot (no extra binary).

``auto`` is ``builtin``: its workers keep the snapshot open, while an ``oxigraph query`` process opens
it again for every query, which grows with the store (108,075 documents, 8 clients: a one-row query
0.006 s against 0.67 s, docs/scale.md).  Federated queries
(``SERVICE``) are refused unless ``allow_service``; each query gets at most ``query_timeout`` seconds.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from kg.errors import ServeError
from kg.store.backends import OxigraphProcesses, WorkerPool
from kg.store.http import SparqlHTTPServer, make_handler
from kg.store.snapshot import Snapshot, builtin_engine, open_snapshot, oxigraph_engine

log = logging.getLogger(__name__)

__all__ = ["ServeError", "Snapshot", "Server", "find_oxigraph", "start_server", "wait_ready", "describe"]

EngineName = Literal["auto", "oxigraph", "builtin"]
DEFAULT_TIMEOUT = 30.0


def find_oxigraph() -> str | None:
    """Path of the ``oxigraph`` server binary: $NEWSKG_OXIGRAPH, beside this Python, or on PATH."""
    explicit = os.environ.get("NEWSKG_OXIGRAPH")
    if explicit:
        return explicit if Path(explicit).is_file() else None
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("oxigraph")


def _bind_address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _url(host: str, port: int) -> str:
    return f"http://{_bind_address(host, port)}"


def wait_ready(query_url: str, *, timeout: float = 15.0, alive=lambda: True) -> None:
    """Poll ``query_url`` with ``ASK {}`` until it answers (bounded by ``timeout`` seconds)."""
    deadline = time.monotonic() + timeout
    probe = query_url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    last: Exception | None = None
    while time.monotonic() < deadline:
        if not alive():
            raise ServeError("the server process exited while starting")
        try:
            with urllib.request.urlopen(probe, timeout=2) as resp:
                if resp.status == 200:
                    return
        except (OSError, urllib.error.URLError) as exc:
            last = exc
        time.sleep(0.1)
    raise ServeError(f"the endpoint {query_url} did not answer within {timeout:.0f}s ({last}); "
                     f"check that the port is free and try again.")


@dataclass
class Server:
    """A running endpoint; :meth:`stop` it (or use it as a context manager)."""

    engine: str
    host: str
    port: int
    data: Snapshot
    _stop: object = field(repr=False, default=None)
    _wait: object = field(repr=False, default=None)

    @property
    def url(self) -> str:
        return _url(self.host, self.port)

    @property
    def query_url(self) -> str:
        return self.url + "/query"

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the server stops (True) or ``timeout`` passes (False)."""
        return self._wait(timeout)

    def stop(self) -> None:
        self._stop()

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


# -- the front server -----------------------------------------------------------------------------
def _serve_http(backend, work: Path, *, engine: str, data: Snapshot, host: str, port: int,
                allow_service: bool, query_timeout: float) -> Server:
    handler = make_handler(backend, allow_service=allow_service, query_timeout=query_timeout,
                           loopback=host in ("127.0.0.1", "localhost", "::1"))
    try:
        httpd = SparqlHTTPServer((host, port), handler)
    except OSError as exc:
        raise ServeError(f"cannot listen on {_bind_address(host, port)}: {exc.strerror or exc}; "
                         f"another program may use that port: pick another --port.") from None
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.2},
                              name="newskg-sparql", daemon=True)
    thread.start()

    def stop() -> None:
        if thread.is_alive():
            httpd.shutdown()
            thread.join(timeout=10)
        httpd.server_close()
        backend.close()
        data.release()  # after the engine: its processes hold the snapshot open
        shutil.rmtree(work, ignore_errors=True)

    def wait(timeout: float | None) -> bool:
        thread.join(timeout)
        return not thread.is_alive()

    return Server(engine, host, httpd.server_address[1], data, stop, wait)


# -- entry point ----------------------------------------------------------------------------------
def start_server(
    store: Path | str,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    engine: EngineName = "auto",
    ready_timeout: float = 15.0,
    query_timeout: float = DEFAULT_TIMEOUT,
    allow_service: bool = False,
    workers: int | None = None,
    snapshot_dir: Path | str | None = None,
    keep_snapshot: bool = True,
) -> Server:
    """Serve a snapshot of the store's public graphs; returns once the endpoint answers.

    ``query_timeout`` bounds each query (seconds); ``workers`` is how many queries run at once
    (default: the number of CPUs, at least 2); ``allow_service`` lets queries use ``SERVICE``.
    The snapshot is kept in ``snapshot_dir`` (default ``STORE.serve-snapshot`` beside the store) and
    reused while the store is unchanged; ``keep_snapshot=False`` makes a temporary one, deleted on
    stop (:mod:`kg.store.snapshot`)."""
    if engine not in ("auto", "oxigraph", "builtin"):
        raise ServeError(f"unknown engine {engine!r}; use auto, oxigraph or builtin.")
    if not 0 <= port <= 65535:
        raise ServeError(f"--port {port} is not a TCP port (0-65535).")
    if not query_timeout > 0:
        raise ServeError(f"--timeout {query_timeout:g} must be a positive number of seconds.")
    binary = find_oxigraph() if engine == "oxigraph" else None
    if engine == "oxigraph" and binary is None:
        raise ServeError("the Oxigraph server binary was not found; install it with `pip install oxigraph` "
                         "(or set NEWSKG_OXIGRAPH=/path/to/oxigraph), or use --engine builtin.")
    data = open_snapshot(store, oxigraph_engine(binary) if binary else builtin_engine(), folder=snapshot_dir,
                         keep=keep_snapshot)
    size = workers or max(2, os.cpu_count() or 1)
    work = Path(tempfile.mkdtemp(prefix="newskg-serve-"))  # the engine's log and query files
    backend = None
    try:
        if binary is not None:
            backend = OxigraphProcesses(binary, str(data.location), size, work)
        else:
            backend = WorkerPool(str(data.location), size, work)
        server = _serve_http(backend, work, engine="oxigraph" if binary else "builtin", data=data, host=host,
                             port=port, allow_service=allow_service, query_timeout=query_timeout)
    except BaseException:
        if backend is not None:
            backend.close()  # its worker processes hold the snapshot open
        data.release()
        shutil.rmtree(work, ignore_errors=True)
        raise
    try:
        wait_ready(server.query_url, timeout=ready_timeout)
    except BaseException:
        server.stop()
        raise
    log.info("serving %d document(s), %d quads at %s (%s)", data.documents, data.quads, server.query_url, server.engine)
    return server


def describe(server: Server) -> dict:
    """What the CLI prints about a running server (also handy in notebooks)."""
    d = server.data
    return {"engine": server.engine, "query": server.query_url, "documents": d.documents, "graphs": d.graphs,
            "quads": d.quads, "snapshot": str(d.folder) if d.folder else None, "reused": d.reused, "made": d.made,
            "seconds": d.seconds, "size": d.size}
