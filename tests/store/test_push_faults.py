"""``kg push`` against failing, hostile and slow servers (fakes on loopback; no pipeline needed).

Each case says what the user sees: a short summary, a hint, never a secret, never a hang.
"""

from __future__ import annotations

import base64
import logging
import urllib.parse

import pytest
from push_servers import DripServer, FakeServer, bounded, kg_push, synthetic_data, write_trig

from kg.store.push import Target, push, target_from_env

ENV = {"NEWSKG_PUSH_USER": "loader", "NEWSKG_PUSH_PASSWORD": "s3cret:pw"}
TOKEN = base64.b64encode(b"loader:s3cret:pw").decode()


@pytest.fixture()
def fake():
    servers: list[FakeServer] = []

    def make(*args, **kwargs) -> FakeServer:
        servers.append(FakeServer(*args, **kwargs))
        return servers[-1]

    yield make
    for s in servers:
        s.stop()


@pytest.fixture()
def trig(tmp_path):
    """A dataset file of three small documents."""
    return write_trig(synthetic_data(3, tmp_path), tmp_path / "three.trig")


def gsp(server: FakeServer, protocol: str = "gsp") -> Target:
    return Target(protocol, endpoint=server.url + "/query", update_endpoint=server.url + "/update",
                  graph_store=server.url + "/store" if protocol == "gsp" else None, backoff=0.5, retries=4)


# -- retries and summaries ----------------------------------------------------------------------------
def test_retries_503_and_dropped_connections_with_backoff(fake, tmp_path):
    server = fake([503, 503, "drop"])
    data = synthetic_data(3, tmp_path)
    sleeps: list[float] = []
    lines: list[str] = []
    report = push(data, gsp(server), source="t", sleep=sleeps.append,
                  on_progress=lambda i, n, p: lines.append(f"{i}/{n} {p.doc_id} {p.attempts}"))
    assert report.ok, report.summary()
    assert sleeps == [0.5, 1.0, 2.0]  # exponential backoff, on the first write (marking entities to merge)
    assert lines == ["1/3 doc-0000 1", "2/3 doc-0001 1", "3/3 doc-0002 1"]
    puts = [r for r in server.writes() if r[0] == "PUT"]
    assert [urllib.parse.parse_qs(urllib.parse.urlsplit(r[1]).query)["graph"][0] for r in puts[:2]] == \
        [data.documents[0].facts.graph, data.documents[0].share.graph]
    assert puts[-1][2]["Content-Type"].startswith("text/turtle")


def test_a_failing_server_gets_counts_not_hundreds_of_ids(fake, tmp_path):
    """300 documents, the server fails at the third: the error is one short line of counts."""
    file = write_trig(synthetic_data(300, tmp_path), tmp_path / "many.trig")
    server = fake([204] * 2 + [204] * 4, then=503)  # marks (2 batches), two documents (2 PUTs each), then down
    code, output = kg_push(str(file), "--endpoint", server.url + "/query", "--graph-store", server.url + "/store",
                           "--retries", "1")
    assert code == 1
    assert "[2/300] loaded doc-0001" in output
    (line,) = [line for line in output.splitlines() if line.startswith("Error:")]
    assert (f"failed at document doc-0002: {server.url}/store answered HTTP 503 Service Unavailable; "
            f"gave up after 2 attempt(s).") in line
    assert "2 of 300 document(s) pushed, 1 failed, 297 not attempted" in line
    assert "doc-0003" not in output and len(line) < 500


def test_client_errors_are_not_retried(fake, tmp_path):
    server = fake([], then=401)
    report = push(synthetic_data(3, tmp_path), gsp(server), source="t", sleep=lambda s: None)
    assert not report.ok and report.loaded == () and len(server.writes()) == 1
    assert "HTTP 401" in report.error and "NEWSKG_PUSH_USER" in report.error


def test_credentials_come_from_the_environment(fake, trig):
    server = fake([])
    code, output = kg_push(str(trig), "--endpoint", server.url + "/sparql", "--protocol", "update", env=ENV)
    assert code == 0, output
    assert {r[2].get("Authorization") for r in server.requests} == {"Basic " + TOKEN}
    assert "s3cret" not in output and TOKEN not in output
    assert "s3cret" not in repr(target_from_env(endpoint=server.url, environ=ENV))
    writes = server.writes()
    assert {(m, p) for m, p, _, _ in writes} == {("POST", "/sparql")}  # the update goes to --endpoint as given
    assert all(h["Content-Type"].startswith("application/sparql-update") for _, _, h, _ in writes)
    document = [b.decode() for _, _, _, b in writes if b"INSERT DATA { GRAPH <https://example.org/newskg/graph/" in b]
    assert len(document) == 3 and document[0].startswith("DROP SILENT GRAPH <https://example.org/newskg/graph/")


def test_half_set_credentials_are_refused(trig):
    code, output = kg_push(str(trig), "--endpoint", "http://127.0.0.1:9/query",
                           env={"NEWSKG_PUSH_USER": "loader", "NEWSKG_PUSH_PASSWORD": None})
    assert code == 1 and "NEWSKG_PUSH_PASSWORD" in output


def test_a_graph_store_alone_is_refused_with_a_hint(trig, fake):
    server = fake([])
    code, output = kg_push(str(trig), "--graph-store", server.url + "/store")
    assert code == 1 and "needs --endpoint URL" in output and "merged, not replaced" in output
    assert server.requests == []
    code, output = kg_push(str(trig), "--endpoint", "http://127.0.0.1:port/query")
    assert code == 1 and "'http://127.0.0.1:port/query' is not an http(s) URL" in output


# -- redirects ------------------------------------------------------------------------------------
def _redirect(status: int, location: str):
    return lambda h: h.answer(status, b"moved", headers={"Location": location})


@pytest.mark.parametrize("protocol, path, option", [("update", "/update", "--update-endpoint"),
                                                    ("gsp", "/store", "--graph-store"),
                                                    ("gsp", "/query", "--endpoint")])
def test_a_redirect_fails_with_its_address_and_never_carries_credentials(fake, trig, protocol, path, option):
    elsewhere = fake([])
    server = fake(paths={path: _redirect(302 if protocol == "update" else 307, elsewhere.url + "/moved")})
    args = [str(trig), "--endpoint", server.url + "/query", "--protocol", protocol]
    if protocol == "gsp":
        args += ["--graph-store", server.url + "/store"]
    code, output = kg_push(*args, env=ENV)
    assert code == 1 and "Done" not in output
    assert f"the server redirects to {elsewhere.url}/moved" in output and f"pass it as {option}" in output
    assert elsewhere.requests == []  # nothing, and no credentials, went to the redirect target
    assert len([r for r in server.requests if r[1].startswith(path)]) == 1  # not retried


# -- credentials ----------------------------------------------------------------------------------
@pytest.mark.parametrize("option", ["--endpoint", "--graph-store"])
def test_credentials_in_a_url_are_refused_and_never_printed(fake, trig, option):
    server = fake([])
    urls = {"--endpoint": server.url + "/query", "--graph-store": server.url + "/store"}
    host = server.url.removeprefix("http://")
    urls[option] = urls[option].replace(host, f"loader:pa55word@{host}")
    code, output = kg_push(str(trig), "--endpoint", urls["--endpoint"], "--graph-store", urls["--graph-store"])
    assert code == 1
    assert "pa55word" not in output and "loader" not in output
    assert f"{option} http://***@{host}/" in output and "NEWSKG_PUSH_USER" in output
    assert server.requests == []


def test_a_wrong_password_prints_and_logs_no_secret(fake, trig, caplog):
    """The server echoes the request's Authorization header and the password in its answers."""
    def echo(status):
        return lambda h: h.answer(status, f"bad credentials {h.headers['Authorization']} s3cret:pw".encode())

    server = fake([echo(503)], then=echo(401))
    caplog.set_level(logging.DEBUG)
    code, output = kg_push(str(trig), "--endpoint", server.url + "/query", "--protocol", "update", "--retries", "1",
                           env=ENV)
    assert code == 1 and "HTTP 401" in output and "HTTP 503" in caplog.text  # a retry was logged, then the refusal
    for secret in ("s3cret", TOKEN):
        assert secret not in output and secret not in caplog.text


def test_the_plain_http_warning_looks_at_every_endpoint():
    target = Target("gsp", endpoint="http://sparql.example.org/query", update_endpoint="https://sparql.example.org/update",
                    graph_store="http://127.0.0.1:7878/store", user="loader", password="pw")
    assert target.plain_http_hosts() == ["sparql.example.org"]
    assert Target("gsp", endpoint="http://sparql.example.org/query", graph_store="http://127.0.0.1:7878/store",
                  update_endpoint="http://sparql.example.org/update").plain_http_hosts() == []  # no credentials


# -- slow and huge answers ------------------------------------------------------------------------
@pytest.mark.parametrize("head", [b"HTTP/1.1 200 OK\r\nX-Slow: ", b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n"],
                         ids=["headers", "body"])
def test_timeout_bounds_a_server_that_drips_bytes(tmp_path, head):
    server = DripServer(head)
    try:
        target = Target("update", endpoint=server.url + "/query", update_endpoint=server.url + "/update", timeout=1,
                        retries=0)
        report = bounded(lambda: push(synthetic_data(2, tmp_path), target, source="t"))
        code, output = bounded(lambda: kg_push(str(write_trig(synthetic_data(2, tmp_path), tmp_path / "x.trig")),
                                               "--endpoint", server.url + "/query", "--timeout", "1", "--retries", "0"))
    finally:
        server.stop()
    assert not report.ok and report.failed_at == "reading the server's state"
    assert "no complete answer within 1 s (--timeout bounds each request as a whole)" in report.error
    assert code == 1 and "no complete answer within 1 s" in output


def _endless(status: int, content_type: str):
    def answer(h) -> None:
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        h.end_headers()  # no length: the body ends when the connection does
        chunk = b" " * 65536
        try:
            for _ in range(4096):  # 256 MiB at most, so that a client reading it all ends some day
                h.wfile.write(chunk)
        except OSError:
            pass
    return answer


def test_a_huge_query_answer_is_capped(fake, tmp_path):
    server = fake(query=_endless(200, "application/sparql-results+json"))
    target = Target("update", endpoint=server.url + "/query", update_endpoint=server.url + "/update",
                    max_answer=1024 * 1024)
    report = bounded(lambda: push(synthetic_data(2, tmp_path), target, source="t"))
    assert not report.ok
    assert f"the answer of {server.url}/query is larger than 1 MiB; kg push stopped reading it" in report.error


def test_a_huge_answer_to_a_write_is_not_read(fake, tmp_path):
    server = fake([], then=_endless(200, "text/html"))
    report = bounded(lambda: push(synthetic_data(2, tmp_path), gsp(server), source="t"))
    assert report.ok, report.summary()
    assert len(report.loaded) == 2
