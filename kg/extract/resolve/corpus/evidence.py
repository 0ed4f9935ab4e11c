"""Evidence that two mentions name one person, beyond their names.

A text that says only "Brown" is about Gordon Brown when it speaks of what Gordon Brown's other
texts speak of; "Ted Heath" and "Edward Heath" are one man when their texts share his party and
his office ("Tom Jones" the singer and "Tommy Lee Jones" the actor share nothing).  The score of a
pair of sides (a short name's one text, or all the texts of an entity) adds:

Scores are in units of the largest possible rarity (``log(N + 1)`` for N texts), so the same figures
hold for a corpus of forty texts and one of two thousand.

* co-mentions: for an entity both sides mention, its rarity (inverse document frequency) times
  how typical it is of each side (the share of the side's texts that mention it, smoothed: one
  text is weak evidence of what is typical).  Entities in more than :data:`COMMON_SHARE` of all
  texts (and more than three: "the UK" in a British corpus) tell nothing and are skipped;
* facts: an entity both sides are related to by a fact ("memberOf Labour") counts
  :data:`FACT_WEIGHT` times;
* job titles: each title word both carry ("chancellor") adds :data:`TITLE_WEIGHT`;
* shared texts: a text that names both sides ("the UK Independence Party ... UKIP") adds
  :data:`SHARED_TEXT` (at most three times); its other entities are not counted again.

A score counts only with at least :data:`MIN_REASONS` reasons (a single shared neighbour is
chance) and must reach :data:`MIN_SCORE`.  A short name joins its best candidate only if that one
has such evidence and, with a prior for how often each candidate is in the news
(:data:`PRIOR_WEIGHT` times the log of its number of texts: "Brown" beside Labour is Gordon Brown
before a "Get Brown" of one headline), scores :data:`MARGIN` times the next.  The one person of
the corpus with the name needs less: some evidence (two reasons) whose score with the prior reaches
:data:`MIN_SCORE` ("Obama" in a text on Congress and Syria beside Barack Obama's 35 texts), or none
when that person is named in full in :data:`PROMINENT_TEXTS` texts or more (a text that never gives a
full name speaks of someone its readers know: "Mr Kerry" in an editorial) and a title's sex ("Mrs") is the
person's known sex.  The
figures were set on the development gold (``tests/gold/entities/dev.json``) and checked on the 200
most mentioned entities of the BBC corpus (docs/entities.md).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from kg.extract.resolve.corpus.units import Context, Unit

__all__ = ["Side", "Candidate", "affinity", "choose", "describe", "MIN_SCORE", "MARGIN", "TITLE_WEIGHT"]

MIN_SCORE = 0.6
MIN_REASONS = 2
MARGIN = 2.0
PRIOR_WEIGHT = 0.1
SHARED_TEXT = 0.3
REASON = 0.05  # the least weight a co-mention needs to count as a reason
TITLE_WEIGHT = 0.25
FACT_WEIGHT = 3.0
COMMON_SHARE = 0.5
PROMINENT_TEXTS = 3  # the one person of the corpus with a surname, named in full in this many texts
_SMOOTH = 1.0
_GENERIC_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "former", "new", "the", "of", "and"})


@dataclass(frozen=True)
class Side:
    """What one side of a comparison mentions: its keys, texts, neighbours and title words."""

    uid: int  # a unit of the side (a proposal's target)
    name: str
    keys: frozenset[str]
    docs: frozenset[str]
    around: Counter  # co-mentioned key -> texts
    related: Counter  # key related by a fact -> facts
    title_words: frozenset[str]
    sexes: frozenset[str] = frozenset()  # the sexes its names and titles tell

    @classmethod
    def of(cls, units: list[Unit], context: Context) -> "Side":
        full = sorted((u for u in units if u.person is not None and u.person.full and not u.short),
                      key=lambda u: (-u.mentions, u.uid))
        lead = full[0] if full else units[0]
        keys = {u.key for u in units}
        docs = {d for u in units if not u.short for d in u.docs} or {d for u in units for d in u.docs}
        return cls(lead.uid, lead.name, frozenset(keys), frozenset(docs), context.around(docs, keys),
                   context.related(docs, keys), _title_words(t for u in units for t in u.titles),
                   frozenset(x for u in units for x in u.sexes))


Candidate = Side  # a person a short name could be


def _title_words(titles) -> frozenset[str]:
    return frozenset(w for t in titles for w in t.lower().split() if w not in _GENERIC_TITLES and len(w) > 2)


def affinity(a: Side, b: Side, context: Context) -> tuple[float, list[str]]:
    """How much two sides speak of the same things (see the module docstring), with the reasons.
    Texts both sides share are left out (they would count twice)."""
    shared = a.docs & b.docs
    na, nb = len(a.docs - shared) + _SMOOTH, len(b.docs - shared) + _SMOOTH
    common = max(COMMON_SHARE * context.n_docs, 3)  # a key of three texts is never common
    scale = math.log(context.n_docs + 1)
    total, why = 0.0, []
    for key in sorted(set(a.around) & set(b.around) - a.keys - b.keys):
        if context.df.get(key, 0) > common:
            continue
        sa = a.around[key] - sum(1 for d in shared if key in context.doc_keys.get(d, ()))
        sb = b.around[key] - sum(1 for d in shared if key in context.doc_keys.get(d, ()))
        if sa <= 0 or sb <= 0:
            continue
        w = context.idf(key) / scale * min(sa / na, sb / nb)
        if a.related.get(key) and b.related.get(key):
            w *= FACT_WEIGHT
        total += w
        if w >= REASON:
            why.append(key)
    titles = a.title_words & b.title_words
    total += TITLE_WEIGHT * len(titles)
    why += [f"title:{t}" for t in sorted(titles)]
    for d in sorted(shared)[:3]:
        total += SHARED_TEXT
        why.append(f"text:{d}")
    if len(why) < MIN_REASONS:
        return 0.0, why
    why.sort(key=lambda k: -context.idf(k) if not k.startswith("title:") else -99)
    return total, why


def choose(unit: Unit, cands: list[Side], context: Context,
           given_sex: Mapping[str, str] = MappingProxyType({})) -> tuple[Side | None, dict]:
    """The candidate the evidence points to, or None; with every candidate's (score, reasons).

    The short name's own text comes first: if it names exactly one candidate in full ("Ed Balls
    ... Mr Balls" where the NER took "Mr Balls" for a body), that one; if it names two ("Jeb
    Bush" and "George W. Bush" ... "Bush"), none (per-document resolution found it ambiguous and
    the rest of the corpus cannot know better).  Otherwise the corpus evidence decides."""
    local = [c for c in cands if unit.doc in c.docs]
    if local:
        scores = {c.uid: (1.0 if len(local) == 1 and c in local else 0.0,
                          ["named in the same text"] if c in local else []) for c in cands}
        return (local[0] if len(local) == 1 else None), scores
    mine = Side.of([unit], context)
    scores = {c.uid: affinity(mine, c, context) for c in cands}
    total = {c.uid: scores[c.uid][0] + PRIOR_WEIGHT * math.log1p(len(c.docs)) for c in cands}
    ranked = sorted(cands, key=lambda c: (-total[c.uid], c.uid))
    best = ranked[0]
    runner = total[ranked[1].uid] if len(ranked) > 1 else 0.0
    # the one person of the corpus with the name, often in the news: some evidence and the prior suffice;
    # named in full in many texts, the prior alone (a text that never names a person in full means
    # one its readers know: "Mr Kerry" in an editorial beside John Kerry's texts)
    # ("Mrs Lind" beside a Jo Lind of unknown sex is no such case: the title must agree with a known sex)
    sole = len(cands) == 1 and (scores[best.uid][0] > 0 and total[best.uid] >= MIN_SCORE
                                or len(best.docs) >= PROMINENT_TEXTS and unit.sexes <= _known_sexes(best, given_sex))
    if (scores[best.uid][0] >= MIN_SCORE or sole) and total[best.uid] >= MARGIN * runner:
        return best, scores
    return None, scores


def _known_sexes(side: Side, given_sex: Mapping[str, str]) -> frozenset[str]:
    """The sexes a side's titles ("Mrs Lind") and its lead name's given name ("Ana Lind": ``given_sex``,
    given name -> "f"/"m") tell."""
    given = given_sex.get(side.name.split()[0].casefold(), "") if side.name.split() else ""
    return side.sexes | ({"female"} if given == "f" else {"male"} if given == "m" else set())


def describe(unit: Unit, best: Side | None, scores: dict, cands: list[Side]) -> str:
    """One line of evidence for a merge or a suspect: each candidate's score and its strongest reasons."""
    names = {c.uid: c.name for c in cands}
    parts = []
    for uid, (s, why) in sorted(scores.items(), key=lambda kv: (-kv[1][0], kv[0]))[:3]:
        parts.append(f"{names[uid]!r} {s:.2f} [{', '.join(why[:4])}]")
    head = f"{unit.name!r} in {unit.doc}"
    return f"{head} -> {best.name!r}: " + "; ".join(parts) if best else f"{head}: " + "; ".join(parts)
