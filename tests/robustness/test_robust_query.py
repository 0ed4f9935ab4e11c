"""`kg query` and `kg validate` on hostile queries and files, through the real `kg` entry point.

A crash shows up as a negative exit status (a signal) or a Rust backtrace; a user error must be
one `Error: ...` line and exit status 1.  Timeouts here only stop a hang."""

from __future__ import annotations

import resource
import signal
import subprocess
import time
from pathlib import Path

import pytest
from test_robust_cli import kg_cmd
from test_robust_serve import CARTESIAN, Canary

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
 <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
 <rdf:Description rdf:about="http://example.org/s"><ex:p>&i;</ex:p></rdf:Description>
</rdf:RDF>
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory, seed_graph, res) -> Path:
    from kg.store.update import update_store

    path = tmp_path_factory.mktemp("robust-query") / "store"
    update_store(path, seed_graph, resources=res)
    return path


def _child_limits() -> None:  # in the child: a memory bomb fails fast instead of filling the machine (2 GiB)
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    # Ctrl-C as a terminal sends it, whatever the suite was started from: a shell's background job
    # (`.ci/run &`) ignores SIGINT, and a child inherits that, so kg would rightly not stop
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def kg(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([*kg_cmd(), *args], capture_output=True, text=True, timeout=timeout,
                          preexec_fn=_child_limits)


def one_error_line(result: subprocess.CompletedProcess, *needles: str) -> None:
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr[-2000:]
    assert "internal error" not in lines[0] and "backtrace" not in result.stderr.lower()
    for needle in needles:
        assert needle in lines[0]


@pytest.mark.parametrize("query", [
    "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000,
    "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 20000 + "1" + ")" * 20000 + ") }",
    "SELECT * WHERE " + "{ SELECT * WHERE " * 3000 + "{ ?s ?p ?o }" + "}" * 3000,
], ids=["braces", "parentheses", "subselects"])
def test_a_deeply_nested_query_is_one_error_line_not_a_crash(store, query):
    one_error_line(kg("query", "--store", str(store), query), "levels deep")


def test_federated_query_is_refused_unless_allowed(store):
    canary = Canary()
    try:
        query = f"SELECT * WHERE {{ SERVICE <{canary.url}> {{ ?s ?p ?o }} }}"
        one_error_line(kg("query", "--store", str(store), query), "SERVICE", "--allow-service")
        time.sleep(0.5)
        assert canary.hits == []
        allowed = kg("query", "--store", str(store), "--allow-service",
                     f"SELECT * WHERE {{ SERVICE SILENT <{canary.url}> {{ ?s ?p ?o }} }}")
        assert allowed.returncode == 0 and canary.hits, allowed.stderr
    finally:
        canary.close()


def test_the_python_query_functions_refuse_federation_too(store, tmp_path):
    from kg.errors import QueryRefused
    from kg.store.query import query_file, query_store

    (tmp_path / "g.ttl").write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"
    with pytest.raises(QueryRefused, match="SERVICE"):
        query_store(store, query)
    with pytest.raises(QueryRefused, match="SERVICE"):
        query_file(tmp_path / "g.ttl", query)


def test_a_pathological_query_stops_at_the_timeout(store):
    one_error_line(kg("query", "--store", str(store), "--timeout", "2", CARTESIAN), "longer than 2 s", "--timeout")


def test_the_timeout_has_a_default(store):
    result = kg("query", "--help")
    assert result.returncode == 0 and "--timeout" in result.stdout and "60" in result.stdout


def test_ctrl_c_stops_a_pathological_query(store):
    proc = subprocess.Popen([*kg_cmd(), "query", "--store", str(store), CARTESIAN],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_child_limits)
    time.sleep(3)  # the query is running (loading the store takes about a second)
    proc.send_signal(signal.SIGINT)
    try:
        _, stderr = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail("kg query ignored Ctrl-C")
    assert proc.returncode == 130 and "Interrupted" in stderr and "Traceback" not in stderr


def test_a_bind_value_that_makes_no_iri_is_a_clear_error(store):
    one_error_line(kg("query", "--store", str(store), "--bind", "x=kg:a>b", "SELECT ?x WHERE { ?x ?p ?o }"),
                   "--bind x", "not", "valid IRI")


def test_an_entity_expansion_file_is_refused_by_query_and_validate(tmp_path):
    bomb = tmp_path / "lol.rdf"
    bomb.write_text(BILLION_LAUGHS, encoding="utf-8")
    one_error_line(kg("query", "--graph", str(bomb), "SELECT * WHERE { ?s ?p ?o }"), "billion laughs")
    one_error_line(kg("validate", str(bomb), timeout=60), "billion laughs")


def test_xml_entities_used_as_abbreviations_still_load(tmp_path):
    owl = tmp_path / "small.rdf"
    owl.write_text("""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ <!ENTITY ex "http://example.org/"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
 <rdf:Description rdf:about="&ex;s"><ex:p rdf:resource="&ex;o"/></rdf:Description>
</rdf:RDF>
""", encoding="utf-8")
    result = kg("query", "--graph", str(owl), "--format", "csv", "SELECT ?s WHERE { ?s ?p ?o }")
    assert result.returncode == 0 and "http://example.org/s" in result.stdout, result.stderr


def test_validate_fetches_no_remote_json_ld_context(tmp_path):
    canary = Canary()
    try:
        doc = tmp_path / "remote.jsonld"
        doc.write_text(f'{{"@context": "{canary.url}", "@id": "http://example.org/a", "name": "x"}}',
                       encoding="utf-8")
        one_error_line(kg("validate", str(doc)), "remote JSON-LD context")
        one_error_line(kg("query", "--graph", str(doc), "ASK {}"), "remote JSON-LD context")
        time.sleep(0.5)
        assert canary.hits == []
    finally:
        canary.close()


def test_validate_still_reads_the_json_ld_kg_writes(tmp_path, seed_graph, res):
    from kg.export.formats import serialize

    doc = tmp_path / "graph.jsonld"
    doc.write_bytes(serialize(seed_graph, "jsonld", resources=res))
    result = kg("validate", str(doc))
    assert result.returncode == 0 and "conforms" in result.stdout, result.stderr
