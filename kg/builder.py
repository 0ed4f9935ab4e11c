"""The build: documents in, one :class:`~kg.model.KnowledgeGraph` out.

Documents stream through ``nlp.pipe`` in batches; each parsed Doc is reduced to a small
:class:`~kg.model.DocResult` at once and dropped, so memory grows with the number of distinct
entities and facts, not with the corpus.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Callable, Iterable, Iterator, Sequence

from spacy.language import Language

from kg.extract import extract_document
from kg.extract.resolve.corpus import resolve_across_documents
from kg.model import DocResult, Document, KnowledgeGraph
from kg.nlp.text import prepare_with
from kg.resources import Resources, load_resources

log = logging.getLogger(__name__)

__all__ = ["extract_batch", "iter_batches", "iter_results", "build", "merge_results", "new_graph"]


def _parse_and_extract(
    documents: Iterable[Document], *, nlp: Language, res: Resources, batch_size: int,
) -> Iterator[DocResult]:
    """One process: ``nlp.pipe`` in batches, each Doc reduced to a DocResult and dropped."""
    prepare = prepare_with(res.entities.words)
    stream = ((prepare(d.text), d) for d in documents)
    for doc, document in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        try:
            yield extract_document(document, doc, res)
        except Exception as exc:  # one bad document must not stop a build of thousands
            log.warning("document %s: extraction failed (%s: %s); skipped", document.id, type(exc).__name__, exc)
            yield DocResult(document=document, entities=[], relations=[], error=f"{type(exc).__name__}: {exc}")


def extract_batch(
    documents: Sequence[Document], *, nlp: Language, resources: Resources | None = None, batch_size: int = 32,
) -> list[DocResult]:
    """Parse and extract a list of documents in this process (what a worker runs on one batch)."""
    res = resources or load_resources()
    return list(_parse_and_extract(documents, nlp=nlp, res=res, batch_size=batch_size))


def iter_results(
    documents: Iterable[Document],
    *,
    nlp: Language,
    resources: Resources | None = None,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[DocResult]:
    """Parse and extract, streaming: yields one DocResult per document, in input order.

    With ``n_process`` > 1 (or -1: one per CPU) batches of ``batch_size`` documents go to worker
    processes that run both spaCy *and* the extraction, and send back only the small results;
    the parent reads input, merges and writes.  At most ``2 * n_process`` batches are in flight,
    so the input is read only as fast as the workers consume it.
    """
    res = resources or load_resources()
    workers = (os.cpu_count() or 1) if n_process < 0 else n_process
    if workers <= 1:
        yield from _parse_and_extract(documents, nlp=nlp, res=res, batch_size=batch_size)
    else:
        yield from _iter_pool(documents, nlp=nlp, res=res, batch_size=batch_size, workers=workers)


def iter_batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive lists of ``size`` documents (the last may be shorter), read lazily."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, got {size}")
    it = iter(documents)
    while batch := list(islice(it, size)):
        yield batch


# -- worker processes ------------------------------------------------------------------------
_WORKER: dict[str, object] = {}


def _init_worker(nlp: Language, res: Resources, parent: int) -> None:
    # A build killed with SIGKILL cannot stop its pool: the kernel stops the workers instead
    # (without this they wait for work forever, ~150 MB each).
    import signal

    from kg.procs import die_with_parent

    die_with_parent(signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before that took effect
        os._exit(1)
    _WORKER["nlp"], _WORKER["res"] = nlp, res


def _work(documents: list[Document], batch_size: int) -> list[tuple[list, list]]:
    # Only entities and relations travel back: the parent still holds the documents.
    results = _parse_and_extract(documents, nlp=_WORKER["nlp"], res=_WORKER["res"], batch_size=batch_size)
    return [(r.entities, r.relations, r.error) for r in results]


def _mp_context():
    # fork shares the loaded pipeline with the workers (nothing to pickle or reload); elsewhere
    # the pipeline and resources are pickled to each worker once.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _iter_pool(
    documents: Iterable[Document], *, nlp: Language, res: Resources, batch_size: int, workers: int,
) -> Iterator[DocResult]:
    batches = iter_batches(documents, batch_size)
    pending: deque = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=_mp_context(),
                             initializer=_init_worker, initargs=(nlp, res, os.getpid())) as pool:
        try:
            def submit() -> None:
                batch = next(batches, None)
                if batch is not None:
                    pending.append((batch, pool.submit(_work, batch, batch_size)))

            for _ in range(2 * workers):
                submit()
            while pending:
                batch, future = pending.popleft()
                extracted = future.result()
                submit()
                for document, (entities, relations, error) in zip(batch, extracted):
                    yield DocResult(document=document, entities=entities, relations=relations, error=error)
        finally:
            for _, future in pending:
                future.cancel()


def new_graph(resources: Resources | None = None) -> KnowledgeGraph:
    res = resources or load_resources()
    return KnowledgeGraph(symmetric=res.ontology.symmetric)


def build(
    documents: Iterable[Document],
    *,
    nlp: Language,
    resources: Resources | None = None,
    graph: KnowledgeGraph | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    on_document: Callable[[DocResult], None] | None = None,
) -> KnowledgeGraph:
    """Build (or extend) a knowledge graph from documents."""
    res = resources or load_resources()
    kg = graph if graph is not None else new_graph(res)
    results = iter_results(documents, nlp=nlp, resources=res, batch_size=batch_size, n_process=n_process)
    return merge_results(kg, results, on_document=on_document, resources=res)


def merge_results(
    kg: KnowledgeGraph, results: Iterable[DocResult], *, on_document: Callable[[DocResult], None] | None = None,
    resources: Resources | None = None,
) -> KnowledgeGraph:
    """Add results in order (a failed document adds nothing), then resolve across documents."""
    for result in results:
        if result.error is None:
            kg.add(result)
        if on_document is not None:
            on_document(result)
    resolve_across_documents(kg, resources)
    return kg
