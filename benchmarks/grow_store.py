"""Grow a store without NLP: replicas of its own extraction records, written as `kg build` writes.

    python benchmarks/grow_store.py OUT REP      # OUT holds OUT/store; REP >= 1

Every stored record (ids without ``~r`` and not AllSides ones) is copied with the id ``<id>~r<REP>``
and the whole set goes through :func:`kg.builder.merge_results` and
:func:`kg.store.outputs.write_outputs` (the store update, graph.ttl, GraphML and the page), as a
``kg build`` of the same texts would after parsing them: the benchmark store of ``scale.py`` is made
of such replicas, whose parsing is the same each time.  Prints the documents written and the seconds
of the write (docs/scale.md, sixth session of 2026-12-05).
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from pathlib import Path

import pyoxigraph as ox

from kg.builder import merge_results, new_graph
from kg.export.rdf import DEFAULT_BASE
from kg.model import DocResult
from kg.resources import load_resources
from kg.store.entities import decode_result, read_records
from kg.store.outputs import write_outputs


def replicas(out: Path, rep: int) -> list[DocResult]:
    store = ox.Store.read_only(str(out / "store"))
    records, _ = read_records(store)
    del store
    originals = [r for r in map(decode_result, records.values())
                 if "~r" not in r.document.id and not r.document.id.startswith("allsides")]
    results = []
    for r in sorted(originals, key=lambda r: r.document.id):
        d = f"{r.document.id}~r{rep}"
        ents = [dataclasses.replace(e, docs={d}) for e in r.entities]
        rels = [dataclasses.replace(x, evidence=dataclasses.replace(x.evidence, doc_id=d)) for x in r.relations]
        results.append(DocResult(dataclasses.replace(r.document, id=d), ents, rels))
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="a kg build output folder (OUT/store)")
    ap.add_argument("rep", type=int, help="replica number (ids <id>~r<rep>)")
    args = ap.parse_args()
    res = load_resources()
    results = replicas(args.out, args.rep)
    t0 = time.perf_counter()
    graph = merge_results(new_graph(res), results, resources=res)
    t1 = time.perf_counter()
    _, report = write_outputs(graph, args.out, base=DEFAULT_BASE, resources=res,
                              doc_entities={r.document.id: r.entities for r in results})
    print(f"rep {args.rep}: {len(results)} docs, merge {t1 - t0:.1f}s, write {time.perf_counter() - t1:.1f}s; "
          f"{report.summary()}")


if __name__ == "__main__":
    main()
