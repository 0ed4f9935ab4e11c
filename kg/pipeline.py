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
from spacy.tokens import Doc

from kg.extract.mentions import extract_mentions
from kg.extract.relations import extract_relations
from kg.model import DocResult, Document, Entity, KnowledgeGraph
from kg.nlp import prepare_text
from kg.resolve import resolve
from kg.resources import Resources, load_resources

log = logging.getLogger(__name__)

__all__ = ["extract_document", "extract_batch", "iter_batches", "iter_results", "build", "merge_results", "new_graph",
           "resolve_across_documents"]


def extract_document(document: Document, doc: Doc, res: Resources) -> DocResult:
    """Mentions -> entity resolution -> relations for one parsed document."""
    mentions = extract_mentions(doc, res)
    resolution = resolve(doc, mentions, res, document.id)
    relations, titles = extract_relations(doc, mentions, resolution, res, document.id)
    for key, found in titles.items():
        resolution.entities[key].job_titles |= found
    entities = sorted(resolution.entities.values(), key=lambda e: e.key)
    return DocResult(document=document, entities=entities, relations=relations)


def _parse_and_extract(
    documents: Iterable[Document], *, nlp: Language, res: Resources, batch_size: int,
) -> Iterator[DocResult]:
    """One process: ``nlp.pipe`` in batches, each Doc reduced to a DocResult and dropped."""
    boiler = res.entities.words.get("boilerplate", frozenset())
    agencies = res.entities.words.get("news_agencies", frozenset())
    stream = ((prepare_text(d.text, boiler, agencies), d) for d in documents)
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


def _init_worker(nlp: Language, res: Resources) -> None:
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
                             initializer=_init_worker, initargs=(nlp, res)) as pool:
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


def _sexes(persons: list[Entity], res: Resources | None) -> dict[str, frozenset[str]]:
    """The sexes each person's titled names tell ("Mrs Lind": female); none for most."""
    words = (res or load_resources()).entities.words
    female, male = words.get("female_titles", frozenset()), words.get("male_titles", frozenset())
    out = {}
    for e in persons:
        firsts = {n.split()[0].lower() for n in (e.name, *e.aliases) if len(n.split()) >= 2}
        out[e.key] = frozenset(({"female"} if firsts & female else set()) | ({"male"} if firsts & male else set()))
    return out


def resolve_across_documents(kg: KnowledgeGraph, resources: Resources | None = None) -> list[tuple[str, str]]:
    """Join a person known only by one name in some documents ("Lind") to the one person of
    the build whose full name ends with it ("Ana Lind").  Ambiguous short names stay apart.
    Titles that tell different sexes ("Baroness Lind", "Mr Lind") keep two people apart.
    Returns the merges made, as (short key, full key)."""
    persons = [e for e in kg.entities.values() if e.cls == "Person"]
    by_last: dict[str, list[str]] = {}
    for e in persons:
        words = e.name.split()
        if len(words) >= 2:
            by_last.setdefault(words[-1].casefold(), []).append(e.key)
    merges = []
    # a bare surname typed as an organisation by the NER ("Lindqvist said") is a person too
    shorts = persons + [e for e in kg.entities.values() if e.cls == "Organization" and e.key.startswith("org/")
                        and len(e.name.split()) == 1 and not e.aliases and e.name[:1].isupper()
                        and not e.name.isupper()]
    sexes = _sexes(persons, resources)
    for e in sorted(shorts, key=lambda e: e.key):
        words = e.name.split()
        if len(words) == 1:
            full = sorted(set(by_last.get(words[0].casefold(), [])))
            if len(full) == 1 and not (sexes.get(e.key) and sexes.get(full[0]) and sexes[e.key] != sexes[full[0]]):
                merges.append((e.key, full[0]))  # not "Baroness Lind" into the "Mr Lind" of another text
    for src, dst in merges:
        log.info("merging %s into %s across documents", src, dst)
        kg.merge_entity(src, dst)
    return merges


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
