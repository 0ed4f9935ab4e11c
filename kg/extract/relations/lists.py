"""Coordinated arguments as a list is written, including the coordinations the small parser hangs
on a name ("A and <title> B" read as A modifying B's name)."""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Token

__all__ = ["listed"]


def listed(tok: Token, person: Callable[[Token], bool | None]) -> list[Token]:
    """``tok``'s conjuncts as a list is written.  After the item an "and" brought, an item introduced
    by a comma alone and of the other kind (a person after states, a state after persons: ``person``
    tells, None when it cannot) starts another phrase that the parser hung on the list ("tensions
    between the U.S. and Russia, President X and Y called ..."); "between A and B, C, D and E" stays one."""
    conjuncts = tok.conjuncts or hung_conjunct(tok, person)
    if not conjuncts:
        return []
    if len(conjuncts) == 1:
        return list(conjuncts)  # "A and B": nothing to split
    doc, segments, closed, last = tok.doc, [[]], False, None
    for c in sorted((tok, *conjuncts), key=lambda t: t.i):
        before = doc[c.left_edge.i - 1] if c.left_edge.i > 0 else None
        kind = person(c)
        if before is not None and before.dep_ == "cc":
            closed = True
        elif closed and before is not None and before.text == "," and None not in (kind, last) and kind != last:
            segments.append([])
            closed = False
        segments[-1].append(c)
        last = kind if kind is not None else last
    return [c for seg in segments if tok in seg for c in seg if c != tok]


def hung_conjunct(tok: Token, person: Callable[[Token], bool | None]) -> tuple[Token, ...]:
    """The first item of "A and <title> B" when the parser made A a modifier of B's name, with the
    "and" and B's title as A's own conjunction ("Trump and Chinese President Xi Jinping agreed":
    "Trump" an nmod of "Jinping"); ``person`` tells whether a token is an entity (None: no entity).
    The title is no entity's word: "Gantz's Blue and White Party" is one name.
    """
    if person(tok) is None:
        return ()  # "a Massachusetts Democrat and Iraq War veteran": a description, no hung name
    for c in tok.children:
        if c.i < tok.i and c.dep_ in ("nmod", "compound") and person(c) is not None \
                and any(k.dep_ == "cc" for k in c.children) \
                and any(k.dep_ == "conj" and c.i < k.i < tok.i and person(k) is None for k in c.children):
            return (c,)
    return ()
