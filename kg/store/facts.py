"""The store's fact summaries (``<base>kg/facts``, :mod:`kg.export.facts`), recomputed from the
statements and documents it holds after every write, so that they follow added, replaced and
removed documents exactly as an export of the whole model would.

:func:`fact_triples` computes the graph from the answers of :func:`statements_query` and
:func:`documents_query`, wherever they were run: on the store here, on a SPARQL server by
``kg push`` (:mod:`kg.store.push.server`), so a server's summaries cover all its documents."""

from __future__ import annotations

from itertools import chain
from typing import Iterable

import pyoxigraph as ox

from kg.export.dataset import facts_graph_iri
from kg.export.facts import doc_info, occurrence_triples, summarise, summary_triples
from kg.export.occurrences import group
from kg.export.rdf import oxigraph_terms
from kg.resources import load_resources
from kg.store.merge import apply_update
from kg.store.view import view_changes
from kg.vocab import KG_NS

__all__ = ["rebuild_fact_graph", "refresh_fact_graph", "touched_facts", "fact_triples", "statements_query",
           "documents_query"]

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_OF_FACT = ox.NamedNode(KG_NS + "ofFact")
_OCCURRENCE_OF = ox.NamedNode(KG_NS + "occurrenceOf")
_IN_OCCURRENCE = ox.NamedNode(KG_NS + "inOccurrence")
# statement property -> the variable of statements_query it answers
_STATEMENT_KEYS = {_RDF + "subject": "s", _RDF + "predicate": "p", _RDF + "object": "o", KG_NS + "fromDocument": "d",
                   KG_NS + "confidence": "c", KG_NS + "eventStart": "start", KG_NS + "eventEnd": "end"}
_DOCUMENT_KEYS = {"http://purl.org/dc/terms/date": "date", "http://purl.org/dc/terms/source": "source",
                  "https://schema.org/url": "url"}

_STATEMENTS = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX kg: <https://w3id.org/newskg/ontology#>
SELECT ?st ?s ?p ?o ?d ?c ?start ?end WHERE { GRAPH ?g {
  ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:fromDocument ?d ; kg:modality "asserted" ;
      kg:confidence ?c
  OPTIONAL { ?st kg:eventStart ?start } OPTIONAL { ?st kg:eventEnd ?end } } %s}
"""
_DOCUMENTS = """
PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
SELECT ?d ?date ?source ?url WHERE { GRAPH ?g { ?d a kg:Document .
  OPTIONAL { ?d dcterms:date ?date } OPTIONAL { ?d dcterms:source ?source } OPTIONAL { ?d schema:url ?url } } %s}
"""


def _graphs_under(prefix: str | None) -> str:
    """A FILTER keeping the graphs whose IRI starts with ``prefix`` (escaped by pyoxigraph), or ''."""
    return "" if prefix is None else f"FILTER(STRSTARTS(STR(?g), {ox.Literal(prefix)})) "


def statements_query(graphs_under: str | None = None) -> str:
    """The asserted statements (in the graphs whose IRI starts with ``graphs_under``, else in every graph)."""
    return _STATEMENTS % _graphs_under(graphs_under)


def documents_query(graphs_under: str | None = None) -> str:
    """The documents' dates and outlets (same restriction as :func:`statements_query`)."""
    return _DOCUMENTS % _graphs_under(graphs_under)


def _value(solution, key: str) -> str | None:
    term = solution[key]
    return term.value if term is not None else None


def fact_triples(statements: Iterable, documents: Iterable, base: str, ontology=None) -> list[ox.Triple]:
    """The fact-summary graph (summaries and occurrences of event-type facts) from the solutions of
    :func:`statements_query` and :func:`documents_query`, in a stable order, each triple once."""
    events = {KG_NS + p for p in (ontology or load_resources().ontology).events}
    rows, event_rows = [], []
    for r in statements:
        if r["s"] is None:
            continue
        row = (r["s"].value, r["p"].value, r["o"].value, r["d"].value, float(r["c"].value))
        rows.append(row)
        if row[1] in events:
            event_rows.append((*row, r["st"].value, _value(r, "start"), _value(r, "end")))
    docs = {r["d"].value: doc_info(_value(r, "date"), _value(r, "source"), _value(r, "url")) for r in documents}
    terms = oxigraph_terms()
    triples = chain(summary_triples(summarise(rows, docs), base=base, terms=terms),
                    occurrence_triples(group(event_rows, docs), docs, base=base, terms=terms))
    return list(dict.fromkeys(ox.Triple(s, p, o) for s, p, o in triples))


def rebuild_fact_graph(store: ox.Store, base: str, ontology=None) -> int:
    """Bring the fact-summary graph up to date with the statements and documents of the store's
    graphs, with the occurrences of event-type facts (:mod:`kg.export.occurrences`), and the view
    (:mod:`kg.store.view`) with it, in one update that changes only the summaries that changed;
    returns how many quads the graph holds."""
    fg = ox.NamedNode(str(facts_graph_iri(base)))
    triples = fact_triples(store.query(statements_query()), store.query(documents_query()), base, ontology)
    new = dict.fromkeys(ox.Quad(t.subject, t.predicate, t.object, fg) for t in triples)
    old = set(store.quads_for_pattern(None, None, None, fg))
    delete = [q for q in old if q not in new]
    insert = [q for q in new if q not in old]
    view_delete, view_insert = view_changes(store, base, delete=delete, insert=insert)
    apply_update(store, delete=delete + view_delete, insert=insert + view_insert)
    return len(new)


def touched_facts(quads) -> set[ox.NamedNode]:
    """The fact nodes that the statements among ``quads`` (written or dropped) belong to."""
    return {q.object for q in quads if q.predicate == _OF_FACT}


def refresh_fact_graph(store: ox.Store, base: str, facts: set[ox.NamedNode], ontology=None) -> int:
    """Bring the summaries (and occurrences) of ``facts`` up to date with the statements the store
    now holds, and the view with them, in one update: what :func:`rebuild_fact_graph` would change
    for them, without reading the other facts' statements (every summary depends on its own fact's
    statements only).  ``facts``: the nodes of the statements a write added or dropped
    (:func:`touched_facts`).  Returns how many quads it deleted and inserted."""
    fg = ox.NamedNode(str(facts_graph_iri(base)))
    rows, doc_iris, old = [], set(), set()
    for fact in sorted(facts, key=lambda n: n.value):
        for link in store.quads_for_pattern(None, _OF_FACT, fact, None):
            if not isinstance(link.graph_name, ox.NamedNode):  # the view repeats the documents' statements
                continue
            row = dict.fromkeys(("s", "p", "o", "d", "c", "start", "end"))
            row["st"] = link.subject
            for q in store.quads_for_pattern(link.subject, None, None, link.graph_name):
                key = _STATEMENT_KEYS.get(q.predicate.value)
                if key is not None:
                    row[key] = q.object
            if row["d"] is not None:
                rows.append(row)
                doc_iris.add(row["d"])
        old.update(store.quads_for_pattern(fact, None, None, fg))
        for link in store.quads_for_pattern(None, _OCCURRENCE_OF, fact, fg):
            old.update(store.quads_for_pattern(link.subject, None, None, fg))
            old.update(store.quads_for_pattern(None, _IN_OCCURRENCE, link.subject, fg))
    docs = []
    for d in sorted(doc_iris, key=lambda n: n.value):
        info = dict.fromkeys(("date", "source", "url"))
        info["d"] = d
        for q in store.quads_for_pattern(d, None, None, None):
            key = _DOCUMENT_KEYS.get(q.predicate.value)
            if key is not None and isinstance(q.graph_name, ox.NamedNode) and q.graph_name != fg:
                info[key] = q.object
        docs.append(info)
    new = dict.fromkeys(ox.Quad(t.subject, t.predicate, t.object, fg)
                        for t in fact_triples(rows, docs, base, ontology))
    delete = [q for q in old if q not in new]
    insert = [q for q in new if q not in old]
    view_delete, view_insert = view_changes(store, base, delete=delete, insert=insert)
    apply_update(store, delete=delete + view_delete, insert=insert + view_insert)
    return len(delete) + len(insert)
