"""SHACL-SPARQL constraints (``sh:sparql``) evaluated once over the whole graph, not once per focus node.

A SHACL engine runs a SPARQL-based constraint's ``sh:select`` once per focus node, with ``$this``
pre-bound; on the newskg shapes (the rdfs:domain / rdfs:range checks of every relation) that is
~90% of the validation time (docs/validation.md).  In SPARQL ``$this`` and ``?this`` are the same
variable, so the same query text run *unbound* over the data graph returns the rows of every
node at once; the rows whose ``?this`` is a focus node of the shape are the results, with the
constraint's ``sh:message`` filled in as pyshacl fills it (``{?var}`` / ``{$var}`` -> the value).
Used by ``kg validate``'s default engine (:func:`kg.store.validate.validate_graph`); tests check
that the lines equal pyshacl's on correct and broken graphs.

Covered: node shapes with ``sh:targetClass`` (instances of the class or of a subclass),
``sh:targetSubjectsOf``, ``sh:targetObjectsOf``, ``sh:targetNode``; ``sh:select`` with
``sh:prefixes``/``sh:declare``; ``sh:deactivated``; ``kgsh:wholeGraphSelect``, a constraint's own
set-at-a-time form of its query for this run (the range check as one subtraction instead of a
``NOT EXISTS`` per triple: docs/validation.md).  :func:`split_shapes` leaves anything else
(``sh:sparql`` on property shapes, ``$PATH``, ``$shapesGraph``, ``$currentShape``, ASK validators)
to the SHACL engine.
"""

from __future__ import annotations

import re
from typing import Iterable

import pyoxigraph as ox
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef

from kg.export.formats import from_ox_term

__all__ = ["split_shapes", "sparql_results"]

SH = Namespace("http://www.w3.org/ns/shacl#")
KGSH = Namespace("https://w3id.org/newskg/shapes#")
_TRUE = Literal(True)
_UNSUPPORTED = ("$PATH", "$shapesGraph", "$currentShape", "$value")


def split_shapes(shapes: Graph) -> tuple[Graph, list[tuple[URIRef | BNode, URIRef | BNode]]]:
    """The shapes without the ``sh:sparql`` constraints this module evaluates, and those
    (shape, constraint) pairs."""
    core = Graph()
    core += shapes
    pairs = []
    for shape, constraint in shapes.subject_objects(SH.sparql):
        select = shapes.value(constraint, SH.select)
        if (shape, SH.path, None) in shapes or select is None or any(v in str(select) for v in _UNSUPPORTED):
            continue
        pairs.append((shape, constraint))
        core.remove((shape, SH.sparql, constraint))
    return core, pairs


def _prefixes(shapes: Graph, constraint) -> dict[str, str]:
    out = {}
    for holder in shapes.objects(constraint, SH.prefixes):
        for decl in shapes.objects(holder, SH.declare):
            out[str(shapes.value(decl, SH.prefix))] = str(shapes.value(decl, SH.namespace))
    return out


def _focus(store: ox.Store, shapes: Graph, shape) -> set:
    """The focus nodes of a node shape in the data graph (pyoxigraph terms)."""
    out: set = set()
    sub_class = f"<{RDF.type}>/<{RDFS.subClassOf}>*"
    for cls in shapes.objects(shape, SH.targetClass):
        out |= {r["x"] for r in store.query(f"SELECT DISTINCT ?x ?c WHERE {{ ?x {sub_class} ?c }}",
                                            substitutions={ox.Variable("c"): ox.NamedNode(str(cls))})}
    for p in shapes.objects(shape, SH.targetSubjectsOf):
        out |= {q.subject for q in store.quads_for_pattern(None, ox.NamedNode(str(p)), None)}
    for p in shapes.objects(shape, SH.targetObjectsOf):
        out |= {q.object for q in store.quads_for_pattern(None, ox.NamedNode(str(p)), None)}
    for node in shapes.objects(shape, SH.targetNode):
        out.add(ox.NamedNode(str(node)) if isinstance(node, URIRef) else ox.Literal(str(node)))
    return out


def _fill(template: str, row: dict) -> str:
    for var, val in row.items():
        template = re.sub("{{[?$]{}}}".format(var), str(val), template)
    return template


def sparql_results(data: ox.Store, shapes: Graph, pairs: Iterable[tuple]) -> list[tuple]:
    """(severity IRI, focus, path, value, message) per result, as rdflib terms."""
    out = []
    for shape, constraint in pairs:
        if _TRUE in set(shapes.objects(constraint, SH.deactivated)) | set(shapes.objects(shape, SH.deactivated)):
            continue
        focus = _focus(data, shapes, shape)
        severity = shapes.value(shape, SH.severity) or SH.Violation
        messages = [str(m) for m in shapes.objects(constraint, SH.message)] or \
            [str(m) for m in shapes.objects(shape, SH.message)]
        # a constraint may give a set-at-a-time form of its query for this whole-graph run
        # (kgsh:wholeGraphSelect, same rows; tests compare the lines with pyshacl's)
        select = shapes.value(constraint, KGSH.wholeGraphSelect) or shapes.value(constraint, SH.select)
        solutions = data.query(str(select), prefixes=_prefixes(shapes, constraint))
        names = [v.value for v in solutions.variables]
        for sol in solutions:
            this = sol["this"]
            if this not in focus:
                continue
            row = {n: from_ox_term(sol[n]) for n in names if sol[n] is not None}
            path, value = row.get("path"), row.get("value", from_ox_term(this))
            for message in messages or [None]:
                out.append((severity, row["this"], path, value, _fill(message, row) if message else None))
    return out
