"""``kg push`` into a real SPARQL 1.1 server (Oxigraph, started here on loopback) and into failing servers."""

from __future__ import annotations

import base64
import json
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.model import Document
from kg.store.push import GraphData, Target, graphs_from_store, push_graphs, target_from_env
from kg.store.serve import find_oxigraph
from kg.store.embedded import open_store, public_graphs, remove_documents, update_store

OXIGRAPH = find_oxigraph()
needs_oxigraph = pytest.mark.skipif(OXIGRAPH is None, reason="the oxigraph server binary is not installed (pip install oxigraph)")

# Invented articles (with the seed article they make three documents).
ARTICLE_A = ("Ruritania and Freedonia signed a trade agreement in Geneva on Monday. "
             "Ruritanian President Anna Berg said the agreement would lower tariffs.")
ARTICLE_B = "Freedonia criticized Ruritania on Tuesday. The Freedonian Army attacked a border post."
ARTICLE_B2 = "Freedonia sanctioned Ruritania on Friday, Prime Minister Carl Holm said in Geneva."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def build_docs(nlp, res):
    from kg.ingest.read import iter_documents
    from kg.builder import build

    from helpers import SEED

    def run(docs, path):
        per_doc: dict = {}
        g = build(docs, nlp=nlp, resources=res, on_document=lambda r: per_doc.__setitem__(r.document.id, r.entities))
        return update_store(path, g, resources=res, doc_entities=per_doc)

    def seed_docs():
        return list(iter_documents([SEED]))

    return run, seed_docs


@pytest.fixture()
def local_store(tmp_path, build_docs):
    run, seed_docs = build_docs
    path = tmp_path / "store"
    report = run(seed_docs() + [Document("article-a", ARTICLE_A), Document("article-b", ARTICLE_B)], path)
    assert len(report.added) == 3
    return path


def local_counts(path) -> dict[str, int]:
    store = open_store(path, read_only=True)
    return {g.value: sum(1 for _ in store.quads_for_pattern(None, None, None, g)) for g in public_graphs(store)}


def local_graph(path, graph: str) -> set[str]:
    store = open_store(path, read_only=True)
    return {f"{q.triple} ." for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph))}


class Oxigraph:
    def __init__(self, tmp_path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path / "server-db"),
                                      "--bind", f"127.0.0.1:{self.port}"],
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

    def counts(self) -> dict[str, int]:
        doc = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return {b["g"]["value"]: int(b["n"]["value"]) for b in doc["results"]["bindings"]}

    def total(self) -> int:
        doc = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(doc["results"]["bindings"][0]["n"]["value"])

    def graph(self, graph: str) -> set[str]:
        req = urllib.request.Request(self.url + "/store?" + urllib.parse.urlencode({"graph": graph}),
                                     headers={"Accept": "application/n-triples"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            return {line for line in resp.read().decode().splitlines() if line.strip()}

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


@pytest.fixture()
def oxigraph(tmp_path):
    server = Oxigraph(tmp_path)
    yield server
    server.stop()


def kg_push(*args: str, env: dict | None = None):
    result = CliRunner().invoke(app, ["push", *args], env=env)
    return result.exit_code, result.output


@needs_oxigraph
def test_push_gsp_equals_local_and_is_idempotent(local_store, oxigraph):
    code, output = kg_push("--store", str(local_store), "--endpoint", oxigraph.url + "/query",
                           "--graph-store", oxigraph.url + "/store")
    assert code == 0, output
    local = local_counts(local_store)
    assert len(local) == 4  # three document graphs + the entity graph
    assert oxigraph.counts() == local
    assert oxigraph.total() == sum(local.values())
    assert output.count("] loaded ") == 4 and "[4/4] loaded <https://example.org/newskg/kg/entities>" in output
    assert "Done: 3 document graph(s) and 1 other graph(s)" in output
    code, output = kg_push("--store", str(local_store), "--endpoint", oxigraph.url + "/query",
                           "--graph-store", oxigraph.url + "/store")
    assert code == 0, output
    assert oxigraph.counts() == local
    assert oxigraph.total() == sum(local.values())


@needs_oxigraph
@pytest.mark.parametrize("protocol", ["update", "gsp"])
def test_replaced_and_removed_documents_reach_the_server(local_store, oxigraph, build_docs, protocol):
    run, _ = build_docs
    args = ["--store", str(local_store), "--endpoint", oxigraph.url + "/query", "--protocol", protocol]
    if protocol == "gsp":
        args += ["--graph-store", oxigraph.url + "/store"]
    assert kg_push(*args)[0] == 0
    before = local_counts(local_store)
    assert oxigraph.counts() == before

    report = run([Document("article-b", ARTICLE_B2)], local_store)  # new text under the same id
    assert report.replaced == ("article-b",)
    remove_documents(local_store, ["article-a"])
    after = local_counts(local_store)
    assert len(after) == 3
    gone = sorted(set(before) - set(after))
    assert len(gone) == 1

    code, output = kg_push(*args)  # without --prune the removed document stays, and the report says so
    assert code == 0, output
    assert "1 document graph(s) on the server are not in the local data (pass --prune" in output
    assert set(oxigraph.counts()) == set(before)

    code, output = kg_push(*args, "--prune")
    assert code == 0, output
    assert f"deleted <{gone[0]}>" in output
    assert oxigraph.counts() == after
    for graph in after:  # same triples, not just the same numbers
        assert oxigraph.graph(graph) == local_graph(local_store, graph)


@needs_oxigraph
def test_update_protocol_escapes_literals(oxigraph):
    """Text that would break out of INSERT DATA if pasted is sent escaped, as N-Triples."""
    nasty = 'x" } } ; DROP ALL ; INSERT DATA { <urn:a> <urn:b> "\n\\u0022 >'
    g1, g2 = "https://example.org/newskg/graph/one", "https://example.org/newskg/graph/two"
    triples = [ox.Triple(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal(nasty))]
    data = [GraphData(g, None, 1, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)) for g in (g1, g2)]
    target = Target("update", endpoint=oxigraph.url + "/query", update_endpoint=oxigraph.url + "/update")
    report = push_graphs(data, target)
    assert report.ok, report.summary()
    assert oxigraph.counts() == {g1: 1, g2: 1}
    doc = oxigraph.select("SELECT ?o WHERE { GRAPH ?g { <urn:s> <urn:p> ?o } }")
    assert [b["o"]["value"] for b in doc["results"]["bindings"]] == [nasty, nasty]


# -- failing servers --------------------------------------------------------------------------------
class FlakyServer:
    """A loopback HTTP server that answers from a script: a list of actions, then ``then`` forever."""

    def __init__(self, script: list[str | int], then: str | int = 204) -> None:
        self.script = list(script)
        self.then = then
        self.requests: list[tuple[str, str, dict, bytes]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _any(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                outer.requests.append((self.command, self.path, dict(self.headers), body))
                action = outer.script.pop(0) if outer.script else outer.then
                if action == "drop":  # close the connection without an answer
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self.send_response(int(action))
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_PUT = do_POST = do_DELETE = do_GET = _any

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@pytest.fixture()
def flaky():
    servers: list[FlakyServer] = []

    def make(script, then=204) -> FlakyServer:
        servers.append(FlakyServer(script, then))
        return servers[-1]

    yield make
    for s in servers:
        s.stop()


def test_retries_503_and_dropped_connections_with_backoff(local_store, flaky):
    server = flaky([503, 503, "drop"])
    graphs, base = graphs_from_store(local_store)
    target = Target("gsp", graph_store=server.url + "/store", backoff=0.5, retries=4)
    sleeps: list[float] = []
    lines: list[str] = []
    report = push_graphs(graphs, target, base=base, sleep=sleeps.append,
                         on_progress=lambda i, n, p: lines.append(f"{i}/{n} {p.label} {p.attempts}"))
    assert report.ok, report.summary()
    assert sleeps == [0.5, 1.0, 2.0]  # exponential backoff
    assert [p.attempts for p in report.loaded] == [4, 1, 1, 1]
    assert len(lines) == 4 and lines[0].endswith(" 4")
    assert [r[0] for r in server.requests] == ["PUT"] * 7
    first = urllib.parse.parse_qs(urllib.parse.urlsplit(server.requests[0][1]).query)["graph"]
    assert first == [graphs[0].graph]
    assert server.requests[-1][2]["Content-Type"].startswith("text/turtle")


def test_failure_reports_loaded_documents_and_exits_non_zero(local_store, flaky):
    server = flaky([204], then=503)  # the first document goes in, then the server is down
    code, output = kg_push("--store", str(local_store), "--graph-store", server.url + "/store", "--retries", "1")
    assert code == 1
    graphs, _ = graphs_from_store(local_store)
    first, second = graphs[0].doc_id, graphs[1].doc_id
    assert f"[1/4] loaded {first}" in output
    assert f"FAILED at {second}: HTTP 503" in output
    assert f"Loaded before the failure: {first};" in output
    assert "not attempted: " in output and "kg/entities>" in output
    assert len(server.requests) == 1 + 2  # one success, then one try and one retry


def test_client_errors_are_not_retried(local_store, flaky):
    server = flaky([], then=401)
    graphs, _ = graphs_from_store(local_store)
    report = push_graphs(graphs, Target("gsp", graph_store=server.url + "/store"), sleep=lambda s: None)
    assert not report.ok and report.loaded == () and len(server.requests) == 1
    assert "HTTP 401" in report.error and "NEWSKG_PUSH_USER" in report.error


def test_credentials_come_from_the_environment(local_store, flaky):
    server = flaky([])
    env = {"NEWSKG_PUSH_USER": "loader", "NEWSKG_PUSH_PASSWORD": "s3cret:pw"}
    code, output = kg_push("--store", str(local_store), "--endpoint", server.url + "/sparql", "--protocol", "update",
                           env=env)
    assert code == 0, output
    expected = "Basic " + base64.b64encode(b"loader:s3cret:pw").decode()
    assert {r[2].get("Authorization") for r in server.requests} == {expected}
    assert "s3cret" not in output
    assert "s3cret" not in repr(target_from_env(endpoint=server.url, environ=env))
    method, path, headers, body = server.requests[0]
    assert (method, path) == ("POST", "/sparql")  # the update goes to --endpoint when it does not end in /query
    assert headers["Content-Type"].startswith("application/sparql-update")
    text = body.decode()
    assert text.startswith("DROP SILENT GRAPH <https://example.org/newskg/graph/")
    assert "INSERT DATA { GRAPH <https://example.org/newskg/graph/" in text


def test_half_set_credentials_are_refused(local_store):
    code, output = kg_push("--store", str(local_store), "--endpoint", "http://127.0.0.1:9/query",
                           env={"NEWSKG_PUSH_USER": "loader", "NEWSKG_PUSH_PASSWORD": None})
    assert code == 1 and "NEWSKG_PUSH_PASSWORD" in output


def test_push_a_dataset_file(local_store, tmp_path, flaky):
    from kg.store.embedded import export_store

    trig = tmp_path / "all.trig"
    trig.write_bytes(export_store(local_store, "trig"))
    server = flaky([])
    code, output = kg_push(str(trig), "--graph-store", server.url + "/store")
    assert code == 0, output
    assert len(server.requests) == 4
    ttl = tmp_path / "all.ttl"
    ttl.write_bytes(export_store(local_store, "turtle"))
    code, output = kg_push(str(ttl), "--graph-store", server.url + "/store")
    assert code == 1 and "outside any named graph" in output


# -- Virtuoso (optional: runs only where Debian's virtuoso-opensource-7-bin is installed) -------------
VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
DirsAllowed = ., {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
MaxClientConnections = 4
ServerThreads = 4
"""


@pytest.mark.skipif(shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None,
                    reason="Virtuoso is not installed (apt-get install virtuoso-opensource-7-bin)")
def test_push_into_virtuoso(local_store, tmp_path):
    sql, http = free_port(), free_port()
    (tmp_path / "virtuoso.ini").write_text(VIRTUOSO_INI.format(d=tmp_path, sql=sql, http=http))
    proc = subprocess.Popen(["virtuoso-t", "-f", "-c", str(tmp_path / "virtuoso.ini")], cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{http}/sparql"

    def counts() -> dict[str, int]:
        q = ("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
             "FILTER(STRSTARTS(STR(?g), \"https://example.org/newskg/\")) } GROUP BY ?g")
        req = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": q}),
                                     headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            doc = json.loads(resp.read())
        return {b["g"]["value"]: int(b["n"]["value"]) for b in doc["results"]["bindings"]}

    try:
        deadline = time.monotonic() + 30
        while True:
            assert proc.poll() is None, (tmp_path / "virtuoso.log").read_text(errors="replace")[-500:]
            try:
                counts()
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "Virtuoso did not start within 30 s"
                time.sleep(0.25)
        grant = subprocess.run(["isql-vt", f"127.0.0.1:{sql}", "dba", "dba", 'exec=grant SPARQL_UPDATE to "SPARQL";'],
                               capture_output=True, timeout=30)
        assert grant.returncode == 0, grant.stderr
        local = local_counts(local_store)
        code, output = kg_push("--store", str(local_store), "--endpoint", url, "--protocol", "update")
        assert code == 0, output
        assert counts() == local
        code, output = kg_push("--store", str(local_store), "--endpoint", url,
                               "--graph-store", f"http://127.0.0.1:{http}/sparql-graph-crud")
        assert code == 0, output
        assert counts() == local  # PUT replaced each graph: no duplicates
        remove_documents(local_store, ["article-a"])
        code, output = kg_push("--store", str(local_store), "--endpoint", url, "--protocol", "update", "--prune")
        assert code == 0, output
        assert counts() == local_counts(local_store)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
