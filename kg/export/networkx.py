"""NetworkX export: a MultiDiGraph derived from the graph model (edge key = property).

Node ids are the entities' IRIs (the same as in the RDF), so the two exports can be joined.
Attributes are scalars so that GraphML (Gephi, Cytoscape) can hold them: aliases and job titles
are joined with " | ".  Edges carry their time, status and sources too (documents_asserting,
sources, first_reported, last_reported, event_start, event_end, role_status, valid_from, valid_until:
docs/time.md).
"""

from __future__ import annotations

import io

import networkx as nx

from kg.export.facts import doc_info
from kg.export.rdf import DEFAULT_BASE, clean_text, entity_iri
from kg.model import KnowledgeGraph

__all__ = ["to_networkx", "graphml_bytes"]


def to_networkx(kg: KnowledgeGraph, *, base: str = DEFAULT_BASE, include_hedged: bool = True) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for ent in kg.sorted_entities():
        g.add_node(
            str(entity_iri(base, ent.key)),
            key=ent.key,
            label=ent.name,
            type=ent.cls,
            aliases=" | ".join(sorted(ent.aliases)),
            job_titles=" | ".join(sorted(ent.job_titles)),
            mentions=ent.mentions,
            documents=len(ent.docs),
            wikidata=ent.wikidata or "",
        )
    for fact in sorted(kg.facts):
        s, prop, o = fact
        asserted = kg.is_asserted(fact)
        if not asserted and not include_hedged:
            continue
        evidence = sorted(kg.facts[fact], key=lambda e: (e.modality != "asserted", -e.confidence, e.doc_id, e.start))
        g.add_edge(
            str(entity_iri(base, s)),
            str(entity_iri(base, o)),
            key=prop,
            property=prop,
            symmetric=prop in kg.symmetric,
            modality="asserted" if asserted else evidence[0].modality,
            confidence=kg.confidence(fact) if asserted else evidence[0].confidence,
            evidence_count=len(evidence),
            sentence=evidence[0].sentence,
            document=evidence[0].doc_id,
            **_when(kg, evidence),
        )
    return g


def _when(kg: KnowledgeGraph, evidence) -> dict:
    """Time, status and sources of an edge (docs/time.md): the documents and distinct sources of its
    asserted evidence, first and last report date, the earliest event time read, the best
    evidence's role status and the first bounded evidence's post bounds ("" where unknown: GraphML
    holds no None)."""
    asserted = [e for e in evidence if e.modality == "asserted"]
    infos = {e.doc_id: doc_info(m.date, m.source, m.url) for e in asserted
             for m in [kg.documents.get(e.doc_id)] if m is not None}
    dates = sorted(i.date for i in infos.values() if i.date)
    starts = sorted((e.event_start, e.event_end or "") for e in evidence if e.event_start)
    bounded = [e for e in evidence if getattr(e, "valid_from", None) or getattr(e, "valid_until", None)]
    return {
        "documents_asserting": len({e.doc_id for e in asserted}),
        "sources": len({i.source for i in infos.values() if i.source}),
        "first_reported": dates[0] if dates else "",
        "last_reported": dates[-1] if dates else "",
        "event_start": starts[0][0] if starts else "",
        "event_end": starts[0][1] if starts else "",
        "role_status": evidence[0].role_status or "",
        "valid_from": bounded[0].valid_from or "" if bounded else "",
        "valid_until": bounded[0].valid_until or "" if bounded else "",
    }


def graphml_bytes(g: nx.MultiDiGraph) -> bytes:
    """GraphML of ``g``; text attributes are cleaned of characters XML forbids."""
    g = g.copy()
    for _, data in g.nodes(data=True):
        for k, v in data.items():
            if isinstance(v, str):
                data[k] = clean_text(v)
    for _, _, data in g.edges(data=True):
        for k, v in data.items():
            if isinstance(v, str):
                data[k] = clean_text(v)
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return buf.getvalue()
