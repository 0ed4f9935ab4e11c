"""Every command and code block the README shows runs, and gives what the README shows."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", README, flags=re.S)
runner = CliRunner()


def _kg_lines(lang: str) -> list[str]:
    lines = [line.split("  #")[0].strip() for _, body in BLOCKS if _ == lang for line in body.splitlines()]
    return [line for line in lines if line.startswith("kg ")]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory, nlp):
    """A folder where the README's first command has run: seeds/ and output/."""
    d = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "seeds", d / "seeds")
    return d


@pytest.fixture(scope="module")
def built(workdir):
    import os

    old = os.getcwd()
    os.chdir(workdir)
    try:
        result = runner.invoke(app, ["build", "seeds/", "--out", "output/"])
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    return workdir, result.output


def test_the_two_commands_are_the_ones_ci_runs():
    block = next(body for lang, body in BLOCKS if lang == "bash" and "install.sh" in body)
    first, second = (line.split("#")[0].strip() for line in block.strip().splitlines())
    assert first == "bash scripts/install.sh && .venv/bin/kg build seeds/ --out output/"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == second and "bash scripts/install.sh" in ci


def test_the_build_prints_what_the_readme_shows(built):
    _, output = built
    shown = next(body for lang, body in BLOCKS if lang == "text" and body.startswith("$ kg build"))
    expected = [re.sub(r"in [\d.]+s", "in Xs", line) for line in shown.splitlines()[1:]]
    got = [re.sub(r"in [\d.]+s", "in Xs", line) for line in output.splitlines()]
    assert got == expected


@pytest.mark.parametrize("line", [line for line in _kg_lines("bash") if not line.startswith(("kg build", "kg serve"))])
def test_each_command_runs(built, line, monkeypatch):
    monkeypatch.chdir(built[0])
    result = runner.invoke(app, shlex.split(line)[1:])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) > 1  # a header and at least one row


def test_the_first_query_prints_what_the_readme_shows(built, monkeypatch):
    monkeypatch.chdir(built[0])
    shown = next(body for lang, body in BLOCKS if lang == "text" and body.startswith("deterrer,"))
    result = runner.invoke(app, shlex.split(_kg_lines("bash")[0])[1:])
    assert result.output.splitlines() == shown.splitlines()


def test_the_turtle_excerpt_is_in_the_file(built):
    ttl = (built[0] / "output" / "graph.ttl").read_text(encoding="utf-8")
    excerpt = next(body for lang, body in BLOCKS if lang == "turtle")
    needles = re.findall(r"<[^>]+>", excerpt) + [s.split(" ...")[0] for s in re.findall(r'"([^"]+)"', excerpt)]
    for needle in needles:
        assert needle in ttl, needle


@pytest.mark.parametrize("n", range(sum(1 for lang, _ in BLOCKS if lang == "python")))
def test_python_blocks_run(built, n, monkeypatch, capsys):
    monkeypatch.chdir(built[0])
    code = [body for lang, body in BLOCKS if lang == "python"][n]
    exec(compile(code, f"README python block {n}", "exec"), {})
