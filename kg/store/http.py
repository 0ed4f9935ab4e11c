"""The HTTP front of ``kg serve``: the SPARQL 1.1 Protocol, read-only, checked before any engine runs.

What it guards against (each answered with a clear status and one line of text):

* requests a web page makes the browser send (a cross-origin form POST, an ``<img>`` GET, DNS
  rebinding): refused with 403 when ``Origin``, ``Sec-Fetch-Site`` or, on a loopback address,
  ``Host`` shows a foreign site.  Programs (curl, SPARQLWrapper, rdflib) send none of these.
* queries the engine must not see (:func:`kg.store.guard.check_query`): too deep or too long (400),
  federated ``SERVICE`` unless allowed (400); updates (403).
* slow or idle clients: every connection has its own thread and a socket timeout, so idle
  half-open connections time out and never keep others waiting; beyond ``max_connections`` at
  once, new ones get 503 at once.
* huge or malformed requests: bodies over :data:`MAX_REQUEST_BYTES` get 413, a missing length 411,
  bad request lines and headers 400/414/431 (the standard library's checks).
* long queries: the engine runs each within ``--timeout`` seconds, in a process that is killed
  when the time is up or the client hangs up (:mod:`kg.store.backends`).
"""

from __future__ import annotations

import logging
import select
import socket
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from kg.errors import QueryRefused
from kg.store.backends import Answer, Job
from kg.store.guard import check_query

log = logging.getLogger(__name__)

__all__ = ["MAX_REQUEST_BYTES", "MAX_CONNECTIONS", "IDLE_TIMEOUT", "SparqlHTTPServer", "make_handler"]

MAX_REQUEST_BYTES = 1_000_000
MAX_CONNECTIONS = 1024
IDLE_TIMEOUT = 10.0  # seconds a client may stay silent while sending its request
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}
_INDEX = b"newskg read-only SPARQL 1.1 endpoint: GET or POST /query\n"


class SparqlHTTPServer(ThreadingHTTPServer):
    """A thread per connection, at most ``max_connections`` at once (more get 503 at once)."""

    daemon_threads = True
    request_queue_size = 128
    allow_reuse_address = True

    def __init__(self, address, handler, *, max_connections: int = MAX_CONNECTIONS) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self._slots = threading.BoundedSemaphore(max_connections)
        super().__init__(address, handler)

    def process_request(self, request, client_address) -> None:
        if not self._slots.acquire(blocking=False):
            try:
                request.settimeout(1.0)
                body = b"too many connections; try again later\n"
                request.sendall(b"HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
                                b"Retry-After: 5\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
            except OSError:
                pass
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()


class _Handler(BaseHTTPRequestHandler):
    server_version = "newskg-sparql"
    timeout = IDLE_TIMEOUT
    error_content_type = "text/plain; charset=utf-8"
    error_message_format = "%(code)d %(message)s: %(explain)s\n"
    # set on the subclass by make_handler:
    backend = None
    allow_service = False
    query_timeout = 30.0
    loopback = True

    def log_message(self, fmt: str, *args) -> None:
        log.debug("%s %s", self.address_string(), fmt % args)

    def _send(self, answer: Answer) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.ctype)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)

    def _text(self, status: int, message: str) -> None:
        self._send(Answer(status, (message + "\n").encode("utf-8")))

    def _foreign(self) -> str | None:
        """Why this request comes from a web page of another site (None: it does not)."""
        host = (self.headers.get("Host") or "").strip().lower()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        name = name.strip("[]")
        if self.loopback and host and name not in _LOOPBACK | {self.server.server_address[0]}:
            return f"Host {host!r} is not this machine (DNS rebinding?)"
        site = (self.headers.get("Sec-Fetch-Site") or "").strip().lower()
        if site and site not in ("same-origin", "none"):
            return f"a {site} request from a web page"
        origin = (self.headers.get("Origin") or "").strip()
        if origin and origin.lower() != f"http://{host}":
            return f"a request from the web page origin {origin!r}"
        return None

    def _checked(self) -> urllib.parse.SplitResult | None:
        why = self._foreign()
        if why is not None:
            self._text(403, f"refused: {why}; this endpoint answers programs and the command line, not web pages "
                            f"of other sites")
            return None
        return urllib.parse.urlsplit(self.path)

    def do_GET(self) -> None:
        url = self._checked()
        if url is None:
            return
        if url.path == "/":
            self._send(Answer(200, _INDEX))
        elif url.path != "/query":
            self._text(404, "not found: the SPARQL endpoint is /query")
        else:
            self._run(urllib.parse.parse_qs(url.query, keep_blank_values=True))

    do_HEAD = do_GET

    def do_POST(self) -> None:
        url = self._checked()
        if url is None:
            return
        if url.path in ("/update", "/store"):
            return self._text(403, "The server is read-only")
        if url.path != "/query":
            return self._text(404, "not found: the SPARQL endpoint is /query")
        length = self.headers.get("Content-Length")
        if length is None:
            return self._text(411, "send a Content-Length header")
        if not length.strip().isdigit():
            return self._text(400, "the Content-Length header is not a number")
        if int(length) > MAX_REQUEST_BYTES:
            self.close_connection = True
            return self._text(413, f"request too large (over {MAX_REQUEST_BYTES:,} bytes); send a shorter query")
        body = self.rfile.read(int(length)).decode("utf-8", "replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/sparql-query":
            params["query"] = [body]
        elif ctype == "application/x-www-form-urlencoded":
            params.update(urllib.parse.parse_qs(body, keep_blank_values=True))
        elif ctype == "application/sparql-update":
            return self._text(403, "The server is read-only")
        else:
            return self._text(415, "send application/sparql-query or application/x-www-form-urlencoded")
        self._run(params)

    def do_PUT(self) -> None:
        if self._checked() is not None:
            self._text(403, "The server is read-only")

    do_DELETE = do_PATCH = do_PUT

    def _client_gone(self) -> bool:
        """Has the client closed its connection while its query runs?"""
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            return bool(readable) and self.connection.recv(1, socket.MSG_PEEK) == b""
        except (OSError, ValueError):
            return True

    def _run(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            return self._text(403, "The server is read-only")
        queries = params.get("query", [])
        if len(queries) != 1:
            return self._text(400, "pass exactly one query parameter")
        try:
            shape = check_query(queries[0], allow_service=self.allow_service)
        except QueryRefused as exc:
            return self._text(400, str(exc))
        if shape.form == "update":
            return self._text(403, "The server is read-only")
        job = Job(queries[0], shape.form if shape.form != "ask" else "select", self.headers.get("Accept") or "",
                  tuple(params.get("default-graph-uri", ())), tuple(params.get("named-graph-uri", ())),
                  self.query_timeout)
        answer = self.backend.run(job, deadline=time.monotonic() + self.query_timeout, gone=self._client_gone)
        if answer is None:  # the client hung up; its query was stopped
            self.close_connection = True
            return
        self._send(answer)


def make_handler(backend, *, allow_service: bool, query_timeout: float, loopback: bool) -> type:
    """A handler class bound to one backend and its settings."""
    return type("Handler", (_Handler,), {"backend": backend, "allow_service": allow_service,
                                         "query_timeout": query_timeout, "loopback": loopback})
