"""Streaming: the build reads its input lazily, keeps no list of parsed Docs, and the graph
model grows with distinct entities and facts, not with the number of documents."""

from __future__ import annotations

import gc
from typing import Iterator

import pytest
from helpers import NEWS_TEXTS
from spacy.tokens import Doc

from kg.builder import build, iter_batches, iter_results
from kg.model import Document

TEXTS = NEWS_TEXTS


def corpus(copies: int) -> list[Document]:
    """The texts repeated ``copies`` times, each copy with new document ids."""
    return [Document(f"c{k}-d{i}", text) for k in range(copies) for i, text in enumerate(TEXTS)]


class Counting:
    """An input iterator that records how many documents the consumer has pulled."""

    def __init__(self, documents: list[Document]) -> None:
        self.documents = documents
        self.pulled = 0

    def __iter__(self) -> Iterator[Document]:
        for doc in self.documents:
            self.pulled += 1
            yield doc


def live_docs() -> int:
    return sum(1 for o in gc.get_objects() if isinstance(o, Doc))


def test_single_process_reads_lazily_and_keeps_no_docs(nlp, res):
    docs = corpus(8)  # 48 documents
    source = Counting(docs)
    batch = 4
    ahead, alive, order = [], [], []
    for k, result in enumerate(iter_results(source, nlp=nlp, resources=res, batch_size=batch, n_process=1), 1):
        order.append(result.document.id)
        ahead.append(source.pulled - k)
        alive.append(live_docs())
    assert order == [d.id for d in docs]
    # never more than a couple of spaCy batches read ahead of what was yielded ...
    assert max(ahead) <= 2 * batch, ahead
    # ... and never more than a couple of batches of parsed Docs alive, however long the input
    assert max(alive) <= 2 * batch, alive
    gc.collect()
    assert live_docs() == 0


def test_worker_processes_read_lazily_and_match_single_process(nlp, res):
    docs = corpus(5)  # 30 documents
    source = Counting(docs)
    batch, workers = 3, 2
    ahead, pooled = [], []
    for k, result in enumerate(iter_results(source, nlp=nlp, resources=res, batch_size=batch, n_process=workers), 1):
        pooled.append(result)
        ahead.append(source.pulled - k)
    # at most 2 * workers batches in flight, plus the one being handed out
    assert max(ahead) <= (2 * workers + 1) * batch, ahead
    assert min(ahead[: len(docs) - (2 * workers + 1) * batch]) >= batch  # the workers were kept busy
    local = list(iter_results(docs, nlp=nlp, resources=res, batch_size=batch, n_process=1))
    assert [r.document for r in pooled] == docs  # same order, the full documents (with text)
    assert [r.relations for r in pooled] == [r.relations for r in local]
    assert [[(e.key, e.cls, e.name, e.aliases, e.mentions, e.docs) for e in r.entities] for r in pooled] == \
        [[(e.key, e.cls, e.name, e.aliases, e.mentions, e.docs) for e in r.entities] for r in local]


def test_graph_grows_with_distinct_facts_not_documents(nlp, res):
    once = build(corpus(1), nlp=nlp, resources=res, batch_size=4)
    thrice = build(corpus(3), nlp=nlp, resources=res, batch_size=4)
    assert len(thrice.documents) == 3 * len(once.documents)
    assert set(thrice.entities) == set(once.entities)
    assert set(thrice.facts) == set(once.facts)
    # provenance grows with the documents (one statement per reading), entities keep their count
    assert thrice.stats()["statements"] == 3 * once.stats()["statements"]
    assert all(thrice.entities[k].mentions == 3 * once.entities[k].mentions for k in once.entities)


def test_iter_batches_is_lazy_and_complete():
    pulled = []

    def source():
        for i in range(7):
            pulled.append(i)
            yield i

    it = iter_batches(source(), 3)
    assert next(it) == [0, 1, 2]
    assert pulled == [0, 1, 2]
    assert list(it) == [[3, 4, 5], [6]]
    with pytest.raises(ValueError, match="at least 1"):
        next(iter_batches([], 0))
