"""``kg serve``: a read-only SPARQL 1.1 endpoint over a snapshot of the store.

What is served: the store's *public* graphs (:func:`kg.store.embedded.public_graphs`: one named graph per
document plus the merged entity graph), copied when the server starts.  The bookkeeping graphs
are not served, and the store folder is not held open, so ``kg build`` and ``kg remove`` keep
working while the server runs (restart the server to see their changes).  The default graph of a
query is the union of the served graphs, as in ``kg query``.

Two engines speak the same SPARQL 1.1 Protocol at ``http://HOST:PORT/query`` (GET ``?query=``,
POST form-encoded or ``application/sparql-query``; results as SPARQL JSON/XML/CSV/TSV or, for
CONSTRUCT/DESCRIBE, N-Triples/Turtle/... by ``Accept``):

``oxigraph``
    the Oxigraph server (the ``oxigraph`` package from PyPI ships the binary).  The snapshot is
    loaded into a fresh temporary location with that binary's own ``oxigraph load`` (so the
    on-disk format always matches the server's version) and served with
    ``oxigraph serve-read-only --union-default-graph``.
``builtin``
    a small threaded HTTP server over an in-memory pyoxigraph store (no extra binary).

``auto`` picks ``oxigraph`` when the binary is found, else ``builtin``.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Literal

import pyoxigraph as ox

from kg.errors import KGError
from kg.procs import die_with_parent

log = logging.getLogger(__name__)

__all__ = ["ServeError", "Snapshot", "Server", "find_oxigraph", "snapshot", "start_server", "wait_ready"]

EngineName = Literal["auto", "oxigraph", "builtin"]
MAX_REQUEST_BYTES = 1_000_000


class ServeError(KGError):
    """The endpoint cannot be started."""


@dataclass(frozen=True)
class Snapshot:
    """The served data: N-Quads of the store's public graphs."""

    nquads: bytes = field(repr=False)
    documents: int
    graphs: int
    quads: int


def snapshot(store: Path | str) -> Snapshot:
    """Copy the public graphs of the store at ``store`` (raises StoreError if it is not one)."""
    from kg.store.embedded import export_store, open_store, public_graphs, store_documents

    data = export_store(store, "nquads", engine="oxigraph")
    graphs = len(public_graphs(open_store(store, read_only=True)))
    quads = sum(1 for line in data.splitlines() if line.strip())
    return Snapshot(nquads=data, documents=len(store_documents(store)), graphs=graphs, quads=quads)


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


def _check_port_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise ServeError(f"cannot listen on {_bind_address(host, port)}: {exc.strerror or exc}; "
                             f"another program may use that port: pick another --port.") from None


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


# -- the Oxigraph server binary -------------------------------------------------------------------
def _start_oxigraph(binary: str, data: Snapshot, *, host: str, port: int, ready_timeout: float) -> Server:
    work = Path(tempfile.mkdtemp(prefix="newskg-serve-"))
    location = work / "db"
    logfile = work / "server.log"
    try:
        loaded = subprocess.run([binary, "load", "--location", str(location), "--format", "nq"],
                                input=data.nquads, capture_output=True, timeout=600)
        if loaded.returncode != 0:
            raise ServeError(f"`oxigraph load` failed: {loaded.stderr.decode('utf-8', 'replace').strip()[-500:]}")
        with logfile.open("wb") as fh:
            proc = subprocess.Popen(
                [binary, "serve-read-only", "--location", str(location), "--bind", _bind_address(host, port),
                 "--union-default-graph"],
                stdin=subprocess.DEVNULL, stdout=fh, stderr=subprocess.STDOUT, start_new_session=True,
                preexec_fn=die_with_parent if sys.platform.startswith("linux") else None,  # SIGTERM if we die
            )
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise

    def stop() -> None:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)

    def wait(timeout: float | None) -> bool:
        try:
            proc.wait(timeout=timeout)
            return True
        except subprocess.TimeoutExpired:
            return False

    server = Server("oxigraph", host, port, data, stop, wait)
    try:
        wait_ready(server.query_url, timeout=ready_timeout, alive=lambda: proc.poll() is None)
    except ServeError as exc:
        tail = logfile.read_text(encoding="utf-8", errors="replace").strip()[-400:] if logfile.exists() else ""
        stop()
        hint = " Another program may use that port: pick another --port." if "in use" in tail.lower() else ""
        raise ServeError(f"the Oxigraph server did not start on {_bind_address(host, port)}: {exc}. "
                         f"Server output: {tail or '(none)'}.{hint}") from None
    return server


# -- the builtin server ---------------------------------------------------------------------------
_SELECT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPH_TYPES = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
}


def _negotiate(accept: str, table: dict, default):
    """The first media type of ``Accept`` (by q, then order) that ``table`` knows."""
    ranked = []
    for i, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, i, media.lower()))
    for _, _, media in sorted(ranked):
        if media in table:
            return media, table[media]
        if media in ("*/*", "application/*", "text/*"):
            break
    return default


class _Handler(BaseHTTPRequestHandler):
    server_version = "newskg-sparql"
    store: ox.Store  # set on the subclass

    def log_message(self, fmt: str, *args) -> None:
        log.debug("%s %s", self.address_string(), fmt % args)

    def _send(self, status: int, body: bytes, ctype: str = "text/plain; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/":
            self._send(200, b"newskg read-only SPARQL 1.1 endpoint: GET or POST /query\n")
            return
        if url.path != "/query":
            self._send(404, b"not found: the SPARQL endpoint is /query\n")
            return
        self._run(urllib.parse.parse_qs(url.query, keep_blank_values=True))

    do_HEAD = do_GET

    def do_POST(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path in ("/update", "/store"):
            self._send(403, b"The server is read-only\n")
            return
        if url.path != "/query":
            self._send(404, b"not found: the SPARQL endpoint is /query\n")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST_BYTES:
            self._send(413, b"request too large\n")
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/sparql-query":
            params["query"] = [body]
        elif ctype == "application/x-www-form-urlencoded":
            params.update(urllib.parse.parse_qs(body, keep_blank_values=True))
        else:
            self._send(415, b"send application/sparql-query or application/x-www-form-urlencoded\n")
            return
        self._run(params)

    def do_PUT(self) -> None:
        self._send(403, b"The server is read-only\n")

    do_DELETE = do_PUT

    def _run(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._send(403, b"The server is read-only\n")
            return
        queries = params.get("query", [])
        if len(queries) != 1:
            self._send(400, b"pass exactly one query parameter\n")
            return
        kwargs: dict = {"use_default_graph_as_union": True}
        try:
            if params.get("default-graph-uri"):
                kwargs = {"default_graph": [ox.NamedNode(u) for u in params["default-graph-uri"]]}
            if params.get("named-graph-uri"):
                kwargs["named_graphs"] = [ox.NamedNode(u) for u in params["named-graph-uri"]]
            result = self.store.query(queries[0], **kwargs)
        except (SyntaxError, ValueError) as exc:
            self._send(400, f"{exc}\n".encode("utf-8"))
            return
        except (RuntimeError, OSError) as exc:
            self._send(500, f"{exc}\n".encode("utf-8"))
            return
        accept = self.headers.get("Accept") or ""
        if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
            media, fmt = _negotiate(accept, _SELECT_TYPES, ("application/sparql-results+json", ox.QueryResultsFormat.JSON))
        else:
            media, fmt = _negotiate(accept, _GRAPH_TYPES, ("application/n-triples", ox.RdfFormat.N_TRIPLES))
        self._send(200, result.serialize(format=fmt), f"{media}; charset=utf-8")


def _start_builtin(data: Snapshot, *, host: str, port: int) -> Server:
    store = ox.Store()
    if data.nquads:
        store.load(data.nquads, format=ox.RdfFormat.N_QUADS)
    handler = type("Handler", (_Handler,), {"store": store})
    server_class = type("SparqlHTTPServer", (ThreadingHTTPServer,),
                        {"address_family": socket.AF_INET6 if ":" in host else socket.AF_INET, "daemon_threads": True})
    try:
        httpd = server_class((host, port), handler)
    except OSError as exc:
        raise ServeError(f"cannot listen on {_bind_address(host, port)}: {exc.strerror or exc}; "
                         f"pick another --port.") from exc
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.2},
                              name="newskg-sparql", daemon=True)
    thread.start()

    def stop() -> None:
        if thread.is_alive():
            httpd.shutdown()
            thread.join(timeout=10)
        httpd.server_close()

    def wait(timeout: float | None) -> bool:
        thread.join(timeout)
        return not thread.is_alive()

    return Server("builtin", host, httpd.server_address[1], data, stop, wait)


# -- entry point ----------------------------------------------------------------------------------
def start_server(
    store: Path | str,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    engine: EngineName = "auto",
    ready_timeout: float = 15.0,
) -> Server:
    """Serve a snapshot of the store's public graphs; returns once the endpoint answers."""
    if engine not in ("auto", "oxigraph", "builtin"):
        raise ServeError(f"unknown engine {engine!r}; use auto, oxigraph or builtin.")
    if not 0 <= port <= 65535:
        raise ServeError(f"--port {port} is not a TCP port (0-65535).")
    data = snapshot(store)
    binary = find_oxigraph() if engine != "builtin" else None
    if engine == "oxigraph" and binary is None:
        raise ServeError("the Oxigraph server binary was not found; install it with `pip install oxigraph` "
                         "(or set NEWSKG_OXIGRAPH=/path/to/oxigraph), or use --engine builtin.")
    if binary is not None:
        if port == 0:
            raise ServeError("the Oxigraph engine needs an explicit --port (not 0).")
        _check_port_free(host, port)
        server = _start_oxigraph(binary, data, host=host, port=port, ready_timeout=ready_timeout)
    else:
        if engine == "auto":
            log.info("no oxigraph binary found; serving with the builtin pyoxigraph endpoint")
        server = _start_builtin(data, host=host, port=port)
    log.info("serving %d document(s), %d quads at %s (%s)", data.documents, data.quads, server.query_url, server.engine)
    return server


def describe(server: Server) -> dict:
    """What the CLI prints about a running server (also handy in notebooks)."""
    return {"engine": server.engine, "query": server.query_url, "documents": server.data.documents,
            "graphs": server.data.graphs, "quads": server.data.quads}
