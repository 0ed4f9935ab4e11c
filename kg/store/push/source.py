"""What ``kg push`` sends: per document, its graph and its share of the entity descriptions.

A store keeps, per document, ``<base>graph/<doc>`` (facts and provenance) and
``<base>kg-entities/<doc>`` (what that document said about its entities); both are pushed.  The
merged ``<base>kg/entities`` graph and the fact summaries ``<base>kg/facts`` are *not* sent: the
server's copies are recomputed from every document graph and share there
(:mod:`kg.store.push.server`), so they cover other stores' documents too.

A dataset file written by ``kg export --format trig`` holds the merged graph but no shares; they
are derived from it the way :func:`kg.export.dataset.split_documents` does without per-document
extraction results: each document that names an entity gets the entity's description, and the
mention count is shared out over those documents (the total stays exact).
"""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KGError, PushError
from kg.export.dataset import document_entities_graph_iri, document_graph_iri, entity_graph_iri, facts_graph_iri
from kg.vocab import KG_NS

__all__ = ["GraphData", "PushDocument", "PushData", "data_from_store", "data_from_file", "default_source"]

_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_DC_IDENTIFIER = ox.NamedNode("http://purl.org/dc/terms/identifier")
_KG_DOCUMENT = ox.NamedNode(KG_NS + "Document")
_MENTIONS = ox.NamedNode(KG_NS + "mentionCount")
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


@dataclass(frozen=True)
class GraphData:
    """One named graph to send, as N-Triples."""

    graph: str  # graph IRI
    triples: int
    ntriples: bytes = field(repr=False)

    @classmethod
    def of(cls, graph: str, triples: list[ox.Triple]) -> "GraphData":
        triples = sorted(set(triples), key=str)
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) if triples else b""
        return cls(graph, len(triples), data)


@dataclass(frozen=True)
class PushDocument:
    """One document: its graph, its share of the entity descriptions, and the entities described."""

    doc_id: str
    facts: GraphData
    share: GraphData
    entities: frozenset[str]

    @property
    def triples(self) -> int:
        return self.facts.triples + self.share.triples


@dataclass(frozen=True)
class PushData:
    """Everything one push sends, and the base IRI its graphs are named under."""

    base: str
    documents: tuple[PushDocument, ...]
    origin: Path  # the store folder or file, for the default source name


def default_source(origin: Path | str) -> str:
    """The name a store is known by on the server when ``--source`` is not given: host and folder."""
    return f"{socket.gethostname()}:{Path(origin).resolve()}"


def _triples(store: ox.Store, graph: ox.NamedNode) -> list[ox.Triple]:
    return [q.triple for q in store.quads_for_pattern(None, None, None, graph)]


def _doc_id(store: ox.Store, graph: ox.NamedNode) -> str | None:
    for q in store.quads_for_pattern(None, _RDF_TYPE, _KG_DOCUMENT, graph):
        for ident in store.quads_for_pattern(q.subject, _DC_IDENTIFIER, None, graph):
            return ident.object.value
    return None


def _document(base: str, doc_id: str, facts: list[ox.Triple], share: list[ox.Triple]) -> PushDocument:
    return PushDocument(doc_id, GraphData.of(str(document_graph_iri(base, doc_id)), facts),
                        GraphData.of(str(document_entities_graph_iri(base, doc_id)), share),
                        frozenset(t.subject.value for t in share))


def data_from_store(path: Path | str) -> PushData:
    """The store's documents with their entity shares."""
    from kg.store.embedded import open_store, public_graphs, store_base

    store = open_store(path, read_only=True)
    base = store_base(store)
    if base is None:
        raise PushError(f"{path} holds no base IRI (an empty or foreign store); build into it with `kg build` first.")
    documents = []
    for graph in public_graphs(store):
        doc_id = _doc_id(store, graph)
        if doc_id is None:
            continue  # the merged entity graph
        share = ox.NamedNode(str(document_entities_graph_iri(base, doc_id)))
        documents.append(_document(base, doc_id, _triples(store, graph), _triples(store, share)))
    return PushData(base, tuple(sorted(documents, key=lambda d: d.facts.graph)), Path(path))


def _derived_shares(docs: dict[str, list[ox.Triple]], merged: list[ox.Triple]) -> dict[str, list[ox.Triple]]:
    """Per document, the merged descriptions of the entities its graph names, mention counts shared out."""
    named: dict[str, set[str]] = {}
    for doc_id, triples in docs.items():
        for t in triples:
            for term in (t.subject, t.object):
                if isinstance(term, ox.NamedNode):
                    named.setdefault(term.value, set()).add(doc_id)
    by_entity: dict[ox.NamedNode, list[ox.Triple]] = {}
    for t in merged:
        by_entity.setdefault(t.subject, []).append(t)
    shares: dict[str, list[ox.Triple]] = {d: [] for d in docs}
    for entity, triples in by_entity.items():
        owners = sorted(named.get(entity.value, ())) or sorted(docs)[:1]
        total = sum(int(t.object.value) for t in triples if t.predicate == _MENTIONS)
        each, extra = divmod(total, len(owners))
        described = [t for t in triples if t.predicate != _MENTIONS]
        for i, doc_id in enumerate(owners):
            count = ox.Literal(str(each + (1 if i < extra else 0)), datatype=_XSD_INTEGER)
            shares[doc_id] += described + [ox.Triple(entity, _MENTIONS, count)]
    return shares


def data_from_file(path: Path | str) -> PushData:
    """The documents of a dataset file (.trig .nq .jsonld) written by ``kg export``."""
    from kg.store.query import open_graph_file

    path = Path(path)
    try:
        store = open_graph_file(path)
    except KGError as exc:
        raise PushError(str(exc)) from exc
    named = sorted((g for g in store.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)
    loose = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    if loose:
        raise PushError(f"{path} has {loose} triple(s) outside any named graph (a Turtle/N-Triples file?); push "
                        f"the store (--store DIR) or a dataset file written by `kg export --format trig`.")
    base = next((g.value[: -len("kg/entities")] for g in named if g.value.endswith("/kg/entities")), None)
    if base is None:
        raise PushError(f"{path} has no <BASE>kg/entities graph, so it was not written by `kg export`; push the "
                        f"store (--store DIR) or a file written by `kg export --format trig`.")
    docs: dict[str, list[ox.Triple]] = {}
    shares: dict[str, list[ox.Triple]] = {}
    known = {str(entity_graph_iri(base)), str(facts_graph_iri(base))}  # summaries: recomputed on the server
    for graph in named:
        doc_id = _doc_id(store, graph)
        if doc_id is not None and graph.value == str(document_graph_iri(base, doc_id)):
            docs[doc_id] = _triples(store, graph)
            share = ox.NamedNode(str(document_entities_graph_iri(base, doc_id)))
            if store.contains_named_graph(share):
                shares[doc_id] = _triples(store, share)
                known.add(share.value)
            known.add(graph.value)
    foreign = [g.value for g in named if g.value not in known]
    if foreign:
        raise PushError(f"{path} holds {len(foreign)} named graph(s) that are neither document graphs nor the entity "
                        f"graph of `kg export` (e.g. <{foreign[0]}>); push those with another tool.")
    if not docs:
        raise PushError(f"{path} holds no document graph; nothing to push.")
    if len(shares) < len(docs):
        shares = _derived_shares(docs, _triples(store, ox.NamedNode(str(entity_graph_iri(base)))))
    documents = tuple(sorted((_document(base, d, docs[d], shares[d]) for d in docs), key=lambda d: d.facts.graph))
    return PushData(base, documents, path)
