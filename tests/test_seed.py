"""Integration: the real pipeline on the seed article, through Turtle and SPARQL."""

from __future__ import annotations

import pyoxigraph
import pytest
import rdflib
from helpers import named_facts

PREFIXES = """PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""


@pytest.fixture(scope="module")
def seed_ttl(seed_rdf) -> str:
    return seed_rdf.serialize(format="turtle")


def ask(graph: rdflib.Graph, s: str, p: str, o: str) -> bool:
    q = PREFIXES + f"""ASK {{ ?s kg:{p} ?o .
        ?s rdfs:label|skos:altLabel ?sl . FILTER(STR(?sl) = "{s}")
        ?o rdfs:label|skos:altLabel ?ol . FILTER(STR(?ol) = "{o}") }}"""
    return bool(graph.query(q).askAnswer)


# The acceptance facts of the foundation issue, asked in SPARQL over the Turtle output.
@pytest.mark.parametrize("s,p,o", [
    ("Japan", "allyOf", "United States"),
    ("United States", "allyOf", "Japan"),  # symmetric: both directions are plain triples
    ("United States", "deters", "China"),
    ("Pete Hegseth", "metWith", "Gen Nakatani"),
    ("Pete Hegseth", "worksFor", "United States"),
    ("China", "claims", "Taiwan"),
])
def test_acceptance_facts_in_sparql(seed_ttl, s, p, o):
    g = rdflib.Graph().parse(data=seed_ttl, format="turtle")
    assert ask(g, s, p, o)


def test_aliases_find_one_node(seed_ttl):
    g = rdflib.Graph().parse(data=seed_ttl, format="turtle")
    q = PREFIXES + """SELECT DISTINCT ?n WHERE { ?n rdfs:label|skos:altLabel ?l . FILTER(STR(?l) IN ("U.S.", "America", "US")) }"""
    assert len(list(g.query(q))) == 1


def test_one_node_per_main_entity(seed_graph):
    for name in ("United States", "China", "Japan", "Pete Hegseth"):
        nodes = [e for e in seed_graph.entities.values() if e.name == name or name in e.aliases]
        assert len(nodes) == 1, (name, [e.key for e in nodes])


def test_titles_are_not_names(seed_graph):
    hegseth = next(e for e in seed_graph.entities.values() if e.name == "Pete Hegseth")
    assert "Defense Secretary" in hegseth.job_titles
    assert not any("Secretary" in a for a in hegseth.aliases)


def test_hedged_statement_is_not_a_plain_triple(seed_graph, seed_ttl):
    # "consider producing SM-6 surface-to-air missiles" is hedged
    hedged = named_facts(seed_graph, "hedged")
    assert ("United States", "develops", "SM-6") in hedged
    assert ("United States", "develops", "SM-6") not in named_facts(seed_graph)
    g = rdflib.Graph().parse(data=seed_ttl, format="turtle")
    assert not ask(g, "United States", "develops", "SM-6")
    q = PREFIXES + """ASK { ?st rdf:predicate kg:develops ; kg:modality "hedged" ; rdf:object ?o .
                            ?o rdfs:label "SM-6" }"""
    assert g.query(q).askAnswer


def test_every_relation_has_provenance(seed_ttl):
    g = rdflib.Graph().parse(data=seed_ttl, format="turtle")
    q = PREFIXES + """
    PREFIX dcterms: <http://purl.org/dc/terms/>
    SELECT ?s ?p ?o WHERE {
      ?s ?p ?o . ?p rdfs:subPropertyOf* kg:relation .
      FILTER NOT EXISTS {
        ?st rdf:subject ?a ; rdf:predicate ?p ; rdf:object ?b ; kg:modality "asserted" ;
            kg:sentence ?sent ; kg:startChar ?sc ; kg:endChar ?ec ; kg:confidence ?c ; kg:rule ?r ;
            kg:fromDocument ?d . ?d dcterms:identifier "000_3628763bc4f5a88c" .
        FILTER((?a = ?s && ?b = ?o) || (?a = ?o && ?b = ?s))
      }
    }"""
    onto = rdflib.Graph().parse("ontologies/newskg.ttl")
    missing = list((g + onto).query(q))
    assert missing == []
    relation_triples = list((g + onto).query(PREFIXES + "SELECT * { ?s ?p ?o . ?p rdfs:subPropertyOf+ kg:relation }"))
    assert len(relation_triples) >= 15


def test_evidence_offsets_point_at_the_sentence(seed_graph):
    from helpers import SEED

    text = SEED.read_text(encoding="utf-8")
    for evs in seed_graph.facts.values():
        for ev in evs:
            assert text[ev.start:ev.end] == ev.sentence


def test_turtle_parses_in_rdflib_and_oxigraph_with_same_count(seed_ttl):
    g = rdflib.Graph().parse(data=seed_ttl, format="turtle")
    store = pyoxigraph.Store()
    store.load(seed_ttl.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(g)


def test_output_is_deterministic(nlp, res):
    from helpers import SEED

    from kg.builder import build
    from kg.export.rdf import to_rdf
    from kg.ingest.read import iter_documents

    a = to_rdf(build(iter_documents([SEED]), nlp=nlp, resources=res), resources=res).serialize(format="turtle")
    b = to_rdf(build(iter_documents([SEED]), nlp=nlp, resources=res), resources=res).serialize(format="turtle")
    assert a == b


def test_boilerplate_lines_produce_nothing(seed_graph):
    names = {e.name.lower() for e in seed_graph.entities.values()}
    assert "also read" not in names and "read" not in names
    for evs in seed_graph.facts.values():
        assert all("Also Read" not in e.sentence for e in evs)
