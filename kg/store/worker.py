"""A query worker process of the builtin ``kg serve`` engine, and the answer formats both engines share.

Why a process per worker (not a thread of the server): Oxigraph cannot be interrupted, so a query
that runs too long, or whose client went away, is stopped by killing its process; a query that
crashes the engine takes down only its worker.  The server (:mod:`kg.store.backends`) starts a
new worker in its place.

A worker opens the snapshot read-only, then answers jobs from its pipe one at a time on a thread
with a large stack (:data:`kg.store.guard.ENGINE_STACK_BYTES`).  It exits when the pipe closes or
its parent process is gone.
"""

from __future__ import annotations

import os
import threading
import time

import pyoxigraph as ox

__all__ = ["SELECT_TYPES", "GRAPH_TYPES", "MAX_ANSWER_BYTES", "negotiate", "worker_main", "evaluate"]

MAX_ANSWER_BYTES = 256 * 1024 * 1024  # a larger answer is refused (add LIMIT)

SELECT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
}
_DEFAULTS = {"select": "application/sparql-results+json", "graph": "application/n-triples"}


def negotiate(accept: str, kind: str) -> tuple[str, object]:
    """The media type (and format) for a ``select`` (also ASK) or ``graph`` answer: the first type
    of ``Accept`` (by q, then order) that is known, else JSON / N-Triples."""
    table = SELECT_TYPES if kind == "select" else GRAPH_TYPES
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
    return _DEFAULTS[kind], table[_DEFAULTS[kind]]


class _TooLarge(Exception):
    pass


class _CappedBuffer:
    """A binary sink for ``serialize`` that gives up past ``cap`` bytes."""

    def __init__(self, cap: int) -> None:
        self.parts: list[bytes] = []
        self.size = 0
        self.cap = cap

    def write(self, data) -> int:
        self.size += len(data)
        if self.size > self.cap:
            raise _TooLarge
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def evaluate(store: ox.Store, job: dict, *, cap: int = MAX_ANSWER_BYTES) -> tuple[int, str, bytes]:
    """Answer one job: ``(HTTP status, content type, body)``."""
    kwargs: dict = {}  # the snapshot's default graph is the store's view (kg.store.view)
    try:
        if job.get("default_graphs"):
            kwargs = {"default_graph": [ox.NamedNode(u) for u in job["default_graphs"]]}
        if job.get("named_graphs"):
            kwargs["named_graphs"] = [ox.NamedNode(u) for u in job["named_graphs"]]
        result = store.query(job["query"], **kwargs)
        kind = "select" if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)) else "graph"
        media, fmt = negotiate(job.get("accept") or "", kind)
        sink = _CappedBuffer(cap)
        result.serialize(sink, fmt)
    except (SyntaxError, ValueError) as exc:
        return 400, "text/plain; charset=utf-8", f"{exc}\n".encode("utf-8")
    except _TooLarge:
        return 500, "text/plain; charset=utf-8", (f"the answer is larger than {cap:,} bytes; ask for less "
                                                  f"(add LIMIT, or select fewer variables)\n").encode("utf-8")
    except Exception as exc:  # noqa: BLE001 - any engine failure is this query's 500, never the worker's end
        if isinstance(exc.__context__, _TooLarge) or isinstance(exc.__cause__, _TooLarge):
            return 500, "text/plain; charset=utf-8", f"the answer is larger than {cap:,} bytes; add LIMIT\n".encode()
        return 500, "text/plain; charset=utf-8", f"{type(exc).__name__}: {exc}\n".encode("utf-8")
    return 200, f"{media}; charset=utf-8", b"".join(sink.parts)


def _watch_parent(parent: int) -> None:
    while True:
        if os.getppid() != parent:
            os._exit(0)
        time.sleep(1.0)


def _serve(location: str, conn_in, conn_out) -> None:
    store = ox.Store.read_only(location)
    conn_out.send(("ready", None))
    while True:
        try:
            job = conn_in.recv()
        except (EOFError, OSError):
            return
        conn_out.send(("answer", evaluate(store, job)))


def worker_main(location: str, conn_in, conn_out, parent: int) -> None:
    """The worker process: answer jobs from ``conn_in`` on ``conn_out`` until the pipe closes or
    the parent dies."""
    from kg.store.guard import ENGINE_STACK_BYTES

    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    threading.stack_size(ENGINE_STACK_BYTES)
    worker = threading.Thread(target=_serve, args=(location, conn_in, conn_out), name="newskg-query-worker")
    worker.start()
    worker.join()
    os._exit(0)


if __name__ == "__main__":  # python -m kg.store.worker LOCATION PARENT_PID READ_FD WRITE_FD
    import sys
    from multiprocessing.connection import Connection

    _location, _parent, _read, _write = sys.argv[1:5]
    worker_main(_location, Connection(int(_read), writable=False), Connection(int(_write), readable=False),
                int(_parent))
