"""Role status: whether the words of a title put a post in the past, the future or the present.

"former minister X", "ex-Labour MP X", "the late President X", "then-Secretary X": ``former``;
"President-elect X", "incoming minister X", "X, the minister designate": ``future``; "acting",
"interim", "outgoing" and no marker at all: ``current`` (the person holds the post on the report
date).  The words are the lists of ``lexicon/time.toml``; the status goes on the statement as
``kg:roleStatus`` (docs/time.md).  A former post is still a fact of the graph (the team's gold
guideline requires former posts); only its status says it is not held now.  A future post is
read as hedged, like a planned act: a statement with no plain triple.
"""

from __future__ import annotations

from typing import Iterable

from kg.resources.words import TimeWords

__all__ = ["status_of", "status_markers"]


def _norm(word: str) -> str:
    return word.lower().strip("-") or word.lower()


def status_markers(w: TimeWords) -> frozenset[str]:
    """Every word that marks a status other than the default."""
    return frozenset(_norm(x) for x in w.status_former | w.status_future)


def status_of(words: Iterable[str], w: TimeWords) -> str:
    """The status the words around a title give: the first marker read wins ("former acting
    minister": former)."""
    for word in words:
        low = _norm(word)
        if low in w.status_former or f"{low}-" in w.status_former:
            return "former"
        if low in w.status_future:
            return "future"
    return "current"
