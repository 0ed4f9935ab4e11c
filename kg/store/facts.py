"""The store's fact summaries (``<base>kg/facts``, :mod:`kg.export.facts`), recomputed from the
statements and documents it holds after every write, so that they follow added, replaced and
removed documents exactly as an export of the whole model would."""

from __future__ import annotations

from itertools import chain

import pyoxigraph as ox

from kg.export.dataset import facts_graph_iri
from kg.export.facts import doc_info, occurrence_triples, summarise, summary_triples
from kg.export.occurrences import group
from kg.export.rdf import oxigraph_terms
from kg.resources import load_resources
from kg.store.merge import apply_update
from kg.store.view import view_changes
from kg.vocab import KG_NS

__all__ = ["rebuild_fact_graph"]

_ROWS = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX kg: <https://w3id.org/newskg/ontology#>
SELECT ?st ?s ?p ?o ?d ?c ?start ?end WHERE { GRAPH ?g {
  ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:fromDocument ?d ; kg:modality "asserted" ;
      kg:confidence ?c
  OPTIONAL { ?st kg:eventStart ?start } OPTIONAL { ?st kg:eventEnd ?end } } }
"""
_DOCS = """
PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
SELECT ?d ?date ?source ?url WHERE { GRAPH ?g { ?d a kg:Document .
  OPTIONAL { ?d dcterms:date ?date } OPTIONAL { ?d dcterms:source ?source } OPTIONAL { ?d schema:url ?url } } }
"""


def rebuild_fact_graph(store: ox.Store, base: str, ontology=None) -> int:
    """Bring the fact-summary graph up to date with the statements and documents of the store's
    graphs, with the occurrences of event-type facts (:mod:`kg.export.occurrences`), and the view
    (:mod:`kg.store.view`) with it, in one update that changes only the summaries that changed;
    returns how many quads the graph holds."""
    fg = ox.NamedNode(str(facts_graph_iri(base)))
    events = {KG_NS + p for p in (ontology or load_resources().ontology).events}
    rows, event_rows = [], []
    for r in store.query(_ROWS):
        if r["s"] is None:
            continue
        row = (r["s"].value, r["p"].value, r["o"].value, r["d"].value, float(r["c"].value))
        rows.append(row)
        if row[1] in events:
            event_rows.append((*row, r["st"].value, *(r[k].value if r[k] is not None else None for k in ("start", "end"))))
    docs = {}
    for r in store.query(_DOCS):
        date = r["date"]
        docs[r["d"].value] = doc_info(date.value if date is not None else None,
                                      r["source"].value if r["source"] is not None else None,
                                      r["url"].value if r["url"] is not None else None)
    terms = oxigraph_terms()
    triples = chain(summary_triples(summarise(rows, docs), base=base, terms=terms),
                    occurrence_triples(group(event_rows, docs), docs, base=base, terms=terms))
    new = dict.fromkeys(ox.Quad(s, p, o, fg) for s, p, o in triples)
    old = set(store.quads_for_pattern(None, None, None, fg))
    delete = [q for q in old if q not in new]
    insert = [q for q in new if q not in old]
    view_delete, view_insert = view_changes(store, base, delete=delete, insert=insert)
    apply_update(store, delete=delete + view_delete, insert=insert + view_insert)
    return len(new)
