"""SHACL engines on the newskg shapes: do they agree with pyshacl (the reference), and how fast are they?

    python benchmarks/validation.py OUT/graph.ttl [--engines pyshacl,turbo,rudof]

For the graph given and for deliberately broken copies of it (one mutation per shape constraint
family, below), every engine validates the graph with ``ontologies/shapes.ttl`` and the ontology
mixed in, as ``kg validate`` does.  Printed per case and engine: seconds, conforms, the number of
results, and whether the set of results (severity, focus node, path, value, message) equals pyshacl's.

Engines: ``pyshacl`` (pure Python, the reference), ``split`` (``kg validate``'s default: SPARQL constraints
once over the whole graph, the rest by turbo), ``turbo`` (pyshacl-turbo from PyPI: a Rust
engine behind pyshacl's API), ``rudof`` (pyrudof from PyPI: the rudof Rust toolkit).
"""

from __future__ import annotations

import argparse
import sys
import time
from decimal import Decimal
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.resources import data_dir  # noqa: E402
from kg.store.validate import _short, load_rdf_file, validate_graph  # noqa: E402

KG = Namespace("https://w3id.org/newskg/ontology#")
OWL_SAME = URIRef("http://www.w3.org/2002/07/owl#sameAs")
DCT = Namespace("http://purl.org/dc/terms/")


def _first(g: Graph, cls) -> URIRef:
    return sorted(g.subjects(RDF.type, cls))[0]


def mutations(g: Graph):
    """(name, mutate) pairs: each breaks one kind of constraint."""
    person, country = _first(g, KG.Person), _first(g, KG.Country)
    st = sorted(g.subjects(KG.fromDocument, None))[0]
    doc = _first(g, KG.Document)

    def m(fn):
        def apply(x: Graph) -> Graph:
            fn(x)
            return x
        return apply

    return [
        ("domain (SPARQL)", m(lambda x: x.add((country, KG.worksFor, person)))),
        ("range (SPARQL)", m(lambda x: x.add((person, KG.worksFor, person)))),
        ("no label", m(lambda x: x.remove((person, RDFS.label, None)))),
        ("two labels", m(lambda x: x.add((person, RDFS.label, Literal("Someone Else"))))),
        ("empty altLabel", m(lambda x: x.add((person, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"),
                                               Literal(""))))),
        ("two classes (qualified)", m(lambda x: x.add((country, RDF.type, KG.Person)))),
        ("mentionCount not integer", m(lambda x: x.set((person, KG.mentionCount, Literal("3"))))),
        ("sameAs not Wikidata", m(lambda x: x.add((person, OWL_SAME, URIRef("http://example.org/x"))))),
        ("modality not in list", m(lambda x: x.set((st, KG.modality, Literal("maybe"))))),
        ("confidence > 1", m(lambda x: x.set((st, KG.confidence, Literal(Decimal("1.5")))))),
        ("statement without document", m(lambda x: x.remove((st, KG.fromDocument, None)))),
        ("statement about a document", m(lambda x: x.set((st, RDF.subject, doc)))),
        ("merged IRI without sameAs", m(lambda x: x.add((URIRef(str(person) + "-old"), KG.mergeRule,
                                                         Literal("same-key"))))),
        ("document without identifier", m(lambda x: x.remove((doc, DCT.identifier, None)))),
    ]


def rudof(data: Graph):
    """pyrudof over the data and the ontology (N-Triples), results as pyshacl-like lines."""
    import pyrudof

    from kg.store.validate import ValidationReport, Violation

    ont = Graph().parse(data_dir() / "newskg.ttl", format="turtle")
    r = pyrudof.Rudof(pyrudof.RudofConfig())
    r.read_data((data + ont).serialize(format="nt"), format=pyrudof.RDFFormat.NTriples)
    r.read_shacl(str(data_dir() / "shapes.ttl"), format=pyrudof.ShaclFormat.Turtle)
    report = r.validate_shacl()
    nm = Graph()
    nm.bind("kg", KG)

    def term(text) -> str:  # rudof writes IRIs bare and literals quoted: render them as kg validate does
        text = str(text or "")
        return text if not text or text.startswith('"') else _short(URIRef(text), nm)

    out = {Violation(str(v.severity).rsplit(".", 1)[-1], term(v.focus_node), term(v.path), term(v.value),
                     str(v.message or "").strip('"')) for v in report.violations}
    return ValidationReport(bool(report.conforms), tuple(sorted(out, key=str)), len(data))


def run(engine: str, g: Graph):
    t0 = time.perf_counter()
    try:
        report = rudof(g) if engine == "rudof" else validate_graph(g, engine=engine)
    except Exception as exc:  # noqa: BLE001 - an engine that fails is a finding
        return time.perf_counter() - t0, None, f"{type(exc).__name__}: {str(exc).splitlines()[0][:150]}"
    return time.perf_counter() - t0, report, ""


def key(report, messages: bool) -> set:
    return {(v.severity, v.focus, v.path, v.value) + ((v.message,) if messages else ()) for v in report.violations}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("graph", type=Path)
    ap.add_argument("--engines", default="pyshacl,turbo,split,rudof")
    ap.add_argument("--cases", type=int, default=99, help="how many broken copies (in order)")
    args = ap.parse_args()
    engines = args.engines.split(",")
    base = load_rdf_file(args.graph)
    cases = [("as built", lambda x: x)] + mutations(base)[: args.cases]
    print(f"{args.graph}: {len(base)} triples; engines {', '.join(engines)}")
    for name, mutate in cases:
        g = mutate(Graph() + base)
        ref = None
        cells = []
        for engine in engines:
            seconds, report, error = run(engine, g)
            if error:
                cells.append(f"{engine} {seconds:6.1f}s ERROR {error}")
                continue
            if engine == "pyshacl":
                ref = report
            agree = "" if ref is None or engine == "pyshacl" else (
                " same" if key(report, True) == key(ref, True) else " DIFFERENT")
            cells.append(f"{engine} {seconds:6.1f}s {'conforms' if report.conforms else 'fails'} "
                         f"{len(report.violations)}{agree}")
        print(f"{name:<28} | " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main()
