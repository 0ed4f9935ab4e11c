"""They, their: a plural name or a pair named together just before.

"The Tories say they will vote against it": the party; "The Houthis seized the capital. They want to
replace the president": the group; "Trump and Kim shook hands when they met": both people. The
candidates are named in the pronoun's sentence or the one before it: a group (class Group) written
in the plural, a body whose name the tagger reads as a plural ("... Forces") or that is plural
without an "s" ("the Taliban": ``plural_names``), or two people or two non-person agents joined by
"and" as a clause's subject. No guess
inside a quotation (a speaker's "they" are others), nor when a plural common noun is a subject or
object between the candidate and the pronoun ("Officials said they ...": the officials, unnamed).
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Token

from kg.extract.mentions.records import QUOTE_MARKS
from kg.extract.resolve.records import Resolution

__all__ = ["plural_referents"]

_ROLES = frozenset({"nsubj", "nsubjpass", "poss"})
_BLOCKING = frozenset({"nsubj", "nsubjpass", "dobj"})


def plural_referents(tok: Token, r: Resolution, last_seen: dict[str, int],
                     is_agent: Callable[[str], bool], plural_names: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The entity keys a subject or possessive "they"/"their" stands for, or ().

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> from kg.extract.resolve.records import Resolution
    >>> from kg.model import Entity
    >>> doc = Doc(spacy.blank("en").vocab, words=["Rebels", "won", ".", "They", "left", "."],
    ...           heads=[1, 1, 1, 4, 4, 4], deps=["nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"],
    ...           tags=["NNPS", "VBD", ".", "PRP", "VBD", "."], sent_starts=[1, 0, 0, 1, 0, 0])
    >>> r = Resolution({"g/rebels": Entity("g/rebels", "Group", "Rebels")}, ["g/rebels"], token_keys={0: "g/rebels"})
    >>> plural_referents(doc[3], r, {"g/rebels": 0}, lambda k: True)
    ('g/rebels',)
    """
    if tok.dep_ not in _ROLES or _quoted(tok):
        return ()
    sent_start = tok.sent.start
    start = tok.doc[sent_start - 1].sent.start if sent_start else 0
    pair = _subject_pair(tok, r, start, is_agent)
    groups = sorted((k for k, i in last_seen.items()
                     if i >= start and _plural_name(tok.doc[i], r.entities[k].cls, plural_names)),
                    key=lambda k: -last_seen[k])
    got = pair if pair and (not groups or last_seen[groups[0]] < min(last_seen[k] for k in pair)) else \
        ((groups[0],) if groups else ())
    if not got:
        return ()
    since = min(last_seen[k] for k in got)
    if any(t.dep_ in _BLOCKING and t.tag_ == "NNS" and t.i not in r.token_keys for t in tok.doc[since + 1:tok.i]):
        return ()
    return got


def _plural_name(word: Token, cls: str, plural_names: frozenset[str]) -> bool:
    """Was the group written in the plural there ("the Tories", "Houthis", "the Taliban")?  A body
    of another class only where the tagger or the word list says so ("Democratic Forces", "the Taliban")."""
    if cls in ("Organization", "MilitaryUnit"):
        return word.tag_ == "NNPS" or word.lower_ in plural_names
    return cls == "Group" and (word.tag_ in ("NNPS", "NNS") or word.lower_.endswith("s") or word.lower_ in plural_names)


def _subject_pair(tok: Token, r: Resolution, start: int, is_agent: Callable[[str], bool]) -> tuple[str, ...]:
    """The last two entities joined by "and" as a clause's subject since ``start`` ("Trump and Kim
    met ..."), both people or both non-person agents."""
    keys = r.token_keys
    for t in reversed(tok.doc[start:tok.i]):
        if t.dep_ in ("nsubj", "nsubjpass") and t.i in keys:
            conj = [c for c in t.children if c.dep_ == "conj" and c.i in keys]
            if len(conj) == 1 and keys[conj[0].i] != keys[t.i]:
                a, b = keys[t.i], keys[conj[0].i]
                same = (r.entities[a].cls == "Person") == (r.entities[b].cls == "Person")
                return (a, b) if same and is_agent(a) and is_agent(b) else ()
    return ()


def _quoted(tok: Token) -> bool:
    sent = tok.sent
    return sum(1 for t in sent[: tok.i - sent.start] if t.text in QUOTE_MARKS) % 2 == 1
