"""Do two versions of `kg serve` give the same answers?  (issue 22: the start was changed, not the data.)

    python benchmarks/serve_same.py --store STORE --base /tmp/base      # /tmp/base: `git archive` of the old commit

Starts ``kg serve --store STORE --engine E`` from ``--base`` (the folder holding the old ``kg``
package), then from this checkout twice (its kept snapshot ``STORE.serve-snapshot`` deleted first:
the start that makes the snapshot, then a restart that reuses it),
one after the other, and sends each the same queries: every shipped query with the bindings of
``serve_load.py``, the three-join query, and queries over the whole dataset (the default graph's
triples, the named graphs and their quads, a CONSTRUCT of the view, a DESCRIBE, the bookkeeping
graphs that must stay hidden).  Answers are compared byte for byte (SPARQL JSON, N-Triples for
graph answers) and, when the bytes differ, as sorted rows (a query without ORDER BY may list rows in
any order).  Prints one line per query; exits 1 if any answer differs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from scale import ROOT
from serve_load import cases, for_endpoint, free_port

JSON_RESULTS = "application/sparql-results+json"
WHOLE = {
    "view triples": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "named graphs and their quads": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
    "bookkeeping hidden": "ASK { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?g), 'kg-entities') || STRSTARTS(STR(?g), 'urn:')) }",
    "view as N-Triples (deters, leaderOf)": "CONSTRUCT { ?s ?p ?o } WHERE { VALUES ?p { <https://w3id.org/newskg/ontology#deters> "
                                            "<https://w3id.org/newskg/ontology#leaderOf> } ?s ?p ?o }",
    "describe the United States": "DESCRIBE <https://example.org/newskg/country/usa>",
}


def start(store: Path, code: Path, extra: list[str]) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(code)}
    proc = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "serve", "--store", str(store),
                             "--port", str(port), "--timeout", "120", *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True)
    url = f"http://127.0.0.1:{port}/query"
    from kg.store.serve import wait_ready

    wait_ready(url, timeout=900, alive=lambda: proc.poll() is None)
    return proc, url


def ask(url: str, query: str) -> tuple[str, bytes]:
    graph = query.lstrip().upper().startswith(("CONSTRUCT", "DESCRIBE")) or "\nCONSTRUCT" in query or "\nDESCRIBE" in query
    req = urllib.request.Request(url, data=query.encode("utf-8"), method="POST", headers={
        "Content-Type": "application/sparql-query", "Accept": "application/n-triples" if graph else JSON_RESULTS})
    with urllib.request.urlopen(req, timeout=600) as resp:
        return ("graph" if graph else "select"), resp.read()


def rows(kind: str, body: bytes) -> list:
    if kind == "graph":
        return sorted(body.decode("utf-8").splitlines())
    doc = json.loads(body)
    if "boolean" in doc:
        return [doc["boolean"]]
    return sorted(json.dumps(b, sort_keys=True) for b in doc["results"]["bindings"])


def answers(store: Path, code: Path, queries: dict[str, str], extra: list[str]) -> dict[str, tuple[str, bytes]]:
    t0 = time.perf_counter()
    proc, url = start(store, code, extra)
    print(f"{code}: answered after {time.perf_counter() - t0:.1f} s", flush=True)
    try:
        return {name: ask(url, q) for name, q in queries.items()}
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--base", type=Path, required=True, help="the folder holding the old kg package")
    ap.add_argument("--engine", default="builtin", choices=("builtin", "oxigraph"))
    args = ap.parse_args()
    extra = ["--engine", args.engine]
    from kg.store.embedded import open_store, store_base
    from kg.store.query import prefixes_for

    prefixes = prefixes_for(store_base(open_store(args.store, read_only=True)))
    queries = {c.name: for_endpoint(c.text, c.binds, prefixes) for c in cases()}
    queries.update(WHOLE)
    old = answers(args.store, args.base, queries, extra)
    kept = args.store.absolute().with_name(args.store.name + ".serve-snapshot")
    if kept.exists():  # the first start of this checkout makes the snapshot, the second reuses it
        shutil.rmtree(kept)
    new = [answers(args.store, ROOT, queries, extra), answers(args.store, ROOT, queries, extra)]
    differ = 0
    for name, (kind, body) in old.items():
        verdicts = []
        for got in new:
            if got[name][1] == body:
                verdicts.append("same bytes")
            elif rows(kind, got[name][1]) == rows(kind, body):
                verdicts.append("same rows, other order")
            else:
                verdicts.append("DIFFERENT")
                differ += 1
        print(f"{name:<60} {len(rows(kind, body)):>8,} rows  made: {verdicts[0]}; reused: {verdicts[1]}")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
