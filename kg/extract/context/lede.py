"""The story's day: the time a news lede gives its main event, for the later sentences that tell
more of it without repeating the day.

News writes the day once, in the lede ("Pompeo wrapped up his visit to Pyongyang on Sunday,
describing his talks with Kim as productive"), and the sentences after it ("Pompeo met Kim for
three hours") leave it out.  :func:`lede_anchor` finds that day: the first day-level time among the
first sentences of the story that dates a clause in the past tense and lies in the week before the
report date (a dateline's "Tuesday", "last night", "on Dec. 3"); the entities of its sentence are
the story's participants.  An asserted meeting or visit (``story_day_properties`` of
lexicon/time.toml) stated later in the past tense, without a time of its own and involving one of
them, takes that day (``kg:timeBasis "article"``).

A lede that dates nothing in the past (a plan, "next week"), a month or a year ("in 2003": a
background, not the story's day), a day long before the report, or facts about others than its
participants give nothing: the fact stays dated by the report, as before.  Nor does a later
sentence with a time of its own, even one that names no day ("in recent years", "in August"), or
in the past perfect ("had traveled there"): it tells of another time.  When the lede's day is
that of a saying ("X said on Monday"), it dates the saying, not what was said: only the facts of
``story_day_of_saying`` (a visit: where the speaker spoke) take it, and the facts that are a later
saying's occasion ("X said in a meeting with Y": a meeting told like the saying, that day).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Iterable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.extract.context.when import clause_verb, date_clause, day_entity, is_age, past_tense, resolve_entity
from kg.resources.words import TimeWords

__all__ = ["Anchor", "lede_anchor", "said_on_occasion", "told_later", "LEDE_SENTENCES", "STORY_DAYS"]

LEDE_SENTENCES = 3  # sentences of the story (not headline or share-button lines) that may set its day
STORY_DAYS = 7  # how long before the report date the story's day may lie
_STORY_TOKENS = 8  # fewer words: a headline, a caption or a line of page furniture


@dataclass(frozen=True, slots=True)
class Anchor:
    """The story's day and who takes part in its sentence."""

    day: str  # ISO date
    end: int  # character offset where the lede sentence ends
    keys: frozenset[str]
    properties: frozenset[str]  # the properties it may date, lower case (as word lists are loaded)
    on_occasion: frozenset[str] = frozenset()  # ... and those it dates as the occasion of a saying

    def dates(self, prop: str, subject: str, obj: str, start: int, occasion: bool = False) -> bool:
        """Does the day date a fact ``prop`` between ``subject`` and ``obj`` stated from ``start`` on
        (``occasion``: the fact is the occasion of a saying, "X said in a meeting with Y")?

        >>> lede = Anchor("2015-11-15", 80, frozenset({"ana_lind"}), frozenset({"visited"}),
        ...               frozenset({"visited", "metwith"}))
        >>> lede.dates("visited", "ana_lind", "paris", 120), lede.dates("metWith", "ana_lind", "bo_berg", 120)
        (True, False)
        >>> lede.dates("metWith", "ana_lind", "bo_berg", 120, occasion=True)
        True
        >>> lede.dates("visited", "ana_lind", "paris", 10), lede.dates("visited", "cy_dorn", "paris", 120)
        (False, False)
        """
        props = self.properties | self.on_occasion if occasion else self.properties
        return start >= self.end and (subject in self.keys or obj in self.keys) and prop.lower() in props


def lede_anchor(doc: Doc, keys_at: Callable[[int], Iterable[str]], words: TimeWords,
                base: str | None, saying: frozenset[str]) -> Anchor | None:
    """The story's day of ``doc`` reported on ``base`` (see the module docstring), or None.
    ``saying``: the lemmas of saying verbs."""
    if not base:
        return None
    earliest = (date.fromisoformat(base) - timedelta(days=STORY_DAYS)).isoformat()
    seen = 0
    for sent in doc.sents:
        if sum(t.is_alpha for t in sent) < _STORY_TOKENS or not any(t.pos_ in ("VERB", "AUX") for t in sent) \
                or not sent.text.rstrip().endswith(_ENDINGS):
            continue  # a headline, a caption, a story highlight: no full stop, not the story yet
        seen += 1
        if seen > LEDE_SENTENCES:
            return None
        for ent in sent.ents:
            if not day_entity(words, ent) or any(t.lower_ in words.future_modifiers for t in ent):
                continue
            span = resolve_entity(words, ent, base, "past")
            verb = date_clause(ent)
            if span is None or span[0] != span[1] or not earliest <= span[0] <= base or not past_tense([verb]):
                continue
            keys = frozenset(k for t in sent for k in keys_at(t.i))
            said = verb.lemma_.lower() in saying
            props = words.story_day_of_saying if said else words.story_day_properties
            return Anchor(span[0], sent.end_char, keys, props, words.story_day_properties) if keys else None
    return None


_ENDINGS = (".", "!", "?", '"', "\u201d", "'", "\u2019", ")", ":")
_QUOTES = frozenset({'"', "\u201c", "\u201d", "``", "''"})


def _quoted_apart(sent: SpacySpan, ent: SpacySpan, args: list[Token]) -> bool:
    """Is ``ent`` inside a quotation of ``sent`` that holds none of ``args`` ('"the man testifying
    yesterday ...," X said at a news conference in Y': the quote's time is not the visit's)?"""
    def quoted(i: int) -> bool:
        return sum(t.text in _QUOTES for t in sent if t.i < i) % 2 == 1
    return quoted(ent.start) and not any(quoted(a.i) for a in args)


def _of_another(ent: SpacySpan, args: list[Token]) -> bool:
    """Is ``ent`` in a relative clause about someone the fact does not involve ("X met Y, as did Z,
    who said last weekend ...": Z's saying, not the meeting)?"""
    t = ent.root
    for _ in range(20):
        if t.dep_ == "relcl":
            inside = {w.i for w in t.subtree} | {t.head.i}
            return not any(a.i in inside for a in args)
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _how_long(ent: SpacySpan, short: frozenset[str]) -> bool:
    """"for two hours", "for more than an hour": a length shorter than a day, not a time."""
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return any(t.lower_ in short for t in ent) and "for" in (ent.root.head.lower_, before)


def said_on_occasion(args: list[Token], saying: frozenset[str], preps: frozenset[str]) -> bool:
    """Is a fact's argument part of the occasion of a saying: a phrase under "in", "during" or "at"
    (``preps``) of a saying verb ("X said in a meeting with Y", "told reporters during talks with Y")?"""
    for a in args:
        t = a
        for _ in range(6):
            if t.dep_ == "prep" and t.lower_ in preps and t.head.lemma_.lower() in saying:
                return True
            if t.head.i == t.i or t.pos_ in ("VERB", "AUX"):
                break
            t = t.head
    return False


def told_later(sent: SpacySpan, args: list[Token], short: frozenset[str] = frozenset()) -> bool:
    """May the story's day date a fact of this sentence: no time expression of its own (a date,
    a duration, a day; not an age, "Lisa, 53,", nor a modifier, "a two-day summit", nor how long
    in hours, "for two hours": ``short``, nor one inside a quotation or a relative clause the fact
    is not in), no past perfect on the fact's clause?"""
    if any(e.label_ in ("DATE", "TIME") and e.root.dep_ not in ("amod", "compound", "nummod")
           and not is_age(e) and not _how_long(e, short) and not _quoted_apart(sent, e, args)
           and not _of_another(e, args) for e in sent.ents):
        return False
    for a in args:
        v = clause_verb(a)
        if v.tag_ == "VBN" and any(c.dep_ == "aux" and c.tag_ == "VBD" and c.lemma_.lower() == "have" for c in v.children):
            return False
    return True

