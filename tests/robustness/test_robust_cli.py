"""`kg build` on bad input: warnings name the file, the rest is built, no traceback, exit 1 only
when nothing could be built.  Through Typer's runner and through the real ``kg`` entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
GOOD = "France criticized Germany over the new trade rules on Monday, officials said.\n"


def kg_cmd() -> list[str]:
    """The entry point installed beside this interpreter (not whichever ``kg`` is first on PATH)."""
    exe = Path(sys.executable).with_name("kg")
    return [str(exe)] if exe.is_file() else [sys.executable, "-c", "from kg.cli import main; main()"]


def build_args(*inputs, out: Path) -> list[str]:
    args = ["build", *map(str, inputs), "--out", str(out), "--no-html"]
    if "--no-store" in runner.invoke(app, ["build", "--help"]).output:
        args.append("--no-store")
    return args


@pytest.fixture()
def messy(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.md").write_text(" \n\t\n", encoding="utf-8")
    (d / "paper.txt").write_bytes(b"%PDF-1.5\n%\xb5\xb5\xb5\xb5\n")
    (d / "latin1.txt").write_bytes("Caf\u00e9 talk: France criticized Germany.".encode("latin-1"))
    (d / "page.html").write_text("<html><head><title>P</title></head><body><nav>Home</nav>"
                                 "<article><p>Japan criticized China.</p></article></body></html>", encoding="utf-8")
    (d / "notes.docx").write_bytes(b"PK\x03\x04")
    (d / "c.jsonl").write_text("\n".join([
        json.dumps({"id": "j1", "text": "Japan criticized China on Friday."}),
        "{not json",
        json.dumps({"id": "j2", "text": 3}),
        json.dumps({"id": "j1", "text": "again"}),
    ]) + "\n", encoding="utf-8")
    return d


EXPECTED_WARNINGS = [
    "empty.txt: empty or whitespace-only file",
    "blank.md: empty or whitespace-only file",
    "paper.txt: a PDF, not text",
    "latin1.txt: invalid UTF-8 at byte 3",
    "c.jsonl:2: not valid JSON",
    "c.jsonl:3: \"text\" must be a string",
    "c.jsonl:4: duplicate document id 'j1'",
]


def test_messy_folder_builds_the_rest_with_one_line_warnings(messy, tmp_path):
    result = runner.invoke(app, build_args(messy, out=tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert result.exception is None
    assert "Built 4 document(s)" in result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("Warning: ")]
    assert len(warnings) == len(EXPECTED_WARNINGS), warnings
    for expected in EXPECTED_WARNINGS:
        assert any(expected in w for w in warnings), (expected, warnings)
    assert "Traceback" not in result.output
    g = rdflib.Graph().parse(tmp_path / "out" / "graph.ttl")
    ids = {str(o) for o in g.objects(None, rdflib.DCTERMS.identifier)}
    assert ids == {"good", "latin1", "page", "j1"}


def test_nothing_usable_is_exit_1_with_one_error_line(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.pdf").write_bytes(b"%PDF-1.4")
    (d / "b.txt").write_bytes(b"")
    result = runner.invoke(app, build_args(d, out=tmp_path / "out"))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[-1].startswith("Error: no document could be read")
    assert "Traceback" not in result.output and not (tmp_path / "out" / "graph.ttl").exists()


def test_output_folder_that_is_a_file(tmp_path):
    (tmp_path / "in.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "out").write_text("I am a file", encoding="utf-8")
    result = runner.invoke(app, build_args(tmp_path / "in.txt", out=tmp_path / "out"))
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith("Error: cannot write to")
    assert (tmp_path / "out").read_text(encoding="utf-8") == "I am a file"


def test_real_entry_point_has_no_traceback(messy, tmp_path):
    env = {**os.environ, "COLUMNS": "200"}
    ok = subprocess.run([*kg_cmd(), *build_args(messy, out=tmp_path / "o1")], capture_output=True, text=True,
                        env=env, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert "Built 4 document(s)" in ok.stdout and "Traceback" not in ok.stderr
    assert sum(line.startswith("Warning: ") for line in ok.stderr.splitlines()) == len(EXPECTED_WARNINGS)

    empty = tmp_path / "empty"
    empty.mkdir()
    bad = subprocess.run([*kg_cmd(), *build_args(empty, tmp_path / "missing.txt", out=tmp_path / "o2")],
                         capture_output=True, text=True, env=env, timeout=120)
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr
    lines = bad.stderr.strip().splitlines()
    assert lines == [
        f"Warning: {empty}: directory holds no .txt, .md, .html, .jsonl or .csv file; put .txt, .md, .html, "
        ".jsonl or .csv files in it.",
        f"Warning: {tmp_path / 'missing.txt'}: no such file or directory; check the path.",
        "Error: no document could be read from the inputs; pass .txt/.md/.html/.jsonl/.csv files, a folder of them, "
        "or - for stdin.",
    ]


def test_entry_point_turns_an_internal_error_into_one_line():
    code = ("import kg.cli._app as c\n"
            "def broken():\n    raise ValueError('boom')\n"
            "c.app = broken\nc.main()\n")
    env = {k: v for k, v in os.environ.items() if k != "NEWSKG_TRACEBACK"}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [
        "Error: internal error (ValueError: boom); this is a bug in newskg. Rerun with NEWSKG_TRACEBACK=1 "
        "for the traceback and report it."]
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env={**env, "NEWSKG_TRACEBACK": "1"}, timeout=60)
    assert shown.returncode == 1 and "Traceback" in shown.stderr and "ValueError: boom" in shown.stderr
