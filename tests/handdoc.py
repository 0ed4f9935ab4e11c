"""Hand-built spaCy parses for rule tests: no statistical model, so a test does not change when
a model is upgraded (import as ``from handdoc import hand_doc``).

A parse is a table, one token per line, in the columns of a CoNLL file::

    # i  word     head  dep       pos    lemma  tag
      0  Ana      1     compound  PROPN  _      NNP
      1  Lind     2     nsubj     PROPN  _      NNP
      2  met      2     ROOT      VERB   meet   VBD
      3  Bo       4     compound  PROPN  _      NNP
      4  Berg     2     dobj      PROPN  _      NNP
      5  .        2     punct     PUNCT  _      .

``i`` must count the rows (it catches a row left out, which would shift every head); ``head`` is
the absolute index of the head (a root is its own head); ``_`` as lemma is the word itself (lower
case unless a proper noun).  Lines starting with ``#`` and blank lines are skipped.  The spacing
is English: no space before ``, . 's : ; ) ? !`` and ``n't``, none after ``(``, none on either
side of a single hyphen token (``US-China`` is three tokens written together).

Entities are given as ``(words, label)``: the first occurrence of the words (tokens joined by
one space) becomes a span with that NER label, or ``(words, label, n)`` for the n-th occurrence.
The vocabulary is ``spacy.blank("en").vocab`` (English lexical attributes: stop words, numbers).
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

__all__ = ["hand_doc", "blank_vocab", "make_doc"]

_NO_SPACE_BEFORE = frozenset({",", ".", "'s", "’s", "'", ":", ";", ")", "?", "!", "n't", "-", "”"})
_NO_SPACE_AFTER = frozenset({"(", "-", "“"})


@lru_cache(maxsize=1)
def blank_vocab() -> Vocab:
    """The vocabulary of a blank English pipeline (shared, so matchers compile once)."""
    return spacy.blank("en").vocab


def _rows(table: str) -> list[tuple[str, int, str, str, str, str]]:
    rows = []
    for line in table.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        cols = line.split()
        if len(cols) != 7:
            raise ValueError(f"a parse row needs 7 columns (i word head dep pos lemma tag): {line!r}")
        i, word, head, dep, pos, lemma, tag = cols
        if int(i) != len(rows):
            raise ValueError(f"row {len(rows)} is numbered {i}: {line!r}")
        if lemma == "_":
            lemma = word if pos == "PROPN" else word.lower()
        rows.append((word, int(head), dep, pos, lemma, tag))
    return rows


def _spaces(words: list[str]) -> list[bool]:
    return [i + 1 < len(words) and words[i] not in _NO_SPACE_AFTER and words[i + 1] not in _NO_SPACE_BEFORE
            for i in range(len(words))]


def _span(doc: Doc, words: str, label: str, nth: int = 1) -> Span:
    want = words.split()
    seen = 0
    for start in range(len(doc) - len(want) + 1):
        if [t.text for t in doc[start:start + len(want)]] == want:
            seen += 1
            if seen == nth:
                return Span(doc, start, start + len(want), label=label)
    raise ValueError(f"entity {words!r} (occurrence {nth}) is not in {doc.text!r}")


def hand_doc(table: str, ents: tuple = (), *, vocab: Vocab | None = None) -> Doc:
    """A parsed Doc from a parse table and entity spans (see the module docstring)."""
    rows = _rows(table)
    words = [r[0] for r in rows]
    for n, r in enumerate(rows):
        if not 0 <= r[1] < len(rows):
            raise ValueError(f"row {n} ({r[0]!r}) has head {r[1]}, outside the sentence")
    doc = Doc(vocab or blank_vocab(), words=words, spaces=_spaces(words), heads=[r[1] for r in rows],
              deps=[r[2] for r in rows], pos=[r[3] for r in rows], lemmas=[r[4] for r in rows],
              tags=[r[5] for r in rows])
    doc.ents = [_span(doc, *e) for e in ents]
    return doc


def make_doc(rows, ents=(), *, vocab: Vocab | None = None) -> Doc:
    """The tuple form: rows of (word, head index, dep, pos, lemma, tag); ents as (start, end,
    label) token offsets."""
    words = [r[0] for r in rows]
    doc = Doc(vocab or blank_vocab(), words=words, spaces=_spaces(words), heads=[r[1] for r in rows],
              deps=[r[2] for r in rows], pos=[r[3] for r in rows], lemmas=[r[4] for r in rows],
              tags=[r[5] for r in rows])
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc
