"""Build throughput and scale: raw spaCy vs the whole ``kg build`` path, memory, linear growth,
and the cost of exporting a large graph (rdflib vs pyoxigraph).

    # raw spaCy vs full build on the BBC corpus (2,225 articles), 2 workers, then 1x/2x/4x
    python benchmarks/throughput.py build --workers 2 --batch-size 32 --scales 1,2,4

    # a quicker run: 500 articles, scales made by repeating them with new ids
    python benchmarks/throughput.py build --limit 500 --scales 1,2,4

    # serialising ~1M triples: rdflib Turtle vs pyoxigraph Turtle (same graph?)
    python benchmarks/throughput.py export --triples 1000000

``build`` measures, in one process with the same pipeline, batch size and workers:
(a) raw spaCy: ``nlp.pipe`` over the texts and nothing else; (b) the full path of ``kg build``:
ingest -> parse/extract/merge -> Turtle -> GraphML -> HTML (if :mod:`kg.export.viz` has
``render_html``) -> store (if :mod:`kg.store.embedded` has ``update_store``).  It prints words/s, their
ratio, the time of every stage, and the peak memory of the process tree (RSS and PSS, sampled,
with psutil if installed; else ``getrusage`` maxima).  Results go to stdout; ``--json`` writes
them to a file too.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "bbc_fulltext.jsonl"
GIB = 1024 ** 3
MIB = 1024 ** 2


# -- memory ---------------------------------------------------------------------------------------
class MemorySampler:
    """Samples RSS and PSS of this process and all its descendants in a background thread."""

    def __init__(self, interval: float = 0.25) -> None:
        self.interval = interval
        self.peak_rss = 0
        self.peak_pss = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        try:
            import psutil
        except ImportError:
            self.psutil = None
        else:
            self.psutil = psutil

    def sample(self) -> None:
        if self.psutil is None:
            return
        me = self.psutil.Process()
        rss = pss = 0
        for p in [me, *me.children(recursive=True)]:
            try:
                rss += p.memory_info().rss
                pss += getattr(p.memory_full_info(), "pss", 0)
            except (self.psutil.NoSuchProcess, self.psutil.AccessDenied):
                continue
        self.peak_rss = max(self.peak_rss, rss)
        self.peak_pss = max(self.peak_pss, pss)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> "MemorySampler":
        self.sample()
        if self.psutil is not None:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.sample()


def rusage_peaks() -> tuple[float, float]:
    """ru_maxrss of this process and of the largest waited-for child, in bytes (Linux: KiB)."""
    scale = 1 if sys.platform == "darwin" else 1024
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale)


@contextmanager
def stage(times: dict[str, float], name: str):
    t0 = time.perf_counter()
    yield
    times[name] = time.perf_counter() - t0


# -- corpus ---------------------------------------------------------------------------------------
def write_corpus(src: Path, dest: Path, *, limit: int | None, repeat: int,
                 skip: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Write ``repeat`` copies of the first ``limit`` articles of ``src`` (new ids per copy, ids in
    ``skip`` left out) to ``dest``; return (documents, words)."""
    rows = []
    with src.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                if row.get("id") not in skip:
                    rows.append(row)
            if limit is not None and len(rows) >= limit:
                break
    docs = words = 0
    with dest.open("w", encoding="utf-8") as out:
        for k in range(repeat):
            for row in rows:
                copy = dict(row, id=f"{row['id']}" if k == 0 else f"{row['id']}#r{k}")
                out.write(json.dumps(copy, ensure_ascii=False) + "\n")
                docs += 1
                words += len(row["text"].split())
    return docs, words


def iter_texts(path: Path):
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)["text"]


# -- the two measurements -------------------------------------------------------------------------
def raw_spacy(nlp, corpus: Path, *, batch_size: int, workers: int) -> dict:
    gc.collect()
    with MemorySampler() as mem:
        t0 = time.perf_counter()
        n = 0
        for _ in nlp.pipe(iter_texts(corpus), batch_size=batch_size, n_process=workers):
            n += 1
        seconds = time.perf_counter() - t0
    return {"docs": n, "seconds": seconds, "peak_rss": mem.peak_rss, "peak_pss": mem.peak_pss}


def full_build(nlp, res, corpus: Path, out: Path, *, batch_size: int, workers: int, base: str,
               with_store: bool = True, with_html: bool = True) -> dict:
    """What ``kg build`` runs: the streaming build, then ``kg.store.outputs.write_outputs`` (the same function
    the CLI calls: store, Turtle from the store, GraphML, HTML), each step timed."""
    from kg.builder import build
    from kg.ingest.read import iter_documents
    from kg.store.outputs import write_outputs

    times: dict[str, float] = {}
    doc_entities: dict = {}

    def on_document(result) -> None:  # as the CLI does: exact per-document mention counts
        if result.error is None:
            doc_entities[result.document.id] = result.entities

    gc.collect()
    with MemorySampler() as mem:
        t0 = time.perf_counter()
        with stage(times, "ingest+parse+extract+merge"):
            graph = build(iter_documents([corpus]), nlp=nlp, resources=res, batch_size=batch_size,
                          n_process=workers, on_document=on_document)
        steps: dict[str, float] = {}
        with stage(times, "outputs (write_outputs)"):
            write_outputs(graph, out, base=base, resources=res, doc_entities=doc_entities, store=with_store,
                          html=with_html, timings=steps)
        times.update({f"  {k}": v for k, v in steps.items()})
        seconds = time.perf_counter() - t0
    ttl = (out / "graph.ttl").read_bytes()
    return {"docs": len(graph.documents), "seconds": seconds, "stages": times, "stats": graph.stats(),
            "triples": len(rdflib_graph_of(ttl)), "peak_rss": mem.peak_rss, "peak_pss": mem.peak_pss, "notes": []}


def rdflib_graph_of(ttl: bytes):
    """Triple count of the written Turtle (parsed with pyoxigraph, outside the timed stages)."""
    import pyoxigraph

    return list(pyoxigraph.parse(ttl, format=pyoxigraph.RdfFormat.TURTLE))


def load_avg() -> str:
    try:
        return "/".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def cmd_build(args: argparse.Namespace) -> int:
    from kg.nlp.model import load_pipeline
    from kg.resources import load_resources

    if not args.data.is_file():
        print(f"corpus not found: {args.data}; pass --data PATH (a JSONL file with 'id' and 'text').")
        return 2
    nlp = load_pipeline(args.model)
    res = load_resources()
    scales = sorted({int(s) for s in args.scales.split(",") if s.strip()} | {1})
    report: dict = {"model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}",
                    "workers": args.workers, "batch_size": args.batch_size, "cpus": os.cpu_count(),
                    "blas_threads": os.environ.get("OPENBLAS_NUM_THREADS", "default"), "runs": []}
    print(f"pipeline {report['model']} ({', '.join(nlp.pipe_names)}); workers={args.workers} "
          f"batch={args.batch_size}; cpus={os.cpu_count()}; OPENBLAS_NUM_THREADS={report['blas_threads']}")
    with tempfile.TemporaryDirectory(prefix="newskg-bench-") as tmp:
        tmpdir = Path(tmp)
        base_corpus = tmpdir / "x1.jsonl"
        skip = frozenset(x.strip() for x in (args.skip or "").split(",") if x.strip())
        docs, words = write_corpus(args.data, base_corpus, limit=args.limit, repeat=1, skip=skip)
        print(f"corpus 1x: {docs} documents, {words:,} words ({args.data.name}, limit={args.limit}"
              + (f", {len(skip)} ids skipped: {','.join(sorted(skip))}" if skip else "") + ")")

        # (a) and (b) on the 1x corpus, same pipeline, batch size and workers
        la = load_avg()
        raw = raw_spacy(nlp, base_corpus, batch_size=args.batch_size, workers=args.workers)
        out = tmpdir / "out1"
        out.mkdir()
        lb = load_avg()
        full = full_build(nlp, res, base_corpus, out, batch_size=args.batch_size, workers=args.workers,
                          base=args.base, with_store=not args.no_store, with_html=not args.no_html)
        raw_wps, full_wps = words / raw["seconds"], words / full["seconds"]
        print(f"\n(a) raw spaCy   : {raw['seconds']:8.1f} s  {raw_wps:9,.0f} words/s  "
              f"peak RSS {raw['peak_rss'] / MIB:,.0f} MiB, PSS {raw['peak_pss'] / MIB:,.0f} MiB  (load {la})")
        print(f"(b) full build  : {full['seconds']:8.1f} s  {full_wps:9,.0f} words/s  "
              f"peak RSS {full['peak_rss'] / MIB:,.0f} MiB, PSS {full['peak_pss'] / MIB:,.0f} MiB  (load {lb})")
        print(f"    ratio full/raw = {full_wps / raw_wps:.3f}   (target >= 0.9, issue 22)")
        for name, sec in full["stages"].items():
            print(f"      {name:28s} {sec:8.2f} s  {sec / full['seconds']:6.1%}")
        print(f"    graph: {full['stats']}, {full['triples']:,} triples")
        for note in full["notes"]:
            print(f"    note: {note}")
        report["raw"], report["full"] = raw, full
        report["ratio"] = full_wps / raw_wps
        report["words"], report["docs"], report["skipped"] = words, docs, sorted(skip)

        # linear growth: the full path on 1x, 2x, 4x (documents repeated with new ids)
        series = [{"scale": 1, "docs": docs, "words": words, "seconds": full["seconds"],
                   "build_seconds": full["stages"]["ingest+parse+extract+merge"],
                   "peak_pss": full["peak_pss"], "peak_rss": full["peak_rss"], "stats": full["stats"]}]
        for k in scales:
            if k == 1:
                continue
            corpus = tmpdir / f"x{k}.jsonl"
            kd, kw = write_corpus(args.data, corpus, limit=args.limit, repeat=k, skip=skip)
            out = tmpdir / f"out{k}"
            out.mkdir()
            run = full_build(nlp, res, corpus, out, batch_size=args.batch_size, workers=args.workers,
                             base=args.base, with_store=not args.no_store, with_html=not args.no_html)
            series.append({"scale": k, "docs": kd, "words": kw, "seconds": run["seconds"],
                           "build_seconds": run["stages"]["ingest+parse+extract+merge"],
                           "stages": run["stages"], "peak_pss": run["peak_pss"], "peak_rss": run["peak_rss"],
                           "stats": run["stats"], "load": load_avg()})
            corpus.unlink()
        print("\n scale   docs      words   full s  build s  s/1x   words/s   peak PSS  peak RSS  entities  facts")
        for row in series:
            print(f" {row['scale']:>4}x {row['docs']:>6} {row['words']:>10,} {row['seconds']:8.1f} "
                  f"{row['build_seconds']:8.1f} {row['seconds'] / series[0]['seconds']:5.2f} "
                  f"{row['words'] / row['seconds']:9,.0f} {row['peak_pss'] / MIB:7,.0f}M {row['peak_rss'] / MIB:7,.0f}M "
                  f"{row['stats']['entities']:>8} {row['stats']['relations']:>6}")
        report["series"] = series
    self_max, child_max = rusage_peaks()
    print(f"\nrusage maxima: this process {self_max / MIB:,.0f} MiB, largest child {child_max / MIB:,.0f} MiB; "
          f"peak PSS of the process tree {max(r['peak_pss'] for r in series + [raw]) / GIB:.2f} GiB (target < 1.5 GiB)")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
    return 0


# -- export ---------------------------------------------------------------------------------------
def synthetic(triples: int):
    """A synthetic KnowledgeGraph whose RDF has about ``triples`` triples."""
    from viz_sample import synthetic_graph

    nodes = max(50, triples // 50)
    edges = max(50, int((triples - nodes * 6.2) / 12))
    return synthetic_graph(nodes=nodes, edges=edges, docs=max(10, nodes // 10))


def to_ox_triples(g):
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    cache: dict = {}

    def term(t):
        got = cache.get(t)
        if got is not None:
            return got
        if isinstance(t, URIRef):
            got = ox.NamedNode(str(t))
        elif isinstance(t, BNode):
            got = ox.BlankNode(str(t))
        elif isinstance(t, Literal):
            if t.language:
                got = ox.Literal(str(t), language=t.language)
            elif t.datatype is not None:
                got = ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
            else:
                got = ox.Literal(str(t))
        else:
            raise TypeError(f"unexpected term {t!r}")
        if not isinstance(t, Literal):
            cache[t] = got
        return got

    return [ox.Triple(term(s), term(p), term(o)) for s, p, o in g]


def export_once(triples: int, base: str, check_isomorphic: bool) -> dict:
    import pyoxigraph as ox
    from rdflib import Graph
    from rdflib.compare import isomorphic

    from kg.export.rdf import to_rdf
    from kg.resources import load_resources

    res = load_resources()
    t: dict[str, float] = {}
    with stage(t, "synthetic KnowledgeGraph"):
        kg = synthetic(triples)
    with stage(t, "to_rdf (rdflib Graph)"):
        g = to_rdf(kg, base=base, resources=res)
    n = len(g)
    with stage(t, "rdflib Turtle serialize"):
        rdflib_ttl = g.serialize(format="turtle", encoding="utf-8")
    with stage(t, "rdflib -> pyoxigraph terms"):
        ox_triples = to_ox_triples(g)
    prefixes = {p: str(ns) for p, ns in g.namespaces() if p in ("kg", "schema", "skos", "dcterms", "owl", "rdf", "rdfs", "xsd", "wd", "prov")}
    with stage(t, "pyoxigraph Turtle serialize"):
        ox_ttl = ox.serialize(ox_triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    try:
        from kg.export.formats import serialize as kg_serialize
    except ImportError:
        kg_serialize = None
    if kg_serialize is not None:
        try:
            with stage(t, "kg.export.formats.serialize(turtle, oxigraph)"):
                kg_serialize(kg, "turtle", base=base, resources=res, engine="oxigraph")
        except Exception as exc:  # a module in progress: report, do not fail the benchmark
            t.pop("kg.export.formats.serialize(turtle, oxigraph)", None)
            print(f"    note: kg.export.formats.serialize failed: {exc!r}")
    with stage(t, "check: parse both with pyoxigraph"):
        from_rdflib = set(ox.parse(rdflib_ttl, format=ox.RdfFormat.TURTLE))
        from_ox = set(ox.parse(ox_ttl, format=ox.RdfFormat.TURTLE))
    result = {"triples": n, "times": t, "bytes_rdflib": len(rdflib_ttl), "bytes_ox": len(ox_ttl),
              "count_rdflib_parsed": len(from_rdflib), "count_ox_parsed": len(from_ox),
              "same_triple_set": from_rdflib == from_ox}
    if check_isomorphic:
        with stage(t, "check: rdflib isomorphic"):
            back = Graph().parse(data=ox_ttl, format="turtle")
            result["isomorphic"] = isomorphic(back, g) and isomorphic(Graph().parse(data=rdflib_ttl, format="turtle"), g)
    return result


def cmd_export(args: argparse.Namespace) -> int:
    for target, iso in ((args.sample, True), (args.triples, False)):
        gc.collect()
        with MemorySampler() as mem:
            r = export_once(target, args.base, iso)
        print(f"\n~{target:,} triples requested: {r['triples']:,} triples; Turtle rdflib {r['bytes_rdflib'] / MIB:.1f} MiB, "
              f"pyoxigraph {r['bytes_ox'] / MIB:.1f} MiB; peak RSS {mem.peak_rss / MIB:,.0f} MiB")
        for name, sec in r["times"].items():
            print(f"  {name:42s} {sec:8.2f} s")
        print(f"  parsed back: rdflib output {r['count_rdflib_parsed']:,} triples, pyoxigraph output "
              f"{r['count_ox_parsed']:,}; same triple set: {r['same_triple_set']}"
              + (f"; rdflib isomorphic: {r['isomorphic']}" if "isomorphic" in r else ""))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="raw spaCy vs full kg build; memory; 1x/2x/4x growth")
    b.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSONL corpus (default: the BBC corpus)")
    b.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    b.add_argument("--scales", default="1,2,4", help="corpus sizes to time, as repeats of the 1x corpus")
    b.add_argument("--repeat", type=int, default=None, help="shorthand for --scales 1,REPEAT")
    b.add_argument("--skip", default="", help="comma-separated document ids to leave out of the corpus")
    b.add_argument("--workers", type=int, default=2)
    b.add_argument("--batch-size", type=int, default=32)
    b.add_argument("--model", default=None)
    b.add_argument("--base", default="https://example.org/newskg/")
    b.add_argument("--no-store", action="store_true", help="skip the pyoxigraph store stage")
    b.add_argument("--no-html", action="store_true", help="skip the HTML stage")
    b.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    e = sub.add_parser("export", help="serialise ~1M triples with rdflib and pyoxigraph")
    e.add_argument("--triples", type=int, default=1_000_000)
    e.add_argument("--sample", type=int, default=20_000, help="size of the graph checked for isomorphism")
    e.add_argument("--base", default="https://example.org/newskg/")
    args = parser.parse_args()
    if args.command == "build":
        if args.repeat:
            args.scales = f"1,{args.repeat}"
        return cmd_build(args)
    return cmd_export(args)


if __name__ == "__main__":
    sys.exit(main())
