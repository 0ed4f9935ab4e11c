"""The store's bookkeeping: the metadata graph, its flags, the base IRI, and which graphs are
public.  The lowest layer of :mod:`kg.store` (the reader :mod:`.embedded`, the entity merge
:mod:`.merge` and the writer :mod:`.update` build on it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Collection

import pyoxigraph as ox

from kg.errors import StoreError
from kg.export.dataset import DESCRIPTION_PREDICATES, document_graph_iri, entity_graph_iri, facts_graph_iri
from kg.vocab import KG_NS

__all__ = ["META", "FORMAT_VERSION", "StoreReport", "store_base", "store_format", "public_graphs"]

# 2: the default graph is the view of the facts (kg.store.view); 3: the view computed again once,
# since format-2 stores could lack triples whose xsd:decimal the store rewrote ("1.0" kept as "1")
FORMAT_VERSION = "3"
META = ox.NamedNode("urn:newskg:store")
_VOID_URISPACE = ox.NamedNode("http://rdfs.org/ns/void#uriSpace")
_VERSION = ox.NamedNode("http://purl.org/dc/terms/hasVersion")
_STALE = ox.NamedNode("urn:newskg:entitiesStale")
# set with the document graphs a write changes, cleared once their fact summaries are refreshed: a
# write that finds it set (a run killed in between) recomputes every summary
_FACTS_STALE = ox.NamedNode("urn:newskg:factsStale")
_FIRST_BUILD = ox.NamedNode("urn:newskg:firstBuildInProgress")
_TRUE = ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
_ALT_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
_JOB_TITLE = ox.NamedNode("https://schema.org/jobTitle")
_MENTIONS = ox.NamedNode(KG_NS + "mentionCount")
_SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
_DOC_QUADS = ox.NamedNode("urn:newskg:documentQuads")  # quads in the document graphs, kept by every write
_KG_DOCUMENT = ox.NamedNode(KG_NS + "Document")
_DC_IDENTIFIER = ox.NamedNode("http://purl.org/dc/terms/identifier")
assert {str(p) for p in DESCRIPTION_PREDICATES} == {
    p.value for p in (_RDF_TYPE, _RDFS_LABEL, _ALT_LABEL, _JOB_TITLE, _MENTIONS, _SAME_AS)
}


@dataclass(frozen=True)
class StoreReport:
    """What an update or removal did."""

    path: Path
    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()  # by a different version of the document
    rewritten: tuple[str, ...] = ()  # the same document, its entities resolved with the new documents
    unchanged: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    entities_updated: int = 0
    documents: int = 0  # documents in the store afterwards
    quads: int = 0  # public quads in the store afterwards
    # makes the model of every stored document from what the update computed (its corpus resolution
    # covers them all): kg.store.outputs draws the page from it instead of decoding and resolving
    # every record again; None when the update did not resolve the stored documents
    stored_model: object = field(default=None, repr=False, compare=False)

    def summary(self) -> str:
        rewritten = f"{len(self.rewritten)} rewritten (entities resolved with the new documents), " \
            if self.rewritten else ""
        return (f"store {self.path}: {len(self.added)} added, {len(self.replaced)} replaced, {rewritten}"
                f"{len(self.unchanged)} unchanged, {len(self.removed)} removed; "
                f"{self.documents} document(s), {self.quads} quads")


def _flagged(store: ox.Store, flag: ox.NamedNode) -> bool:
    """Is the bookkeeping ``flag`` (_STALE, _FACTS_STALE or _FIRST_BUILD) set?"""
    return any(True for _ in store.quads_for_pattern(META, flag, None, META))


def store_base(store: ox.Store) -> str | None:
    for q in store.quads_for_pattern(META, _VOID_URISPACE, None, META):
        return q.object.value
    return None


def store_format(store: ox.Store) -> int:
    """The store's format version (the highest recorded; 1 when none is)."""
    versions = [q.object.value for q in store.quads_for_pattern(META, _VERSION, None, META)]
    return max((int(v) for v in versions if v.isdigit()), default=1)


def _init_meta(store: ox.Store, base: str, path: Path) -> None:
    known = store_base(store)
    if known is None:
        store.extend([ox.Quad(META, _VOID_URISPACE, ox.Literal(base), META),
                      ox.Quad(META, _VERSION, ox.Literal(FORMAT_VERSION), META)])
    elif known != base:
        raise StoreError(
            f"the store at {path} was built with --base {known!r}, not {base!r}; IRIs would not match. "
            f"Rebuild with --base {known!r} or use another --out folder."
        )


def _prefix_graphs(store: ox.Store, prefix: str) -> list[ox.NamedNode]:
    return sorted((g for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g.value.startswith(prefix)),
                  key=lambda g: g.value)


def _any_prefix_graph(store: ox.Store, prefix: str) -> bool:
    """Is there a named graph whose IRI starts with ``prefix``?  (Stops at the first one.)"""
    return any(isinstance(g, ox.NamedNode) and g.value.startswith(prefix) for g in store.named_graphs())


def public_graphs(store: ox.Store) -> list[ox.NamedNode]:
    """The graphs queries see: every document graph, the merged entity graph and the fact summaries."""
    base = store_base(store)
    if base is None:
        return []
    doc_prefix = str(document_graph_iri(base, "x"))[: -len("x")]
    ent = ox.NamedNode(str(entity_graph_iri(base)))
    facts = ox.NamedNode(str(facts_graph_iri(base)))
    graphs = _prefix_graphs(store, doc_prefix)
    return graphs + [g for g in (ent, facts) if store.contains_named_graph(g)]


def document_quads(store: ox.Store) -> int:
    """How many quads the document graphs hold: the count every write keeps in the metadata graph
    (:func:`document_quads_change`); counted once, graph by graph, in a store written before it."""
    for q in store.quads_for_pattern(META, _DOC_QUADS, None, META):
        return int(q.object.value)
    base = store_base(store)
    if base is None:
        return 0
    doc_prefix = str(document_graph_iri(base, "x"))[: -len("x")]
    return sum(1 for g in _prefix_graphs(store, doc_prefix) for _ in store.quads_for_pattern(None, None, None, g))


def document_quads_change(store: ox.Store, count: int) -> tuple[list[ox.Quad], list[ox.Quad]]:
    """Quads to delete and insert (in the write's own transaction) so that the kept count is ``count``."""
    old = list(store.quads_for_pattern(META, _DOC_QUADS, None, META))
    new = ox.Quad(META, _DOC_QUADS, ox.Literal(str(count), datatype=_XSD_INTEGER), META)
    return [q for q in old if q != new], ([] if new in old else [new])


def public_quads(store: ox.Store, base: str) -> int:
    """The public quads (document graphs, entity graph, fact summaries): the kept count of the
    document graphs plus two counts the engine makes (no quad passes through Python)."""
    small = 0
    for g in (entity_graph_iri(base), facts_graph_iri(base)):
        rows = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {ox.NamedNode(str(g))} {{ ?s ?p ?o }} }}")
        small += int(next(iter(rows))["n"].value)
    return document_quads(store) + small


_DOCUMENTS_QUERY = f"SELECT ?g ?id WHERE {{ GRAPH ?g {{ ?d a {_KG_DOCUMENT} ; {_DC_IDENTIFIER} ?id }} }}"


def _documents(store: ox.Store) -> dict[str, str]:
    """Document graph IRI -> document id, for the public graphs.  One query (the engine walks its
    type index: 0.36 s at 10,100 documents, against 1.3 s graph by graph from Python)."""
    base = store_base(store)
    if base is None:
        return {}
    doc_prefix = str(document_graph_iri(base, "x"))[: -len("x")]
    others = {str(entity_graph_iri(base)), str(facts_graph_iri(base))}
    rows = sorted((r["g"].value, r["id"].value) for r in store.query(_DOCUMENTS_QUERY))
    return {g: ident for g, ident in rows if g.startswith(doc_prefix) or g in others}


def _holds_documents_besides(store: ox.Store, ids: Collection[str]) -> bool:
    """Does the store hold a document whose id is not in ``ids``?  What :func:`_documents` tells,
    stopping at the first such document (an incremental build finds one at once)."""
    base = store_base(store)
    if base is None:
        return False
    doc_prefix = str(document_graph_iri(base, "x"))[: -len("x")]
    others = {str(entity_graph_iri(base)), str(facts_graph_iri(base))}
    for r in store.query(_DOCUMENTS_QUERY):
        g = r["g"].value
        if (g.startswith(doc_prefix) or g in others) and r["id"].value not in ids:
            return True
    return False
