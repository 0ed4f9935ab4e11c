"""``kg push`` into real SPARQL 1.1 servers (Oxigraph started here on loopback; Virtuoso if installed).

A server is shared: several stores push into it, and nothing one store pushed may be lost by
another's push.  Fault handling (retries, redirects, credentials, slow or huge answers) is in
``test_push_faults.py``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest
from push_servers import BASE, OXIGRAPH, Oxigraph, free_port, kg_push

from kg.export.dataset import document_graph_iri, facts_graph_iri
from kg.model import Document
from kg.store.embedded import export_store, open_store
from kg.store.push import GraphData, PushData, PushDocument, Target, data_from_store, push, state_graph_iri
from kg.store.push.transport import RequestFailed
from kg.store.update import remove_documents, update_store

needs_oxigraph = pytest.mark.skipif(OXIGRAPH is None, reason="the oxigraph server binary is not installed (pip install oxigraph)")

# Invented articles (with the seed article they make three documents).
ARTICLE_A = ("Ruritania and Freedonia signed a trade agreement in Geneva on Monday. "
             "Anna Berg, the president of Ruritania, said the agreement would lower tariffs.")
ARTICLE_B = "Freedonia criticized Ruritania on Tuesday. The Freedonian Army attacked a border post."
ARTICLE_B2 = "Freedonia sanctioned Ruritania on Friday, Prime Minister Carl Holm said in Geneva."
ENTITIES = BASE + "kg/entities"
FACTS = str(facts_graph_iri(BASE))
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel"
MENTIONS = "https://w3id.org/newskg/ontology#mentionCount"


@pytest.fixture(scope="module")
def build_docs(nlp, res):
    from helpers import SEED

    from kg.builder import build
    from kg.ingest.read import iter_documents

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


def local_graphs(path) -> dict[str, set[str]]:
    """Every graph of the store but its metadata: documents, entity shares, merged entities, fact
    summaries."""
    store = open_store(path, read_only=True)
    return {g.value: {f"{q.triple} ." for q in store.quads_for_pattern(None, None, None, g)}
            for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g.value.startswith(BASE)}


def server_data(server: Oxigraph) -> dict[str, set[str]]:
    """The server's graphs under BASE, without the push bookkeeping."""
    state = state_graph_iri(BASE)
    return {g: server.graph(g) for g in server.counts() if g.startswith(BASE) and g != state}


def entity_words(triples: set[str]) -> set[tuple[str, str]]:
    """(entity, label or alternative label) pairs of an entity graph in N-Triples lines."""
    out = set()
    for line in triples:
        for t in ox.parse(line.encode(), format=ox.RdfFormat.N_TRIPLES):
            if t.predicate.value in (LABEL, ALT_LABEL):
                out.add((t.subject.value, t.object.value))
    return out


@pytest.fixture()
def oxigraph(tmp_path):
    server = Oxigraph(tmp_path / "server-db")
    yield server
    server.stop()


def push_args(store, server: Oxigraph, protocol: str) -> list[str]:
    args = ["--store", str(store), "--endpoint", server.url + "/query", "--protocol", protocol]
    return args + (["--graph-store", server.url + "/store"] if protocol == "gsp" else [])


@needs_oxigraph
def test_push_gsp_equals_local_and_is_idempotent(local_store, oxigraph):
    code, output = kg_push(*push_args(local_store, oxigraph, "gsp"))
    assert code == 0, output
    local = local_graphs(local_store)
    assert len(local) == 3 + 3 + 2  # document graphs, their entity shares, the merged entities, the fact summaries
    assert server_data(oxigraph) == local
    assert output.count("] loaded ") == 3 and "[3/3] loaded article-b" in output
    assert "Done: 3 document(s)" in output
    code, output = kg_push(*push_args(local_store, oxigraph, "gsp"))
    assert code == 0, output
    assert server_data(oxigraph) == local  # replaced, not duplicated
    assert "other sources" not in output


@pytest.fixture()
def two_stores(tmp_path, build_docs):
    """Store A (one article), store B (two others), and store AB: A's then B's documents built into one store."""
    run, _ = build_docs
    a_docs = [Document("article-a", ARTICLE_A)]
    b_docs = [Document("article-b", ARTICLE_B), Document("article-b2", ARTICLE_B2)]
    for name in ("a", "b", "ab"):
        (tmp_path / name).mkdir()
    run(a_docs, tmp_path / "a" / "store")
    run(b_docs, tmp_path / "b" / "store")
    run(a_docs, tmp_path / "ab" / "store")
    run(b_docs, tmp_path / "ab" / "store")
    return tmp_path / "a" / "store", tmp_path / "b" / "store", tmp_path / "ab" / "store"


@needs_oxigraph
def test_two_stores_on_one_server_keep_every_label_description_and_fact(two_stores, oxigraph):
    """Pushing B after A keeps A's entities: descriptions merge as in one store holding both."""
    a, b, ab = two_stores
    la, lb = local_graphs(a), local_graphs(b)
    shared = {e for e, _ in entity_words(la[ENTITIES])} & {e for e, _ in entity_words(lb[ENTITIES])}
    assert BASE + "place/freedonia" in shared  # the two stores describe some entities both
    assert kg_push(*push_args(a, oxigraph, "gsp"))[0] == 0
    code, output = kg_push(*push_args(b, oxigraph, "update"))
    assert code == 0, output
    assert "the server also holds 1 document graph(s) from other sources (left alone)" in output
    assert "pass --prune" not in output

    on_server = server_data(oxigraph)
    for graph, triples in {**la, **lb}.items():  # every fact and provenance triple of both
        if graph not in (ENTITIES, FACTS):
            assert on_server[graph] == triples, graph
    assert on_server[ENTITIES] == local_graphs(ab)[ENTITIES]  # merged exactly as the local store merges
    assert on_server[FACTS] == local_graphs(ab)[FACTS]  # the summaries of both stores' documents
    assert la[FACTS] <= on_server[FACTS]  # B's push keeps A's summaries
    # Counted on the server with SPARQL: every entity of both, once, and every name of both.
    entities = {e for e, _ in entity_words(la[ENTITIES]) | entity_words(lb[ENTITIES])}
    assert oxigraph.number(f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ GRAPH <{ENTITIES}> {{ ?e <{LABEL}> ?l }} }}") \
        == len(entities)
    assert oxigraph.number(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ENTITIES}> {{ ?e <{LABEL}> ?l }} }}") == len(entities)
    words = oxigraph.select(f"SELECT ?e ?w WHERE {{ GRAPH <{ENTITIES}> {{ ?e ?p ?w VALUES ?p {{ <{LABEL}> <{ALT_LABEL}> }} }} }}")
    assert {(r["e"]["value"], r["w"]["value"]) for r in words["results"]["bindings"]} \
        >= entity_words(la[ENTITIES]) | entity_words(lb[ENTITIES])

    def mentions(graph: set[str]) -> int:
        return sum(int(t.object.value) for line in graph for t in ox.parse(line.encode(), format=ox.RdfFormat.N_TRIPLES)
                   if t.predicate.value == MENTIONS)

    assert oxigraph.number(f"SELECT (SUM(?c) AS ?n) WHERE {{ GRAPH <{ENTITIES}> {{ ?e <{MENTIONS}> ?c }} }}") \
        == mentions(la[ENTITIES]) + mentions(lb[ENTITIES])


@needs_oxigraph
def test_prune_deletes_only_this_stores_removed_documents(two_stores, oxigraph):
    a, b, ab = two_stores
    assert kg_push(*push_args(a, oxigraph, "update"))[0] == 0
    assert kg_push(*push_args(b, oxigraph, "gsp"))[0] == 0
    code, output = kg_push(*push_args(a, oxigraph, "update"), "--prune")  # B's documents are not A's to prune
    assert code == 0, output
    assert "deleted" not in output and "from other sources (left alone)" in output
    assert set(server_data(oxigraph)) == set(local_graphs(ab))

    remove_documents(b, ["article-b2"])
    remove_documents(ab, ["article-b2"])
    code, output = kg_push(*push_args(b, oxigraph, "gsp"))
    assert code == 0, output
    assert "1 document graph(s) this source pushed earlier are no longer in the local data (pass --prune" in output
    code, output = kg_push(*push_args(b, oxigraph, "gsp"), "--prune")
    assert code == 0, output
    assert f"deleted <{BASE}graph/article-b2>" in output
    assert server_data(oxigraph) == local_graphs(ab)  # b2's graphs gone, its entity shares out of the merge

    code, output = kg_push(*push_args(a, oxigraph, "update"), "--prune", "--prune-others")  # asked explicitly
    assert code == 0, output
    assert f"deleted <{BASE}graph/article-b>" in output
    assert server_data(oxigraph) == local_graphs(a)


@needs_oxigraph
@pytest.mark.parametrize("protocol", ["update", "gsp"])
def test_replaced_and_removed_documents_reach_the_server(local_store, oxigraph, build_docs, protocol):
    run, _ = build_docs
    args = push_args(local_store, oxigraph, protocol)
    assert kg_push(*args)[0] == 0
    before = local_graphs(local_store)
    assert server_data(oxigraph) == before

    report = run([Document("article-b", ARTICLE_B2)], local_store)  # new text under the same id
    assert report.replaced == ("article-b",)
    remove_documents(local_store, ["article-a"])
    after = local_graphs(local_store)
    assert set(before) - set(after) == {BASE + "graph/article-a", BASE + "kg-entities/article-a"}

    code, output = kg_push(*args)  # without --prune the removed document stays, and the report says so
    assert code == 0, output
    assert "1 document graph(s) this source pushed earlier are no longer in the local data (pass --prune" in output
    assert set(server_data(oxigraph)) == set(before)

    code, output = kg_push(*args, "--prune")
    assert code == 0, output
    assert f"deleted <{BASE}graph/article-a>" in output
    assert server_data(oxigraph) == after  # same triples in every graph, the merged ones included
    assert before[FACTS] - after[FACTS]  # summaries of article-a's facts are gone from the server, not kept beside
    fact_nodes = f"SELECT (COUNT(?f) AS ?n) WHERE {{ GRAPH <{FACTS}> {{ ?f a <https://w3id.org/newskg/ontology#Fact> }} }}"
    assert oxigraph.number(fact_nodes) == sum(" <https://w3id.org/newskg/ontology#Fact> ." in t for t in after[FACTS])


@needs_oxigraph
def test_an_interrupted_push_is_repaired_by_running_it_again(local_store, oxigraph, build_docs, monkeypatch):
    """Entities whose merge was cut short stay marked on the server, so the next push merges them."""
    from kg.store.push.server import Server

    run, _ = build_docs
    target = Target("update", endpoint=oxigraph.url + "/query", update_endpoint=oxigraph.url + "/update")
    assert push(data_from_store(local_store), target, source="s").ok
    run([Document("article-b", ARTICLE_B2)], local_store)  # the Freedonian Army is no longer in article-b
    expected = local_graphs(local_store)
    assert BASE + "org/freedonian-army" not in {e for e, _ in entity_words(expected[ENTITIES])}

    def cut(self, entities):
        raise RequestFailed("connection failed (test)", 1)

    with monkeypatch.context() as m:
        m.setattr(Server, "merge", cut)
        report = push(data_from_store(local_store), target, source="s")
    assert not report.ok and report.failed_at == "merging entity descriptions"
    assert server_data(oxigraph)[ENTITIES] != expected[ENTITIES]
    assert push(data_from_store(local_store), target, source="s").ok
    assert server_data(oxigraph) == expected
    assert oxigraph.graph(state_graph_iri(BASE)) == {  # only the owner records are left
        f'<{document_graph_iri(BASE, d)}> <urn:newskg:pushedBy> "s" .' for d in ("000_3628763bc4f5a88c", "article-a", "article-b")}


@needs_oxigraph
def test_fact_summaries_cut_short_are_recomputed_by_the_next_push(local_store, oxigraph, monkeypatch):
    """The summaries depend on every document: a push that fails before rewriting them leaves them
    stale on the server, and the next push replaces the whole graph."""
    from kg.store.push.server import Server

    target = Target("gsp", endpoint=oxigraph.url + "/query", update_endpoint=oxigraph.url + "/update",
                    graph_store=oxigraph.url + "/store")
    assert push(data_from_store(local_store), target, source="s").ok
    old = server_data(oxigraph)[FACTS]
    remove_documents(local_store, ["article-a"])
    expected = local_graphs(local_store)
    assert expected[FACTS] != old

    def cut(self):
        raise RequestFailed("connection failed (test)", 1)

    with monkeypatch.context() as m:
        m.setattr(Server, "replace_fact_summaries", cut)
        report = push(data_from_store(local_store), target, source="s", prune=True)
    assert not report.ok and report.failed_at == "recomputing the fact summaries"
    assert server_data(oxigraph)[FACTS] == old
    report = push(data_from_store(local_store), target, source="s", prune=True)
    assert report.ok and report.summaries == len(expected[FACTS])
    assert server_data(oxigraph) == expected


@needs_oxigraph
def test_update_protocol_escapes_literals(oxigraph, tmp_path):
    """Text that would break out of INSERT DATA if pasted is sent escaped, as N-Triples."""
    nasty = 'x" } } ; DROP ALL ; INSERT DATA { <urn:a> <urn:b> "\n\\u0022 >'
    triples = [ox.Triple(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal(nasty))]
    docs = tuple(PushDocument(d, GraphData.of(f"{BASE}graph/{d}", triples), GraphData.of(f"{BASE}kg-entities/{d}", []),
                              frozenset()) for d in ("one", "two"))
    target = Target("update", endpoint=oxigraph.url + "/query", update_endpoint=oxigraph.url + "/update")
    report = push(PushData(BASE, docs, tmp_path), target, source="t")
    assert report.ok, report.summary()
    doc = oxigraph.select("SELECT ?o WHERE { GRAPH ?g { <urn:s> <urn:p> ?o } }")
    assert [b["o"]["value"] for b in doc["results"]["bindings"]] == [nasty, nasty]


@needs_oxigraph
@pytest.mark.parametrize("protocol", ["update", "gsp"])
def test_a_read_only_server_gets_a_short_summary(local_store, tmp_path, protocol):
    Oxigraph(tmp_path / "db").stop()  # create the database, then serve it read-only
    server = Oxigraph(tmp_path / "db", read_only=True)
    try:
        code, output = kg_push(*push_args(local_store, server, protocol))
    finally:
        server.stop()
    assert code == 1
    (line,) = [line for line in output.splitlines() if line.startswith("Error:")]
    assert f"failed at marking the entities to merge: {server.url}/update answered HTTP 403" in line
    assert "0 of 3 document(s) pushed, 0 failed, 3 not attempted; entity descriptions not merged yet" in line
    assert "article-a" not in output and "Done" not in output


@needs_oxigraph
def test_push_a_dataset_file(local_store, tmp_path, oxigraph):
    """A file from `kg export` has no per-document shares: they are derived, and merge back exactly."""
    trig = tmp_path / "all.trig"
    trig.write_bytes(export_store(local_store, "trig"))
    code, output = kg_push(str(trig), "--endpoint", oxigraph.url + "/query", "--graph-store", oxigraph.url + "/store")
    assert code == 0, output
    local = local_graphs(local_store)
    on_server = server_data(oxigraph)
    assert {g: on_server[g] for g in local if "/kg-entities/" not in g} == \
        {g: t for g, t in local.items() if "/kg-entities/" not in g}
    ttl = tmp_path / "all.ttl"
    ttl.write_bytes(export_store(local_store, "turtle"))
    code, output = kg_push(str(ttl), "--endpoint", oxigraph.url + "/query", "--graph-store", oxigraph.url + "/store")
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
             f"FILTER(STRSTARTS(STR(?g), \"{BASE}\") && ?g != <{state_graph_iri(BASE)}>) }} GROUP BY ?g")
        req = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": q}),
                                     headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            doc = json.loads(resp.read())
        return {b["g"]["value"]: int(b["n"]["value"]) for b in doc["results"]["bindings"]}

    def local() -> dict[str, int]:
        return {g: len(t) for g, t in local_graphs(local_store).items()}

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
        code, output = kg_push("--store", str(local_store), "--endpoint", url, "--protocol", "update")
        assert code == 0, output
        assert counts() == local()
        code, output = kg_push("--store", str(local_store), "--endpoint", url,
                               "--graph-store", f"http://127.0.0.1:{http}/sparql-graph-crud")
        assert code == 0, output
        assert counts() == local()  # PUT replaced each graph: no duplicates
        remove_documents(local_store, ["article-a"])
        code, output = kg_push("--store", str(local_store), "--endpoint", url, "--protocol", "update", "--prune")
        assert code == 0, output
        assert counts() == local()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
