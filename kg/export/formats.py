"""Serialise the graph as Turtle, TriG, N-Quads, N-Triples or JSON-LD, byte for byte reproducibly.

* ``turtle`` and ``ntriples`` carry the union of all graphs (what :func:`kg.export.rdf.to_rdf` gives);
  ``trig``, ``nquads`` and ``jsonld`` carry the named graphs of :mod:`kg.export.dataset`.
* JSON-LD embeds the published context ``ontologies/context.jsonld`` (plus ``ent:`` for the
  base IRI) so it reads offline; the same file is shipped for consumers to reference.
* Output is deterministic: N-Triples/N-Quads lines are sorted, JSON-LD objects, keys and value
  arrays are put in a canonical order, Turtle/TriG are written in sorted order, except a large
  store's Turtle (:func:`dump_ox_graph`), written in the store's own (deterministic) order.
* Small graphs are written with rdflib; above :data:`LARGE_TRIPLES` triples pyoxigraph does it
  (rdflib's serialisers are too slow and memory-hungry there).  Both give isomorphic graphs.
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from typing import Iterable
from typing import Literal as TLiteral

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef

from kg.errors import KGError
from kg.export.dataset import dataset_quads
from kg.export.rdf import DEFAULT_BASE, bind_prefixes, oxigraph_terms
from kg.model import KnowledgeGraph
from kg.resources import Resources, data_dir, load_resources

log = logging.getLogger(__name__)

__all__ = ["from_ox_term", "to_ox_term", "serialize_ox_quads", "dump_ox_graph", "FORMATS", "LARGE_TRIPLES", "serialize", "serialize_quads", "jsonld_context", "prefixes",
           "canonical_jsonld"]

FORMATS: dict[str, str] = {"turtle": "ttl", "trig": "trig", "nquads": "nq", "ntriples": "nt", "jsonld": "jsonld"}
DATASET_FORMATS = frozenset({"trig", "nquads", "jsonld"})
LARGE_TRIPLES = 20_000  # above this, pyoxigraph writes (rdflib is ~100x slower per triple)
Engine = TLiteral["auto", "rdflib", "oxigraph"]

_OX_FORMAT = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}


@lru_cache(maxsize=1)
def _published_context() -> str:
    path = data_dir() / "context.jsonld"
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        return json.dumps(doc["@context"], sort_keys=True)
    except (OSError, ValueError, KeyError) as exc:
        raise KGError(f"{path}: cannot read the JSON-LD context ({exc}); reinstall newskg.") from exc


def jsonld_context(base: str = DEFAULT_BASE) -> list[dict]:
    """The ``@context`` written into JSON-LD output: the published context, then ``ent:``."""
    return [json.loads(_published_context()), {"ent": base}]


def prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """Prefixes used in Turtle/TriG output (same as :func:`kg.export.rdf.bind_prefixes`, plus rdf/rdfs/xsd)."""
    g = bind_prefixes(Graph(bind_namespaces="core"), base)
    return {p: str(ns) for p, ns in sorted(g.namespaces()) if p}


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise KGError(f"unknown RDF format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    return fmt


# -- canonical forms ----------------------------------------------------------------------------
def _canon(value, key: str | None = None):
    if isinstance(value, dict):
        return {k: (v if k == "@context" else _canon(v, k)) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canon(v) for v in value]
        if key == "@list":
            return items
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def canonical_jsonld(doc) -> bytes:
    """A JSON-LD document with objects, keys and (unordered) arrays in a canonical order."""
    return (json.dumps(_canon(doc), sort_keys=True, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _sorted_lines(data: bytes) -> bytes:
    # split on "\n" only: str.splitlines() would also cut at U+2028/U+2029/U+0085 inside literals
    lines = sorted({line for line in data.decode("utf-8").split("\n") if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


# -- rdflib <-> pyoxigraph --------------------------------------------------------------------------
def to_ox_term(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {term!r} to a pyoxigraph term")


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def from_ox_term(term):
    """pyoxigraph term -> rdflib term (plain strings lose the explicit xsd:string, as rdflib writes them)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value, datatype=None if dt == _XSD_STRING else URIRef(dt))
    if isinstance(term, ox.DefaultGraph):
        return None
    raise TypeError(f"cannot convert {term!r} to an rdflib term")


def to_ox_quad(s, p, o, g=None) -> ox.Quad:
    graph = ox.DefaultGraph() if g is None else to_ox_term(g)
    return ox.Quad(to_ox_term(s), to_ox_term(p), to_ox_term(o), graph)


# -- writers --------------------------------------------------------------------------------------
def _trig_rdflib(quads: list[tuple], base: str) -> bytes:
    """TriG with graphs in sorted order (rdflib's own TriG writer orders graphs by hash)."""
    graphs: dict[object, Graph] = {}
    for s, p, o, g in quads:
        if g not in graphs:
            graphs[g] = bind_prefixes(Graph(bind_namespaces="core"), base)
        graphs[g].add((s, p, o))
    used: dict[str, str] = {}
    blocks = []
    for name in sorted(graphs, key=lambda g: "" if g is None else str(g)):
        g = graphs[name]
        lines = g.serialize(format="turtle").split("\n")
        i = 0
        while i < len(lines) and (lines[i].startswith("@prefix ") or not lines[i].strip()):
            if lines[i].startswith("@prefix "):
                prefix, ns = lines[i][len("@prefix "):].rstrip(" .").split(": ", 1)
                used[prefix] = ns
            i += 1
        # No re-indenting: a long literal may span lines and must stay byte-exact.
        body = "\n".join(lines[i:]).rstrip("\n")
        if body:
            head = "{" if name is None else f"{URIRef(name).n3()} {{"
            blocks.append(f"{head}\n{body}\n}}")
    header = "".join(f"@prefix {p}: {ns} .\n" for p, ns in sorted(used.items()))
    return (header + "\n" + "\n\n".join(blocks) + "\n").encode("utf-8") if blocks else header.encode("utf-8")


def _write_rdflib(quads: list[tuple], fmt: str, base: str) -> bytes:
    if fmt == "trig":
        return _trig_rdflib(quads, base)
    if fmt in DATASET_FORMATS:
        target: Graph = Dataset()
        for s, p, o, g in quads:
            target.add((s, p, o, g))
    else:
        target = Graph()
        for s, p, o, _ in quads:
            target.add((s, p, o))
    bind_prefixes(target, base)
    if fmt == "jsonld":
        data = target.serialize(format="json-ld", context=jsonld_context(base), auto_compact=True)
        return canonical_jsonld(json.loads(data))
    data = target.serialize(format={"nquads": "nquads", "ntriples": "nt"}.get(fmt, fmt), encoding="utf-8")
    return _sorted_lines(data) if fmt in ("nquads", "ntriples") else data


def _write_oxigraph(quads: Iterable[ox.Quad], fmt: str, base: str) -> bytes:
    if fmt in DATASET_FORMATS:
        items = sorted(set(quads), key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    else:
        items = sorted({q.triple for q in quads}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    if fmt == "jsonld":
        expanded = json.loads(ox.serialize(items, format=ox.RdfFormat.JSON_LD))
        if isinstance(expanded, dict):
            expanded = expanded.get("@graph", [expanded])
        return canonical_jsonld({"@context": jsonld_context(base), "@graph": expanded})
    # ``ent:`` would force escaped slashes (ent:graph\/d1): write those IRIs in full instead.
    short = {p: ns for p, ns in prefixes(base).items() if p not in ("ent", "xml")}
    data = ox.serialize(items, format=_OX_FORMAT[fmt], prefixes=short)
    return _sorted_lines(data) if fmt in ("nquads", "ntriples") else data


def serialize_quads(
    quads: Iterable[tuple],
    fmt: str,
    *,
    base: str = DEFAULT_BASE,
    engine: Engine = "auto",
) -> bytes:
    """Serialise rdflib ``(s, p, o, graph)`` quads (``graph`` None = default graph)."""
    check_format(fmt)
    items = list(quads)
    if engine == "auto":
        engine = "oxigraph" if len(items) > LARGE_TRIPLES else "rdflib"
    log.info("serialising %d quads as %s with %s", len(items), fmt, engine)
    if engine == "rdflib":
        return _write_rdflib(items, fmt, base)
    return _write_oxigraph((to_ox_quad(*q) for q in items), fmt, base)


def dump_ox_graph(store: ox.Store, graph: ox.NamedNode | ox.DefaultGraph, fmt: str, *, base: str = DEFAULT_BASE) -> bytes:
    """One graph of a pyoxigraph store as Turtle or N-Triples, written by pyoxigraph from the store.

    For large graphs (the store exporter's path): nothing passes through Python objects, so it is
    several times faster than :func:`serialize_ox_quads` (100,000 articles: 10 s instead of 50 s).
    Turtle comes in the store's order, which is deterministic (triples ordered by their encoded
    terms: the same content gives the same bytes, however many builds brought it) but not sorted
    by IRI; N-Triples lines are sorted, as everywhere.

    >>> st = ox.Store()
    >>> st.add(ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/p"), ox.Literal("x")))
    >>> dump_ox_graph(st, ox.DefaultGraph(), "ntriples")
    b'<http://example.org/a> <http://example.org/p> "x" .\\n'
    """
    if check_format(fmt) in DATASET_FORMATS:
        raise KGError(f"dump_ox_graph writes one graph as Turtle or N-Triples, not {fmt}.")
    short = {p: ns for p, ns in prefixes(base).items() if p not in ("ent", "xml")}
    data = store.dump(format=_OX_FORMAT[fmt], from_graph=graph, prefixes=short if fmt == "turtle" else None)
    return _sorted_lines(data) if fmt == "ntriples" else data


def serialize_ox_quads(quads: Iterable[ox.Quad], fmt: str, *, base: str = DEFAULT_BASE) -> bytes:
    """Serialise pyoxigraph quads (the store exporter's path) with pyoxigraph."""
    return _write_oxigraph(quads, check_format(fmt), base)


def serialize(
    kg: KnowledgeGraph,
    fmt: str,
    *,
    base: str = DEFAULT_BASE,
    resources: Resources | None = None,
    engine: Engine = "auto",
) -> bytes:
    """The model in one RDF format (``turtle|trig|nquads|ntriples|jsonld``), as bytes."""
    res = resources or load_resources()
    check_format(fmt)
    if engine == "rdflib":
        return serialize_quads(dataset_quads(kg, base=base, resources=res), fmt, base=base, engine="rdflib")
    # pyoxigraph terms straight from the model (converting rdflib terms costs more than writing them)
    quads = [ox.Quad(s, p, o, g) for s, p, o, g in dataset_quads(kg, base=base, resources=res, terms=oxigraph_terms())]
    if engine == "auto" and len(quads) <= LARGE_TRIPLES:
        return serialize_quads(dataset_quads(kg, base=base, resources=res), fmt, base=base, engine="rdflib")
    log.info("serialising %d quads as %s with oxigraph", len(quads), fmt)
    return _write_oxigraph(quads, fmt, base)
