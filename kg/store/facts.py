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

__all__ = ["rebuild_fact_graph", "fact_triples", "statements_query", "documents_query"]

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
