"""The rewritten competency queries against their former text, on one store (docs/scale.md).

    python benchmarks/query_rewrite.py --store /tmp/scale-run/out/store --runs 7

The former text of each rewritten query is kept in ``tests/fixtures/queries-before`` (its
parameters go through the engine's substitution, as before); the shipped one takes them in its
``VALUES ?x { UNDEF }`` blocks (:mod:`kg.store.params`).  Per case and per text, the script reports
the median and p95 over ``--runs`` runs through ``kg query`` (a new process each run, as a user
runs it) and in process (:func:`kg.store.query.query_store`), the rows, and whether both texts give
the same rows (as a multiset).  Runs of the two texts alternate, so a change of the machine's load
falls on both.  Bindings: ``scale.py``'s, a lower-case name, and one class.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from scale import BINDS, KG, ROOT, percentile, run

BEFORE = ROOT / "tests" / "fixtures" / "queries-before"
CASES = [("timeline", (BINDS["name"],)), ("timeline", ("name=microsoft",)),
         ("between-dates", (BINDS["subject"], BINDS["object"])), ("sources", (BINDS["subject"], BINDS["object"])),
         ("entities-by-type", ()), ("entities-by-type", ("type=kg:Person",))]


def texts(name: str) -> dict[str, tuple[str, str]]:
    """``before``/``after`` -> (argument for kg query, query text)."""
    from kg.store.query import named_queries

    old = BEFORE / f"{name}.rq"
    return {"before": (f"@{old}", old.read_text(encoding="utf-8")),
            "after": (f"@{named_queries()[name].path}", named_queries()[name].text)}


def measure(store: Path, name: str, binds: tuple[str, ...], runs: int) -> dict[str, tuple]:
    """text -> (CLI median, CLI p95, in-process median, in-process p95, rows, Counter of rows)."""
    from kg.store.query import query_store

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cases = texts(name)
    cli: dict[str, list[float]] = {k: [] for k in cases}
    inproc: dict[str, list[float]] = {k: [] for k in cases}
    answers: dict[str, Counter] = {}
    for _ in range(runs):
        for key, (arg, text) in cases.items():
            bind_args = [a for b in binds for a in ("--bind", b)]
            cli[key].append(run(KG + ["query", arg, "--store", str(store), "--format", "csv", *bind_args], env=env))
            t0 = time.perf_counter()
            result = query_store(store, text, bindings=binds, timeout=600)
            inproc[key].append(time.perf_counter() - t0)
            answers[key] = Counter(tuple(map(str, row)) for row in result.rows)
    return {k: (statistics.median(cli[k]), percentile(cli[k], 0.95), statistics.median(inproc[k]),
                percentile(inproc[k], 0.95), sum(answers[k].values()), answers[k]) for k in cases}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    size = sum(f.stat().st_size for f in args.store.rglob("*") if f.is_file()) / 2**20
    print(f"commit {commit}; Python {platform.python_version()}; {os.cpu_count()} CPUs; load {os.getloadavg()}; "
          f"store {args.store} ({size:.1f} MiB); {args.runs} runs per text", flush=True)
    print("| query | rows | same rows | `kg query` median before / after | p95 before / after "
          "| in process median before / after | p95 before / after |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, binds in CASES:
        got = measure(args.store, name, binds, args.runs)
        b, a = got["before"], got["after"]
        label = f"{name} ({', '.join(f'`{x}`' for x in binds)})" if binds else name
        print(f"| {label} | {a[4]:,} | {'yes' if a[5] == b[5] else 'NO'} | {b[0]:.2f} s / {a[0]:.2f} s "
              f"| {b[1]:.2f} s / {a[1]:.2f} s | {b[2]:.3f} s / {a[2]:.3f} s | {b[3]:.3f} s / {a[3]:.3f} s |", flush=True)
    print(f"load at the end {os.getloadavg()}")


if __name__ == "__main__":
    main()
