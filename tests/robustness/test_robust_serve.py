"""`kg serve` under hostile requests, with both engines, as a real `kg serve` process on loopback.

Each test asks the server something it must refuse or survive, then checks it still answers a
normal query.  A crashed server (the old behaviour for deep queries) shows up as a refused
connection afterwards.  Timeouts in these tests only stop a hang; nothing asserts a duration."""

from __future__ import annotations

import http.server
import json
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from test_robust_cli import kg_cmd

from kg.procs import stop_group
from kg.store.serve import find_oxigraph

ENGINES = ["builtin", pytest.param("oxigraph", marks=pytest.mark.skipif(
    find_oxigraph() is None, reason="the oxigraph binary is not installed (pip install oxigraph)"))]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
CARTESIAN = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . "
             "?p ?q ?r }")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def store(tmp_path_factory, seed_graph, res) -> Path:
    from kg.store.update import update_store

    path = tmp_path_factory.mktemp("robust-serve") / "store"
    update_store(path, seed_graph, resources=res)
    return path


class Served:
    """A `kg serve` process and its URL."""

    def __init__(self, store: Path, engine: str, *extra: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/query"
        self.proc = subprocess.Popen([*kg_cmd(), "serve", "--store", str(store), "--port", str(self.port),
                                      "--engine", engine, *extra],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + 60
        while True:
            assert self.proc.poll() is None, self.proc.stderr.read().decode()
            try:
                self.get(COUNT)
                return
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "kg serve did not answer within 60 s"
                time.sleep(0.2)

    def get(self, query: str, **headers: str) -> tuple[int, str]:
        req = urllib.request.Request(self.url + "?" + urllib.parse.urlencode({"query": query}), headers=headers)
        return self._open(req)

    def post(self, body: bytes, ctype: str, **headers: str) -> tuple[int, str]:
        req = urllib.request.Request(self.url, data=body, method="POST", headers={"Content-Type": ctype, **headers})
        return self._open(req)

    @staticmethod
    def _open(req) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                return resp.status, resp.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8", "replace")

    def alive(self) -> bool:
        status, body = self.get(COUNT)
        return status == 200 and '"n"' in body

    def stop(self) -> tuple[int, str, str]:
        out, err, _ = stop_group(self.proc, 30)
        return self.proc.returncode, out.decode(), err.decode()


@pytest.fixture(params=ENGINES)
def served(request, store):
    server = Served(store, request.param)
    yield server
    server.stop()


class Canary:
    """A loopback HTTP server that records every request it gets (it must get none)."""

    def __init__(self) -> None:
        hits = self.hits = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                hits.append(self.path)
                self.send_response(404)
                self.end_headers()

            do_POST = do_GET

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/sparql"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# -- crashes ------------------------------------------------------------------------------------
def test_a_deeply_nested_query_is_refused_and_the_server_lives_on(served):
    deep = "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000  # 6 KB: used to abort the server
    status, body = served.get(deep)
    assert status == 400 and "nests brackets 3000 levels deep" in body
    parens = "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"
    status, body = served.post(urllib.parse.urlencode({"query": parens}).encode(), "application/x-www-form-urlencoded")
    assert status == 400 and "levels deep" in body
    subselects = "SELECT * WHERE " + "{ SELECT * WHERE " * 2000 + "{ ?s ?p ?o }" + "}" * 2000
    assert served.post(subselects.encode(), "application/sparql-query")[0] == 400
    assert served.alive()


def test_a_long_flat_chain_within_the_limits_does_not_crash_either(served):
    # 8,000 additions nest 8,000 deep inside the engine (this overflowed an 8 MB stack): allowed, and
    # the engine's big stack holds.  (Such chains parse in time quadratic in their length: a much
    # longer one is stopped by the time limit, 503.)
    chain = "SELECT * WHERE { ?s ?p ?o FILTER(" + "+".join(["1"] * 8_000) + " > 0) } LIMIT 1"
    status, _ = served.post(chain.encode(), "application/sparql-query")
    assert status in (200, 503)
    assert served.alive()


def test_a_cross_origin_form_post_is_refused(served):
    # what a web page's <form method=post action=http://127.0.0.1:7878/query> makes the browser send
    form = urllib.parse.urlencode({"query": COUNT}).encode()
    status, body = served.post(form, "application/x-www-form-urlencoded", Origin="http://evil.example")
    assert status == 403 and "refused" in body
    assert served.get(COUNT, **{"Sec-Fetch-Site": "cross-site"})[0] == 403  # an <img src=...> GET
    assert served.get(COUNT, Host="evil.example:7878")[0] == 403  # DNS rebinding
    assert served.post(form, "application/x-www-form-urlencoded")[0] == 200  # a program's form POST
    assert served.get(COUNT, **{"Sec-Fetch-Site": "none"})[0] == 200  # the user typed the URL


# -- server-side request forgery -----------------------------------------------------------------
def test_federated_queries_are_refused_and_fetch_nothing(served):
    canary = Canary()
    try:
        for query in (f"SELECT * WHERE {{ SERVICE <{canary.url}> {{ ?s ?p ?o }} }}",
                      f"select * where {{ ?s ?p 1.service silent <{canary.url}> {{ }} }}"):
            status, body = served.get(query)
            assert status == 400 and "SERVICE" in body and "--allow-service" in body
        time.sleep(0.5)
        assert canary.hits == []
    finally:
        canary.close()
    assert served.alive()


def test_federated_queries_run_when_allowed(store):
    canary = Canary()
    server = Served(store, "builtin", "--allow-service")
    try:
        status, _ = server.get(f"SELECT * WHERE {{ SERVICE SILENT <{canary.url}> {{ ?s ?p ?o }} }}")
        assert status == 200 and canary.hits
    finally:
        server.stop()
        canary.close()


# -- time and connections ------------------------------------------------------------------------
@pytest.mark.parametrize("engine", ENGINES)
def test_a_long_query_is_stopped_at_the_timeout(store, engine):
    server = Served(store, engine, "--timeout", "2")
    try:
        status, body = server.get(CARTESIAN)
        assert status == 503 and "longer than 2 s" in body
        assert server.alive()
    finally:
        server.stop()


@pytest.mark.parametrize("engine", ENGINES)
def test_an_abandoned_query_is_stopped(store, engine):
    # one worker and a long timeout: the next query is answered only if the abandoned one was stopped
    server = Served(store, engine, "--workers", "1", "--timeout", "600")
    try:
        with socket.create_connection(("127.0.0.1", server.port)) as sock:
            target = "/query?" + urllib.parse.urlencode({"query": CARTESIAN})
            sock.sendall(f"GET {target} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".encode())
            time.sleep(1.0)  # the query is running; the client gives up
        assert server.alive()
    finally:
        server.stop()


def test_idle_half_open_connections_do_not_stop_the_server(served):
    idle = []
    try:
        for i in range(256):
            sock = socket.create_connection(("127.0.0.1", served.port))
            if i % 2:
                sock.sendall(b"GET /query?query=ASK")  # a request that never ends
            idle.append(sock)
        assert served.alive()
    finally:
        for sock in idle:
            sock.close()


def test_fifty_concurrent_clients_are_all_answered(served):
    results: list[tuple[int, str]] = []
    lock = threading.Lock()

    def client() -> None:
        answer = served.get(COUNT)
        with lock:
            results.append(answer)

    threads = [threading.Thread(target=client) for _ in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert len(results) == 50 and {status for status, _ in results} == {200}
    assert len({json.loads(body)["results"]["bindings"][0]["n"]["value"] for _, body in results}) == 1


def raw(port: int, data: bytes) -> str:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks).decode("latin-1")


def status_of(reply: str) -> int:
    """The status of a raw reply (an HTTP/0.9 reply to a broken request line has no status line)."""
    words = reply.split()
    return int(words[1] if words[0].startswith("HTTP/") else words[0])


def test_malformed_and_huge_requests_get_a_clear_status(served):
    port = served.port
    assert status_of(raw(port, b"GARBAGE\r\n\r\n")) == 400
    assert status_of(raw(port, b"\x00\xff\xfe nonsense \r\n\r\n")) == 400
    assert status_of(raw(port, b"BREW /query HTTP/1.0\r\n\r\n")) == 501
    assert status_of(raw(port, b"GET /query HTTP/9.9\r\n\r\n")) == 505
    huge = raw(port, b"POST /query HTTP/1.0\r\nContent-Type: application/sparql-query\r\n"
                     b"Content-Length: 50000000\r\n\r\nSELECT")
    assert status_of(huge) == 413 and "too large" in huge
    assert status_of(raw(port, b"POST /query HTTP/1.0\r\nContent-Type: application/sparql-query\r\n\r\n")) == 411
    assert status_of(raw(port, b"GET /query?query=" + b"A" * 70_000 + b" HTTP/1.0\r\n\r\n")) == 414
    assert served.post(b"SELECT", "text/plain")[0] == 415
    assert served.get("")[0] == 400
    assert served.post(b"CLEAR ALL", "application/sparql-update")[0] == 403
    assert served.get("INSERT DATA { <urn:a> <urn:b> <urn:c> }")[0] in (400, 403)
    assert served.alive()


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on ``port`` (Linux /proc)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            addr, hexport = local.rsplit(":", 1)
            if state == "0A" and int(hexport, 16) == port:
                found.add(addr)
    return found


def descendants(pid: int) -> set[int]:
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            out |= {child} | descendants(child)
    return out


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux /proc")
def test_binds_to_loopback_and_stops_cleanly(served):
    assert listening_addresses(served.port) == {"0100007F"}  # 127.0.0.1 only
    served.get(COUNT)
    helpers = descendants(served.proc.pid)
    code, out, err = served.stop()
    assert code == 0 and "Stopped." in out, err
    deadline = time.monotonic() + 30
    while helpers & {p for p in helpers if Path(f"/proc/{p}").exists()}:
        assert time.monotonic() < deadline, "worker processes outlived kg serve"
        time.sleep(0.2)
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(served.url, timeout=5)
