"""`kg query` and the competency queries, on a small graph built by the real pipeline."""

from __future__ import annotations

import csv
import io
import json

import pytest
from queries_before import assert_same_rows_as_before
from typer.testing import CliRunner

from kg.errors import KGError
from kg.model import Document
from kg.store.query import load_query, named_queries, parse_binding, query_file, query_store, serialize_result

A1 = ("Germany is an ally of France. Germany deters Russia. Defence Minister Anna Berg of Germany said the "
      "plan was ready. Germany announced the Eastern Shield Initiative.")
A2 = ("France unveiled the Rafale F5 fighter. Louis Martin, the French foreign minister, met Anna Berg. "
      "France may sanction Iran. France did not attack Russia.")
SENT_ANNOUNCE = "Germany announced the Eastern Shield Initiative."


@pytest.fixture(scope="module")
def built(nlp, res, tmp_path_factory):
    from kg.builder import build
    from kg.export.formats import serialize
    from kg.store.update import update_store

    out = tmp_path_factory.mktemp("query")
    docs = {}
    graph = build([Document("a1", A1, title="Berlin briefing"), Document("a2", A2, title="Paris briefing")],
                  nlp=nlp, resources=res, on_document=lambda r: docs.__setitem__(r.document.id, r.entities))
    update_store(out / "store", graph, resources=res, doc_entities=docs)
    (out / "graph.ttl").write_bytes(serialize(graph, "turtle", resources=res))
    (out / "graph.trig").write_bytes(serialize(graph, "trig", resources=res))
    return out


def rows(built, name: str, *binds: str, source: str = "store") -> list[dict[str, str]]:
    text = named_queries()[name].text
    if source == "store":
        result = query_store(built / "store", text, bindings=binds)
    else:
        result = query_file(built / source, text, bindings=binds)
    return list(csv.DictReader(io.StringIO(serialize_result(result, "csv").decode())))


def test_deters(built):
    assert [(r["deterrerLabel"], r["targetLabel"], r["sentences"]) for r in rows(built, "deters")] == [
        ("Germany", "Russia", "1")]


def test_works_for_country(built):
    got = {(r["personLabel"], r["relation"].rsplit("#")[-1], r["countryLabel"], r["titles"])
           for r in rows(built, "works-for-country")}
    assert got == {("Anna Berg", "worksFor", "Germany", "Defence Minister"),
                   ("Louis Martin", "worksFor", "France", "minister")}


def test_announced_with_evidence_sentence(built):
    got = rows(built, "announced", "name=germany")
    assert [(r["agentLabel"], r["whatLabel"], r["modality"], r["doc"], r["sentence"]) for r in got] == [
        ("Germany", "Eastern Shield Initiative", "asserted", "a1", SENT_ANNOUNCE)]
    assert [r["whatLabel"] for r in rows(built, "announced", "name=France")] == ["Rafale F5"]
    assert rows(built, "announced", "name=Atlantis") == []


def test_alliances_list_each_pair_once(built):
    assert [(r["aLabel"], r["bLabel"], r["sentences"]) for r in rows(built, "alliances")] == [
        ("France", "Germany", "1")]


def test_sources_of_a_fact(built):
    got = rows(built, "sources", "subject=Germany", "object=Russia")
    assert [(r["property"].rsplit("#")[-1], r["doc"], r["title"], r["sentence"]) for r in got] == [
        ("deters", "a1", "Berlin briefing", "Germany deters Russia.")]
    assert rows(built, "sources", "subject=Germany", "object=Russia", "property=kg:allyOf") == []


def test_entities_by_type(built):
    got = rows(built, "entities-by-type", "type=kg:Person")
    assert {(r["label"], r["mentions"]) for r in got} == {("Anna Berg", "2"), ("Louis Martin", "1")}
    all_types = {r["type"].rsplit("#")[-1] for r in rows(built, "entities-by-type")}
    assert {"Country", "Person", "Product"} <= all_types


def test_hedged_and_negated(built):
    got = {(r["modality"], r["subjectLabel"], r["property"].rsplit("#")[-1], r["objectLabel"])
           for r in rows(built, "hedged-negated")}
    assert got == {("hedged", "France", "sanctions", "Iran"), ("negated", "France", "attacked", "Russia")}


def test_documents(built):
    got = [(r["doc"], r["title"]) for r in rows(built, "documents")]
    assert got == [("a1", "Berlin briefing"), ("a2", "Paris briefing")]


def test_optional_bindings_are_listed_and_not_required(built):
    """"# bind: subject object from? to?": from and to may be left out."""
    q = named_queries()["between-dates"]
    assert q.binds == ("subject", "object") and q.optional == ("from", "to")


def test_every_shipped_query_is_tested_and_documented():
    tested = {"deters", "works-for-country", "announced", "alliances", "sources", "entities-by-type",
              "hedged-negated", "documents",
              # tests/store/test_time_queries.py
              "timeline", "between-dates", "post-holders", "multi-source", "attributed", "occurrences"}
    queries = named_queries()
    assert set(queries) == tested
    for q in queries.values():
        assert q.title and q.description, f"{q.path} needs '# title:' and '# description:' header lines"


@pytest.mark.parametrize("source", ["graph.ttl", "graph.trig"])
def test_files_answer_like_the_store(built, source):
    for name, binds in (("deters", ()), ("announced", ("name=Germany",)), ("hedged-negated", ())):
        assert rows(built, name, *binds, source=source) == rows(built, name, *binds)


def test_bindings_become_terms():
    import pyoxigraph as ox

    assert parse_binding("x=<https://e.org/a>") == ("x", ox.NamedNode("https://e.org/a"))
    assert parse_binding("c=kg:Person") == ("c", ox.NamedNode("https://w3id.org/newskg/ontology#Person"))
    assert parse_binding("n=3") == ("n", ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
    assert parse_binding("n=0.5")[1].datatype.value.endswith("#decimal")
    assert parse_binding('n="3"') == ("n", ox.Literal("3"))
    assert parse_binding('n="Paris"@fr') == ("n", ox.Literal("Paris", language="fr"))
    assert parse_binding("name=Anna Berg") == ("name", ox.Literal("Anna Berg"))
    assert parse_binding("u=foo:bar") == ("u", ox.Literal("foo:bar"))  # unknown prefix: a literal
    with pytest.raises(KGError, match="is not NAME=VALUE"):
        parse_binding("novalue")


def test_bound_values_are_never_spliced_into_the_query(built):
    evil = 'name=x")) } DELETE WHERE { ?s ?p ?o } #'
    assert rows(built, "announced", evil) == []
    assert rows(built, "timeline", evil) == []  # through the VALUES blocks (kg.store.params)
    assert rows(built, "timeline", 'name=x\\u0022 } } DELETE WHERE { ?s ?p ?o } #') == []
    assert [r["sentence"] for r in rows(built, "timeline", "name=Germany")]  # the store is intact


def test_values_fill_the_parameter_blocks_only():
    import pyoxigraph as ox

    from kg.store.params import place_values

    text = "SELECT ?name WHERE { values $name {UNDEF} { VALUES ?name { UNDEF } ?e ?p ?name } VALUES ?names { UNDEF } }"
    filled, rest = place_values(text, {"name": ox.Literal('say "hi" }'), "other": ox.Literal("x")})
    assert filled == ('SELECT ?name WHERE { VALUES ?name { "say \\"hi\\" }" } { VALUES ?name { "say \\"hi\\" }" } '
                      '?e ?p ?name } VALUES ?names { UNDEF } }')
    assert rest == {"other": ox.Literal("x")}  # no block: left to the engine's substitution


@pytest.mark.parametrize(("name", "binds", "count"), [
    ("timeline", ("name=germany",), 4), ("timeline", ("name=FRANCE",), 3),
    ("between-dates", ("subject=Germany", "object=russia"), 0),  # the articles have no date
    ("sources", ("subject=Germany", "object=Russia"), 1), ("sources", ("subject=france", "object=IRAN"), 1),
    ("entities-by-type", (), 8), ("entities-by-type", ("type=kg:Person",), 2),
])
def test_rewritten_queries_give_the_rows_of_their_former_text(built, name, binds, count):
    """On a store built by the pipeline (tests/store/test_time_queries.py has the dated cases)."""
    assert assert_same_rows_as_before(built / "store", name, *binds) == count


def test_query_text_from_a_file(tmp_path):
    q = tmp_path / "q.rq"
    q.write_text("ASK { ?s ?p ?o }")
    assert load_query(f"@{q}") == "ASK { ?s ?p ?o }"
    with pytest.raises(KGError, match="cannot read query file"):
        load_query(f"@{tmp_path / 'missing.rq'}")


# -- command line ---------------------------------------------------------------------------------
def run(*args: str):
    from kg.cli import app

    return CliRunner().invoke(app, ["query", *args])


def test_cli_formats(built):
    store = str(built / "store")
    done = run("--named", "deters", "--store", store, "--format", "json")
    assert done.exit_code == 0, done.output
    doc = json.loads(done.stdout)
    assert doc["head"]["vars"] == ["deterrer", "deterrerLabel", "target", "targetLabel", "sentences"]
    assert doc["results"]["bindings"][0]["targetLabel"] == {"type": "literal", "value": "Russia"}
    assert doc["results"]["bindings"][0]["sentences"]["datatype"].endswith("#integer")
    done = run("SELECT ?l WHERE { ?e a kg:Country ; rdfs:label ?l } ORDER BY ?l", "--store", store, "-f", "tsv")
    assert done.stdout.splitlines()[:3] == ["?l", '"France"', '"Germany"']
    done = run("SELECT ?l WHERE { ?e a kg:Country ; rdfs:label ?l } ORDER BY ?l", "--store", store)  # not a tty: CSV
    assert done.stdout.splitlines()[:2] == ["l\r", "France\r"] or done.stdout.splitlines()[:2] == ["l", "France"]
    done = run("SELECT ?c ?l WHERE { ?e a ?c ; rdfs:label ?l } ORDER BY ?l", "--bind", "c=kg:Person", "--store", store,
               "-f", "table")
    assert done.exit_code == 0 and "Anna Berg" in done.stdout and "Louis Martin" in done.stdout
    done = run("ASK { ?a kg:deters ?b }", "--graph", str(built / "graph.ttl"), "-f", "json")
    assert json.loads(done.stdout) == {"head": {}, "boolean": True}
    done = run("CONSTRUCT { ?a kg:deters ?b } WHERE { ?a kg:deters ?b }", "--store", store, "-f", "csv")
    assert done.stdout == ("<https://example.org/newskg/country/deu> <https://w3id.org/newskg/ontology#deters> "
                           "<https://example.org/newskg/country/rus> .\n")


def test_cli_list_and_errors(built, tmp_path):
    done = run("--list")
    assert done.exit_code == 0 and "announced" in done.stdout and "--bind name=..." in done.stdout
    done = run("SELEC ?x", "--store", str(built / "store"))
    assert done.exit_code == 1 and done.output.startswith("Error: SPARQL syntax error: error at 1:")
    assert len(done.output.strip().splitlines()) == 1
    done = run("SELECT * WHERE { ?s ?p ?o }", "--store", str(tmp_path / "none"))
    assert done.exit_code == 1 and "no newskg store at" in done.output
    done = run("--named", "announced", "--store", str(built / "store"))
    assert done.exit_code == 1 and "needs --bind name=..." in done.output
    done = run("SELECT ?s WHERE { ?s ?p ?o }", "--bind", "who=x", "--store", str(built / "store"))
    assert done.exit_code == 1 and "the query has no ?who variable" in done.output
    done = run("SELECT ?l WHERE { ?e a ?c ; rdfs:label ?l }", "--bind", "c=kg:Person", "--store", str(built / "store"))
    assert done.exit_code == 1 and "list every bound variable in the SELECT clause (e.g. SELECT ?c" in done.output
