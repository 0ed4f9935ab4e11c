"""One fact, many reports: a summary node per asserted (subject, property, object).

The plain triple ``?s kg:metWith ?o`` stays as it is; beside it, a ``kg:Fact`` node minted from
the triple (:func:`fact_iri`) says how many reports carry it::

    ?statement kg:ofFact <base>fact/<hash> .     # every asserted statement of the triple
    <base>fact/<hash> a kg:Fact ;
        kg:documentCount 3 ;          # distinct documents with an asserted statement of it
        kg:sourceCount 2 ;            # distinct outlets (dcterms:source, else the URL's host)
        kg:firstReported "2016-09-18"^^xsd:date ; kg:lastReported "2016-09-20"^^xsd:date ;
        kg:confidence 0.94 .          # noisy-OR of the asserted statements' confidences

The summary depends on every document, so it lives in its own named graph (``<base>kg/facts``,
:func:`kg.export.dataset.facts_graph_iri`), recomputed after each store update or removal; the
statements in the document graphs stay per document (their ``kg:ofFact`` link names the summary
by an IRI minted from the triple alone, so it is the same in every document).  The summary does not
repeat rdf:subject/predicate/object: queries that count statements by ``rdf:predicate`` stay right.  Why this shape: docs/time.md.  The same
function summarises the in-memory model (:func:`iter_fact_summaries`) and the rows a store query
returns (``kg.store.facts``), so both write the same triples.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Mapping

from rdflib import RDF

from kg.export.occurrences import EventRow, Occurrence, group
from kg.export.terms import (
    DEFAULT_BASE,
    RDFLIB_TERMS,
    TermFamily,
    document_iri,
    entity_iri,
    fact_iri,
    occurrence_iri,
    property_iri,
    statement_iri,
)
from kg.model import KnowledgeGraph
from kg.resources import Resources, load_resources
from kg.vocab import KG

__all__ = ["DocInfo", "Row", "FactSummary", "source_of", "doc_info", "summarise", "summary_triples",
           "occurrence_triples", "iter_fact_summaries"]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class DocInfo:
    """What a summary needs of a document: its ISO date (or None) and its outlet (or None)."""

    date: str | None
    source: str | None


Row = tuple[str, str, str, str, float]  # (subject IRI, property IRI, object IRI, document IRI, confidence)


@dataclass(frozen=True, slots=True)
class FactSummary:
    documents: int
    sources: int
    first: str | None
    last: str | None
    confidence: float


def source_of(source: str | None, url: str | None) -> str | None:
    """The outlet of a document: its source field, else its URL's host without "www."."""
    if source and source.strip():
        return source.strip()
    if url:
        host = (urllib.parse.urlsplit(url.strip()).hostname or "").lower()
        return host[4:] if host.startswith("www.") else host or None
    return None


def doc_info(date: str | None, source: str | None, url: str | None) -> DocInfo:
    return DocInfo(date if date and _ISO_DATE.match(date) else None, source_of(source, url))


def summarise(rows: Iterable[Row], docs: Mapping[str, DocInfo]) -> dict[tuple[str, str, str], FactSummary]:
    """Per (subject, property, object) IRIs: documents, sources, first and last report, confidence."""
    seen: dict[tuple[str, str, str], tuple[set[str], list[float]]] = {}
    for s, p, o, d, conf in rows:
        got = seen.setdefault((s, p, o), (set(), []))
        got[0].add(d)
        got[1].append(conf)
    return {fact: _summary(doc_ids, confs, docs) for fact, (doc_ids, confs) in sorted(seen.items())}


def _summary(doc_ids: Iterable[str], confs: Iterable[float], docs: Mapping[str, DocInfo]) -> FactSummary:
    doc_ids = set(doc_ids)
    infos = [docs.get(d, DocInfo(None, None)) for d in doc_ids]
    dates = sorted(i.date for i in infos if i.date)
    miss = 1.0
    for c in sorted(confs):
        miss *= 1.0 - c
    return FactSummary(len(doc_ids), len({i.source for i in infos if i.source}),
                       dates[0] if dates else None, dates[-1] if dates else None, round(1.0 - miss, 4))


def summary_triples(summaries: Mapping[tuple[str, str, str], FactSummary], *, base: str = DEFAULT_BASE,
                    terms: TermFamily = RDFLIB_TERMS) -> Iterator[tuple[Any, Any, Any]]:
    """The triples of the summary nodes, in a stable order."""
    iri = terms.iri
    a, cls = iri(RDF.type), iri(KG.Fact)
    for (s, p, o), sm in sorted(summaries.items()):
        node = iri(fact_iri(base, s, p, o))
        yield (node, a, cls)
        yield from _counts(node, sm, terms)


def occurrence_triples(occurrences: Mapping[tuple[str, str, str], list[Occurrence]], docs: Mapping[str, DocInfo],
                       *, base: str = DEFAULT_BASE, terms: TermFamily = RDFLIB_TERMS) -> Iterator[tuple[Any, Any, Any]]:
    """The occurrence nodes of event-type facts (:mod:`kg.export.occurrences`), their statements'
    links to them and each fact's number of occurrences, in a stable order."""
    iri = terms.iri
    a, cls, of, start, end, inside, count = map(iri, (RDF.type, KG.Occurrence, KG.occurrenceOf, KG.occurrenceStart,
                                                      KG.occurrenceEnd, KG.inOccurrence, KG.occurrenceCount))
    for (s, p, o), occs in sorted(occurrences.items()):
        fact = iri(fact_iri(base, s, p, o))
        yield (fact, count, terms.integer(len(occs)))
        for occ in occs:
            node = iri(occurrence_iri(base, s, p, o, occ.start, occ.end))
            yield (node, a, cls)
            yield (node, of, fact)
            yield (node, start, terms.date(occ.start))
            yield (node, end, terms.date(occ.end))
            yield from _counts(node, _summary(occ.documents, occ.confidences, docs), terms)
            for st in occ.statements:
                yield (iri(st), inside, node)


def _counts(node: Any, sm: FactSummary, terms: TermFamily) -> Iterator[tuple[Any, Any, Any]]:
    iri = terms.iri
    yield (node, iri(KG.documentCount), terms.integer(sm.documents))
    yield (node, iri(KG.sourceCount), terms.integer(sm.sources))
    if sm.first:
        yield (node, iri(KG.firstReported), terms.date(sm.first))
        yield (node, iri(KG.lastReported), terms.date(sm.last))
    yield (node, iri(KG.confidence), terms.decimal(sm.confidence))


def iter_fact_summaries(kg: KnowledgeGraph, *, base: str = DEFAULT_BASE, resources: Resources | None = None,
                        terms: TermFamily = RDFLIB_TERMS) -> Iterator[tuple[Any, Any, Any]]:
    """The summary triples of the in-memory model (asserted statements only), with the occurrences
    of event-type facts."""
    res = resources or load_resources()
    rows: list[Row] = []
    events: list[EventRow] = []
    for (s, p, o), evidence in kg.facts.items():
        si, pi, oi = str(entity_iri(base, s)), str(property_iri(p, res)), str(entity_iri(base, o))
        for ev in evidence:
            if ev.modality != "asserted":
                continue
            d = str(document_iri(base, ev.doc_id))
            rows.append((si, pi, oi, d, ev.confidence))
            if p in res.ontology.events:
                events.append((si, pi, oi, d, ev.confidence, str(statement_iri(base, (s, p, o), ev)),
                               ev.event_start, ev.event_end))
    docs = {str(document_iri(base, d)): doc_info(m.date, m.source, m.url) for d, m in kg.documents.items()}
    yield from summary_triples(summarise(rows, docs), base=base, terms=terms)
    yield from occurrence_triples(group(events, docs), docs, base=base, terms=terms)
