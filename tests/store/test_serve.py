"""``kg serve``: a read-only SPARQL 1.1 endpoint over the store, queried over HTTP on loopback."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kg.procs import stop_group
from kg.store.embedded import open_store, public_graphs
from kg.store.serve import ServeError, find_oxigraph, start_server
from kg.store.update import update_store

KG = "https://w3id.org/newskg/ontology#"
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
COUNT_GRAPHS = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
needs_oxigraph = pytest.mark.skipif(find_oxigraph() is None, reason="the oxigraph server binary is not installed (pip install oxigraph)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sparql(url: str, query: str, *, accept: str = "application/sparql-results+json", post: bool = False) -> bytes:
    if post:
        req = urllib.request.Request(url, data=query.encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/sparql-query", "Accept": accept})
    else:
        req = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return resp.read()


def count(url: str, query: str = COUNT_ALL) -> int:
    doc = json.loads(sparql(url, query))
    return int(doc["results"]["bindings"][0]["n"]["value"])


def ask(url: str, query: str) -> bool:
    return json.loads(sparql(url, query))["boolean"]


@pytest.fixture(scope="module")
def store(tmp_path_factory, seed_graph, res):
    path = tmp_path_factory.mktemp("serve") / "store"
    update_store(path, seed_graph, resources=res)
    s = open_store(path, read_only=True)
    graphs = public_graphs(s)
    local = sum(1 for g in graphs for _ in s.quads_for_pattern(None, None, None, g))
    del s
    return path, len(graphs), local


def test_cli_serve_answers_select_and_ask_then_stops(store):
    path, n_graphs, n_quads = store
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--store", str(path), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert proc.poll() is None, proc.stderr.read().decode()
            try:
                n = count(url)
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "kg serve did not answer within 30 s"
                time.sleep(0.2)
        assert n == n_quads  # default graph = the view, the union of the public graphs
        assert count(url, COUNT_GRAPHS) == n_graphs == 3  # one document graph + the entity graph + fact summaries
        assert ask(url, f"ASK {{ ?a <{KG}deters> ?b }}") is True
        assert ask(url, f"ASK {{ ?a <{KG}deters> ?a }}") is False
        # bookkeeping graphs of the store are not served
        assert ask(url, "ASK { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?g), 'kg-entities') || STR(?g) = 'urn:newskg:store') }") is False
        # read-only
        req = urllib.request.Request(url.replace("/query", "/update"), data=b"CLEAR ALL", method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
        with pytest.raises(urllib.error.HTTPError) as exc:
            urllib.request.urlopen(req, timeout=10)
        assert exc.value.code in (403, 405)
        assert count(url) == n_quads
    finally:
        stdout, _, killed = stop_group(proc, 15)
        assert not killed, "kg serve did not stop on SIGTERM within 15 s"
    assert proc.returncode == 0
    assert f"at {url}" in stdout.decode() and "Stopped." in stdout.decode()
    with pytest.raises(urllib.error.URLError):  # the server went away with kg serve
        count(url)


@pytest.mark.parametrize("engine", ["builtin", pytest.param("oxigraph", marks=needs_oxigraph)])
def test_engines_speak_the_sparql_protocol(store, engine):
    path, n_graphs, n_quads = store
    with start_server(path, port=free_port(), engine=engine) as server:
        url = server.query_url
        assert server.engine == engine
        assert (server.data.documents, server.data.graphs, server.data.quads) == (1, n_graphs, n_quads)
        assert count(url) == n_quads
        doc = json.loads(sparql(url, COUNT_ALL, post=True))
        assert doc["results"]["bindings"][0]["n"]["value"] == str(n_quads)
        csv = sparql(url, f"SELECT ?a WHERE {{ ?a <{KG}deters> ?b }} ORDER BY ?a", accept="text/csv").decode()
        assert csv.splitlines()[0] == "a" and len(csv.splitlines()) >= 2
        nt = sparql(url, f"CONSTRUCT {{ ?a <{KG}deters> ?b }} WHERE {{ ?a <{KG}deters> ?b }}",
                    accept="application/n-triples").decode()
        assert all(line.endswith(" .") and f"<{KG}deters>" in line for line in nt.splitlines())
        with pytest.raises(urllib.error.HTTPError) as exc:
            sparql(url, "SELEC nonsense")
        assert exc.value.code == 400
    with pytest.raises(urllib.error.URLError):
        count(url)


def test_port_in_use_is_a_clear_error(store):
    path, _, _ = store
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        for engine in ["builtin"] + (["oxigraph"] if find_oxigraph() else []):
            with pytest.raises(ServeError, match=f"127.0.0.1:{port}.*pick another --port"):
                start_server(path, port=port, engine=engine)


def test_missing_store_is_a_clear_error(tmp_path):
    from kg.store.embedded import StoreError

    with pytest.raises(StoreError, match="no newskg store"):
        start_server(tmp_path / "nothing", port=free_port(), engine="builtin")


def test_a_server_that_cannot_listen_leaves_no_process_or_folder(store, tmp_path, monkeypatch):
    import tempfile

    path, _, _ = store
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        before = set(os.listdir("/proc")) if os.path.isdir("/proc") else set()
        with pytest.raises(ServeError):
            start_server(path, port=busy.getsockname()[1], engine="builtin")
    assert list(tmp_path.iterdir()) == []
    if before:
        assert [p for p in set(os.listdir("/proc")) - before if p.isdigit() and b"kg.store.worker" in cmdline(p)] == []


def cmdline(pid: str) -> bytes:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read()
    except OSError:
        return b""
