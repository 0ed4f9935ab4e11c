"""Bounds: the days between which the sentence says a post was held.

A date of the fact's clause bounds a post when a word of ``lexicon/time.toml`` introduces it:

* ``since_preps``: "foreign minister since 2013", "has headed the agency since March" -> a start
  (the first day the date names);
* ``until_preps``: "who was prime minister until 2003" -> an end (the last day the date names);
* ``range_openers`` and ``range_links``: "led the party from 1997 to 2007", "president between
  2009 and 2017" -> both (one date alone, "from 2001", gives nothing);
* ``range_brackets``: "the former chairman (1994-2001)" -> both, only when the brackets hold two
  dates linked by a ``range_links`` word or dash.

The date belongs to the fact when the word it hangs on (through its preposition) is on the
shortest dependency path between the fact's two arguments (pronouns aside) ("X, chairman of Y since 2013": "chairman";
"X led Y from 1997": "led"), or, with one argument in the sentence, on a description of it ("X,
who was prime minister until 2003": the relative clause).  Dates are resolved by
:func:`kg.extract.context.dates.resolve` against the report date; a relative date ("since March")
needs one.  Of several dates of one fact, the one nearest the post's object counts; a start
after the end gives nothing.
"""

from __future__ import annotations

from typing import Iterable, NamedTuple, Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from kg.extract.context.dates import resolve
from kg.extract.learned.features import dep_path
from kg.resources.words import TimeWords

__all__ = ["Bounds", "date_range", "validity_bounds"]

_DESCRIPTIONS = frozenset({"appos", "relcl", "acl"})  # a clause or noun describing an argument
_MODIFIERS = frozenset({"amod", "compound"})  # "Republican senator", "Acme chairman"
_MAX_PATH = 6  # tokens: "X, who served as president of Y"; a longer path crosses clauses
_RIGHT_WORDS = 3  # tokens after a link that may spell the second date of a range ("March 2005")


class Bounds(NamedTuple):
    start: str | None  # ISO date or None
    end: str | None


def _path(a: Token, b: Token) -> set[int]:
    """Token indexes of the dependency path from ``a`` to ``b`` (both included)."""
    got = dep_path(a, b)
    if got is None:
        return {a.i, b.i}  # different sentences of one span: no path
    up_a, top, up_b = got
    return {t.i for t in (*up_a, top, *up_b)}


def _fact_tokens(subject: Sequence[Token], obj: Sequence[Token]) -> set[int]:
    """Where a bound of the fact may hang: the shortest path between its arguments' mentions, or
    with one argument found (or only a long path, through other clauses: "a policy it had
    maintained since 1967, a policy that President X had reiterated"), the person and what
    describes it (an apposition, a relative clause).  Never the person's own name: a date on a name
    is a misparse ("air cover for Syria's President X since 2015") or a life's dates ("X
    (1920-2001)")."""
    paths = sorted((_path(s, o) for s in subject for o in obj), key=len)
    if paths and len(paths[0]) <= _MAX_PATH:
        return paths[0] - {t.i for t in subject}
    out: set[int] = set()
    for t in subject or obj:
        out.update(c.i for c in t.children if c.dep_ in _DESCRIPTIONS)
        if t.dep_ in _DESCRIPTIONS:
            out.add(t.head.i)
    return out - {t.i for t in subject}


def _anchor(ent: SpacySpan) -> tuple[Token, set[int]]:
    """The word a date hangs on, above its preposition ("minister" in "minister since 2013"), and
    the tokens climbed to reach it (the date's own and its preposition)."""
    t, climbed = ent.root, {x.i for x in ent}
    for _ in range(6):
        h = t.head
        if h.i == t.i:
            break
        if ent.start <= h.i < ent.end or h.pos_ == "ADP" or h.dep_ == "prep":
            t = h
            climbed.add(h.i)
            continue
        return h, climbed
    return t, climbed


def _split(tokens: list[Token], links: frozenset[str]) -> tuple[str, str | None]:
    """The text of the tokens, split at the first link word ("1997 to 2007"), or at a dash inside
    one token ("1994-2001" kept whole by a tokenizer)."""
    for n, t in enumerate(tokens):
        if n and t.lower_ in links and n + 1 < len(tokens):
            return " ".join(x.text for x in tokens[:n]), " ".join(x.text for x in tokens[n + 1:])
    if len(tokens) == 1:
        for dash in sorted(d for d in links if not d.isalpha()):
            left, sep, right = tokens[0].text.partition(dash)
            if sep and left and right:
                return left, right
    return " ".join(t.text for t in tokens), None


def _second_year(left: str, right: str) -> str:
    """"2009-10": the right side's century from the left's."""
    if len(left) == 4 and left.isdigit() and len(right) == 2 and right.isdigit():
        return left[:2] + right
    return right


def _after(ent: SpacySpan, links: frozenset[str], dates: Iterable[SpacySpan]) -> str | None:
    """The second date of a range written after the entity ("from 2001 to 2005" where only
    "2001" is a DATE): the next DATE entity right after the link, else the few words after it."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].lower_ not in links:
        return None
    for d in dates:
        if d.start == ent.end + 1:
            return d.text
    words = []
    for t in doc[ent.end + 1: min(ent.end + 1 + _RIGHT_WORDS, ent.sent.end)]:
        if t.is_punct or not (t.like_num or t.is_title):
            break
        words.append(t.text)
    return " ".join(words) or None


def date_range(words: TimeWords, ent: SpacySpan, dates: Sequence[SpacySpan], base: str | None,
               prefer: str = "past") -> Bounds | None:
    """The span a range gives ("from Tuesday to Saturday", "between April 22 and 29"): both its
    first and last day, resolved into the past (or ``prefer="future"``) of ``base``; else None."""
    got = _bound(words, ent, dates, base, prefer)  # only a range gives both ends ("since": a start only)
    return got if got is not None and got.start and got.end else None


def _bound(words: TimeWords, ent: SpacySpan, dates: Sequence[SpacySpan], base: str | None,
           prefer: str = "past") -> Bounds | None:
    """The bounds one DATE entity gives, when a bound word introduces it."""
    toks = [t for t in ent]
    while toks and toks[-1].is_punct:
        toks.pop()
    if not toks:
        return None
    lead = toks[0].lower_
    if lead in words.since_preps | words.until_preps | words.range_openers and len(toks) > 1:
        toks = toks[1:]  # "since 2010" as one entity
    else:
        lead = ent.doc[ent.start - 1].lower_ if ent.start > ent.sent.start else ""
    links = words.range_links
    dangling = len(toks) > 1 and toks[-1].lower_ in links  # "between April 22 and" + "April 29"
    if dangling:
        toks = toks[:-1]
    left, right = _split(toks, links)
    if lead in words.range_openers or lead in words.range_brackets:
        if right is None and dangling:
            right = next((d.text for d in dates if d.start == ent.end), None)
        elif right is None:
            right = _after(ent, links, dates)
        if right is None:
            return None  # "(2003)", "between 2009": one date is no range
        first, last = resolve(left, base, prefer), resolve(_second_year(left, right), base, prefer)
        start, end = (first[0] if first else None), (last[1] if last else None)
    elif lead in words.since_preps and right is None:
        span = resolve(left, base)
        start, end = (span[0] if span else None), None
    elif lead in words.until_preps and right is None:
        span = resolve(left, base)
        start, end = None, (span[1] if span else None)
    else:
        return None
    if start is None and end is None or start and end and start > end:
        return None
    return Bounds(start, end)


def validity_bounds(words: TimeWords, sent: SpacySpan, subject: Sequence[Token], obj: Sequence[Token],
                    base: str | None, *, title_modifier_only: bool = False) -> Bounds | None:
    """The bounds the sentence gives the post fact whose argument tokens are ``subject`` and
    ``obj`` (either may be empty: an argument not written in the sentence), or None.

    ``title_modifier_only``: the fact's property is one of ``unbounded_modifier_properties``, whose
    object before a title names no post of its own ("a Republican senator from 1997 to 2009": the
    dates are the seat's, not the party membership's): then such a fact gets no bounds."""
    dates = [e for e in sent.ents if e.label_ == "DATE"]
    subject, obj = _named(subject), _named(obj)
    if not dates or not (subject or obj):
        return None
    where = _fact_tokens(subject, obj)
    if title_modifier_only and any(o.dep_ in _MODIFIERS and o.head.pos_ in ("NOUN", "PROPN") and o.head.i in where
                                   for o in obj):
        return None
    found: list[tuple[int, Bounds]] = []
    near = obj or subject
    for ent in dates:
        anchor, climbed = _anchor(ent)
        if anchor.i not in where or climbed & where:
            continue  # (or a date the fact's path runs through: it links clauses, bounds nothing)
        got = _bound(words, ent, dates, base)
        if got is not None:
            found.append((min(min(abs(t.i - ent.start), abs(t.i - ent.end)) for t in near), got))
    # several dates ("served in A from 2008-10 and B from 2010-12"): the one nearest the post's object
    return min(found, key=lambda x: x[0])[1] if found else None


def _named(tokens: Sequence[Token]) -> list[Token]:
    """An argument's tokens without its pronouns ("he", "its"), unless it has no other: a
    pronoun in another clause gives a path the post is not on."""
    named = [t for t in tokens if t.pos_ != "PRON"]
    return named or list(tokens)
