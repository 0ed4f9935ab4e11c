"""Who is quoted: the speaker of each quotation of a text, so that a fact stated inside a quotation
that runs over several sentences is attributed to its speaker ('"Y attacked Z. It was a crime," X
said': the attack is X's report, though the sentence that states it names no speaker).

A quotation runs from an opening mark to its closing mark (curly marks open and close; straight
marks alternate), never past the end of a paragraph.  Its speaker is the subject of a reporting verb
of the sentence where it closes, after the mark ('," X said', '," said X', '," he told reporters'),
or else of the sentence where it opens, before the mark ('X said: "...'); the subject must be one
recognised entity.  The reporting verbs are the lexicon's ``reporting`` list.
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc, Token

from kg.extract.context.speech import speaker_keys
from kg.extract.mentions.records import QUOTE_MARKS

__all__ = ["Quote", "quotations"]

KeysAt = Callable[[int], tuple[str, ...]]
Quote = tuple[int, int, str]  # first and last token index inside the marks, the speaker's key

_OPENING = frozenset({"“", "``"})
_CLOSING = frozenset({"”", "''"})


def quotations(doc: Doc, keys_at: KeysAt, reporting: frozenset[str]) -> list[Quote]:
    """The quotations of ``doc`` whose speaker is a recognised entity.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> words = ["“", "Acme", "attacked", "Zenith", ".", "”", "Lind", "said", "."]
    >>> d = Doc(Vocab(), words=words, heads=[2, 2, 2, 2, 2, 7, 7, 7, 7],
    ...         deps=["punct", "nsubj", "ccomp", "dobj", "punct", "punct", "nsubj", "ROOT", "punct"],
    ...         pos=["PUNCT", "PROPN", "VERB", "PROPN", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"],
    ...         lemmas=["“", "Acme", "attack", "Zenith", ".", "”", "Lind", "say", "."])
    >>> quotations(d, lambda i: ("person/lind",) if i == 6 else (), frozenset({"say"}))
    [(1, 4, 'person/lind')]
    """
    out = []
    for start, end in _spans(doc):
        if end - start < 3:
            continue  # a quoted word or name ("the so-called "deal""), no speech
        who = _speaker_after(doc, end + 1, keys_at, reporting) or _speaker_before(doc, start - 1, keys_at, reporting)
        if who is not None:
            out.append((start, end - 1, who))
    return out


def _spans(doc: Doc) -> list[tuple[int, int]]:
    """(index of the first token inside, index of the closing mark) of each closed quotation."""
    spans, opened = [], None
    for t in doc:
        if "\n" in t.text_with_ws and opened is not None and t.text not in QUOTE_MARKS:
            opened = None  # a paragraph ends: an unclosed quotation is dropped
        if t.text not in QUOTE_MARKS:
            continue
        closing = t.text in _CLOSING or (t.text not in _OPENING and opened is not None)
        if closing and opened is not None:
            spans.append((opened, t.i))
            opened = None
        elif not closing:
            opened = t.i + 1
    return spans


def _speaker_after(doc: Doc, i: int, keys_at: KeysAt, reporting: frozenset[str]) -> str | None:
    """'," X said', '," said X', '," he told reporters': the reporting verb right after the mark."""
    if i >= len(doc):
        return None
    sent = doc[i].sent
    for t in doc[i:min(sent.end, i + 6)]:
        if t.pos_ == "VERB" and t.lemma_.lower() in reporting:
            return _one_subject(t, keys_at)
        if t.text in QUOTE_MARKS:
            break
    return None


def _speaker_before(doc: Doc, i: int, keys_at: KeysAt, reporting: frozenset[str]) -> str | None:
    """'X said: "...', 'X told reporters, "...': a reporting verb of the same sentence before the mark."""
    if i <= 0:
        return None
    sent = doc[i].sent
    for t in reversed(doc[max(sent.start, i - 12):i]):
        if t.text in QUOTE_MARKS:
            break
        if t.pos_ == "VERB" and t.lemma_.lower() in reporting:
            return _one_subject(t, keys_at)
    return None


def _one_subject(verb: Token, keys_at: KeysAt) -> str | None:
    keys = speaker_keys([c for c in verb.children if c.dep_ == "nsubj"], keys_at)
    return keys.pop() if len(keys) == 1 else None
