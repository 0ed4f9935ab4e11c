"""The store under concurrent builds and SIGKILL: nothing is corrupted, nothing is lost."""

from __future__ import annotations

import fcntl
import signal
import subprocess
import time
from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app
import rdflib

from kg.store.embedded import export_store, store_documents
from kg.store.validate import validate_graph
from test_robust_cli import kg_cmd

runner = CliRunner()
TEXT = ("France criticized Germany over the new trade rules, officials said. "
        "Japan and Canada signed an agreement in Ottawa on Monday.\n\n")


def corpus(folder: Path, prefix: str, n: int, repeat: int = 6) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{prefix}{i}.txt").write_text(TEXT * repeat, encoding="utf-8")
    return folder


def store_ok(out: Path) -> list[str]:
    """The store opens, exports, passes the SHACL shapes; returns its documents."""
    graph = rdflib.Graph().parse(data=export_store(out / "store", "turtle"), format="turtle")
    assert validate_graph(graph).conforms
    return sorted(store_documents(out / "store"))


def test_a_second_build_waits_then_stops_with_a_clear_message(tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(corpus(tmp_path / "a", "a", 1)), "--out", str(out), "--no-html"]).exit_code == 0
    monkeypatch.setenv("NEWSKG_LOCK_TIMEOUT", "1")
    with (out / ".kg.lock").open("a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)  # another build is writing
        result = runner.invoke(app, ["build", str(corpus(tmp_path / "b", "b", 1)), "--out", str(out), "--no-html"])
    assert result.exit_code == 1
    assert "Waiting for another kg build" in result.output
    assert "another kg build is still writing to" in result.output and "Traceback" not in result.output
    assert store_ok(out) == ["a0"]  # nothing was half-written
    result = runner.invoke(app, ["build", str(tmp_path / "b"), "--out", str(out), "--no-html"])
    assert result.exit_code == 0 and store_ok(out) == ["a0", "b0"]


def test_two_builds_at_once_both_land(tmp_path):
    out = tmp_path / "out"
    a, b = corpus(tmp_path / "a", "a", 2), corpus(tmp_path / "b", "b", 2)
    procs = [subprocess.Popen([*kg_cmd(), "build", str(src), "--out", str(out), "--no-html"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for src in (a, b)]
    for p in procs:
        _, stderr = p.communicate(timeout=300)
        assert p.returncode == 0, stderr
    assert store_ok(out) == ["a0", "a1", "b0", "b1"]


def test_build_killed_during_store_update_leaves_a_consistent_store(tmp_path):
    out = tmp_path / "out"
    first = corpus(tmp_path / "a", "a", 2)
    assert runner.invoke(app, ["build", str(first), "--out", str(out), "--no-html"]).exit_code == 0
    more = corpus(tmp_path / "b", "b", 6, repeat=12)
    started = time.perf_counter()
    probe = subprocess.run([*kg_cmd(), "build", str(more), "--out", str(tmp_path / "probe"), "--no-html"],
                           capture_output=True, text=True, timeout=300)
    assert probe.returncode == 0, probe.stderr
    duration = time.perf_counter() - started
    for fraction in (0.5, 0.8, 0.95):
        proc = subprocess.Popen([*kg_cmd(), "build", str(more), "--out", str(out), "--no-html"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        docs = store_ok(out)  # readable and valid after every kill
        assert {"a0", "a1"} <= set(docs)
    result = runner.invoke(app, ["build", str(more), "--out", str(out), "--no-html"])
    assert result.exit_code == 0, result.output
    assert store_ok(out) == sorted(["a0", "a1", *(f"b{i}" for i in range(6))])
