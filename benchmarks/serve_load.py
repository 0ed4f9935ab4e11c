"""Query latency through `kg serve` under concurrent clients (issue 22, "Scale", item 4).

    python benchmarks/serve_load.py --store /tmp/scale-bench-2000/out/store --clients 8 --runs 20

For each engine (``--engine``; by default both that are available, oxigraph then builtin, one after
the other) the script starts ``kg serve --store DIR --port P --engine E`` as a child process (the
command a user runs), waits until it answers, then for every shipped query of ``ontologies/queries/``
and the three-join query of ``scale.py`` lets ``--clients`` threads send ``--runs`` requests each
at the same time (plain urllib, POST ``application/sparql-query``, ``Accept:
application/sparql-results+json``, a new loopback connection per request).  Every request's latency
(send to last byte of the answer) and row count are recorded; the script checks that every answer
has the same row count as the in-process run, and prints one Markdown table per engine: rows,
median, p95 and max latency, errors, requests per second, and the in-process median of the same
query (:func:`kg.store.query.query_store` over the store, ``--runs`` runs, measured before any
server starts) as the reference.  A query that the in-process run stops at ``--ref-timeout``
seconds (default: the server's ``--timeout``, 30 s) is sent once per client only: the table then
shows how the server copes with ``--clients`` such queries at once, not a latency.  The server is
stopped with SIGTERM at the end, and on Ctrl-C or an error.

The endpoint has no predeclared prefixes and no ``--bind``: each query is sent with ``PREFIX``
lines for the prefixes ``kg query`` predeclares, and its bound values in its parameter blocks
(``VALUES ?x { UNDEF }``, as ``kg query`` fills them) or else as a ``VALUES`` block at the start of
its ``WHERE`` group (the values of ``scale.py``'s ``BINDS``; ``speaker`` and ``post`` get
``Tony Blair`` and ``Labour``; the optional date bounds ``from``, ``to`` and ``on`` stay unbound).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from scale import BINDS, KG, ROOT, THREE_JOIN, percentile

# Bindings of the queries added after scale.py's BINDS; None: an optional parameter left unbound.
EXTRA_BINDS: dict[str, str | None] = {"speaker": "speaker=Tony Blair", "post": "post=Labour",
                                      "from": None, "to": None, "on": None}
JSON_RESULTS = "application/sparql-results+json"


@dataclass
class Case:
    name: str  # the query's name, with its bindings
    text: str  # as kg query runs it (predeclared prefixes, bindings apart)
    binds: tuple[str, ...]
    served: str = ""  # as sent to the endpoint
    ref_median: float | None = None  # None: the in-process run was stopped at the time limit
    ref_rows: int | None = None


@dataclass
class Outcome:
    latencies: list[float] = field(default_factory=list)
    rows: dict[int, set[int]] = field(default_factory=dict)  # client -> row counts it saw
    errors: list[str] = field(default_factory=list)
    wall: float = 0.0
    requests: int = 0


def cases() -> list[Case]:
    """Every shipped query with its default bindings, then the three-join query."""
    from kg.store.query import named_queries

    out = []
    for name, q in sorted(named_queries().items()):
        binds = tuple(b for b in (BINDS.get(v) or EXTRA_BINDS.get(v) for v in q.binds) if b)
        label = f"{name} ({', '.join(f'`{b}`' for b in binds)})" if binds else name
        out.append(Case(label, q.text, binds))
    out.append(Case("three-join", THREE_JOIN, ()))
    return out


def for_endpoint(text: str, binds: tuple[str, ...], prefixes: dict[str, str]) -> str:
    """The query as a client of the endpoint writes it: PREFIX lines, bound values in the query's
    parameter blocks (``VALUES ?x { UNDEF }``: kg.store.params), else in a VALUES block."""
    from kg.store.params import place_values
    from kg.store.query import parse_binding

    header = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes.items())
    text, rest = place_values(text, dict(parse_binding(b, prefixes=prefixes) for b in binds))
    if not rest:
        return header + text
    values = " ".join(f"VALUES ?{name} {{ {term} }}" for name, term in rest.items())
    m = re.search(r"\bWHERE\s*\{", text, re.IGNORECASE)
    if m is None:
        raise SystemExit(f"cannot place the bindings {sorted(rest)} in a query without WHERE {{: {text[:200]}")
    return header + text[: m.end()] + " " + values + text[m.end():]


def reference(store: Path, todo: list[Case], runs: int, limit: float) -> None:
    """In-process median and row count of each query (query_store, as scale.py measures it); a query
    stopped after ``limit`` seconds is run once only (its median stays None)."""
    from kg.errors import QueryTimeout
    from kg.store.query import query_store

    for case in todo:
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            try:
                case.ref_rows = len(query_store(store, case.text, bindings=case.binds, timeout=limit).rows)
            except QueryTimeout:
                print(f"  in process {case.name:<48} stopped after {limit:g} s", flush=True)
                break
            times.append(time.perf_counter() - t0)
        else:
            case.ref_median = statistics.median(times)
            print(f"  in process {case.name:<48} median {case.ref_median:7.3f} s  {case.ref_rows} rows", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def available_engines() -> list[str]:
    from kg.store.serve import find_oxigraph

    return (["oxigraph"] if find_oxigraph() else []) + ["builtin"]


class ServeProcess:
    """`kg serve` in a child process; a context manager that stops it with SIGTERM."""

    def __init__(self, store: Path, port: int, engine: str, extra: list[str]) -> None:
        self.argv = KG + ["serve", "--store", str(store), "--port", str(port), "--engine", engine, *extra]
        self.url = f"http://127.0.0.1:{port}/query"
        self.log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self.proc: subprocess.Popen | None = None
        self.returncode: int | None = None

    def __enter__(self) -> "ServeProcess":
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(self.argv, stdout=self.log, stderr=subprocess.STDOUT, env=env)
        return self

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read()

    def wait_ready(self, timeout: float) -> float:
        from kg.errors import ServeError
        from kg.store.serve import wait_ready

        t0 = time.perf_counter()
        try:
            wait_ready(self.url, timeout=timeout, alive=lambda: self.proc.poll() is None)
        except ServeError as exc:
            raise SystemExit(f"kg serve did not start: {exc}\n{self.output()[-2000:]}") from None
        return time.perf_counter() - t0

    def __exit__(self, *exc) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.returncode = self.proc.returncode
        self.log.close()


def request(url: str, query: str, timeout: float) -> int:
    """Send one query; the number of result rows (an ASK answer counts as one)."""
    req = urllib.request.Request(url, data=query.encode("utf-8"), method="POST",
                                 headers={"Content-Type": "application/sparql-query", "Accept": JSON_RESULTS})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        body = resp.read()
    answer = json.loads(body)
    return 1 if "boolean" in answer else len(answer["results"]["bindings"])


def load(url: str, query: str, clients: int, runs: int, timeout: float) -> Outcome:
    """``clients`` threads, started together, each sending ``runs`` requests one after the other."""
    outcome = Outcome(requests=clients * runs)
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)

    def client(i: int) -> None:
        start.wait()
        for _ in range(runs):
            t0 = time.perf_counter()
            try:
                rows = request(url, query, timeout)
            except (OSError, urllib.error.URLError, ValueError, KeyError) as exc:
                detail = exc.read().decode("utf-8", "replace").strip() if isinstance(exc, urllib.error.HTTPError) else ""
                with lock:
                    outcome.errors.append(f"{type(exc).__name__}: {exc} {detail[:200]}".strip())
                continue
            elapsed = time.perf_counter() - t0
            with lock:
                outcome.latencies.append(elapsed)
                outcome.rows.setdefault(i, set()).add(rows)

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    outcome.wall = time.perf_counter() - t0
    return outcome


def rows_cell(case: Case, outcome: Outcome) -> str:
    seen = set().union(*outcome.rows.values()) if outcome.rows else set()
    if case.ref_rows is None:  # no in-process count to compare with
        return "-" if not seen else f"{seen.pop():,}" if len(seen) == 1 else f"MISMATCH: served {sorted(seen)}"
    if seen <= {case.ref_rows}:
        return f"{case.ref_rows:,}"
    return f"MISMATCH: served {sorted(seen)}, in process {case.ref_rows:,}"


def table(results: list[tuple[Case, Outcome]], limit: float) -> str:
    lines = ["| query | rows | median | p95 | max | errors | requests/s | in process median |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for case, o in results:
        lat = o.latencies
        stats = (f"{statistics.median(lat):.3f} s | {percentile(lat, 0.95):.3f} s | {max(lat):.3f} s"
                 if lat else "- | - | -")
        ref = f"{case.ref_median:.3f} s" if case.ref_median is not None else f"stopped after {limit:g} s"
        lines.append(f"| {case.name} | {rows_cell(case, o)} | {stats} | {len(o.errors)} of {o.requests} | "
                     f"{len(lat) / o.wall:.1f} | {ref} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 epilog="example: python benchmarks/serve_load.py --store output/store")
    ap.add_argument("--store", type=Path, required=True, help="an existing store written by kg build (OUT/store)")
    ap.add_argument("--clients", type=int, default=8, help="concurrent client threads (default 8)")
    ap.add_argument("--runs", type=int, default=20, help="requests per client and query; also the in-process runs")
    ap.add_argument("--engine", choices=("auto", "oxigraph", "builtin"), default=None,
                    help="engine of kg serve (default: each available one, oxigraph then builtin)")
    ap.add_argument("--port", type=int, default=0, help="TCP port of kg serve on 127.0.0.1 (0: pick a free one)")
    ap.add_argument("--server-timeout", type=float, default=None, help="kg serve --timeout (default: its own, 30 s)")
    ap.add_argument("--workers", type=int, default=None, help="kg serve --workers (default: its own, the CPUs)")
    ap.add_argument("--client-timeout", type=float, default=120.0, help="seconds a client waits for one answer")
    ap.add_argument("--ref-timeout", type=float, default=None,
                    help="seconds an in-process run may take (default: --server-timeout, else 30); a query "
                         "stopped there is run once in process and sent once per client to kg serve")
    ap.add_argument("--ready-timeout", type=float, default=600.0, help="seconds to wait for kg serve to answer")
    ap.add_argument("--only", action="append", metavar="NAME",
                    help="only this query (repeatable): a shipped query's name, or three-join")
    args = ap.parse_args()
    if args.clients < 1 or args.runs < 1:
        ap.error("--clients and --runs must be at least 1")
    sys.path.insert(0, str(ROOT))
    from kg.store.embedded import open_store
    from kg.store.meta import store_base
    from kg.store.query import prefixes_for

    store = args.store.resolve()
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    print(f"commit {commit}; Python {platform.python_version()}; {os.cpu_count()} CPUs; "
          f"load {os.getloadavg()}; store {store}; {args.clients} clients x {args.runs} runs", flush=True)
    prefixes = prefixes_for(store_base(open_store(store, read_only=True)))
    todo = [c for c in cases() if not args.only or c.name.split(" ")[0] in args.only]
    if not todo:
        ap.error(f"--only {' '.join(args.only)}: no such query")
    for case in todo:
        case.served = for_endpoint(case.text, case.binds, prefixes)
    limit = args.ref_timeout or args.server_timeout or 30.0
    reference(store, todo, args.runs, limit)
    engines = [args.engine] if args.engine else available_engines()
    extra = [opt for opt, value in (("--timeout", args.server_timeout), ("--workers", args.workers))
             if value is not None for opt in (opt, str(value))]
    tables = []
    for engine in engines:
        port = args.port or free_port()
        with ServeProcess(store, port, engine, extra) as server:
            ready = server.wait_ready(args.ready_timeout)
            said = re.search(r"\(SPARQL 1\.1 protocol, (\w+) engine\)", server.output())
            name = said.group(1) if said else engine
            print(f"\n{' '.join(server.argv[3:])}: answering after {ready:.1f} s ({name} engine); "
                  f"load {os.getloadavg()}", flush=True)
            results = []
            for case in todo:
                runs = args.runs if case.ref_median is not None else 1
                outcome = load(server.url, case.served, args.clients, runs, args.client_timeout)
                results.append((case, outcome))
                lat = outcome.latencies
                print(f"  {case.name:<48} median {statistics.median(lat) if lat else float('nan'):7.3f} s  "
                      f"max {max(lat) if lat else float('nan'):7.3f} s  {len(outcome.errors)} errors  "
                      f"{rows_cell(case, outcome)} rows  ({outcome.wall:.1f} s)", flush=True)
                for message in sorted(set(outcome.errors))[:3]:
                    print(f"    error: {message}", flush=True)
                if server.proc.poll() is not None:
                    print(f"  kg serve exited with {server.proc.returncode} during {case.name}:\n"
                          f"{server.output()[-2000:]}", flush=True)
                    break
            alive = server.proc.poll() is None
        print(f"kg serve stopped (exit {server.returncode}; {'stopped by SIGTERM' if alive else 'had exited'}); "
              f"load {os.getloadavg()}", flush=True)
        tables.append(f"#### `{name}` engine ({args.clients} clients x {args.runs} runs = "
                      f"{args.clients * args.runs} requests per query)\n\n{table(results, limit)}")
    print("\n" + "\n\n".join(tables))


if __name__ == "__main__":
    main()
