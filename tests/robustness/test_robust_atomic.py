"""Nothing half-written: outputs are replaced atomically, even when the process is SIGKILLed."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from test_robust_cli import build_args, kg_cmd

from kg.export.write import write_atomic


def test_write_atomic_replaces_and_cleans_up_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "sub" / "graph.ttl"
    write_atomic(target, "old")
    assert target.read_text(encoding="utf-8") == "old"

    def boom(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(target, "new " * 1000)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in target.parent.iterdir()) == ["graph.ttl"]


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from kg.export.write import write_atomic
    target = Path(sys.argv[1])
    a, b = b"A" * 3_000_000, b"B" * 5_000_000
    print("ready", flush=True)
    while True:
        write_atomic(target, a)
        write_atomic(target, b)
""")


def test_sigkill_during_writes_leaves_a_complete_file(tmp_path):
    target = tmp_path / "out.bin"
    rng = random.Random(3)
    for _ in range(6):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE)
        assert proc.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.01, 0.3))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        data = target.read_bytes()
        assert data in (b"A" * 3_000_000, b"B" * 5_000_000), len(data)
    leftovers = [p.name for p in tmp_path.iterdir() if p != target]
    assert all(name.startswith(".out.bin.") and name.endswith(".tmp") for name in leftovers)


def check_outputs(out: Path) -> None:
    g = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    assert len(g) > 20
    nx.read_graphml(out / "graph.graphml")
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert page.rstrip().endswith("</html>")


def test_build_killed_at_random_moments_keeps_previous_outputs(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"a{i}.txt").write_text(
            "France criticized Germany over the new trade rules, officials said. "
            f"Japan and Canada signed an agreement in Ottawa on day {i}.\n\n" * 8, encoding="utf-8")
    out = tmp_path / "out"
    args = [a for a in build_args(src, out=out) if a != "--no-html"]
    started = time.perf_counter()
    first = subprocess.run([*kg_cmd(), *args], capture_output=True, text=True, timeout=120)
    duration = time.perf_counter() - started
    assert first.returncode == 0, first.stderr
    check_outputs(out)
    for fraction in (0.6, 0.85, 0.97):
        proc = subprocess.Popen([*kg_cmd(), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        check_outputs(out)
    visible = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert {"graph.ttl", "graph.graphml", "graph.html"} <= set(visible)
