"""The quality table of the README: every gold set built and scored with one pipeline.

The gold sets live in the repository (``tests/gold/``), not in the package: :func:`figures_table`
takes the folder that holds them (``kg eval table`` passes ``./tests/gold`` of the current
checkout, or ``--gold-dir``) and skips the sets whose data is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

import rdflib

from kg.errors import InputError
from kg.eval.conll04 import evaluate_conll04, load_conll04
from kg.eval.corpora import default_data_dir, load_gold_documents
from kg.eval.gold import load_gold
from kg.eval.report import Report
from kg.eval.score import evaluate
from kg.eval.timing import time_scores
from kg.model import Document

__all__ = ["TableRow", "TABLE_ROWS", "build_graph", "evaluate_gold_file", "evaluate_conll04_file", "figures_table"]


@dataclass(frozen=True, slots=True)
class TableRow:
    label: str
    gold: str  # a file name in the gold folder, or "conll04:<split file>"
    per_document: bool = False
    relaxed: bool = False


TABLE_ROWS = (
    TableRow("seed article", "seed.json"),
    TableRow("dev set (BBC politics + AG News World)", "dev.json"),
    TableRow("news corpus dev (choices were made on it)", "news/dev.json"),
    TableRow("news corpus test (held out, reporting only)", "news/test.json"),
    TableRow("CoNLL04 dev", "conll04:conll04_dev.json", True),
    TableRow("CoNLL04 dev, relaxed names", "conll04:conll04_dev.json", True, True),
    TableRow("CoNLL04 test", "conll04:conll04_test.json", True),
    TableRow("CoNLL04 test, relaxed names", "conll04:conll04_test.json", True, True),
)


def build_graph(documents: Iterable[Document], *, model: str | None = None, nlp=None) -> rdflib.Graph:
    """The RDF graph ``kg build --no-store`` would write for ``documents``."""
    from kg.builder import build
    from kg.export.rdf import to_rdf
    from kg.nlp import load_pipeline
    from kg.resources import load_resources

    res = load_resources()
    return to_rdf(build(documents, nlp=nlp or load_pipeline(model), resources=res), resources=res)


def evaluate_gold_file(gold_path: Path, *, model: str | None = None, pred: Path | None = None,
                       per_document: bool = False, nlp=None, inputs: list[str] | None = None) -> Report:
    """Build the gold set's documents (or ``inputs``, or read ``pred``) and score."""
    gold = load_gold(gold_path)
    if pred is not None:
        graph = rdflib.Graph().parse(pred)
    elif inputs:
        from kg.ingest.read import iter_documents

        graph = build_graph(iter_documents(inputs), model=model, nlp=nlp)
    else:
        graph = build_graph(load_gold_documents(gold), model=model, nlp=nlp)
    report = evaluate(graph, gold, per_document=per_document)
    scores = time_scores(gold, graph)
    time = tuple((n, a.gold, a.found, a.right) for n in ("status", "time", "time_or_report", "speaker", "attribution")
                 for a in [getattr(scores, n)])
    return replace(report, time=time) if any(f.status or f.time or f.speaker for f in gold.relations) else report


def evaluate_conll04_file(path: Path, *, model: str | None = None, pred: Path | None = None, nlp=None,
                          relaxed: bool = False) -> Report:
    """Build the sentences of a CoNLL04 split (or read ``pred``) and score them per sentence."""
    docs, gold = load_conll04(path, relaxed=relaxed)
    graph = rdflib.Graph().parse(pred) if pred is not None else build_graph(docs, model=model, nlp=nlp)
    return evaluate_conll04(graph, gold)


def figures_table(gold_dir: Path, *, rows: Iterable[TableRow] = TABLE_ROWS, model: str | None = None) -> str:
    """Markdown table of the current figures (README); skips sets whose data is missing."""
    from kg.nlp import load_pipeline

    if not (gold_dir / "seed.json").is_file():
        raise InputError(f"{gold_dir} holds no gold sets (seed.json, dev.json); run `kg eval table` from a newskg "
                         "checkout or pass --gold-dir DIR (the repository's tests/gold).")
    nlp = load_pipeline(model)
    lines = ["| set | mode | P | R | F1 (micro) | F1 (macro) | entity recall | gold facts |",
             "|---|---|---|---|---|---|---|---|"]
    for row in rows:
        if row.gold.startswith("conll04:"):
            path = default_data_dir() / "conll04" / row.gold.split(":", 1)[1]
            if not path.exists():
                continue
            rep = evaluate_conll04_file(path, nlp=nlp, relaxed=row.relaxed)
        else:
            rep = evaluate_gold_file(gold_dir / row.gold, nlp=nlp, per_document=row.per_document)
        m = rep.micro
        lines.append(
            f"| {row.label} | {'per sentence' if row.per_document else 'graph'} | {m.precision:.3f} | {m.recall:.3f} | "
            f"{m.f1:.3f} | {rep.macro_f1:.3f} | {rep.entity_recall:.3f} | {m.tp + m.fn} |"
        )
    return "\n".join(lines)
