"""SPARQL over the store or an RDF file (pyoxigraph), with bound parameters and named queries.

* Prefixes ``kg: schema: skos: rdfs: rdf: owl: xsd: dcterms: prov: wd:`` (and ``ent:``, the
  base IRI) are predeclared.
* ``--bind name=value`` values become RDF terms: ``<iri>`` or a prefixed name with a predeclared
  prefix -> IRI; an integer or decimal -> ``xsd:integer`` / ``xsd:decimal``; ``"text"`` (quoted)
  or anything else -> a plain string literal; ``"text"@en`` -> a language-tagged literal.  A term
  fills the query's parameter blocks ``VALUES ?name { UNDEF }`` (written by pyoxigraph, escaped;
  the planner sees it: :mod:`kg.store.params`), else the engine *substitutes* it for ``?name``
  (SEP-0007 substitutions); it is never pasted into the query text.
* Named queries are the ``.rq`` files of ``ontologies/queries/``; their header comments
  (``# title:``, ``# description:``, ``# bind:``) are listed by ``kg query --list``.

Over a store, the query default graph is the store's view (:mod:`kg.store.view`): the set union
of the document graphs and the entity graph, each fact once, row for row as in ``graph.ttl``.
The document graphs and the entity graph are reachable with ``GRAPH`` (a fact asserted by two
documents is in both their graphs); the store's bookkeeping graphs are not.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import pyoxigraph as ox

from kg.errors import QueryError
from kg.export.rdf import DEFAULT_BASE
from kg.resources import data_dir
from kg.store.params import place_values, reaches_named_graphs
from kg.vocab import KG_NS

log = logging.getLogger(__name__)

__all__ = ["PREFIXES", "NamedQuery", "QueryResult", "QueryError", "parse_binding", "named_queries", "load_query",
           "run_query", "open_graph_file", "query_store", "query_file", "prefixes_for"]

PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "wd": "http://www.wikidata.org/entity/",
}
_XSD = PREFIXES["xsd"]
_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_PNAME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):(\S*)$")
_INT_RE = re.compile(r"^[+-]?[0-9]+$")
_DEC_RE = re.compile(r"^[+-]?[0-9]*\.[0-9]+$")
_LANG_RE = re.compile(r'^"(.*)"@([A-Za-z]+(?:-[A-Za-z0-9]+)*)$', re.S)


def prefixes_for(base: str | None) -> dict[str, str]:
    return {**PREFIXES, "ent": base or DEFAULT_BASE}


# -- parameters ----------------------------------------------------------------------------------
def parse_binding(text: str, *, prefixes: dict[str, str] | None = None) -> tuple[str, ox.NamedNode | ox.Literal]:
    """``name=value`` -> (variable name, RDF term); see the module docstring for the rules."""
    prefixes = prefixes or prefixes_for(None)
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not _NAME_RE.match(name):
        raise QueryError(f"--bind {text!r} is not NAME=VALUE (e.g. --bind name=Ruritania or --bind who=<https://...>).")
    if value.startswith("<") and value.endswith(">") and len(value) > 2:
        try:
            return name, ox.NamedNode(value[1:-1])
        except ValueError as exc:
            raise QueryError(f"--bind {name}: {value} is not a valid IRI ({exc}).") from exc
    m = _PNAME_RE.match(value)
    if m and m.group(1) in prefixes:
        try:
            return name, ox.NamedNode(prefixes[m.group(1)] + m.group(2))
        except ValueError as exc:
            raise QueryError(f"--bind {name}: {value} does not make a valid IRI ({exc}); remove the offending "
                             f"character or quote the value to bind it as text (--bind '{name}=\"...\"').") from exc
    if _INT_RE.match(value):
        return name, ox.Literal(value, datatype=ox.NamedNode(_XSD + "integer"))
    if _DEC_RE.match(value):
        return name, ox.Literal(value, datatype=ox.NamedNode(_XSD + "decimal"))
    m = _LANG_RE.match(value)
    if m:
        return name, ox.Literal(m.group(1), language=m.group(2).lower())
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1]
    return name, ox.Literal(value)


# -- named queries -------------------------------------------------------------------------------
@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    binds: tuple[str, ...]  # variables the query needs bound (``# bind: a b``)
    text: str
    path: Path
    optional: tuple[str, ...] = ()  # variables it may take (``# bind: a b?``)


def _header(text: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        key, sep, value = line.lstrip("# ").partition(":")
        if sep and key.strip().lower() in ("title", "description", "bind", "example"):
            k = key.strip().lower()
            fields[k] = (fields[k] + " " if k in fields else "") + value.strip()
    return fields


def queries_dir() -> Path:
    return data_dir() / "queries"


def named_queries() -> dict[str, NamedQuery]:
    """The shipped competency queries, by name (file stem)."""
    out: dict[str, NamedQuery] = {}
    for path in sorted(queries_dir().glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        h = _header(text)
        words = [b.strip().lstrip("?") for b in h.get("bind", "").replace(",", " ").split() if b.strip()]
        binds = tuple(b for b in words if not b.endswith("?"))
        optional = tuple(b.rstrip("?") for b in words if b.endswith("?"))
        out[path.stem] = NamedQuery(path.stem, h.get("title", path.stem), h.get("description", ""), binds, text, path,
                                    optional)
    return out


def load_query(query: str | None, *, named: str | None = None) -> str:
    """The query text from an argument, ``@file.rq`` or a named query."""
    if named:
        queries = named_queries()
        if named not in queries:
            raise QueryError(f"no named query {named!r}; available: {', '.join(queries) or 'none'} (see `kg query --list`).")
        if query:
            raise QueryError("pass either a query or --named, not both.")
        return queries[named].text
    if not query:
        raise QueryError('no query given; pass "SELECT ...", @file.rq or --named NAME (see `kg query --list`).')
    if query.startswith("@"):
        path = Path(query[1:])
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise QueryError(f"cannot read query file {path}: {exc.strerror or exc}.") from exc
    return query


# -- running -------------------------------------------------------------------------------------
@dataclass
class QueryResult:
    """A finished query: ``kind`` is select, ask or graph (CONSTRUCT/DESCRIBE)."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[list[object]] = field(default_factory=list)  # pyoxigraph terms or None
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)


def _check_binds(text: str, bindings: dict[str, object]) -> None:
    for name in bindings:
        if not re.search(rf"[?$]{re.escape(name)}\b", text):
            raise QueryError(f"--bind {name}=...: the query has no ?{name} variable.")


def run_query(
    store: ox.Store,
    text: str,
    *,
    bindings: Sequence[str] = (),
    base: str | None = None,
    default_graph: list | None = None,
    named_graphs: list | None = None,
    union: bool = False,
    timeout: float | None = None,
    allow_service: bool = False,
    source: str | None = None,
) -> QueryResult:
    """Run ``text`` on ``store``; ``bindings`` are ``name=value`` strings; ``source`` (the store
    folder) is named when the store turns out to be damaged.

    The query is checked first (:func:`kg.store.guard.check_query`: nesting, length, and no
    ``SERVICE`` unless ``allow_service``), then run for at most ``timeout`` seconds (None: no
    limit) by :func:`kg.store.guard.run_bounded`."""
    from kg.store.guard import check_query, run_bounded

    check_query(text, allow_service=allow_service)
    prefixes = prefixes_for(base)
    subs = dict(parse_binding(b, prefixes=prefixes) for b in bindings)
    _check_binds(text, subs)
    text, subs = place_values(text, subs)
    kwargs: dict = {"prefixes": prefixes, "substitutions": {ox.Variable(k): v for k, v in subs.items()} or None}
    if default_graph is not None:
        kwargs["default_graph"] = default_graph or [ox.NamedNode("urn:newskg:empty")]
        kwargs["named_graphs"] = default_graph or [ox.NamedNode("urn:newskg:empty")]
    elif union:
        kwargs["use_default_graph_as_union"] = True
    if named_graphs is not None:
        kwargs["named_graphs"] = named_graphs or [ox.NamedNode("urn:newskg:empty")]
    try:
        return run_bounded(lambda: _evaluate(store, text, kwargs), timeout=timeout)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {str(exc).splitlines()[0]}; check the query text.") from exc
    except RuntimeError as exc:
        if "projection" in str(exc) and subs:
            raise QueryError(f"--bind: {str(exc).splitlines()[0]}; list every bound variable in the SELECT "
                             f"clause (e.g. SELECT ?{next(iter(subs))} ...) so the engine can substitute it.") from exc
        _raise_if_damaged(exc, source)
        raise QueryError(f"query failed: {str(exc).splitlines()[0]}.") from exc
    except (OSError, ValueError, TypeError) as exc:
        _raise_if_damaged(exc, source)
        raise QueryError(f"query failed: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}.") from exc


def _evaluate(store: ox.Store, text: str, kwargs: dict) -> QueryResult:
    """Run and read the whole answer (the engine works while the answer is read)."""
    result = store.query(text, **kwargs)
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows = [[sol[v] for v in variables] for sol in result]
        return QueryResult("select", variables=variables, rows=rows)
    return QueryResult("graph", triples=list(result))


def _raise_if_damaged(exc: Exception, source: str | None) -> None:
    """A store whose files are damaged fails only when the damaged part is read: say so."""
    from kg.store.embedded import damaged_store_error

    if source is None:
        return
    error = damaged_store_error(exc, source)
    if error is not None:
        raise error from exc


_FILE_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".trig": ox.RdfFormat.TRIG,
                 ".nq": ox.RdfFormat.N_QUADS, ".jsonld": ox.RdfFormat.JSON_LD, ".json": ox.RdfFormat.JSON_LD,
                 ".rdf": ox.RdfFormat.RDF_XML, ".xml": ox.RdfFormat.RDF_XML}


def open_graph_file(path: Path) -> ox.Store:
    """An in-memory store holding an RDF file (format from the extension).

    The file is checked first (:func:`kg.store.guard.check_rdf_file`: no XML entity bomb); the
    load runs on a waiting thread so that Ctrl-C stops it."""
    from kg.store.guard import check_rdf_file, run_bounded

    path = Path(path)
    fmt = _FILE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise QueryError(f"{path}: unknown RDF extension {path.suffix!r}; use one of {', '.join(_FILE_FORMATS)}.")
    if not path.is_file():
        raise QueryError(f"no such RDF file: {path}; pass a file written by `kg build` (e.g. output/graph.ttl).")
    check_rdf_file(path)
    store = ox.Store()
    try:
        run_bounded(lambda: store.load(path=str(path), format=fmt), what=f"loading {path}")
    except (SyntaxError, ValueError, OSError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "LoadDocumentCallback" in first:
            first = "it refers to a remote JSON-LD context, which is never fetched; embed the context in the file"
        raise QueryError(f"{path}: cannot parse ({first}).") from exc
    return store


def query_file(path: Path, text: str, *, bindings: Sequence[str] = (), timeout: float | None = None,
               allow_service: bool = False) -> QueryResult:
    """Query an RDF file (datasets are queried as the union of their graphs); see :func:`run_query`."""
    store = open_graph_file(path)
    base = _guess_base(store)
    return run_query(store, text, bindings=bindings, base=base, union=True, timeout=timeout,
                     allow_service=allow_service)


def query_store(path: Path, text: str, *, bindings: Sequence[str] = (), timeout: float | None = None,
                allow_service: bool = False) -> QueryResult:
    """Query the on-disk store: the default graph is its view of the facts (:mod:`kg.store.view`), the
    named graphs its public graphs (see :mod:`kg.store.embedded`); see :func:`run_query`."""
    from kg.store.embedded import open_store, public_graphs, store_base

    store = open_store(path, read_only=True)
    # Listing the public graphs costs ~1.5 s at 100,000 documents and handing them to the engine
    # ~0.5 s more: only a query that can reach named graphs or name its dataset (GRAPH, FROM,
    # FROM NAMED) gets the list; any other reads the default graph, the view, alone.
    named = public_graphs(store) if reaches_named_graphs(text) else None
    return run_query(store, text, bindings=bindings, base=store_base(store), named_graphs=named,
                     timeout=timeout, allow_service=allow_service, source=str(path))


def _guess_base(store: ox.Store) -> str | None:
    doc = ox.NamedNode(KG_NS + "Document")
    rdf_type = ox.NamedNode(PREFIXES["rdf"] + "type")
    for q in store.quads_for_pattern(None, rdf_type, doc, None):
        iri = q.subject.value
        if "/doc/" in iri:
            return iri[: iri.rindex("/doc/") + 1]
    return None


# -- rendering -----------------------------------------------------------------------------------
def term_text(term, prefixes: dict[str, str] | None = None) -> str:
    """A compact human form of a term (prefixed IRI or the literal's value)."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for p, ns in sorted((prefixes or {}).items(), key=lambda kv: -len(kv[1])):
            if term.value.startswith(ns) and p != "ent":
                return f"{p}:{term.value[len(ns):]}"
        return term.value
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def serialize_result(result: QueryResult, fmt: str, *, prefixes: dict[str, str] | None = None) -> bytes:
    """CSV/TSV/JSON (SPARQL results formats) for SELECT/ASK; Turtle/N-Triples/JSON-LD for graphs."""
    if result.kind == "graph":
        from kg.export.formats import serialize_ox_quads

        quads = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in result.triples]
        rdf_fmt = {"json": "jsonld", "csv": "ntriples", "tsv": "ntriples"}.get(fmt, "turtle")
        return serialize_ox_quads(quads, rdf_fmt, base=(prefixes or {}).get("ent", DEFAULT_BASE))
    fmt_enum = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                "json": ox.QueryResultsFormat.JSON}.get(fmt)
    if fmt_enum is None:
        raise QueryError(f"unknown result format {fmt!r}; use table, csv, tsv or json.")
    if result.kind == "ask":
        if fmt == "json":
            return (('{"head":{},"boolean":%s}' % ("true" if result.boolean else "false")) + "\n").encode()
        return b"true\n" if result.boolean else b"false\n"
    if fmt == "json":
        return _json_results(result)
    return _csv_results(result, sep="," if fmt == "csv" else "\t")


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != _XSD + "string":
        out["datatype"] = term.datatype.value
    return out


def _json_results(result: QueryResult) -> bytes:
    bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows]
    doc = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _csv_results(result: QueryResult, *, sep: str) -> bytes:
    """SPARQL 1.1 CSV (plain values) or TSV (terms in Turtle/N-Triples syntax, ?var header)."""
    buf = io.StringIO()
    if sep == ",":
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow(["" if t is None else (f"_:{t.value}" if isinstance(t, ox.BlankNode) else t.value)
                             for t in row])
    else:
        buf.write("\t".join(f"?{v}" for v in result.variables) + "\n")
        for row in result.rows:
            buf.write("\t".join("" if t is None else str(t) for t in row) + "\n")
    return buf.getvalue().encode("utf-8")


def rows_as_text(result: QueryResult, prefixes: dict[str, str] | None = None) -> Iterable[list[str]]:
    for row in result.rows:
        yield [term_text(t, prefixes) for t in row]
