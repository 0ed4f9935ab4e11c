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
    """The triples of :func:`to_rdf`, in a stable order, without building a Graph (may repeat one):
    the documents, the entities, then each fact with its statements.

    ``terms`` chooses the term objects (rdflib by default, :func:`oxigraph_terms` for the store)."""
    res = resources or load_resources()
    v = _Vocab(terms, base)
    yield from _document_triples(kg, v)
    yield from _entity_triples(kg, v, res)
    yield from _fact_triples(kg, v, res)


class _Vocab:
    """The term objects of one export: the vocabulary's IRIs in ``terms``' family, and the minters."""

    def __init__(self, terms: TermFamily, base: str) -> None:
        iri = self.iri = terms.iri
        self.terms, self.base = terms, base
        self.a, self.label, self.alt, self.job, self.count, self.same = map(iri, (
            RDF.type, RDFS.label, SKOS.altLabel, SCHEMA.jobTitle, KG.mentionCount, OWL.sameAs))
        self.document, self.identifier, self.title, self.date, self.url, self.source, self.mentions = map(iri, (
            KG.Document, DCTERMS.identifier, DCTERMS.title, DCTERMS.date, SCHEMA.url, DCTERMS.source,
            SCHEMA.mentions))
        (self.statement, self.subj, self.pred, self.obj, self.from_doc, self.sentence, self.start, self.end,
         self.confidence, self.rule, self.modality, self.of_fact) = map(iri, (
            RDF.Statement, RDF.subject, RDF.predicate, RDF.object, KG.fromDocument, KG.sentence, KG.startChar,
            KG.endChar, KG.confidence, KG.rule, KG.modality, KG.ofFact))

    def doc(self, doc_id: str):
        return self.iri(document_iri(self.base, doc_id))

    def ent(self, key: str):
        return self.iri(entity_iri(self.base, key))


def _document_triples(kg: KnowledgeGraph, v: _Vocab) -> Iterator[tuple[Any, Any, Any]]:
    string, terms = v.terms.string, v.terms
    for doc_id in sorted(kg.documents):
        d = kg.documents[doc_id]
        node = v.doc(doc_id)
        yield (node, v.a, v.document)
        yield (node, v.identifier, string(_clean(doc_id)))
        if d.title:
            yield (node, v.title, string(_clean(d.title)))
        if d.date:
            yield (node, v.date, terms.date(d.date) if _ISO_DATE.match(d.date) else string(_clean(d.date)))
        if d.url:
            yield (node, v.url, terms.anyuri(_clean(d.url)))
        if d.source:
            yield (node, v.source, string(_clean(d.source)))


def _entity_triples(kg: KnowledgeGraph, v: _Vocab, res: Resources) -> Iterator[tuple[Any, Any, Any]]:
    string = v.terms.string
    for ent in kg.sorted_entities():
        node = v.ent(ent.key)
        yield (node, v.a, v.iri(class_iri(ent.cls, res)))
        yield (node, v.label, string(_clean(ent.name)))
        for alias in sorted(ent.aliases):
            if _clean(alias).strip():
                yield (node, v.alt, string(_clean(alias)))
        for job_title in sorted(ent.job_titles):
            yield (node, v.job, string(_clean(job_title)))
        yield (node, v.count, v.terms.integer(ent.mentions))
        if ent.wikidata:
            yield (node, v.same, v.iri(WD[ent.wikidata]))
        for doc_id in sorted(ent.docs):
            yield (v.doc(doc_id), v.mentions, node)


def _fact_triples(kg: KnowledgeGraph, v: _Vocab, res: Resources) -> Iterator[tuple[Any, Any, Any]]:
    for fact in sorted(kg.facts):
        s_key, prop, o_key = fact
        s, p, o = v.ent(s_key), v.iri(property_iri(prop, res)), v.ent(o_key)
        fact_node = v.iri(fact_iri(v.base, str(entity_iri(v.base, s_key)), str(property_iri(prop, res)),
                                   str(entity_iri(v.base, o_key))))
        if kg.is_asserted(fact):
            yield (s, p, o)
            if prop in kg.symmetric:
                yield (o, p, s)
        for ev in kg.facts[fact]:
            yield from _statement_triples(v, fact, ev, (s, p, o), fact_node)
            yield from _when_and_who(v.iri(statement_iri(v.base, fact, ev)), ev, prop, kg, res, v.terms, v.ent)


def _statement_triples(v: _Vocab, fact, ev, spo, fact_node) -> Iterator[tuple[Any, Any, Any]]:
    terms = v.terms
    st = v.iri(statement_iri(v.base, fact, ev))
    yield (st, v.a, v.statement)
    yield (st, v.subj, spo[0])
    yield (st, v.pred, spo[1])
    yield (st, v.obj, spo[2])
    yield (st, v.from_doc, v.doc(ev.doc_id))
    yield (st, v.sentence, terms.string(_clean(ev.sentence)))
    yield (st, v.start, terms.integer(ev.start))
    yield (st, v.end, terms.integer(ev.end))
    yield (st, v.confidence, terms.decimal(ev.confidence))
    yield (st, v.rule, terms.string(ev.rule))
    yield (st, v.modality, terms.string(ev.modality))
    if ev.modality == "asserted":
        yield (st, v.of_fact, fact_node)  # its summary over all documents (kg.export.facts)


def _when_and_who(st, ev: Evidence, prop: str, kg: KnowledgeGraph, res: Resources, terms: TermFamily,
                  ent_iri) -> Iterator[tuple[Any, Any, Any]]:
    """A statement's role status and validity bounds, event time and basis, and speaker
    (docs/time.md)."""
    iri = terms.iri
    if ev.role_status:
        yield (st, iri(KG.roleStatus), terms.string(ev.role_status))
    if ev.valid_from:
        yield (st, iri(KG.validFrom), terms.date(ev.valid_from))
    if ev.valid_until:
        yield (st, iri(KG.validUntil), terms.date(ev.valid_until))
    if ev.event_start:
        yield (st, iri(KG.eventStart), terms.date(ev.event_start))
        if ev.event_end:
            yield (st, iri(KG.eventEnd), terms.date(ev.event_end))
        if ev.event_end == ev.event_start:
            yield (st, iri(KG.eventDate), terms.date(ev.event_start))
        yield (st, iri(KG.timeBasis), terms.string("article" if ev.time_elsewhere else "text"))
    elif prop in res.ontology.events:
        doc = kg.documents.get(ev.doc_id)
        if doc is not None and doc.date and _ISO_DATE.match(doc.date):
            yield (st, iri(KG.timeBasis), terms.string("document"))
    if ev.attributed_to and ev.attributed_to in kg.entities:
        yield (st, iri(KG.attributedTo), ent_iri(ev.attributed_to))
    elif ev.unnamed_source:
        yield (st, iri(KG.unnamedSource), terms.string(ev.unnamed_source))
