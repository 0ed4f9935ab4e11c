"""``--help`` reads well at 80 columns: flags take no value, examples stay whole commands."""

from __future__ import annotations

import inspect
import re

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.cli._app import fold_examples

runner = CliRunner()
COMMANDS = [c.name or c.callback.__name__ for c in app.registered_commands]


def help_text(*args: str) -> str:
    result = runner.invoke(app, [*args, "--help"], env={"COLUMNS": "80", "TERMINAL_WIDTH": "80"})
    assert result.exit_code == 0, result.output
    return result.output


def examples(command) -> list[str]:
    doc = inspect.cleandoc(command.callback.__doc__ or "")
    return [ln.strip() for ln in doc.splitlines() if ln.strip().startswith("kg ")]


@pytest.mark.parametrize("name", [None, *COMMANDS])
def test_flags_show_no_value_type(name):
    text = help_text(*([name] if name else []))
    assert "<bool>" not in text and "<str>" not in text and "list[" not in text
    if name == "build":
        assert re.search(r"--no-store\s{2,}Do not write", text)      # a flag: nothing between name and help
        assert re.search(r"--out\s+-o\s+PATH\s", text)


@pytest.mark.parametrize("command", app.registered_commands, ids=COMMANDS)
def test_examples_survive_80_columns_as_whole_commands(command):
    name = command.name or command.callback.__name__
    lines = help_text(name).splitlines()
    assert max(len(ln) for ln in lines) <= 80
    joined, current = [], ""
    for ln in lines:
        body = ln.strip()
        if current:
            current += " " + body
        elif body.startswith("kg "):
            current = body
        if current and not current.endswith("\\"):
            joined.append(" ".join(current.split()))
            current = ""
        elif current:
            current = current[:-1].rstrip()
    for example in examples(command):
        assert " ".join(example.split()) in joined, (example, joined)


def test_fold_keeps_an_option_with_its_value():
    doc = "Examples:\n\n    kg push all.trig --endpoint http://localhost:3030/ds/query --protocol update"
    folded = fold_examples(doc, width=70).splitlines()
    assert folded[-2:] == ["    kg push all.trig --endpoint http://localhost:3030/ds/query \\",
                           "        --protocol update"]
    assert fold_examples("Short:\n\n    kg build seeds/") == "Short:\n\n    kg build seeds/"
