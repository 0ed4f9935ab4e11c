"""``kg eval``: score the builder (or a graph file) against gold annotations.

A command group: ``kg eval gold FILE``, ``kg eval conll04 PATH``, ``kg eval entities FILE``, ``kg eval table``.  The old
spellings (``kg eval FILE``, ``kg eval conll04 PATH``, ``kg eval table``) still work: a first
argument that names no sub-command is read as ``gold FILE``, with a note.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import click
import typer
from typer.core import TyperGroup

from kg.cli._app import app, err, fail, out
from kg.errors import KGError


class _EvalGroup(TyperGroup):
    """``kg eval FILE`` (the old spelling) is ``kg eval gold FILE``."""

    def resolve_command(self, ctx: click.Context, args: list[str]):
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            err.print(f"Note: `kg eval {args[0]}` is now `kg eval gold {args[0]}`; the old spelling goes in the next "
                      "release.", markup=False)
            args = ["gold", *args]
        return super().resolve_command(ctx, args)


eval_app = typer.Typer(cls=_EvalGroup, no_args_is_help=True, add_completion=False, help=(
    "Measure extraction quality against gold annotations.\n\n"
    "Examples:\n\n    kg eval gold tests/gold/seed.json\n\n    kg eval conll04 ../shared/data/conll04/conll04_dev.json\n\n"
    "    kg eval table"))
app.add_typer(eval_app, name="eval")


def _show(report, as_json: bool, max_items: int | None) -> None:
    if as_json:
        out.print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False), markup=False)
    else:
        out.print(report.to_text(max_items=max_items or None), markup=False)


def _run(call, pred: Path | None):
    from kg.eval.gold import GoldError

    try:
        return call()
    except (GoldError, KGError) as exc:
        fail(str(exc))
    except Exception as exc:  # rdflib parse errors of --pred
        if pred is not None:
            fail(f"{pred}: cannot read the graph ({type(exc).__name__}: {exc}).")
        raise


@eval_app.command("gold")
def gold_cmd(
    gold: Path = typer.Argument(..., metavar="FILE", help="Gold JSON file (format: tests/gold/FORMAT.md)."),
    inputs: Optional[List[str]] = typer.Argument(None, metavar="[INPUT]...", help="Build from these inputs instead of the gold file's documents."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Score this graph file (Turtle, N-Triples, ...) instead of building."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="spaCy pipeline for the build."),
    per_document: bool = typer.Option(False, "--per-document", help="A fact counts only for the document it was read from."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    max_items: Optional[int] = typer.Option(40, "--max-items", help="How many missed/wrong facts to list (0 = all)."),
) -> None:
    """Score against a gold file: P/R/F1 per relation and overall, entity recall, duplicates,
    false merges, and the missed and wrong facts with their evidence.

    Examples:

        kg eval gold tests/gold/seed.json

        kg eval gold tests/gold/dev.json --pred output/graph.ttl
    """
    from kg.eval.table import evaluate_gold_file

    if not gold.exists():
        fail(f"{gold}: no such gold file; see tests/gold/FORMAT.md for the format.")
    report = _run(lambda: evaluate_gold_file(gold, model=model, pred=pred, per_document=per_document,
                                             inputs=inputs), pred)
    _show(report, as_json, max_items)


@eval_app.command("conll04")
def conll04_cmd(
    path: Path = typer.Argument(..., metavar="PATH", help="A CoNLL04 split in SpERT JSON (conll04_dev.json, ...)."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Score this graph file instead of building."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="spaCy pipeline for the build."),
    relaxed: bool = typer.Option(False, "--relaxed", help="Gold names also match without titles and ', Region' suffixes."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    max_items: Optional[int] = typer.Option(40, "--max-items", help="How many missed/wrong facts to list (0 = all)."),
) -> None:
    """Score on a CoNLL04 split, per sentence (Work_For=worksFor, Live_In=livesIn,
    Located_In=locatedIn, OrgBased_In=basedIn, Kill=killed).

    Example:

        kg eval conll04 ../shared/data/conll04/conll04_dev.json --relaxed
    """
    from kg.eval.table import evaluate_conll04_file

    if not path.exists():
        fail(f"{path}: no such file; pass a CoNLL04 SpERT JSON split.")
    _show(_run(lambda: evaluate_conll04_file(path, model=model, pred=pred, relaxed=relaxed), pred), as_json, max_items)


@eval_app.command("entities")
def entities_cmd(
    gold: Path = typer.Argument(..., metavar="FILE", help="Entity gold JSON (format: tests/gold/entities/ANNOTATION_TASK.md)."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="spaCy pipeline for the build."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    max_items: Optional[int] = typer.Option(40, "--max-items", help="How many false merges and split clusters to list (0 = all)."),
) -> None:
    """Score cross-document entity resolution: pairwise merge precision and recall, B-cubed, false
    merges, the corpus stage's own figures.

    Example:

        kg eval entities tests/gold/entities/dev.json
    """
    from kg.cli.entities import evaluate_entities_cli

    evaluate_entities_cli([str(gold)], model=model, as_json=as_json, max_items=max_items)


@eval_app.command("table")
def table_cmd(
    gold_dir: Path = typer.Option(Path("tests") / "gold", "--gold-dir", help="Folder of the gold sets (the repository's tests/gold)."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="spaCy pipeline for the builds."),
) -> None:
    """Print the README's quality table (every gold set built and scored).

    Example:

        kg eval table
    """
    from kg.eval.table import figures_table

    out.print(_run(lambda: figures_table(gold_dir, model=model), None), markup=False)
