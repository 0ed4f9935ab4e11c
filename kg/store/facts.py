"""The store's fact summaries (``<base>kg/facts``, :mod:`kg.export.facts`), recomputed from the
statements and documents it holds after every write, so that they follow added, replaced and
removed documents exactly as an export of the whole model would."""

from __future__ import annotations

import pyoxigraph as ox

from kg.export.dataset import facts_graph_iri
from kg.export.facts import doc_info, summarise, summary_triples
from kg.export.rdf import oxigraph_terms
from kg.store.merge import apply_update
from kg.store.view import view_changes

__all__ = ["rebuild_fact_graph"]

_ROWS = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX kg: <https://w3id.org/newskg/ontology#>
SELECT ?s ?p ?o ?d ?c WHERE { GRAPH ?g {
  ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:fromDocument ?d ; kg:modality "asserted" ;
      kg:confidence ?c } }
"""
_DOCS = """
PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
SELECT ?d ?date ?source ?url WHERE { GRAPH ?g { ?d a kg:Document .
  OPTIONAL { ?d dcterms:date ?date } OPTIONAL { ?d dcterms:source ?source } OPTIONAL { ?d schema:url ?url } } }
"""


def rebuild_fact_graph(store: ox.Store, base: str) -> int:
    """Bring the fact-summary graph up to date with the statements and documents of the store's
    graphs, and the view (:mod:`kg.store.view`) with it, in one update that changes only the
    summaries that changed; returns how many quads the graph holds."""
    fg = ox.NamedNode(str(facts_graph_iri(base)))
    rows = [(r["s"].value, r["p"].value, r["o"].value, r["d"].value, float(r["c"].value))
            for r in store.query(_ROWS) if r["s"] is not None]
    docs = {}
    for r in store.query(_DOCS):
        date = r["date"]
        docs[r["d"].value] = doc_info(date.value if date is not None else None,
                                      r["source"].value if r["source"] is not None else None,
                                      r["url"].value if r["url"] is not None else None)
    new = dict.fromkeys(ox.Quad(s, p, o, fg) for s, p, o in summary_triples(summarise(rows, docs), base=base,
                                                                            terms=oxigraph_terms()))
    old = set(store.quads_for_pattern(None, None, None, fg))
    delete = [q for q in old if q not in new]
    insert = [q for q in new if q not in old]
    view_delete, view_insert = view_changes(store, base, delete=delete, insert=insert)
    apply_update(store, delete=delete + view_delete, insert=insert + view_insert)
    return len(new)
