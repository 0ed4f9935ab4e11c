"""The checks a query and an RDF file pass before they reach the engine (kg.store.guard)."""

from __future__ import annotations

import pytest

from kg.errors import QueryRefused, UnsafeRdfInput
from kg.store.guard import MAX_DEPTH, MAX_TOKENS, check_query, check_xml_entities

FEDERATED = [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { BIND(<http://example.org/> AS ?u) SERVICE ?u { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p 1.SERVICE <http://example.org/> { } }",  # the dot ends the triple
    "SELECT * WHERE { ?s ?p ?o.SERVICE <http://example.org/> { } }",
    "SELECT * WHERE {}SERVICE<http://example.org/>{}",
    "SELECT * WHERE { \\u0053ERVICE <http://example.org/> { } }",  # a codepoint escape
    "SELECT * WHERE { ?s ex:a\\' ?o . SERVICE <http://example.org/> {} # '\n }",  # an escaped quote is no string
    "ASK { ?s ?p ?o FILTER(?o < 3) SERVICE <http://example.org/> { } }",
]
NOT_FEDERATED = [
    "SELECT * WHERE { ?s ?p 'SERVICE' }",
    'SELECT * WHERE { ?s ?p """a " SERVICE "" b""" }',
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://example.org/>",
    "SELECT * WHERE { ?s a <https://schema.org/Service> ; ?p ?service }",
    "PREFIX : <urn:x:> SELECT * WHERE { ?s :SERVICE ?o . ?s ex:my.service ?o . ?s _:service ?o }",
]


@pytest.mark.parametrize("query", FEDERATED)
def test_every_spelling_of_service_is_refused(query):
    with pytest.raises(QueryRefused, match="SERVICE"):
        check_query(query)
    assert check_query(query, allow_service=True).federated


@pytest.mark.parametrize("query", NOT_FEDERATED)
def test_service_in_strings_iris_comments_and_names_is_not_a_keyword(query):
    assert not check_query(query).federated


def test_depth_counts_brackets_outside_strings_iris_and_escapes():
    assert check_query("SELECT * WHERE { { ( [ ] ) } }").depth == 4
    assert check_query("SELECT * WHERE { ?s ?p '{{{{(((' . ?s <urn:a(b)> ex:x\\(y }").depth == 1
    nested = "SELECT * WHERE " + "{" * (MAX_DEPTH + 1) + "}" * (MAX_DEPTH + 1)
    with pytest.raises(QueryRefused, match=f"{MAX_DEPTH + 1} levels deep"):
        check_query(nested)
    assert check_query("SELECT * WHERE " + "{" * MAX_DEPTH + "}" * MAX_DEPTH).depth == MAX_DEPTH


def test_length_is_limited_but_values_data_is_free():
    values = " ".join(f'"{i}"' for i in range(MAX_TOKENS + 10))
    assert check_query(f"SELECT * WHERE {{ ?s ?p ?o }} VALUES ?o {{ {values} }}").tokens < 20
    with pytest.raises(QueryRefused, match="tokens long"):
        check_query("SELECT * WHERE { ?s ?p ?o FILTER(" + "+".join(["1"] * MAX_TOKENS) + ") }")


@pytest.mark.parametrize("query, form", [
    ("PREFIX ex: <urn:x:> SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }", "select"),
    ("ASK { ?s ?p ?o }", "ask"),
    ("BASE <urn:b> CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "graph"),
    ("DESCRIBE <urn:a>", "graph"),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "update"),
])
def test_the_query_form_is_read(query, form):
    assert check_query(query).form == form


def xml(doctype: str) -> str:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n{doctype}\n]>\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
            '<rdf:Description rdf:about="&e;s"><ex:p>&e;</ex:p></rdf:Description></rdf:RDF>\n')


@pytest.mark.parametrize("doctype, why", [
    ('<!ENTITY a "' + "x" * 100 + '">' + "".join(f'<!ENTITY {n} "{("&" + p + ";") * 10}">'
                                                for p, n in zip("abcdefgh", "bcdefghi")) + '<!ENTITY e "&i;">',
     "billion laughs"),
    ('<!ENTITY big "' + "x" * 1_000_000 + '"><!ENTITY e "' + "&big;" * 20 + '">', "billion laughs"),
    ('<!ENTITY e SYSTEM "file:///etc/passwd">', "external entity"),
    ('<!ENTITY % p "<!ENTITY e \'x\'>"> %p;', "parameter entity"),
    ('<!ENTITY e "&f;"><!ENTITY f "&e;">', "refers to itself"),
])
def test_unsafe_xml_entities_are_refused(tmp_path, doctype, why):
    path = tmp_path / "bad.rdf"
    path.write_text(xml(doctype), encoding="utf-8")
    with pytest.raises(UnsafeRdfInput, match=why):
        check_xml_entities(path)


def test_entities_as_namespace_abbreviations_pass(tmp_path):
    path = tmp_path / "ok.rdf"
    path.write_text(xml('<!ENTITY e "http://example.org/">'), encoding="utf-8")
    check_xml_entities(path)
