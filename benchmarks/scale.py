"""The store at scale (issue 22): N articles in incremental builds of K, then queries.

    python benchmarks/scale.py --n 2000 --k 500 --out /tmp/scale-run        # what docs/scale.md reports
    python benchmarks/scale.py --n 100000 --k 10000 --out /data/scale-run   # the issue's target (not run yet)

Articles: the BBC texts and the AG News test items (``NEWSKG_DATA`` or /work/shared/data), taken
alternately, and replicated with new ids (``<id>~r<n>``) once both are used up.  Texts never leave the
data folder except as the JSONL chunks written under ``--out`` (delete them after the run).

Every build is ``kg build CHUNK --out OUT/out`` in a child process (the command a user runs), so per
build the script reports wall time, articles/hour, the peak RSS of the children so far
(``resource.getrusage(RUSAGE_CHILDREN)``) and the store's size on disk.  Then: the time to add
``--add`` new articles to the full store against building the same articles alone, and the
latency (median and p95 over ``--runs`` runs) of every shipped query and of a three-join query,
through ``kg query`` (a new process each time, as a user runs it) and in process
(:func:`kg.store.query.query_store`, the engine's share).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("NEWSKG_DATA", "/work/shared/data")) / "news"
KG = [sys.executable, "-c", "from kg.cli import main; main()"]
THREE_JOIN = """SELECT ?person ?org ?country ?label WHERE {
  ?person kg:worksFor ?org . ?org kg:basedIn ?country . ?country rdfs:label ?label }"""
BINDS = {"name": "name=Microsoft", "subject": "subject=Tony Blair", "object": "object=Labour",
         "speaker": "speaker=Tony Blair", "post": "post=Labour"}


def articles():
    """BBC and AG News items alternately, forever (replicas get new ids)."""
    bbc = [json.loads(line) for line in (DATA / "bbc_fulltext.jsonl").open(encoding="utf-8")]
    with (DATA / "ag_news_test.csv").open(encoding="utf-8", newline="") as fh:
        ag = [{"id": f"ag/{i:04d}", "title": r["title"], "text": f"{r['title']}. {r['description']}"}
              for i, r in enumerate(csv.DictReader(fh))]
    pool = [x for pair in zip(bbc, ag) for x in pair] + bbc[len(ag):] + ag[len(bbc):]
    n = 0
    while True:
        for item in pool:
            rep = n // len(pool)
            yield {"id": item["id"] + (f"~r{rep}" if rep else ""), "title": item.get("title", ""), "text": item["text"]}
            n += 1


def write_chunk(path: Path, items) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    return path


def size_mib(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def run(argv: list[str], **kw) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, **kw)
    elapsed = time.perf_counter() - t0
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(argv[3:])}\n{done.stderr[-2000:]}")
    return elapsed


def build(chunk: Path, out: Path, workers: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OPENBLAS_NUM_THREADS": "1"}
    return run(KG + ["build", str(chunk), "--out", str(out), "--workers", str(workers)], env=env)


def percentile(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p * (len(s) - 1)))]


def query_latencies(store: Path, runs: int) -> list[tuple[str, float, float, float, float, int]]:
    """(query, CLI median, CLI p95, in-process median, in-process p95, rows) per query."""
    sys.path.insert(0, str(ROOT))
    from kg.store.query import named_queries, query_store

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cases = [(name, q.text, tuple(BINDS[b] for b in q.binds)) for name, q in sorted(named_queries().items())]
    cases.append(("three-join", THREE_JOIN, ()))
    out = []
    for name, text, binds in cases:
        bind_args = [a for b in binds for a in ("--bind", b)]
        cli = [run(KG + ["query", text, "--store", str(store), "--format", "csv", *bind_args], env=env)
               for _ in range(runs)]
        inproc, rows = [], 0
        for _ in range(runs):
            t0 = time.perf_counter()
            rows = len(query_store(store, text, bindings=binds, timeout=600).rows)
            inproc.append(time.perf_counter() - t0)
        out.append((name, statistics.median(cli), percentile(cli, 0.95), statistics.median(inproc),
                    percentile(inproc, 0.95), rows))
        print(f"  {name:<18} kg query median {out[-1][1]:6.2f} s  p95 {out[-1][2]:6.2f} s | in process median "
              f"{out[-1][3]:7.3f} s  p95 {out[-1][4]:7.3f} s | {rows} rows", flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="articles in the store")
    ap.add_argument("--k", type=int, default=500, help="articles per incremental build")
    ap.add_argument("--add", type=int, default=100, help="new articles added to the full store at the end")
    ap.add_argument("--runs", type=int, default=20, help="runs per query")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    print(f"commit {commit}; Python {platform.python_version()}; {os.cpu_count()} CPUs; load {os.getloadavg()}; "
          f"N={args.n} K={args.k} workers={args.workers}", flush=True)
    source = articles()
    out = args.out / "out"
    done = 0
    print(f"{'build':>5} {'articles':>9} {'seconds':>8} {'art/hour':>9} {'peak RSS MiB':>13} {'store MiB':>10}")
    while done < args.n:
        k = min(args.k, args.n - done)
        chunk = write_chunk(args.out / f"chunk-{done // args.k:03d}.jsonl", (next(source) for _ in range(k)))
        seconds = build(chunk, out, args.workers)
        done += k
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"{done // args.k:>5} {done:>9} {seconds:>8.1f} {k / seconds * 3600:>9.0f} {peak:>13.0f} "
              f"{size_mib(out / 'store'):>10.1f}", flush=True)
    chunk = write_chunk(args.out / "add.jsonl", (next(source) for _ in range(args.add)))
    added = build(chunk, out, args.workers)
    alone = build(chunk, args.out / "alone", args.workers)
    print(f"adding {args.add} new articles to the {args.n}-article store: {added:.1f} s; building them alone: "
          f"{alone:.1f} s (ratio {added / alone:.2f})", flush=True)
    print(f"query latency over the store of {args.n + args.add} articles ({args.runs} runs each):", flush=True)
    query_latencies(out / "store", args.runs)


if __name__ == "__main__":
    main()
