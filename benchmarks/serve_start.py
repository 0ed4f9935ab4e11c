"""Time to first answer of `kg serve` (issue 22, "Scale"): a start, then restarts with the store unchanged.

    python benchmarks/serve_start.py --store /tmp/scale/out/store --runs 3
    python benchmarks/serve_start.py --store STORE --code /tmp/base     # another checkout (PYTHONPATH)

Each run starts ``kg serve --store STORE --port P --engine E`` as a child process (the command a user
runs, from ``--code``: the folder holding the ``kg`` package, this checkout by default), sends
``ASK {}`` every 50 ms until it answers, and records the seconds from the start of the process to
that first answer, the peak resident memory of the ``kg serve`` process (``VmHWM``) and of it or
any process it waited for (the snapshot's loader, stopped workers: ``RUSAGE_CHILDREN`` of this
script, the largest so far), its resident memory and that of its query workers once it answers
(``VmRSS``), then stops it with SIGTERM.  A
kept snapshot (``STORE.serve-snapshot`` beside the store, when the code keeps one) is deleted before
the first run with ``--cold`` (the default), so run 1 is a cold start and the others are restarts
of an unchanged store.  Prints one Markdown row per run.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from kg.procs import stop_group

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def kib(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    out.append(int(entry.name))
            except (OSError, ValueError, IndexError):
                pass
    return out


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "?" + urllib.parse.urlencode({"query": "ASK {}"}), timeout=5) as resp:
            return resp.status == 200
    except (OSError, urllib.error.URLError):
        return False


def one_run(store: Path, code: Path, engine: str, timeout: float) -> dict:
    port = free_port()
    url = f"http://127.0.0.1:{port}/query"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(code), os.environ.get("PYTHONPATH")]))}
    argv = [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--store", str(store),
            "--port", str(port), "--engine", engine]
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        while not answers(url):
            if proc.poll() is not None:
                raise SystemExit(f"kg serve exited: {proc.stdout.read().decode(errors='replace')[-2000:]}")
            if time.perf_counter() - t0 > timeout:
                raise SystemExit(f"kg serve did not answer within {timeout:.0f} s")
            time.sleep(0.05)
        first = time.perf_counter() - t0
        time.sleep(1.0)  # the workers have opened the snapshot
        workers = children(proc.pid)
        return {"seconds": first, "peak_mib": kib(proc.pid, "VmHWM") / 1024, "rss_mib": kib(proc.pid, "VmRSS") / 1024,
                "workers_mib": sum(kib(w, "VmRSS") for w in workers) / 1024, "workers": len(workers)}
    finally:
        out, _, _ = stop_group(proc, 60)
        line = next((x for x in out.decode(errors="replace").splitlines() if x.startswith("Serving")), "")
        print(f"  {line}", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, required=True, help="a store written by kg build (OUT/store)")
    ap.add_argument("--code", type=Path, default=ROOT, help="the folder holding the kg package to run (default: this one)")
    ap.add_argument("--engine", default="builtin", choices=("auto", "builtin", "oxigraph"))
    ap.add_argument("--runs", type=int, default=3, help="starts (the first one cold with --cold)")
    ap.add_argument("--warm", dest="cold", action="store_false", help="keep a kept snapshot from before")
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds to wait for one start")
    args = ap.parse_args()
    kept = args.store.parent / (args.store.name + ".serve-snapshot")
    if args.cold and kept.exists():
        shutil.rmtree(kept)
    print("| run | first answer | peak RSS of kg serve | peak RSS of kg serve or a process it waited for, "
          "so far | RSS of kg serve / its workers once answering |")
    print("| --- | --- | --- | --- | --- |")
    for run in range(1, args.runs + 1):
        r = one_run(args.store, args.code, args.engine, args.timeout)
        tree = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # kg serve, its loader, its workers
        print(f"| {run} | {r['seconds']:.2f} s | {r['peak_mib']:,.0f} MiB | {tree:,.0f} MiB | {r['rss_mib']:,.0f} MiB / "
              f"{r['workers_mib']:,.0f} MiB ({r['workers']} workers) |", flush=True)
    if kept.exists():
        size = sum(f.stat().st_size for f in kept.rglob("*") if f.is_file())
        print(f"\nkept snapshot {kept}: {size / 2**20:,.1f} MiB")


if __name__ == "__main__":
    main()
