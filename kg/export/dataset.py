"""The graph model as an RDF *dataset*: one named graph per document plus one for entities.

Layout (all graph names come from :func:`kg.export.rdf.mint_iri`)::

    <base>graph/<doc>        one per document: the kg:Document description, its schema:mentions
                             links, the plain relation triples the document *asserts*, and the
                             rdf:Statement provenance of every piece of evidence read in it
                             (asserted, hedged and negated).
    <base>kg/facts           one kg:Fact summary per asserted triple over all documents: document
                             and source counts, first and last report date (kg.export.facts).
    <base>kg/entities        entity descriptions, merged over all documents: rdf:type,
                             rdfs:label, skos:altLabel, schema:jobTitle, kg:mentionCount,
                             owl:sameAs; and every IRI corpus resolution merged into another
                             (owl:sameAs the survivor, kg:mergeRule).

The union of these graphs is exactly :func:`kg.export.rdf.to_rdf` of the same model (a test checks
it): every graph is cut out of ``to_rdf`` output of a one-document model, so the RDF vocabulary
is written in one place only.

The on-disk store (:mod:`kg.store.embedded`) additionally keeps ``<base>kg-entities/<doc>``: what one
document said about its entities (same properties, mention count for that document only).  The
merged entity graph is recomputed from those when documents come and go.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Mapping, Sequence

from rdflib import OWL, RDF, RDFS, SKOS, Dataset, Graph, URIRef

from kg.export.facts import iter_fact_summaries
from kg.export.rdf import DEFAULT_BASE, RDFLIB_TERMS, TermFamily, bind_prefixes, iter_redirects, iter_triples, mint_iri
from kg.model import Entity, Evidence, KnowledgeGraph
from kg.resources import Resources, load_resources
from kg.vocab import KG, SCHEMA

log = logging.getLogger(__name__)

__all__ = [
    "DESCRIPTION_PREDICATES",
    "DocumentGraphs",
    "document_graph_iri",
    "entity_graph_iri",
    "facts_graph_iri",
    "document_entities_graph_iri",
    "split_documents",
    "iter_document_graphs",
    "to_dataset",
    "dataset_quads",
]

#: Predicates of an entity description (they go to the entity graph, not a document graph).
DESCRIPTION_PREDICATES: frozenset[URIRef] = frozenset(
    {RDF.type, RDFS.label, SKOS.altLabel, SCHEMA.jobTitle, KG.mentionCount, OWL.sameAs}
)


def document_graph_iri(base: str, doc_id: str) -> URIRef:
    """Name of the named graph holding one document's facts and provenance."""
    return mint_iri(base, "graph", doc_id)


def entity_graph_iri(base: str) -> URIRef:
    """Name of the merged entity-description graph."""
    return mint_iri(base, "kg", "entities")


def facts_graph_iri(base: str) -> URIRef:
    """Name of the graph of fact summaries (kg.export.facts), recomputed over all documents."""
    return mint_iri(base, "kg", "facts")


def document_entities_graph_iri(base: str, doc_id: str) -> URIRef:
    """Name of the (store-only) graph with what one document said about its entities."""
    return mint_iri(base, "kg-entities", doc_id)


@dataclass(frozen=True)
class DocumentGraphs:
    """One document's contribution: its named graph and its entity descriptions."""

    doc_id: str
    facts: list  # (s, p, o) triples that go to <base>graph/<doc>
    entities: list  # (s, p, o): what this document says about its entities


def split_documents(
    kg: KnowledgeGraph,
    doc_entities: Mapping[str, Sequence[Entity]] | None = None,
) -> Iterator[KnowledgeGraph]:
    """One-document models cut out of ``kg``, in sorted document order.

    ``doc_entities`` maps a document id to the entities its extraction produced (the
    ``DocResult.entities`` of that document): with it, names, aliases, titles and mention
    counts are the document's own.  Without it they come from the merged entity, and the
    mention count of an entity seen in several documents of ``kg`` is shared out over them
    (the total stays exact).
    """
    by_doc_facts: dict[str, dict[tuple[str, str, str], list[Evidence]]] = {d: {} for d in kg.documents}
    for fact, evidence in kg.facts.items():
        for ev in evidence:
            by_doc_facts.setdefault(ev.doc_id, {}).setdefault(fact, []).append(ev)
    by_doc_entities: dict[str, dict[str, Entity]] = {d: {} for d in kg.documents}
    if doc_entities is not None:
        for doc_id, ents in doc_entities.items():
            if doc_id in by_doc_entities:
                by_doc_entities[doc_id] = {
                    e.key: Entity(e.key, e.cls, e.name, set(e.aliases) - {e.name}, e.mentions, {doc_id},
                                  e.wikidata, set(e.job_titles))
                    for e in ents
                }
    for ent in kg.sorted_entities():
        docs = sorted(d for d in ent.docs if d in by_doc_entities)
        share, extra = divmod(ent.mentions, len(docs)) if docs else (0, 0)
        for i, doc_id in enumerate(docs):
            if ent.key in by_doc_entities[doc_id]:
                continue
            by_doc_entities[doc_id][ent.key] = Entity(
                ent.key, ent.cls, ent.name, set(ent.aliases), share + (1 if i < extra else 0), {doc_id},
                ent.wikidata, set(ent.job_titles),
            )
    for doc_id in sorted(kg.documents):
        one = KnowledgeGraph(symmetric=kg.symmetric)
        one.documents[doc_id] = kg.documents[doc_id]
        one.entities = dict(sorted(by_doc_entities[doc_id].items()))
        for fact, evidence in sorted(by_doc_facts.get(doc_id, {}).items()):
            for key in (fact[0], fact[2]):
                if key not in one.entities:  # an entity known only from the merged model
                    ent = kg.entities[key]
                    one.entities[key] = Entity(ent.key, ent.cls, ent.name, set(ent.aliases), 0, {doc_id},
                                               ent.wikidata, set(ent.job_titles))
            one.facts[fact] = evidence
        yield one


def _split(triples: Iterable[tuple], terms: TermFamily = RDFLIB_TERMS) -> tuple[list, list]:
    """(facts, entity descriptions) of one document's triples, without duplicates."""
    triples = list(dict.fromkeys(triples))
    a, kinds, described = _split_terms(terms)
    typed = {s for s, p, o in triples if p == a and o in kinds}
    facts: list = []
    entities: list = []
    for s, p, o in triples:
        describes = p in described and (p != a or s not in typed)
        (entities if describes else facts).append((s, p, o))
    return facts, entities


@lru_cache(maxsize=4)
def _split_terms(terms: TermFamily) -> tuple:
    """rdf:type, the types that stay in a document graph, and the description predicates, as ``terms``."""
    return (terms.iri(RDF.type), frozenset({terms.iri(KG.Document), terms.iri(RDF.Statement)}),
            frozenset(terms.iri(p) for p in DESCRIPTION_PREDICATES))


def iter_document_graphs(
    kg: KnowledgeGraph,
    *,
    base: str = DEFAULT_BASE,
    resources: Resources | None = None,
    doc_entities: Mapping[str, Sequence[Entity]] | None = None,
    terms: TermFamily = RDFLIB_TERMS,
) -> Iterator[DocumentGraphs]:
    """Each document's facts graph and entity-description graph, in sorted document order
    (as rdflib terms, or the ``terms`` family's)."""
    res = resources or load_resources()
    for one in split_documents(kg, doc_entities):
        (doc_id,) = one.documents
        facts, entities = _split(iter_triples(one, base=base, resources=res, terms=terms), terms)
        yield DocumentGraphs(doc_id, facts, entities)


def dataset_quads(
    kg: KnowledgeGraph,
    *,
    base: str = DEFAULT_BASE,
    resources: Resources | None = None,
    terms: TermFamily = RDFLIB_TERMS,
) -> Iterator[tuple[object, object, object, object]]:
    """``(s, p, o, graph)`` quads of :func:`to_dataset` (rdflib terms, or the ``terms`` family's),
    without building a Dataset."""
    res = resources or load_resources()
    for part in iter_document_graphs(kg, base=base, resources=res, terms=terms):
        g = terms.iri(document_graph_iri(base, part.doc_id))
        for s, p, o in part.facts:
            yield s, p, o, g
    _, descriptions = _split(iter_triples(_entities_only(kg), base=base, resources=res, terms=terms), terms)
    eg = terms.iri(entity_graph_iri(base))
    for s, p, o in descriptions:
        yield s, p, o, eg
    for s, p, o in iter_redirects({k: e.merged for k, e in kg.entities.items() if e.merged}, base=base, terms=terms):
        yield s, p, o, eg
    fg = terms.iri(facts_graph_iri(base))
    for s, p, o in iter_fact_summaries(kg, base=base, resources=res, terms=terms):
        yield s, p, o, fg


def _entities_only(kg: KnowledgeGraph) -> KnowledgeGraph:
    only = KnowledgeGraph(symmetric=kg.symmetric)
    only.entities = kg.entities
    return only


def to_dataset(
    kg: KnowledgeGraph,
    *,
    base: str = DEFAULT_BASE,
    resources: Resources | None = None,
) -> Dataset:
    """The model as an rdflib Dataset (named graphs as described in the module docstring)."""
    ds = Dataset()
    bind_prefixes(ds, base)
    for s, p, o, g in dataset_quads(kg, base=base, resources=resources):
        ds.add((s, p, o, g))
    return ds


def union_graph(quads: Iterable[tuple]) -> Graph:
    """All triples of some quads as one graph (duplicates across graphs collapse)."""
    g = Graph()
    for s, p, o, _ in quads:
        g.add((s, p, o))
    return g
