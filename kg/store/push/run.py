"""The push itself: documents in, entity descriptions merged, the source's bookkeeping kept.

Order, chosen so that a push cut short anywhere is repaired by running it again:

1. read the server: the document graphs this source pushed before, the entities it still has
   to merge, and the entities the server's shares of the pushed (and pruned) documents describe;
2. mark every entity whose merged description will change as pending (for this source);
3. replace each document's graph and entity share, one document at a time, then record that
   this source owns them;
4. with ``prune``, delete the graphs of documents this source pushed before and no longer has
   (``prune_others``: every document graph under the base IRI this data does not have);
5. recompute the merged description of each marked entity from all shares on the server, and
   clear its mark in the same update;
6. recompute the fact summaries from every document graph under the base IRI on the server and
   replace the server's summary graph with them, as a whole (so removed documents and other
   sources' documents count exactly as in one store holding them all).

Nothing of another source is replaced or deleted, except a document graph of the same name (the
same document id under the same base IRI), which then belongs to the source that pushed it last.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Callable

from kg.errors import PushError
from kg.export.dataset import document_entities_graph_iri
from kg.store.push.server import Server
from kg.store.push.source import PushData, PushDocument
from kg.store.push.target import Target
from kg.store.push.transport import RequestFailed

log = logging.getLogger(__name__)

__all__ = ["Pushed", "PushReport", "push"]


@dataclass(frozen=True)
class Pushed:
    """One document that was sent."""

    doc_id: str
    triples: int
    attempts: int
    seconds: float


@dataclass(frozen=True)
class PushReport:
    """What a push did.  ``ok`` is False when something could not be done (see ``error``)."""

    target: str
    documents: int  # documents in the data
    loaded: tuple[Pushed, ...] = ()
    failed_at: str | None = None  # the document or the step that failed
    error: str | None = None
    merged: int = 0  # entities whose merged description was rewritten
    summaries: int = 0  # triples of the server's fact-summary graph after the push
    pruned: tuple[str, ...] = ()
    stale: tuple[str, ...] = ()  # graphs this source pushed earlier that the data no longer has (not pruned)
    others: int = 0  # document graphs of other sources on the server

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def triples(self) -> int:
        return sum(p.triples for p in self.loaded)

    @property
    def not_attempted(self) -> int:
        failed_doc = 1 if self.failed_at is not None and self.failed_at.startswith("document ") else 0
        return self.documents - len(self.loaded) - failed_doc

    def summary(self) -> str:
        """One line: counts only, never a list of ids."""
        if not self.ok:
            failed = self.documents - len(self.loaded) - self.not_attempted
            return (f"push to {self.target} failed at {self.failed_at}: {self.error} "
                    f"{len(self.loaded)} of {self.documents} document(s) pushed, {failed} failed, "
                    f"{self.not_attempted} not attempted; entity descriptions not merged yet, fact summaries not "
                    f"recomputed. Fix the cause and re-run the same command: every graph is replaced, so nothing "
                    f"is duplicated.")
        parts = [f"{len(self.loaded)} document(s) ({self.triples} triples) pushed to {self.target}; "
                 f"descriptions of {self.merged} entities merged with the server's; fact summaries "
                 f"recomputed over the server's documents ({self.summaries} triples)"]
        if self.pruned:
            parts.append(f"{len(self.pruned)} document graph(s) no longer in the local data deleted")
        if self.stale:
            parts.append(f"{len(self.stale)} document graph(s) this source pushed earlier are no longer in the local "
                         f"data (pass --prune to delete them)")
        if self.others:
            parts.append(f"the server also holds {self.others} document graph(s) from other sources (left alone)")
        return "; ".join(parts) + "."


def push(
    data: PushData,
    target: Target,
    *,
    source: str,
    prune: bool = False,
    prune_others: bool = False,
    on_progress: Callable[[int, int, Pushed], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> PushReport:
    """Push ``data`` as ``source`` (the name this store is known by on the server); see the module doc.

    ``prune_others`` (with ``prune``) also deletes document graphs other sources pushed.
    """
    hosts = target.plain_http_hosts()
    if hosts:
        log.warning("sending credentials over plain http to %s; prefer https", ", ".join(hosts))
    server = Server(target, data.base, source, sleep=sleep)
    local = {d.facts.graph: d for d in data.documents}
    report = dict(target=target.destination, documents=len(data.documents))
    step = "reading the server's state"
    try:
        mine = server.documents(mine=True)
        stale = {g: i for g, i in mine.items() if g not in local}
        if prune and prune_others:
            stale = {g: i for g, i in server.documents(mine=False).items() if g not in local} | stale
        doomed = stale if prune else {}
        previous = server.described([d.share.graph for d in data.documents] +
                                    [str(document_entities_graph_iri(data.base, i)) for i in doomed.values() if i])
        pending = server.pending()
        touched = previous | {e for d in data.documents for e in d.entities}
        step = "marking the entities to merge"
        server.mark_pending(touched - pending)
    except (RequestFailed, PushError) as exc:
        return PushReport(**report, failed_at=step, error=str(exc))
    loaded, error = _send(server, data.documents, on_progress)
    if error is not None:
        return PushReport(**report, loaded=tuple(loaded), failed_at=error[0], error=error[1])
    try:
        step = "recording this source's documents"
        server.record_owner(local)
        if doomed:
            step = "deleting the graphs of removed documents"
            server.drop_documents(doomed)
            for g in sorted(doomed):
                log.info("deleted %s (no longer in the local data)", g)
        step = "merging entity descriptions"
        merged = server.merge(touched | pending)
        step = "recomputing the fact summaries"
        summaries = server.replace_fact_summaries()
        step = "counting the documents of other sources"
        others = server.count_documents() - len(local) - (0 if prune else len(stale))
    except (RequestFailed, PushError) as exc:
        return PushReport(**report, loaded=tuple(loaded), failed_at=step, error=str(exc))
    return PushReport(**report, loaded=tuple(loaded), merged=merged, summaries=summaries, pruned=tuple(sorted(doomed)),
                      stale=() if prune else tuple(sorted(stale)), others=max(others, 0))


def _send(server: Server, documents: tuple[PushDocument, ...],
          on_progress: Callable[[int, int, Pushed], None] | None) -> tuple[list[Pushed], tuple[str, str] | None]:
    """Write each document; stop at the first that fails (returns where and why)."""
    loaded: list[Pushed] = []
    for i, doc in enumerate(documents):
        started = time.monotonic()
        try:
            attempts = server.write_document(doc)
        except RequestFailed as exc:
            log.info("could not load %s: %s", doc.doc_id, exc)
            if loaded:
                try:  # keep what went in owned by this source, so --prune can find it later
                    server.record_owner([d.facts.graph for d in documents[:i]])
                except RequestFailed:
                    pass
            return loaded, (f"document {doc.doc_id}", str(exc))
        pushed = Pushed(doc.doc_id, doc.triples, attempts, time.monotonic() - started)
        loaded.append(pushed)
        log.info("loaded %s (%d triples) in %d attempt(s)", doc.doc_id, doc.triples, attempts)
        if on_progress is not None:
            on_progress(i + 1, len(documents), pushed)
    return loaded, None
