"""``kg serve`` and ``kg push``: a local SPARQL endpoint, and loading into any SPARQL 1.1 server."""

from __future__ import annotations

import logging
import signal
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer

from kg.cli._app import app, err, fail, out
from kg.errors import KGError

DEFAULT_STORE = Path("output") / "store"


@app.command()
def serve(
    store: Path = typer.Option(DEFAULT_STORE, "--store", "-s", help="Store folder written by kg build."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (keep the loopback default unless you mean to share it)."),
    port: int = typer.Option(7878, "--port", "-p", help="TCP port."),
    engine: str = typer.Option("auto", "--engine", help="builtin (a pool of pyoxigraph workers; auto is builtin) or oxigraph (an `oxigraph query` process per query, from `pip install oxigraph`; slower on large stores)."),
    timeout: float = typer.Option(30.0, "--timeout", min=0.1, help="Seconds one query may run; a longer one is stopped (503)."),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, help="Queries run at once (default: the number of CPUs, at least 2)."),
    allow_service: bool = typer.Option(False, "--allow-service", help="Allow federated queries (SERVICE), which make this machine fetch from other servers."),
    snapshot_dir: Optional[Path] = typer.Option(None, "--snapshot-dir", help="Where the copy of the store that is served is kept (default: STORE.serve-snapshot beside the store)."),
    no_keep_snapshot: bool = typer.Option(False, "--no-keep-snapshot", help="Delete the copy when the server stops (by default it is kept, and reused by the next start while the store is unchanged)."),
) -> None:
    """Serve the store as a read-only SPARQL 1.1 endpoint at http://HOST:PORT/query.

    The store's graphs are copied when it starts (restart it to see later builds), and the copy is
    kept beside the store: a restart with the store unchanged reuses it.  Stop it with Ctrl-C.  Each query runs at most --timeout seconds; queries nested
    too deeply, federated queries (SERVICE, unless --allow-service), updates and requests from web
    pages of other sites are refused.

    Example:

        kg serve --store output/store --port 7878

        curl -G http://127.0.0.1:7878/query --data-urlencode 'query=SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    from kg.store.serve import start_server

    def _terminate(signum, frame):  # SIGTERM: stop cleanly, like Ctrl-C
        raise KeyboardInterrupt

    stop_requested: list[int] = []

    def _remember(signum, frame):  # while starting: stop right after the start, once announced
        stop_requested.append(signum)

    # Installed before the server starts: it may answer (and be told to stop) before start_server returns.
    previous = signal.signal(signal.SIGTERM, _remember)
    try:
        with _snapshot_warnings():
            server = start_server(store, host=host, port=port, engine=engine, query_timeout=timeout,  # type: ignore[arg-type]
                                  workers=workers, allow_service=allow_service, snapshot_dir=snapshot_dir,
                                  keep_snapshot=not no_keep_snapshot)
    except KGError as exc:
        signal.signal(signal.SIGTERM, previous)
        fail(str(exc))
    try:
        signal.signal(signal.SIGTERM, _terminate)
        _announce(server)
        if stop_requested:
            raise KeyboardInterrupt
        if host not in ("127.0.0.1", "localhost", "::1"):
            err.print(f"Warning: listening on {host}: anyone who can reach this address can query the graph.",
                      markup=False)
        while not server.wait(0.5):
            pass
        fail("the SPARQL server stopped by itself; run with a different --port or check the store.")
    except KeyboardInterrupt:
        out.print("Stopped.")
    finally:
        server.stop()
        signal.signal(signal.SIGTERM, previous)


class _WarningPrinter(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        err.print(f"Warning: {record.getMessage()}", markup=False, emoji=False)


@contextmanager
def _snapshot_warnings():
    """The snapshot's warnings (a damaged one made again, a folder it cannot be kept in), one line each."""
    logger, handler = logging.getLogger("kg.store.snapshot"), _WarningPrinter(logging.WARNING)
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)


def _announce(server) -> None:
    d = server.data
    out.print(_snapshot_line(d), markup=False, emoji=False)
    out.print(f"Serving {d.documents} document(s), {d.quads} quads in {d.graphs} named graph(s), read-only, "
              f"at {server.query_url} (SPARQL 1.1 protocol, {server.engine} engine). Press Ctrl-C to stop.",
              markup=False, emoji=False)


def _snapshot_line(d) -> str:
    size = f"{d.size / 2**20:,.1f} MiB"
    if d.reused:
        return f"Snapshot: reused {d.folder} (made {d.made}; the store is unchanged since), {size}."
    if d.folder is not None:
        return (f"Snapshot: made in {d.seconds:.1f}s and kept in {d.folder} ({size}); the next start reuses it "
                f"while the store is unchanged.")
    return f"Snapshot: made in {d.seconds:.1f}s in a temporary folder ({size}), deleted on stop."


@app.command()
def push(
    file: Optional[Path] = typer.Argument(None, metavar="[FILE]", help="Dataset file to push instead of the store (.trig .nq .jsonld written by kg export)."),
    endpoint: Optional[str] = typer.Option(None, "--endpoint", "-e", help="SPARQL query endpoint (e.g. http://localhost:7878/query), needed to merge with what the server holds; also the update endpoint unless --update-endpoint."),
    graph_store: Optional[str] = typer.Option(None, "--graph-store", help="Graph Store HTTP Protocol endpoint (e.g. http://localhost:7878/store)."),
    update_endpoint: Optional[str] = typer.Option(None, "--update-endpoint", help="SPARQL Update endpoint (default: --endpoint, with a final /query replaced by /update)."),
    store: Optional[Path] = typer.Option(None, "--store", "-s", help="Store folder written by kg build (default output/store)."),
    protocol: Optional[str] = typer.Option(None, "--protocol", help="gsp (PUT each graph) or update (DROP + INSERT DATA); default gsp when --graph-store is given."),
    source: Optional[str] = typer.Option(None, "--source", help="Name of this store on the server, which decides what --prune may delete (default: host name and store folder)."),
    prune: bool = typer.Option(False, "--prune", help="Also delete the server's graphs of documents this source pushed earlier and no longer has."),
    prune_others: bool = typer.Option(False, "--prune-others", help="With --prune: also delete document graphs other stores pushed (the server then holds this store's documents only)."),
    retries: int = typer.Option(4, "--retries", min=0, max=10, help="Retries per request on connection errors, timeouts and 5xx answers."),
    timeout: float = typer.Option(60.0, "--timeout", min=1.0, help="Seconds one request may take as a whole (connect, send, answer)."),
) -> None:
    """Load the documents into a SPARQL 1.1 server, merging entity descriptions with the server's.

    Each document graph replaces the server's graph of the same name, so running it again gives
    no duplicates; other stores' documents on the server are kept, and entity descriptions are
    merged over all of them.  Credentials: export NEWSKG_PUSH_USER and NEWSKG_PUSH_PASSWORD
    (HTTP Basic).

    Examples:

        kg push --store output/store --endpoint http://localhost:7878/query --graph-store http://localhost:7878/store

        kg push all.trig --endpoint http://localhost:3030/ds/query --protocol update
    """
    from kg.store.push import data_from_file, data_from_store, default_source, target_from_env
    from kg.store.push import push as push_data

    if file is not None and store is not None:
        fail("pass either FILE or --store DIR, not both.")
    if protocol is not None and protocol not in ("gsp", "update"):
        fail(f"--protocol {protocol!r}: use gsp or update.")
    if prune_others and not prune:
        fail("--prune-others only widens --prune; pass both to delete other stores' document graphs.")
    try:
        target = target_from_env(endpoint=endpoint, graph_store=graph_store, update_endpoint=update_endpoint,
                                 protocol=protocol, timeout=timeout, retries=retries)  # type: ignore[arg-type]
        data = data_from_file(file) if file is not None else data_from_store(store or DEFAULT_STORE)
    except KGError as exc:
        fail(str(exc))
    name = source or default_source(data.origin)
    err.print(f"Pushing {len(data.documents)} document(s) as source {name!r} with the "
              f"{'Graph Store protocol' if target.protocol == 'gsp' else 'SPARQL Update protocol'}...", markup=False)

    def progress(i: int, n: int, pushed) -> None:
        retried = f", {pushed.attempts} attempts" if pushed.attempts > 1 else ""
        out.print(f"[{i}/{n}] loaded {pushed.doc_id} ({pushed.triples} triples, {pushed.seconds:.2f}s{retried})",
                  markup=False, emoji=False)

    report = push_data(data, target, source=name, prune=prune, prune_others=prune_others, on_progress=progress)
    for g in report.pruned:
        out.print(f"deleted <{g}> (document no longer in the local data)", markup=False, emoji=False)
    if not report.ok:
        fail(report.summary())
    out.print(f"Done: {report.summary()}", markup=False, emoji=False)
