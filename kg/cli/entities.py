"""``kg entities``: review corpus-level entity resolution (suspected duplicates, merges, top
entities), and the ``--aliases`` option of ``kg build``."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Optional

import typer

from kg.cli._app import app, err, fail, out
from kg.errors import KGError

DEFAULT_STORE = Path("output") / "store"
FORMATS = ("table", "csv", "json")


def load_alias_option(value: Optional[Path]):
    """Read and check an ``--aliases`` file (a user error is one ``Error:`` line); None passes."""
    if value is None:
        return None
    from kg.extract.resolve.corpus import load_aliases
    from kg.resources import load_resources

    if not value.is_file():
        fail(f"--aliases {value}: no such file; pass a .toml or .csv alias file (see docs/entities.md).")
    try:
        return load_aliases(value, load_resources().ontology.classes)
    except KGError as exc:
        fail(str(exc))


def aliases_callback(value: Optional[Path]):
    """Typer callback of ``kg build --aliases``: the file is checked before any document is read."""
    return load_alias_option(value)


def apply_aliases(graph, table, resources) -> None:
    """Resolve the built graph again with the user's alias table (``kg build --aliases``)."""
    if table is not None:
        from kg.extract.resolve.corpus import resolve_across_documents

        resolve_across_documents(graph, resources, aliases=table)


def _rows(kind: str, kg, resolution, limit: int | None) -> tuple[list[str], list[list[str]]]:
    names = {k: t.name for k, t in resolution.targets.items()}
    if kind == "suspects":
        rows = [[rule, " | ".join(f"{names.get(k, k)} <{k}>" for k in keys), evidence]
                for rule, keys, evidence in resolution.suspects]
        return ["rule", "entities", "evidence"], rows[:limit]
    if kind == "merged":
        rows = [[m.key, m.doc or "(all)", f"{names.get(m.target, m.target)} <{m.target}>", m.rule, m.evidence]
                for m in sorted(resolution.merges, key=lambda m: (m.target, m.key, m.doc or ""))]
        return ["key", "document", "merged into", "rule", "evidence"], rows[:limit]
    ents = sorted(kg.entities.values(), key=lambda e: (-e.mentions, e.key))[:limit or 200]
    rows = [[str(n), e.name, e.cls, str(e.mentions), str(len(e.docs)), e.key,
             "; ".join(sorted(e.aliases)[:12])] for n, e in enumerate(ents, 1)]
    return ["rank", "name", "class", "mentions", "documents", "key", "aliases"], rows


@app.command()
def entities(
    store: Path = typer.Option(DEFAULT_STORE, "--store", "-s", help="Store folder written by kg build."),
    merged: bool = typer.Option(False, "--merged", help="List the merges made (rule and evidence) instead of the suspects."),
    top: bool = typer.Option(False, "--top", help="List the most mentioned entities with their aliases instead."),
    aliases: Optional[Path] = typer.Option(None, "--aliases", help="Preview with this alias file (.toml/.csv) instead of the stored one."),
    fmt: str = typer.Option("table", "--format", "-f", help="table | csv | json."),
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=1, help="Show at most N rows (--top: default 200)."),
) -> None:
    """Review entity resolution over everything in the store: by default the suspected duplicates
    (entities a rule could not join or tell apart), each with its evidence.

    Add the pairs you agree are one entity (or must stay two) to an alias file and rebuild with
    `kg build ... --aliases FILE` (see docs/entities.md).

    Examples:

        kg entities --store output/store

        kg entities --merged --format csv > merges.csv

        kg entities --top -n 50

        kg entities --aliases my-aliases.toml
    """
    if fmt not in FORMATS:
        fail(f"--format {fmt!r} is not one of {', '.join(FORMATS)}.")
    if merged and top:
        fail("pass --merged or --top, not both.")
    table = load_alias_option(aliases)
    try:
        from kg.store.review import resolve_store

        kg, resolution = resolve_store(store, aliases=table)
    except KGError as exc:
        fail(str(exc))
    kind = "merged" if merged else "top" if top else "suspects"
    header, rows = _rows(kind, kg, resolution, limit)
    if fmt == "json":
        out.print(json.dumps([dict(zip(header, r)) for r in rows], indent=2, ensure_ascii=False), markup=False)
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(header)
        writer.writerows(rows)
    else:
        from rich.table import Table
        from rich.text import Text

        t = Table(header_style="bold")
        for h in header:
            t.add_column(h, overflow="fold")
        for r in rows:
            t.add_row(*(Text(c) for c in r))
        out.print(t)
        err.print(f"{len(rows)} row(s); {len(kg.documents)} document(s), {len(kg.entities)} entities", markup=False)


def evaluate_entities_cli(inputs: list[str] | None, *, model: str | None, as_json: bool, max_items: int | None) -> None:
    """``kg eval entities GOLD``: pairwise and B-cubed merge scores against an entity gold."""
    if not inputs:
        fail("kg eval entities needs an entity gold file, e.g. tests/gold/entities/dev.json")
    path = Path(inputs[0])
    if not path.is_file():
        fail(f"{path}: no such entity gold file; see tests/gold/entities/ANNOTATION_TASK.md for the format.")
    from kg.eval.entities import evaluate_entities
    from kg.eval.gold import GoldError

    try:
        report = evaluate_entities(path, model=model)
    except (GoldError, KGError, FileNotFoundError) as exc:
        fail(str(exc))
    if as_json:
        out.print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False), markup=False)
    else:
        out.print(report.to_text(max_items=max_items or None), markup=False)
