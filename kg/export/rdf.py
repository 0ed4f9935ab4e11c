"""RDF export: the graph model as rdflib triples.

* Entities: ``rdf:type`` from the ontology, ``rdfs:label`` (canonical name), ``skos:altLabel``
  (every other surface form), ``schema:jobTitle``, ``kg:mentionCount``, ``owl:sameAs`` Wikidata.
* Merged entities (:func:`iter_redirects`): an IRI that corpus resolution folded into another
  keeps ``owl:sameAs`` the survivor and ``kg:mergeRule`` (why), and nothing else.
* Facts: a plain triple ``?s kg:prop ?o`` for every asserted fact (both directions for symmetric
  properties, so SPARQL needs no reasoner), and for every piece of evidence an ``rdf:Statement``
  with ``rdf:subject/predicate/object``, ``kg:fromDocument``, ``kg:sentence``, ``kg:startChar``,
  ``kg:endChar``, ``kg:confidence``, ``kg:rule`` and ``kg:modality``.  Hedged and negated
  evidence gets a statement but no plain triple.
* Documents: ``kg:Document`` with ``dcterms:identifier``, title, date, ``schema:url``; each
  document ``schema:mentions`` the entities found in it.

IRIs come from :func:`mint_iri` only, so they are stable across runs and builds.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Namespace
from rdflib.namespace import DCTERMS, PROV

from kg.export.facts import iter_fact_summaries
from kg.export.terms import (  # noqa: F401  (re-exported: the minter's historical home)
    DEFAULT_BASE,
    RDFLIB_TERMS,
    TermFamily,
    class_iri,
    document_iri,
    entity_iri,
    fact_iri,
    mint_iri,
    oxigraph_terms,
    property_iri,
    statement_iri,
    validate_base,
)
from kg.model import Evidence, KnowledgeGraph
from kg.resources import Resources, load_resources
from kg.vocab import KG, KG_NS, SCHEMA, WD

__all__ = ["clean_text", "iter_triples", "iter_redirects", "TermFamily", "RDFLIB_TERMS", "oxigraph_terms", "DEFAULT_BASE", "mint_iri", "entity_iri", "document_iri", "statement_iri", "property_iri",
           "bind_prefixes", "to_rdf", "validate_base"]

def bind_prefixes(g: Graph, base: str) -> Graph:
    g.bind("kg", Namespace(KG_NS))
    g.bind("ent", Namespace(base))
    g.bind("schema", SCHEMA)
    g.bind("skos", SKOS)
    g.bind("dcterms", DCTERMS)
    g.bind("owl", OWL)
    g.bind("prov", PROV)
    g.bind("wd", WD)
    return g


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_UNSAFE_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Text every consumer accepts (XML/GraphML, N-Triples, JSON in HTML): no C0 controls but tab and
    newlines, no DEL/C1 controls, no lone surrogates, no non-characters.  The one place output text is
    cleaned."""
    return _UNSAFE_CHARS.sub("", text)


_clean = clean_text


def to_rdf(kg: KnowledgeGraph, *, base: str = DEFAULT_BASE, resources: Resources | None = None,
           prefixes: bool = True) -> Graph:
    """The whole graph as one rdflib Graph (entities, facts, provenance, documents).

    ``prefixes=False`` skips namespace bindings (internal graphs that are never serialised)."""
    g = bind_prefixes(Graph(), base) if prefixes else Graph(bind_namespaces="none")
    g.addN((s, p, o, g) for s, p, o in iter_triples(kg, base=base, resources=resources))
    g.addN((s, p, o, g) for s, p, o in iter_redirects(
        {k: e.merged for k, e in kg.entities.items() if e.merged}, base=base))
    g.addN((s, p, o, g) for s, p, o in iter_fact_summaries(kg, base=base, resources=resources))
    return g


def iter_redirects(merged, *, base: str = DEFAULT_BASE, terms: "TermFamily | None" = None) -> Iterator[tuple[Any, Any, Any]]:
    """``<old> owl:sameAs <survivor> ; kg:mergeRule "rule"`` for every key corpus resolution folded
    into another (``merged``: survivor key -> {old key: rule id}), in a stable order.  The old
    IRI keeps working in saved queries and pushed graphs; it has no description of its own."""
    terms = terms or RDFLIB_TERMS
    same, rule = terms.iri(OWL.sameAs), terms.iri(KG.mergeRule)
    for key in sorted(merged):
        node = terms.iri(entity_iri(base, key))
        for old, why in sorted(merged[key].items()):
            old_node = terms.iri(entity_iri(base, old))
            yield (old_node, same, node)
            yield (old_node, rule, terms.string(why))


def iter_triples(kg: KnowledgeGraph, *, base: str = DEFAULT_BASE, resources: Resources | None = None,
                 terms: TermFamily = RDFLIB_TERMS) -> Iterator[tuple[Any, Any, Any]]:
    """The triples of :func:`to_rdf`, in a stable order, without building a Graph (may repeat one).

    ``terms`` chooses the term objects (rdflib by default, :func:`oxigraph_terms` for the store)."""
    res = resources or load_resources()
    iri, string, integer = terms.iri, terms.string, terms.integer
    a, label, alt, job, count, same = map(iri, (RDF.type, RDFS.label, SKOS.altLabel, SCHEMA.jobTitle,
                                               KG.mentionCount, OWL.sameAs))
    document, identifier, title, date, url, source, mentions = map(iri, (
        KG.Document, DCTERMS.identifier, DCTERMS.title, DCTERMS.date, SCHEMA.url, DCTERMS.source, SCHEMA.mentions))
    statement, subj, pred, obj, from_doc, sentence, start, end, confidence, rule, modality = map(iri, (
        RDF.Statement, RDF.subject, RDF.predicate, RDF.object, KG.fromDocument, KG.sentence, KG.startChar,
        KG.endChar, KG.confidence, KG.rule, KG.modality))
    of_fact = iri(KG.ofFact)

    def doc_iri(doc_id: str):
        return iri(document_iri(base, doc_id))

    def ent_iri(key: str):
        return iri(entity_iri(base, key))

    for doc_id in sorted(kg.documents):
        d = kg.documents[doc_id]
        node = doc_iri(doc_id)
        yield (node, a, document)
        yield (node, identifier, string(_clean(doc_id)))
        if d.title:
            yield (node, title, string(_clean(d.title)))
        if d.date:
            yield (node, date, terms.date(d.date) if _ISO_DATE.match(d.date) else string(_clean(d.date)))
        if d.url:
            yield (node, url, terms.anyuri(_clean(d.url)))
        if d.source:
            yield (node, source, string(_clean(d.source)))
    for ent in kg.sorted_entities():
        node = ent_iri(ent.key)
        yield (node, a, iri(class_iri(ent.cls, res)))
        yield (node, label, string(_clean(ent.name)))
        for alias in sorted(ent.aliases):
            if _clean(alias).strip():
                yield (node, alt, string(_clean(alias)))
        for job_title in sorted(ent.job_titles):
            yield (node, job, string(_clean(job_title)))
        yield (node, count, integer(ent.mentions))
        if ent.wikidata:
            yield (node, same, iri(WD[ent.wikidata]))
        for doc_id in sorted(ent.docs):
            yield (doc_iri(doc_id), mentions, node)
    for fact in sorted(kg.facts):
        s_key, prop, o_key = fact
        s, p, o = ent_iri(s_key), iri(property_iri(prop, res)), ent_iri(o_key)
        fact_node = iri(fact_iri(base, str(entity_iri(base, s_key)), str(property_iri(prop, res)),
                                 str(entity_iri(base, o_key))))
        if kg.is_asserted(fact):
            yield (s, p, o)
            if prop in kg.symmetric:
                yield (o, p, s)
        for ev in kg.facts[fact]:
            st = iri(statement_iri(base, fact, ev))
            yield (st, a, statement)
            yield (st, subj, s)
            yield (st, pred, p)
            yield (st, obj, o)
            yield (st, from_doc, doc_iri(ev.doc_id))
            yield (st, sentence, string(_clean(ev.sentence)))
            yield (st, start, integer(ev.start))
            yield (st, end, integer(ev.end))
            yield (st, confidence, terms.decimal(ev.confidence))
            yield (st, rule, string(ev.rule))
            yield (st, modality, string(ev.modality))
            if ev.modality == "asserted":
                yield (st, of_fact, fact_node)  # its summary over all documents (kg.export.facts)
            yield from _when_and_who(st, ev, prop, kg, res, terms, ent_iri)


def _when_and_who(st, ev: Evidence, prop: str, kg: KnowledgeGraph, res: Resources, terms: TermFamily,
                  ent_iri) -> Iterator[tuple[Any, Any, Any]]:
    """A statement's role status, event time and basis, and speaker (docs/time.md)."""
    iri = terms.iri
    if ev.role_status:
        yield (st, iri(KG.roleStatus), terms.string(ev.role_status))
    if ev.event_start:
        yield (st, iri(KG.eventStart), terms.date(ev.event_start))
        if ev.event_end:
            yield (st, iri(KG.eventEnd), terms.date(ev.event_end))
        if ev.event_end == ev.event_start:
            yield (st, iri(KG.eventDate), terms.date(ev.event_start))
        yield (st, iri(KG.timeBasis), terms.string("text"))
    elif prop in res.ontology.events:
        doc = kg.documents.get(ev.doc_id)
        if doc is not None and doc.date and _ISO_DATE.match(doc.date):
            yield (st, iri(KG.timeBasis), terms.string("document"))
    if ev.attributed_to and ev.attributed_to in kg.entities:
        yield (st, iri(KG.attributedTo), ent_iri(ev.attributed_to))
