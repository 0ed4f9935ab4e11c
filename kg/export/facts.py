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

from kg.export.terms import (
    DEFAULT_BASE,
    RDFLIB_TERMS,
    TermFamily,
    document_iri,
    entity_iri,
    fact_iri,
    property_iri,
)
from kg.model import KnowledgeGraph
from kg.resources import Resources, load_resources
from kg.vocab import KG

__all__ = ["DocInfo", "Row", "FactSummary", "source_of", "doc_info", "summarise", "summary_triples",
           "iter_fact_summaries"]

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
    out = {}
    for fact, (doc_ids, confs) in sorted(seen.items()):
        infos = [docs.get(d, DocInfo(None, None)) for d in doc_ids]
        dates = sorted(i.date for i in infos if i.date)
        miss = 1.0
        for c in sorted(confs):
            miss *= 1.0 - c
        out[fact] = FactSummary(len(doc_ids), len({i.source for i in infos if i.source}),
                                dates[0] if dates else None, dates[-1] if dates else None, round(1.0 - miss, 4))
    return out


def summary_triples(summaries: Mapping[tuple[str, str, str], FactSummary], *, base: str = DEFAULT_BASE,
                    terms: TermFamily = RDFLIB_TERMS) -> Iterator[tuple[Any, Any, Any]]:
    """The triples of the summary nodes, in a stable order."""
    iri = terms.iri
    a, cls = iri(RDF.type), iri(KG.Fact)
    ndocs, nsrc, first, last, conf = map(iri, (KG.documentCount, KG.sourceCount, KG.firstReported,
                                               KG.lastReported, KG.confidence))
    for (s, p, o), sm in sorted(summaries.items()):
        node = iri(fact_iri(base, s, p, o))
        yield (node, a, cls)
        yield (node, ndocs, terms.integer(sm.documents))
        yield (node, nsrc, terms.integer(sm.sources))
        if sm.first:
            yield (node, first, terms.date(sm.first))
            yield (node, last, terms.date(sm.last))
        yield (node, conf, terms.decimal(sm.confidence))


def iter_fact_summaries(kg: KnowledgeGraph, *, base: str = DEFAULT_BASE, resources: Resources | None = None,
                        terms: TermFamily = RDFLIB_TERMS) -> Iterator[tuple[Any, Any, Any]]:
    """The summary triples of the in-memory model (asserted statements only)."""
    res = resources or load_resources()
    rows: list[Row] = []
    for (s, p, o), evidence in kg.facts.items():
        si, pi, oi = str(entity_iri(base, s)), str(property_iri(p, res)), str(entity_iri(base, o))
        rows += [(si, pi, oi, str(document_iri(base, ev.doc_id)), ev.confidence)
                 for ev in evidence if ev.modality == "asserted"]
    docs = {str(document_iri(base, d)): doc_info(m.date, m.source, m.url) for d, m in kg.documents.items()}
    yield from summary_triples(summarise(rows, docs), base=base, terms=terms)
