"""Long documents are parsed in pieces with exact offsets; very long sentences are capped.

The 20 MB case is run by hand (``python tests/robustness/big_document.py 20000000``); here the
same code path runs on a 2 MB text (tokenizer only, to stay fast) and on ~60 kB with the full
pipeline and a small piece size.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.builder import build
from kg.extract import extract_document
from kg.model import Document
from kg.nlp.components import MAX_SENTENCE_TOKENS
from kg.nlp.text import split_text

PARAGRAPH = (
    "Acme Corp hired Jane Roe as chief executive on Monday, the company said. "
    "The government of France criticized Germany over the new trade rules, officials said. "
    "Berlin rejected the claim.\n\n"
)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab .\n\t\u00e9"), max_size=400), limit=st.integers(1, 60))
def test_split_text_pieces_concatenate_to_the_text(text, limit):
    pieces = split_text(text, max_chars=limit)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= limit for p in pieces) or pieces == [""]


def test_split_text_prefers_paragraphs_then_lines():
    text = "aaaa bbbb.\n\ncccc dddd\neeee"
    assert split_text(text, max_chars=12) == ["aaaa bbbb.\n\n", "cccc dddd\n", "eeee"]
    assert split_text("x" * 25, max_chars=10) == ["x" * 10, "x" * 10, "x" * 5]


def test_two_megabytes_pass_the_max_length_guard_with_exact_text(nlp):
    text = (PARAGRAPH * (2_000_000 // len(PARAGRAPH) + 1))[:2_000_000]
    assert len(text) > nlp.max_length or len(text) > nlp.newskg_chunk_chars
    heavy = [n for n in nlp.pipe_names if n != "newskg_paragraphs"]
    doc = next(nlp.pipe([text], disable=heavy))  # time and memory: benchmarks/long_document.py
    assert doc.text == text and len(doc) > 300_000


def test_long_document_offsets_are_document_offsets(nlp, res):
    text = PARAGRAPH * 150    # ~30 kB, far over the piece size set below
    old = nlp.newskg_chunk_chars
    nlp.newskg_chunk_chars = 2_000
    try:
        doc = nlp(text)
        assert doc.text == text
        assert [(e.start_char, e.text) for e in doc.ents if e.text == "Jane Roe"][:2] == \
            [(text.index("Jane Roe"), "Jane Roe"), (len(PARAGRAPH) + text.index("Jane Roe"), "Jane Roe")]
        graph = build([Document("long", text)], nlp=nlp, resources=res)
    finally:
        nlp.newskg_chunk_chars = old
    evidence = [ev for evs in graph.facts.values() for ev in evs]
    assert len(evidence) >= 150          # one statement per paragraph at least
    assert all(text[ev.start:ev.end] == ev.sentence for ev in evidence)
    assert max(ev.end for ev in evidence) > len(text) - len(PARAGRAPH)


@pytest.mark.parametrize("joiner", [" and ", ", "], ids=["and-chain", "commas"])
def test_five_thousand_word_sentence_is_capped(nlp, res, joiner):
    rng = random.Random(7)
    words = ["Jane Roe", "Acme Corp", "Paris", "France", "Germany", "Berlin", "met", "with", "said"]
    text = joiner.join(rng.choice(words) for _ in range(5000)) + "."
    doc = nlp(text)
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS  # what keeps it linear (benchmarks/long_document.py)
    result = extract_document(Document("run-on", text), doc, res)    # no RecursionError
    assert result.entities and all(text[r.evidence.start:r.evidence.end] == r.evidence.sentence
                                   for r in result.relations)


def test_very_long_token(nlp, res):
    text = "Paris " + "x" * 50_000 + " Berlin met Acme Corp."
    graph = build([Document("token", text)], nlp=nlp, resources=res)
    assert "long" not in graph.documents and "token" in graph.documents
