"""``kg eval``: score the builder (or a graph file) against gold annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from kg.cli._app import app, fail, out
from kg.errors import KGError

REPO = Path(__file__).resolve().parent.parent.parent

# The figures table in the README: (label, gold spec, per-document)
TABLE_ROWS = (
    ("seed article", "tests/gold/seed.json", False),
    ("dev set (BBC politics + AG News World)", "tests/gold/dev.json", False),
    ("CoNLL04 dev", "conll04:conll04_dev.json", True),
    ("CoNLL04 dev, relaxed names", "conll04-relaxed:conll04_dev.json", True),
    ("CoNLL04 test", "conll04:conll04_test.json", True),
    ("CoNLL04 test, relaxed names", "conll04-relaxed:conll04_test.json", True),
)


def evaluate_gold_file(gold_path: Path, *, model: str | None = None, pred: Path | None = None,
                       per_document: bool = False, nlp=None, inputs: list[str] | None = None):
    """Build the gold set's documents (or ``inputs``, or read ``pred``) and score. Returns a Report."""
    import rdflib

    from kg.eval.score import evaluate, load_gold, load_gold_documents

    gold = load_gold(gold_path)
    if pred is not None:
        graph = rdflib.Graph().parse(pred)
    elif inputs:
        from kg.ingest.read import iter_documents

        graph = _build(iter_documents(inputs), model=model, nlp=nlp)
    else:
        graph = _build(load_gold_documents(gold), model=model, nlp=nlp)
    return evaluate(graph, gold, per_document=per_document)


def evaluate_conll04_file(path: Path, *, model: str | None = None, pred: Path | None = None, nlp=None,
                          relaxed: bool = False):
    import rdflib

    from kg.eval.conll04 import evaluate_conll04, load_conll04

    docs, gold = load_conll04(path, relaxed=relaxed)
    graph = rdflib.Graph().parse(pred) if pred is not None else _build(docs, model=model, nlp=nlp)
    return evaluate_conll04(graph, gold)


def _build(documents, *, model: str | None, nlp=None):
    from kg.nlp.model import load_pipeline
    from kg.builder import build
    from kg.export.rdf import to_rdf
    from kg.resources import load_resources

    res = load_resources()
    nlp = nlp or load_pipeline(model)
    return to_rdf(build(documents, nlp=nlp, resources=res), resources=res)


def _conll_path(name: str) -> Path:
    from kg.eval.score import default_data_dir

    return default_data_dir() / "conll04" / name


def figures_table(*, model: str | None = None) -> str:
    """Markdown table of the current figures (README); skips sets whose data is missing."""
    from kg.nlp.model import load_pipeline

    nlp = load_pipeline(model)
    lines = ["| set | mode | P | R | F1 (micro) | F1 (macro) | entity recall | gold facts |",
             "|---|---|---|---|---|---|---|---|"]
    for label, spec, per_doc in TABLE_ROWS:
        if spec.startswith("conll04"):
            path = _conll_path(spec.split(":", 1)[1])
            if not path.exists():
                continue
            rep = evaluate_conll04_file(path, nlp=nlp, relaxed=spec.startswith("conll04-relaxed"))
        else:
            rep = evaluate_gold_file(REPO / spec, nlp=nlp, per_document=per_doc)
        m = rep.micro
        lines.append(
            f"| {label} | {'per sentence' if per_doc else 'graph'} | {m.precision:.3f} | {m.recall:.3f} | "
            f"{m.f1:.3f} | {rep.macro_f1:.3f} | {rep.entity_recall:.3f} | {m.tp + m.fn} |"
        )
    return "\n".join(lines)


@app.command("eval")
def eval_cmd(
    gold: str = typer.Argument(..., metavar="GOLD", help="Gold JSON file, 'conll04' (then PATH), or 'table'."),
    inputs: Optional[List[str]] = typer.Argument(None, metavar="[INPUT]...", help="Build from these inputs instead of the gold file's documents (for 'conll04': the SpERT JSON split)."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Score this graph file (Turtle, N-Triples, ...) instead of building."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="spaCy pipeline for the build."),
    per_document: bool = typer.Option(False, "--per-document", help="A fact counts only for the document it was read from."),
    relaxed: bool = typer.Option(False, "--relaxed", help="CoNLL04: gold names also match without titles and ', Region' suffixes."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    max_items: Optional[int] = typer.Option(40, "--max-items", help="How many missed/wrong facts to list (0 = all)."),
) -> None:
    """Measure extraction quality against gold annotations.

    Reports precision, recall and F1 per relation and overall (micro and macro), entity recall,
    duplicate nodes, false merges, and the missed and wrong facts with their evidence.

    Examples:

        kg eval tests/gold/seed.json

        kg eval tests/gold/dev.json --pred output/graph.ttl

        kg eval tests/gold/seed.json seeds/

        kg eval conll04 ../shared/data/conll04/conll04_dev.json [--relaxed]

        kg eval table          # the README's figures table
    """
    from kg.eval.score import GoldError

    try:
        if gold == "table":
            out.print(figures_table(model=model), markup=False)
            return
        if gold == "conll04":
            if not inputs:
                fail("kg eval conll04 needs the path of a CoNLL04 JSON split, e.g. "
                     "../shared/data/conll04/conll04_dev.json")
            path = Path(inputs[0])
            if not path.exists():
                fail(f"{path}: no such file; pass a CoNLL04 SpERT JSON split.")
            report = evaluate_conll04_file(path, model=model, pred=pred, relaxed=relaxed)
        else:
            path = Path(gold)
            if not path.exists():
                fail(f"{path}: no such gold file; see tests/gold/FORMAT.md for the format.")
            report = evaluate_gold_file(path, model=model, pred=pred, per_document=per_document, inputs=inputs)
    except (GoldError, KGError) as exc:
        fail(str(exc))
    except Exception as exc:  # rdflib parse errors of --pred
        if pred is not None:
            fail(f"{pred}: cannot read the graph ({type(exc).__name__}: {exc}).")
        raise
    if as_json:
        out.print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False), markup=False)
    else:
        out.print(report.to_text(max_items=max_items or None), markup=False)
