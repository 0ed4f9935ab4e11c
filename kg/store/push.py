"""``kg push``: load the graph into any SPARQL 1.1 server, one named graph per request.

What is sent: the public graphs (:mod:`kg.export.dataset`): every document graph, then the merged entity
graph last.  Each graph goes in one request, replacing what the server had under that name, so
re-running a push never duplicates anything and a push cut short is repaired by running it again.

Two protocols:

``gsp``
    SPARQL 1.1 Graph Store HTTP Protocol: ``PUT <graph-store>?graph=<g>`` with the graph as
    N-Triples (sent as ``text/turtle``, of which N-Triples is a subset, because every server
    reads Turtle).
``update``
    SPARQL 1.1 Update: ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }`` posted as
    ``application/sparql-update``.  The triples are written by pyoxigraph's N-Triples serialiser
    (IRIs and literals escaped), never by pasting text into the request.

Credentials come from the environment (``NEWSKG_PUSH_USER``, ``NEWSKG_PUSH_PASSWORD``) and are
sent as HTTP Basic authentication.  Connection errors, 5xx and 429 answers are retried with
exponential backoff (bounded); other answers fail at once.  The push stops at the first graph
that cannot be loaded and the report says which documents were loaded.

``prune=True`` deletes, after a successful push, the document graphs the server has under this
base IRI that the local data no longer has (documents removed with ``kg remove``).  Finding them
needs the SPARQL query endpoint.
"""

from __future__ import annotations

import base64
import http.client
import ipaddress
import logging
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Literal, Sequence

import pyoxigraph as ox

from kg.errors import KGError

log = logging.getLogger(__name__)

__all__ = ["PushError", "Target", "GraphData", "Pushed", "PushReport", "target_from_env", "graphs_from_store",
           "graphs_from_file", "push_graphs", "server_graphs", "USER_ENV", "PASSWORD_ENV"]

USER_ENV = "NEWSKG_PUSH_USER"
PASSWORD_ENV = "NEWSKG_PUSH_PASSWORD"
Protocol = Literal["gsp", "update"]
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_DC_IDENTIFIER = ox.NamedNode("http://purl.org/dc/terms/identifier")
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_MAX_DELAY = 30.0


class PushError(KGError):
    """The data cannot be read or the server refused it."""


@dataclass(frozen=True)
class Target:
    """Where and how to push.  ``password`` never appears in ``repr``."""

    protocol: Protocol
    endpoint: str | None = None  # SPARQL query endpoint (checks, --prune)
    update_endpoint: str | None = None
    graph_store: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 60.0
    retries: int = 4
    backoff: float = 0.5

    def __post_init__(self) -> None:
        if self.protocol not in ("gsp", "update"):
            raise PushError(f"unknown protocol {self.protocol!r}; use gsp or update.")
        if self.protocol == "gsp" and not self.graph_store:
            raise PushError("--protocol gsp needs --graph-store URL (the Graph Store endpoint, e.g. "
                            "http://localhost:7878/store for Oxigraph, http://localhost:3030/ds/data for Fuseki).")
        if self.protocol == "update" and not self.update_endpoint:
            raise PushError("--protocol update needs an update endpoint: pass --endpoint URL or --update-endpoint URL.")
        for url in (self.endpoint, self.update_endpoint, self.graph_store):
            if url is not None and urllib.parse.urlsplit(url).scheme not in ("http", "https"):
                raise PushError(f"{url!r} is not an http(s) URL; pass e.g. http://localhost:7878/query.")
        if self.retries < 0 or self.backoff < 0 or self.timeout <= 0:
            raise PushError("retries and backoff must be >= 0 and timeout > 0.")


def _default_update_endpoint(endpoint: str | None) -> str | None:
    """Oxigraph and Fuseki answer updates at .../update beside .../query; others use one URL."""
    if endpoint and endpoint.rstrip("/").endswith("/query"):
        return endpoint.rstrip("/")[: -len("query")] + "update"
    return endpoint


def target_from_env(
    *,
    endpoint: str | None,
    graph_store: str | None = None,
    update_endpoint: str | None = None,
    protocol: Protocol | None = None,
    timeout: float = 60.0,
    retries: int = 4,
    backoff: float = 0.5,
    environ: dict | None = None,
) -> Target:
    """A :class:`Target` with credentials from ``NEWSKG_PUSH_USER`` / ``NEWSKG_PUSH_PASSWORD``."""
    env = os.environ if environ is None else environ
    user, password = env.get(USER_ENV) or None, env.get(PASSWORD_ENV)
    if user is None and password:
        raise PushError(f"{PASSWORD_ENV} is set but {USER_ENV} is not; set both (or neither).")
    if user is not None and password is None:
        raise PushError(f"{USER_ENV} is set but {PASSWORD_ENV} is not; export it (it is never read from the command line).")
    if not endpoint and not graph_store and not update_endpoint:
        raise PushError("pass --endpoint URL (SPARQL endpoint) and/or --graph-store URL.")
    proto = protocol or ("gsp" if graph_store else "update")
    return Target(protocol=proto, endpoint=endpoint, update_endpoint=update_endpoint or _default_update_endpoint(endpoint),
                  graph_store=graph_store, user=user, password=password, timeout=timeout, retries=retries,
                  backoff=backoff)


# -- what to send ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class GraphData:
    """One named graph to push, as N-Triples."""

    graph: str  # graph IRI
    doc_id: str | None  # None for the entity graph (or a graph that is not a document's)
    triples: int
    ntriples: bytes = field(repr=False)

    @property
    def label(self) -> str:
        return self.doc_id if self.doc_id is not None else f"<{self.graph}>"


def _graph_data(store: ox.Store, graph: ox.NamedNode) -> GraphData:
    triples = sorted((q.triple for q in store.quads_for_pattern(None, None, None, graph)), key=str)
    doc_id = None
    from kg.vocab import KG_NS

    for q in store.quads_for_pattern(None, _RDF_TYPE, ox.NamedNode(KG_NS + "Document"), graph):
        for ident in store.quads_for_pattern(q.subject, _DC_IDENTIFIER, None, graph):
            doc_id = ident.object.value
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) if triples else b""
    return GraphData(graph.value, doc_id, len(triples), data)


def _ordered(store: ox.Store, graphs: Iterable[ox.NamedNode]) -> list[GraphData]:
    """Document graphs by IRI, then graphs that are not a document's (the entity graph) last."""
    items = [_graph_data(store, g) for g in graphs]
    return sorted(items, key=lambda d: (d.doc_id is None, d.graph))


def graphs_from_store(path: Path | str) -> tuple[list[GraphData], str | None]:
    """The store's public graphs and its base IRI."""
    from kg.store.embedded import open_store, public_graphs, store_base

    store = open_store(path, read_only=True)
    return _ordered(store, public_graphs(store)), store_base(store)


def graphs_from_file(path: Path | str) -> tuple[list[GraphData], str | None]:
    """The named graphs of a dataset file (.trig .nq .jsonld), and the base IRI if recognisable."""
    from kg.store.query import open_graph_file

    path = Path(path)
    try:
        store = open_graph_file(path)
    except KGError as exc:
        raise PushError(str(exc)) from exc
    named = sorted((g for g in store.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)
    loose = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    if loose:
        raise PushError(f"{path} has {loose} triple(s) outside any named graph (a Turtle/N-Triples file?); push "
                        f"the store (--store DIR) or a dataset file written by `kg export --format trig`.")
    if not named:
        raise PushError(f"{path} holds no named graph; nothing to push.")
    base = next((g.value[: -len("kg/entities")] for g in named if g.value.endswith("/kg/entities")), None)
    return _ordered(store, named), base


# -- HTTP -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Answer:
    status: int
    body: bytes
    attempts: int


class _Failed(Exception):
    def __init__(self, message: str, attempts: int) -> None:
        super().__init__(message)
        self.attempts = attempts


def _is_loopback(url: str) -> bool:
    host = urllib.parse.urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _request(target: Target, method: str, url: str, *, body: bytes | None = None, headers: dict[str, str] | None = None,
             sleep: Callable[[float], None] = time.sleep, ok_status: Sequence[int] = ()) -> _Answer:
    """One HTTP exchange with bounded retries on connection errors, 5xx and 429."""
    hdrs = {"User-Agent": "newskg-push", **(headers or {})}
    if target.user is not None:
        token = base64.b64encode(f"{target.user}:{target.password}".encode("utf-8")).decode("ascii")
        hdrs["Authorization"] = f"Basic {token}"
    attempts = 0
    while True:
        attempts += 1
        req = urllib.request.Request(url, data=body, method=method, headers=hdrs)
        problem: str
        try:
            with urllib.request.urlopen(req, timeout=target.timeout) as resp:
                return _Answer(resp.status, resp.read(), attempts)
        except urllib.error.HTTPError as exc:
            detail = exc.read()[:300].decode("utf-8", "replace").strip()
            if exc.code in ok_status:
                return _Answer(exc.code, b"", attempts)
            problem = f"HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")
            if exc.code not in _RETRY_STATUS:
                hint = ""
                if exc.code in (401, 403):
                    hint = (f" Check {USER_ENV}/{PASSWORD_ENV} and the user's rights (Virtuoso: grant SPARQL_UPDATE; "
                            f"Oxigraph: `kg serve` and `oxigraph serve-read-only` refuse writes).")
                elif exc.code in (404, 405):
                    hint = " Check the URL: is it the server's update or graph store endpoint?"
                raise _Failed(problem + "." + hint, attempts) from None
        except (urllib.error.URLError, http.client.HTTPException, ConnectionError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", None) or exc
            problem = f"connection failed ({reason or type(exc).__name__})"
        if attempts > target.retries:
            raise _Failed(f"{problem}; gave up after {attempts} attempt(s).", attempts)
        delay = min(target.backoff * (2 ** (attempts - 1)), _MAX_DELAY)
        log.warning("%s %s: %s; retrying in %.1fs (attempt %d of %d)", method, url, problem, delay, attempts + 1,
                    target.retries + 1)
        sleep(delay)


def _graph_url(graph_store: str, graph: str) -> str:
    sep = "&" if urllib.parse.urlsplit(graph_store).query else "?"
    return graph_store + sep + urllib.parse.urlencode({"graph": graph})


def _send_graph(target: Target, data: GraphData, sleep) -> int:
    if target.protocol == "gsp":
        answer = _request(target, "PUT", _graph_url(target.graph_store, data.graph), body=data.ntriples,
                          headers={"Content-Type": "text/turtle; charset=utf-8"}, sleep=sleep)
    else:
        g = str(ox.NamedNode(data.graph))  # <...>, escaped by pyoxigraph
        text = f"DROP SILENT GRAPH {g} ;\n"
        if data.ntriples:
            text += f"INSERT DATA {{ GRAPH {g} {{\n{data.ntriples.decode('utf-8')}}} }}\n"
        answer = _request(target, "POST", target.update_endpoint, body=text.encode("utf-8"),
                          headers={"Content-Type": "application/sparql-update; charset=utf-8"}, sleep=sleep)
    return answer.attempts


def _drop_graph(target: Target, graph: str, sleep) -> None:
    if target.protocol == "gsp":
        _request(target, "DELETE", _graph_url(target.graph_store, graph), sleep=sleep, ok_status=(404,))
    else:
        _request(target, "POST", target.update_endpoint, body=f"DROP SILENT GRAPH {ox.NamedNode(graph)}".encode("utf-8"),
                 headers={"Content-Type": "application/sparql-update; charset=utf-8"}, sleep=sleep)


def server_graphs(target: Target, prefix: str, *, sleep: Callable[[float], None] = time.sleep) -> list[str]:
    """Named graphs on the server whose IRI starts with ``prefix`` (needs the query endpoint)."""
    if not target.endpoint:
        raise PushError("listing the server's graphs needs --endpoint URL (its SPARQL query endpoint).")
    prefix_literal = str(ox.Literal(prefix))  # an escaped SPARQL string
    query = ("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
             f"FILTER(STRSTARTS(STR(?g), {prefix_literal})) }}")
    try:
        answer = _request(target, "POST", target.endpoint, body=urllib.parse.urlencode({"query": query}).encode("ascii"),
                          headers={"Content-Type": "application/x-www-form-urlencoded",
                                   "Accept": "application/sparql-results+json"}, sleep=sleep)
    except _Failed as exc:
        raise PushError(f"cannot list the graphs on {target.endpoint}: {exc}") from None
    try:
        solutions = ox.parse_query_results(answer.body, format=ox.QueryResultsFormat.JSON)
        return sorted(sol["g"].value for sol in solutions if isinstance(sol["g"], ox.NamedNode))
    except (SyntaxError, ValueError, TypeError, KeyError) as exc:
        raise PushError(f"{target.endpoint} did not answer with SPARQL JSON results ({exc}); "
                        f"is --endpoint the SPARQL query endpoint?") from None


# -- the push -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Pushed:
    """One graph that was sent."""

    graph: str
    doc_id: str | None
    triples: int
    attempts: int
    seconds: float

    @property
    def label(self) -> str:
        return self.doc_id if self.doc_id is not None else f"<{self.graph}>"


@dataclass(frozen=True)
class PushReport:
    """What a push did.  ``ok`` is False when a graph could not be loaded."""

    target: str
    loaded: tuple[Pushed, ...] = ()
    failed: GraphData | None = None
    error: str | None = None
    not_attempted: tuple[GraphData, ...] = ()
    pruned: tuple[str, ...] = ()
    extra_on_server: tuple[str, ...] = ()  # document graphs only the server has (not pruned)

    @property
    def ok(self) -> bool:
        return self.failed is None and self.error is None

    @property
    def documents_loaded(self) -> tuple[str, ...]:
        return tuple(p.doc_id for p in self.loaded if p.doc_id is not None)

    @property
    def triples(self) -> int:
        return sum(p.triples for p in self.loaded)

    def summary(self) -> str:
        docs = self.documents_loaded
        others = len(self.loaded) - len(docs)
        head = (f"{len(docs)} document graph(s) and {others} other graph(s) ({self.triples} triples) "
                f"loaded into {self.target}")
        parts = [head]
        if self.pruned:
            parts.append(f"{len(self.pruned)} graph(s) of removed documents deleted")
        if self.extra_on_server:
            parts.append(f"{len(self.extra_on_server)} document graph(s) on the server are not in the local data "
                         f"(pass --prune to delete them)")
        if not self.ok:
            failed = self.failed.label if self.failed is not None else "the server check"
            pending = ", ".join(d.label for d in self.not_attempted) or "none"
            parts.append(f"FAILED at {failed}: {self.error} Loaded before the failure: {', '.join(docs) or 'none'}; "
                         f"not attempted: {pending}. Re-run the same command: each graph is replaced, "
                         f"so nothing is duplicated")
        return "; ".join(parts) + "."


def push_graphs(
    graphs: Sequence[GraphData],
    target: Target,
    *,
    base: str | None = None,
    prune: bool = False,
    on_progress: Callable[[int, int, Pushed], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> PushReport:
    """Send each graph in one request (documents first, the entity graph last); see the module doc."""
    dest = target.graph_store if target.protocol == "gsp" else target.update_endpoint
    if target.user is not None and dest and dest.startswith("http://") and not _is_loopback(dest):
        log.warning("sending credentials over plain http to %s; prefer https", urllib.parse.urlsplit(dest).hostname)
    loaded: list[Pushed] = []
    for i, data in enumerate(graphs):
        started = time.monotonic()
        try:
            attempts = _send_graph(target, data, sleep)
        except _Failed as exc:
            log.info("could not load %s: %s", data.label, exc)
            return PushReport(dest, tuple(loaded), failed=data, error=str(exc), not_attempted=tuple(graphs[i + 1:]))
        pushed = Pushed(data.graph, data.doc_id, data.triples, attempts, time.monotonic() - started)
        loaded.append(pushed)
        log.info("loaded %s (%d triples) in %d attempt(s)", data.label, data.triples, attempts)
        if on_progress is not None:
            on_progress(i + 1, len(graphs), pushed)
    pruned: list[str] = []
    extra: list[str] = []
    if base is not None and target.endpoint:
        from kg.export.dataset import document_graph_iri

        prefix = str(document_graph_iri(base, "x"))[: -len("x")]
        local = {d.graph for d in graphs}
        try:
            stale = [g for g in server_graphs(target, prefix, sleep=sleep) if g not in local]
        except PushError as exc:
            if prune:
                return PushReport(dest, tuple(loaded), error=str(exc))
            log.warning("%s", exc)
            stale = []
        for g in stale:
            if not prune:
                extra.append(g)
                continue
            try:
                _drop_graph(target, g, sleep)
            except _Failed as exc:
                return PushReport(dest, tuple(loaded), error=f"could not delete {g}: {exc}", pruned=tuple(pruned))
            pruned.append(g)
            log.info("deleted %s (no longer in the local data)", g)
    elif prune:
        why = "the base IRI of the data is unknown" if base is None else "no --endpoint to list the server's graphs"
        return PushReport(dest, tuple(loaded), error=f"--prune cannot run: {why}.")
    return PushReport(dest, tuple(loaded), pruned=tuple(pruned), extra_on_server=tuple(extra))
