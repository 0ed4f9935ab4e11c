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

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any, Callable, Iterator

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg.model import Evidence, KnowledgeGraph
from kg.resources import Resources, load_resources
from kg.vocab import KG, KG_NS, SCHEMA, WD

__all__ = ["clean_text", "iter_triples", "iter_redirects", "TermFamily", "RDFLIB_TERMS", "oxigraph_terms", "DEFAULT_BASE", "mint_iri", "entity_iri", "document_iri", "statement_iri", "property_iri",
           "bind_prefixes", "to_rdf", "validate_base"]

DEFAULT_BASE = "https://example.org/newskg/"
_SLUG_RE = re.compile(r"[^a-z0-9]+")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_BASE_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`\x00-\x1f\x7f-\x9f]*[/#]$")


def validate_base(base: str) -> str:
    """A base IRI must be absolute and end with '/' or '#'."""
    if not _BASE_RE.match(base):
        raise ValueError(
            f"--base {base!r} is not an absolute IRI ending in '/' or '#'; "
            f"use something like {DEFAULT_BASE!r}."
        )
    return base


def _slug(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SLUG_RE.sub("-", ascii_.lower()).strip("-")[:80].strip("-")


@lru_cache(maxsize=1 << 16)
def mint_iri(base: str, kind: str, key: str) -> URIRef:
    """The one IRI-minting function: ``<base><kind>/<slug>``.

    The slug is readable ASCII; when it does not identify ``key`` exactly (non-ASCII letters,
    punctuation, length) a short hash of ``key`` is appended, so different keys never collide
    and the same key always gives the same IRI.
    """
    slug = _slug(key)
    if not slug or slug != key:
        digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        slug = f"{slug}-{digest}" if slug else digest
    # A kind is a fixed lower-case word in practice; any other is hashed too, so that two
    # different kinds never share a path segment.
    family = _slug(kind) or "x"
    if family != kind:
        family = f"{family}-{hashlib.sha1(kind.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"
    return Namespace(validate_base(base))[f"{family}/{slug}"]


def entity_iri(base: str, key: str) -> URIRef:
    family, _, rest = key.partition("/")
    return mint_iri(base, family, rest or key)


def document_iri(base: str, doc_id: str) -> URIRef:
    return mint_iri(base, "doc", doc_id)


def statement_iri(base: str, fact: tuple[str, str, str], ev: Evidence) -> URIRef:
    ident = "\x1f".join((*fact, ev.doc_id, str(ev.start), str(ev.end), ev.rule, ev.modality))
    return mint_iri(base, "statement", hashlib.sha1(ident.encode("utf-8", "surrogatepass")).hexdigest()[:16])


def property_iri(name: str, res: Resources) -> URIRef:
    if name not in res.ontology.properties:
        raise KeyError(f"kg:{name} is not a relation property of the ontology")
    return URIRef(KG_NS + name)


def class_iri(name: str, res: Resources) -> URIRef:
    if name not in res.ontology.classes:
        raise KeyError(f"kg:{name} is not a class of the ontology")
    return URIRef(KG_NS + name)


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


@dataclass(frozen=True)
class TermFamily:
    """How :func:`iter_triples` makes RDF terms, so one generator serves rdflib and pyoxigraph.

    The vocabulary stays written once (in :func:`iter_triples`); a family only says how an IRI,
    a plain string, an ``xsd:integer``, an ``xsd:decimal`` and an ``xsd:anyURI`` literal are made.
    Both families give the same lexical forms, so the two outputs are the same RDF (tested)."""

    name: str
    iri: Callable[[str], Any]
    string: Callable[[str], Any]
    integer: Callable[[int], Any]
    decimal: Callable[[float], Any]
    anyuri: Callable[[str], Any]
    date: Callable[[str], Any]  # an xsd:date literal from an ISO date


def _rdflib_iri(value: str) -> URIRef:
    return value if type(value) is URIRef else URIRef(value)


RDFLIB_TERMS = TermFamily(
    "rdflib", _rdflib_iri, Literal, Literal, lambda c: Literal(Decimal(str(c))),
    lambda s: Literal(s, datatype=XSD.anyURI), lambda s: Literal(s, datatype=XSD.date),
)


@lru_cache(maxsize=1)
def oxigraph_terms() -> TermFamily:
    """pyoxigraph terms: the store writes them without going through rdflib (much faster)."""
    import pyoxigraph as ox

    integer, decimal, anyuri, date = (ox.NamedNode(str(t)) for t in (XSD.integer, XSD.decimal, XSD.anyURI, XSD.date))
    iri = lru_cache(maxsize=1 << 17)(lambda value: ox.NamedNode(str(value)))
    return TermFamily(
        "oxigraph", iri, ox.Literal, lambda n: ox.Literal(str(n), datatype=integer),
        lambda c: ox.Literal(format(Decimal(str(c)), "f"), datatype=decimal), lambda s: ox.Literal(s, datatype=anyuri),
        lambda s: ox.Literal(s, datatype=date),
    )


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
