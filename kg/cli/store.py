"""``kg query``, ``kg remove``, ``kg render``, ``kg validate`` and ``kg export``: use the graph once it is built."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import List, Optional

import typer

from kg.cli._app import app, err, fail, out
from kg.errors import KGError

DEFAULT_STORE = Path("output") / "store"
RESULT_FORMATS = ("table", "csv", "tsv", "json")


def _pick_source(store: Optional[Path], graph: Optional[Path]) -> tuple[str, Path]:
    if store and graph:
        fail("pass either --store DIR or --graph FILE, not both.")
    if graph:
        if graph.is_dir():  # a store folder passed as --graph
            return "store", graph
        return "graph", graph
    path = store or DEFAULT_STORE
    if not (path / "CURRENT").is_file():
        from kg.errors import StoreDamaged
        from kg.store.embedded import open_store

        try:
            open_store(path, read_only=True)  # a folder with store files but no CURRENT: say it is damaged
        except StoreDamaged as exc:
            fail(str(exc))
        except KGError:
            pass
        hint = "" if store else " (the default is output/store)"
        fail(f"no newskg store at {path}{hint}; run `kg build INPUT --out DIR` first, "
             f"or pass --store DIR or --graph FILE.ttl.")
    return "store", path


@app.command()
def query(
    sparql: Optional[str] = typer.Argument(None, metavar="QUERY", help='SPARQL text, or @file.rq to read it from a file.'),
    store: Optional[Path] = typer.Option(None, "--store", "-s", help="Store folder written by kg build (default output/store)."),
    graph: Optional[Path] = typer.Option(None, "--graph", "-g", help="Query an RDF file instead (.ttl .trig .nq .nt .jsonld)."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="table | csv | tsv | json (default: table on a terminal, else csv)."),
    bind: Optional[List[str]] = typer.Option(None, "--bind", "-b", help="NAME=VALUE bound to ?NAME: <iri>, prefix:name, number or text (repeatable)."),
    named: Optional[str] = typer.Option(None, "--named", "-n", help="Run a shipped competency query (see --list)."),
    list_: bool = typer.Option(False, "--list", help="List the shipped competency queries and exit."),
    timeout: float = typer.Option(60.0, "--timeout", min=0, help="Seconds the query may run before it is stopped (0: no limit)."),
    allow_service: bool = typer.Option(False, "--allow-service", help="Allow federated queries (SERVICE), which make this machine fetch from other servers."),
) -> None:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT) over the store or an RDF file.

    Prefixes kg: schema: skos: rdfs: rdf: owl: xsd: dcterms: prov: wd: ent: are predeclared.
    The query stops after --timeout seconds (or at Ctrl-C); federated queries (SERVICE) are
    refused unless --allow-service.

    Examples:

        kg query "SELECT ?s ?o WHERE { ?s kg:deters ?o }"

        kg query --named announced --bind name=Ruritania --format json

        kg query @my.rq --graph output/graph.ttl --format csv
    """
    from kg.store.query import named_queries

    if list_:
        for q in named_queries().values():
            binds = " ".join([*(f"--bind {b}=..." for b in q.binds), *(f"[--bind {b}=...]" for b in q.optional)])
            binds = f"  {binds}" if binds else ""
            out.print(f"{q.name:<20} {q.title}: {q.description}{binds}", markup=False, emoji=False)
        return
    if fmt is not None and fmt not in RESULT_FORMATS:
        fail(f"--format {fmt!r} is not one of {', '.join(RESULT_FORMATS)}.")
    fmt = fmt or ("table" if out.is_terminal else "csv")
    try:
        from kg.store.query import load_query, prefixes_for, query_file, query_store, serialize_result

        text = load_query(sparql, named=named)
        if named:
            missing = [b for b in named_queries()[named].binds
                       if not any(x.partition("=")[0].strip().lstrip("?$") == b for x in bind or ())]
            if missing:
                fail(f"--named {named} needs {' '.join(f'--bind {b}=...' for b in missing)}.")
        kind, path = _pick_source(store, graph)
        result = (query_store if kind == "store" else query_file)(path, text, bindings=tuple(bind or ()),
                                                                   timeout=timeout or None, allow_service=allow_service)
        prefixes = prefixes_for(None)
        if fmt == "table":
            _print_table(result, prefixes)
        else:
            sys.stdout.buffer.write(serialize_result(result, fmt, prefixes=prefixes))
            sys.stdout.flush()
    except KGError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        err.print("Interrupted: the query was stopped.")
        raise typer.Exit(130) from None


def _print_table(result, prefixes: dict[str, str]) -> None:
    from rich.table import Table
    from rich.text import Text

    from kg.store.query import rows_as_text, serialize_result

    if result.kind == "ask":
        out.print("true" if result.boolean else "false")
        return
    if result.kind == "graph":
        out.print(serialize_result(result, "table", prefixes=prefixes).decode("utf-8"), markup=False, emoji=False, end="")
        return
    table = Table(show_lines=False, header_style="bold")
    for v in result.variables:
        table.add_column(v, overflow="fold")
    for row in rows_as_text(result, prefixes):
        table.add_row(*(Text(cell) for cell in row))  # data, never markup or emoji codes
    out.print(table)
    err.print(f"{len(result.rows)} row(s)")


@app.command()
def remove(
    doc_ids: List[str] = typer.Argument(..., metavar="DOC_ID...", help="Ids of the documents to take out (see `kg query --named documents`)."),
    store: Path = typer.Option(DEFAULT_STORE, "--store", "-s", help="Store folder written by kg build."),
) -> None:
    """Take documents' facts, provenance and entity mentions out of the store.

    The output files beside the store (graph.ttl and the other RDF files, graph.graphml,
    graph.html) are rewritten from it, so none still shows the removed documents.

    Entities only those documents mentioned disappear; the others get their labels, aliases and
    mention counts recomputed from the documents that remain.

    Example:

        kg remove article-17 --store output/store
    """
    from kg.export.write import OutputLock
    from kg.store.outputs import follow_store
    from kg.store.update import remove_documents

    try:
        # the files beside the store follow it (the layout kg build writes: OUT/store, OUT/graph.*)
        lock = OutputLock(store.parent, on_wait=lambda msg: err.print(msg, markup=False)) \
            if store.parent.is_dir() else nullcontext()
        with lock:
            report = remove_documents(store, list(doc_ids))
            written = follow_store(store)
    except KGError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write {exc.filename or store.parent}: {exc.strerror}; check the folder's permissions.")
    out.print(f"Removed {len(report.removed)} document(s) from {store}; {report.documents} document(s), "
              f"{report.quads} quads remain ({report.entities_updated} entity description(s) recomputed).",
              markup=False, emoji=False)
    for path in written:
        out.print(f"  rewrote {path}", markup=False, emoji=False)


@app.command()
def render(
    store: Path = typer.Option(DEFAULT_STORE, "--store", "-s", help="Store folder written by kg build."),
    out_dir: Optional[Path] = typer.Option(None, "--out", "-o", help="Folder for graph.html and graph.graphml (default: the store's parent folder)."),
    max_nodes: Optional[int] = typer.Option(None, "--max-nodes", min=1, help="HTML: keep only the N most connected entities."),
    focus: Optional[List[str]] = typer.Option(None, "--focus", help="HTML: keep the neighbourhood of this entity (repeatable)."),
    hops: int = typer.Option(1, "--hops", min=1, help="HTML: neighbourhood radius for --focus."),
    no_html: bool = typer.Option(False, "--no-html", help="Write graph.graphml only."),
) -> None:
    """Draw the page (graph.html) and GraphML again from everything in the store, no NLP.

    Examples:

        kg render --store output/store --max-nodes 150

        kg render --focus "Tony Blair" --hops 2 --out blair/
    """
    from kg.export.write import OutputLock
    from kg.store.outputs import render_store

    target = out_dir or store.parent
    try:
        target.mkdir(parents=True, exist_ok=True)
        with OutputLock(target, on_wait=lambda msg: err.print(msg, markup=False)):
            written = render_store(store, target, html=not no_html, max_nodes=max_nodes, focus=tuple(focus or ()),
                                   hops=hops)
    except KGError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write to {exc.filename or target}: {exc.strerror}; check the --out folder and its permissions.")
    for path in written:
        out.print(f"wrote {path}", markup=False, emoji=False)


@app.command()
def validate(
    file: Optional[Path] = typer.Argument(None, metavar="FILE", help="RDF file to check (.ttl .trig .nq .nt .jsonld)."),
    store: Optional[Path] = typer.Option(None, "--store", "-s", help="Check the store instead."),
    engine: str = typer.Option("auto", "--engine", help="SHACL engine: auto (split when pyshacl-turbo is installed), split (SPARQL constraints once over the whole graph, the rest by pyshacl-turbo), turbo (pyshacl-turbo) or pyshacl (the reference)."),
) -> None:
    """Check a graph against the SHACL shapes (ontologies/shapes.ttl); exit 1 on violations.

    Examples:

        kg validate output/graph.ttl

        kg validate --store output/store
    """
    try:
        from kg.store.validate import load_rdf_file, validate_graph

        if file is not None and store is not None:
            fail("pass either FILE or --store DIR, not both.")
        if file is None and store is None:
            file = Path("output") / "graph.ttl"
            if not file.is_file():
                fail("nothing to validate: pass FILE or --store DIR (default output/graph.ttl does not exist).")
        if store is not None:
            import rdflib

            from kg.store.embedded import export_store

            data = rdflib.Graph().parse(data=export_store(store, "ntriples"), format="nt")
            label = str(store)
        else:
            data = load_rdf_file(file)
            label = str(file)
        report = validate_graph(data, engine=engine)
    except KGError as exc:
        fail(str(exc))
    for v in report.violations:
        out.print(v.line(), markup=False, emoji=False)
    errors = sum(1 for v in report.violations if v.severity == "Violation")
    if not report.conforms:
        err.print(f"{label}: {errors} SHACL violation(s) in {report.triples} triples.", markup=False, emoji=False)
        raise typer.Exit(1)
    out.print(f"{label}: conforms to the newskg shapes ({report.triples} triples).", markup=False, emoji=False)


@app.command()
def export(
    store: Path = typer.Option(DEFAULT_STORE, "--store", "-s", help="Store folder written by kg build."),
    fmt: str = typer.Option("turtle", "--format", "-f", help="turtle | trig | nquads | ntriples | jsonld."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: standard output)."),
) -> None:
    """Write everything in the store (all builds) as one RDF file.

    Example:

        kg export --store output/store --format trig -o all.trig
    """
    from kg.store.embedded import export_store

    try:
        data = export_store(store, fmt)
    except KGError as exc:
        fail(str(exc))
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from kg.export.write import write_atomic

    try:
        write_atomic(output, data)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror}; check the path and its permissions.")
    out.print(f"wrote {output} ({len(data)} bytes)", markup=False, emoji=False)
