"""Servers for the ``kg push`` tests: a real Oxigraph on loopback, and scripted or hostile fakes."""

from __future__ import annotations

import json
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

import pyoxigraph as ox
from typer.testing import CliRunner

from kg.cli import app
from kg.export.dataset import document_entities_graph_iri, document_graph_iri
from kg.store.push import GraphData, PushData, PushDocument
from kg.store.serve import find_oxigraph

OXIGRAPH = find_oxigraph()
BASE = "https://example.org/newskg/"
EMPTY_RESULTS = b'{"head":{"vars":[]},"results":{"bindings":[]}}'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def kg_push(*args: str, env: dict | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["push", *args], env=env)
    return result.exit_code, result.output


def synthetic_data(n: int, tmp_path: Path) -> PushData:
    """``n`` small documents (one fact, one entity each), without running the pipeline."""
    docs = []
    for i in range(n):
        doc_id = f"doc-{i:04d}"
        g, e = str(document_graph_iri(BASE, doc_id)), str(document_entities_graph_iri(BASE, doc_id))
        entity = ox.NamedNode(f"{BASE}person/p{i}")
        doc = ox.NamedNode(f"{BASE}doc/{doc_id}")
        facts = [ox.Triple(doc, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                           ox.NamedNode("https://w3id.org/newskg/ontology#Document")),
                 ox.Triple(doc, ox.NamedNode("http://purl.org/dc/terms/identifier"), ox.Literal(doc_id)),
                 ox.Triple(doc, ox.NamedNode("https://schema.org/mentions"), entity)]
        share = [ox.Triple(entity, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal(f"P {i}"))]
        docs.append(PushDocument(doc_id, GraphData.of(g, facts), GraphData.of(e, share), frozenset({entity.value})))
    return PushData(BASE, tuple(docs), tmp_path / "store")


def write_trig(data: PushData, path: Path) -> Path:
    """``data`` as a dataset file like `kg export --format trig` writes (documents and merged entities)."""
    quads = [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(g.graph))
             for d in data.documents for g in (d.facts,)
             for t in ox.parse(g.ntriples, format=ox.RdfFormat.N_TRIPLES)]
    quads += [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(BASE + "kg/entities"))
              for d in data.documents for t in ox.parse(d.share.ntriples, format=ox.RdfFormat.N_TRIPLES)]
    path.write_bytes(ox.serialize(quads, format=ox.RdfFormat.TRIG))
    return path


def bounded(fn: Callable[[], object], seconds: float = 60.0):
    """``fn()`` in a thread; fails the test if it has not returned after ``seconds`` (a hang)."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(fn()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s: the request is not bounded"
    return result[0]


class Oxigraph:
    """``oxigraph serve`` on a free loopback port, with helpers to look at what it holds."""

    def __init__(self, location: Path, *, read_only: bool = False) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = "serve-read-only" if read_only else "serve"
        self.proc = subprocess.Popen([OXIGRAPH, command, "--location", str(location), "--bind", f"127.0.0.1:{self.port}"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while True:
            assert self.proc.poll() is None, "the oxigraph server exited"
            try:
                self.select("ASK {}")
                return
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "oxigraph did not start within 20 s"
                time.sleep(0.1)

    def select(self, query: str):
        req = urllib.request.Request(self.url + "/query", data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Accept": "application/sparql-results+json",
                                              "Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            return json.loads(resp.read())

    def number(self, query: str) -> int:
        return int(self.select(query)["results"]["bindings"][0]["n"]["value"])

    def counts(self) -> dict[str, int]:
        doc = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return {b["g"]["value"]: int(b["n"]["value"]) for b in doc["results"]["bindings"]}

    def graph(self, graph: str) -> set[str]:
        req = urllib.request.Request(self.url + "/store?" + urllib.parse.urlencode({"graph": graph}),
                                     headers={"Accept": "application/n-triples"})
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                return {line for line in resp.read().decode().splitlines() if line.strip()}
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return set()
            raise

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def _is_query(path: str, headers) -> bool:
    return path.startswith("/query") or headers.get("Content-Type") == "application/x-www-form-urlencoded"


Action = int | str | Callable[[BaseHTTPRequestHandler], None]


class FakeServer:
    """A loopback HTTP server.  A query (to ``/query``, or any form-encoded POST) gets ``query`` (default: SPARQL JSON with no rows); a
    path starting with a key of ``paths`` gets that action; every other request gets the next action
    of ``script`` (a status, ``"drop"`` to close without answering, or a function that writes the
    answer), then ``then`` forever.  ``requests`` records them all."""

    def __init__(self, script: list[Action] = (), then: Action = 204, query: Action | None = None,
                 paths: dict[str, Action] | None = None) -> None:
        self.script = list(script)
        self.then = then
        self.query = query
        self.paths = paths or {}
        self.requests: list[tuple[str, str, dict, bytes]] = []
        self.stopping = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _any(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                outer.requests.append((self.command, self.path, dict(self.headers), body))
                routed = [a for prefix, a in outer.paths.items() if self.path.startswith(prefix)]
                if routed:
                    action = routed[0]
                elif _is_query(self.path, self.headers):
                    action = outer.query or (lambda h: h.answer(200, EMPTY_RESULTS, "application/sparql-results+json"))
                else:
                    action = outer.script.pop(0) if outer.script else outer.then
                if action == "drop":
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                elif callable(action):
                    action(self)
                else:
                    self.answer(int(action), b"")

            def answer(self, status: int, body: bytes, ctype: str = "text/plain", headers: dict | None = None) -> None:
                self.send_response(status)
                for k, v in {"Content-Type": ctype, "Content-Length": str(len(body)), **(headers or {})}.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            do_PUT = do_POST = do_DELETE = do_GET = _any

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def writes(self) -> list[tuple[str, str, dict, bytes]]:
        return [r for r in self.requests if not _is_query(r[1], r[2])]

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


class DripServer:
    """Answers every request by sending ``head`` at once, then one byte of ``drip`` every 0.2 s
    until stopped: a server (or a middlebox) that never finishes its answer."""

    def __init__(self, head: bytes, drip: bytes = b"x") -> None:
        self.head, self.drip = head, drip
        self.stopping = threading.Event()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(65536)
                conn.sendall(self.head)
                while not self.stopping.wait(0.2):
                    conn.sendall(self.drip)
            except OSError:
                pass

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join(timeout=5)
        self.sock.close()
