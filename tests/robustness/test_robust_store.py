"""The store under concurrent builds, SIGKILL and damaged files: nothing is corrupted or lost, and
what cannot be read is reported in one line with how to recover."""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import rdflib
from test_robust_cli import kg_cmd
from typer.testing import CliRunner

from kg.cli import app
from kg.store.embedded import export_store, store_documents
from kg.store.validate import validate_graph

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


# -- damaged stores ------------------------------------------------------------------------------
def garble(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for i in range(20, len(data) - 20, 7):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


DAMAGES = {
    "truncated CURRENT": lambda store: os.truncate(store / "CURRENT", 3),
    "truncated MANIFEST": lambda store: [os.truncate(m, 100) for m in store.glob("MANIFEST-*")],
    "garbled .sst": lambda store: [garble(f) for f in store.glob("*.sst")],
    "deleted CURRENT": lambda store: (store / "CURRENT").unlink(),
}


def snapshot_files(folder: Path) -> dict[str, bytes]:
    """Every file of the store but RocksDB's own text log."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith("LOG")}


def one_error_line(result, *needles: str) -> None:
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr[-2000:]
    assert "internal error" not in lines[0] and "bug" not in lines[0]
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("damaged") / "out"
    assert runner.invoke(app, ["build", str(corpus(out.parent / "in", "a", 2)), "--out", str(out),
                               "--no-html"]).exit_code == 0
    return out


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_store_is_reported_with_how_to_recover(built, tmp_path, damage):
    out = tmp_path / "out"
    shutil.copytree(built, out)
    DAMAGES[damage](out / "store")
    store = str(out / "store")
    for command in (["query", "--store", store, "ASK {}"], ["export", "--store", store],
                    ["validate", "--store", store], ["serve", "--store", store, "--port", "0"]):
        result = subprocess.run([*kg_cmd(), *command], capture_output=True, text=True, timeout=120)
        one_error_line(result, "is damaged", "kg build", "mv ")


@pytest.mark.parametrize("damage", ["truncated CURRENT", "deleted CURRENT"])
def test_building_into_a_damaged_store_changes_nothing(built, tmp_path, damage):
    out = tmp_path / "out"
    shutil.copytree(built, out)
    DAMAGES[damage](out / "store")
    before, ttl = snapshot_files(out / "store"), (out / "graph.ttl").read_bytes()
    result = subprocess.run([*kg_cmd(), "build", str(corpus(tmp_path / "b", "b", 1)), "--out", str(out),
                             "--no-html"], capture_output=True, text=True, timeout=300)
    one_error_line(result, "is damaged", "kg build")
    assert snapshot_files(out / "store") == before and (out / "graph.ttl").read_bytes() == ttl


# -- interrupted updates -------------------------------------------------------------------------
KILL_DURING_UPDATE = """
import os, signal, sys
from pathlib import Path
from kg.builder import build
from kg.ingest.read import iter_documents
from kg.nlp.model import load_pipeline
import kg.store.merge as merge
from kg.store.update import update_store
store, inputs, calls = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
graph = build(iter_documents([inputs]), nlp=load_pipeline())
seen = []
real = merge._stored_merge

def reading_shares(*args, **kwargs):  # SIGKILL in the middle of the update, after `calls` entities
    seen.append(1)
    if len(seen) > calls:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(*args, **kwargs)

merge._stored_merge = reading_shares
update_store(store, graph)
"""


@pytest.mark.parametrize("calls", [1, 3])
def test_sigkill_during_an_incremental_update_leaves_a_valid_store(tmp_path, calls):
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(corpus(tmp_path / "a", "a", 2)), "--out", str(out),
                               "--no-html"]).exit_code == 0
    script = tmp_path / "kill.py"
    script.write_text(KILL_DURING_UPDATE, encoding="utf-8")
    killed = subprocess.run([sys.executable, str(script), str(out / "store"), str(corpus(tmp_path / "b", "b", 2)),
                             str(calls)], capture_output=True, text=True, timeout=300)
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    validated = subprocess.run([*kg_cmd(), "validate", "--store", str(out / "store")], capture_output=True, text=True,
                               timeout=300)
    assert validated.returncode == 0 and "conforms" in validated.stdout, validated.stdout[-2000:]
    assert store_ok(out) == ["a0", "a1"]  # the update happened entirely or not at all: here, not at all


def test_a_reader_refuses_an_unfinished_first_build(tmp_path):
    import pyoxigraph as ox

    from kg.store.meta import _FIRST_BUILD, _TRUE, META

    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(corpus(tmp_path / "a", "a", 1)), "--out", str(out),
                               "--no-html"]).exit_code == 0
    store = ox.Store(str(out / "store"))  # as if `kg build` had been killed during its first bulk load
    store.extend([ox.Quad(META, _FIRST_BUILD, _TRUE, META)])
    store.flush()
    del store
    for command in (["query", "--store", str(out / "store"), "ASK {}"], ["validate", "--store", str(out / "store")]):
        result = subprocess.run([*kg_cmd(), *command], capture_output=True, text=True, timeout=120)
        one_error_line(result, "incomplete", "run `kg build` again")
    assert runner.invoke(app, ["build", str(tmp_path / "a"), "--out", str(out), "--no-html"]).exit_code == 0
    assert store_ok(out) == ["a0"]


def children(pid: int) -> set[int]:
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out |= set(map(int, (task / "children").read_text().split()))
        except OSError:
            pass
    return out


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads Linux /proc")
def test_sigkill_of_a_build_with_workers_leaves_no_worker_behind(tmp_path):
    inputs = corpus(tmp_path / "many", "m", 40, repeat=20)
    proc = subprocess.Popen([*kg_cmd(), "build", str(inputs), "--out", str(tmp_path / "out"), "--no-html",
                             "--workers", "2", "--batch-size", "1"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(workers := children(proc.pid)) < 2:  # the pool is up
        assert proc.poll() is None and time.monotonic() < deadline, "the build ended before its workers started"
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 30
    while alive := {p for p in workers if Path(f"/proc/{p}").exists() and "Z" not in
                    Path(f"/proc/{p}/stat").read_text().split(")")[-1].split()[:1]}:
        if time.monotonic() > deadline:
            for p in alive:
                os.kill(p, signal.SIGKILL)
            pytest.fail(f"{len(alive)} worker process(es) outlived the killed build")
        time.sleep(0.2)


def test_a_focus_that_matches_nothing_changes_nothing(tmp_path):
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(corpus(tmp_path / "a", "a", 1)), "--out", str(out)]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    result = runner.invoke(app, ["build", str(corpus(tmp_path / "b", "b", 1)), "--out", str(out),
                                 "--focus", "Zanzibar"])
    assert result.exit_code == 1 and "Error: --focus" in result.output and "Zanzibar" in result.output
    assert "bug" not in result.output
    assert store_ok(out) == ["a0"]  # the store was not updated
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
