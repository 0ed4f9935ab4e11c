"""SHACL validation of newskg output against ``ontologies/shapes.ttl`` (pyshacl-turbo when
installed, else pyshacl, the reference; they agree on our shapes: tests/store/test_validate.py).

The ontology is mixed into the data graph (pyshacl ``ont_graph``), so class targets and
``sh:class`` follow ``rdfs:subClassOf`` and the domain/range constraints read the ontology.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Dataset, Graph, Namespace, URIRef
from rdflib.term import Node

from kg.errors import KGError
from kg.resources import data_dir
from kg.store.shacl_sparql import sparql_results, split_shapes
from kg.vocab import KG_NS

log = logging.getLogger(__name__)

__all__ = ["Violation", "ValidationReport", "validate_graph", "load_rdf_file", "shapes_path"]

SH = Namespace("http://www.w3.org/ns/shacl#")
_DATASET_SUFFIXES = {".trig": "trig", ".nq": "nquads", ".nquads": "nquads", ".jsonld": "json-ld",
                     ".json": "json-ld"}
_GRAPH_SUFFIXES = {".ttl": "turtle", ".nt": "nt", ".ntriples": "nt", ".rdf": "xml", ".xml": "xml",
                   ".owl": "xml", ".n3": "n3"}


def shapes_path() -> Path:
    return data_dir() / "shapes.ttl"


@dataclass(frozen=True, slots=True)
class Violation:
    severity: str  # Violation | Warning | Info
    focus: str
    path: str
    value: str
    message: str

    def line(self) -> str:
        where = f"{self.focus} {self.path}".strip()
        value = f" (value {self.value})" if self.value else ""
        return f"{self.severity}: {where}: {self.message}{value}"


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: tuple[Violation, ...]
    triples: int


def load_rdf_file(path: Path) -> Graph:
    """Parse an RDF file (format from the extension); datasets are flattened to their union.

    Nothing is fetched from the network: JSON-LD is read by pyoxigraph, which does not load
    remote contexts (rdflib would fetch them), and RDF/XML is checked for entity bombs and
    external entities first (:func:`kg.store.guard.check_rdf_file`)."""
    from kg.store.guard import check_rdf_file

    path = Path(path)
    if not path.is_file():
        raise KGError(f"no such RDF file: {path}; pass a file written by `kg build` (e.g. output/graph.ttl).")
    suffix = path.suffix.lower()
    fmt = _DATASET_SUFFIXES.get(suffix) or _GRAPH_SUFFIXES.get(suffix)
    if fmt is None:
        raise KGError(f"{path}: unknown RDF file extension {suffix!r}; use one of "
                      f"{', '.join(sorted(_GRAPH_SUFFIXES | _DATASET_SUFFIXES))}.")
    check_rdf_file(path)
    try:
        if fmt == "json-ld":
            return _load_jsonld(path)
        if suffix in _DATASET_SUFFIXES:
            ds = Dataset()
            ds.parse(path, format=fmt)
            union = Graph()
            for s, p, o, _ in ds.quads((None, None, None, None)):
                union.add((s, p, o))
            return union
        return Graph().parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "LoadDocumentCallback" in first:
            first = "it refers to a remote JSON-LD context, which kg validate does not fetch; embed the context"
        raise KGError(f"{path}: cannot parse as {fmt} ({first}); is it a file written by `kg build`?") from exc


def _load_jsonld(path: Path) -> Graph:
    """JSON-LD through pyoxigraph (never fetches a remote context), as an rdflib graph (the union)."""
    import pyoxigraph as ox

    from kg.export.formats import from_ox_term

    union = Graph()
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.JSON_LD):
        union.add((from_ox_term(quad.subject), from_ox_term(quad.predicate), from_ox_term(quad.object)))
    return union


def _short(term: Node | None, g: Graph) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        try:
            return g.namespace_manager.normalizeUri(term)
        except Exception:  # pragma: no cover - rdflib edge cases
            return f"<{term}>"
    return term.n3(g.namespace_manager)


ENGINES = ("auto", "split", "turbo", "pyshacl")


def _engine(engine: str):
    """The ``validate`` function of ``engine`` (see :func:`validate_graph`)."""
    if engine not in ENGINES:
        raise KGError(f"unknown SHACL engine {engine!r}; use one of {', '.join(ENGINES)}.")
    if engine != "pyshacl":
        try:
            from pyshacl_turbo import validate

            return validate
        except ImportError:
            if engine != "auto":
                raise KGError(f"the {engine} SHACL engine needs pyshacl-turbo; `pip install pyshacl-turbo`, or pass "
                              "--engine pyshacl.") from None
    from pyshacl import validate

    return validate


def validate_graph(data: Graph, *, shapes: Path | None = None, ontology: Path | None = None,
                   engine: str = "auto") -> ValidationReport:
    """Validate ``data``; violations are sorted, each with a one-line rendering.  ``engine``:

    ``split`` (what ``auto`` picks when pyshacl-turbo is installed)
        the SHACL-SPARQL constraints once over the whole graph in pyoxigraph
        (:mod:`kg.store.shacl_sparql`), everything else with pyshacl-turbo;
    ``turbo``
        pyshacl-turbo (a Rust engine behind pyshacl's API) for all of it;
    ``pyshacl``
        the reference (``auto`` without pyshacl-turbo).

    All three give the same lines on the newskg shapes (tests/store/test_validate.py)."""
    validate = _engine(engine)
    split = engine == "split" or (engine == "auto" and validate.__module__.startswith("pyshacl_turbo"))
    shapes_graph = Graph().parse(shapes or shapes_path(), format="turtle")
    ont = Graph().parse(ontology or data_dir() / "newskg.ttl", format="turtle")
    core, pairs = split_shapes(shapes_graph) if split else (shapes_graph, [])
    conforms, results, _ = validate(
        data, shacl_graph=core, ont_graph=ont, inference="none", advanced=False,
        allow_warnings=True, abort_on_first=False,
    )
    nm = Graph()
    for prefix, ns in data.namespaces():
        nm.bind(prefix, ns, override=False)
    nm.bind("kg", Namespace(KG_NS))
    rows = [(results.value(r, SH.resultSeverity), results.value(r, SH.focusNode), results.value(r, SH.resultPath),
             results.value(r, SH.value), results.value(r, SH.resultMessage))
            for r in results.subjects(RDF.type, SH.ValidationResult)]
    if pairs:
        rows += sparql_results(_ox_store(data, ont), shapes_graph, pairs)
    out = {Violation(severity=str(sev).rsplit("#", 1)[-1] if sev else "Violation", focus=_short(focus, nm),
                     path=_short(path, nm), value=_short(value, nm), message=str(message or "constraint not met"))
           for sev, focus, path, value, message in rows}
    violations = tuple(sorted(out, key=lambda v: (v.severity != "Violation", v.focus, v.path, v.message, v.value)))
    failed = any(v.severity == "Violation" for v in violations)
    log.info("SHACL: %d result(s) on %d triples", len(violations), len(data))
    return ValidationReport(conforms=bool(conforms) and not failed, violations=violations, triples=len(data))


def _ox_store(data: Graph, ont: Graph):
    """The data graph with the ontology mixed in (as pyshacl's ``ont_graph``), in pyoxigraph."""
    import pyoxigraph as ox

    store = ox.Store()
    for g in (data, ont):
        store.bulk_load(g.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store
