"""The dead of a text: a person it reports dead held the posts it gives them in the past.

"Soleimani, the commander of the Quds Force, was killed in a drone strike": on the report date the
post is no longer held, so its fact is ``former`` (:mod:`kg.extract.relations.status` reads only
the words of the title).  The dead are the objects of the text's asserted ``killed`` facts and the
named subjects of a death verb in the past ("X died", "X was assassinated": ``death_verbs`` and
``death_passives`` of ``lexicon/time.toml``), not negated and without a modal ("X could die", "X
would be executed" are alive).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterable

from spacy.tokens import Doc, Token

from kg.model import Relation
from kg.resources.words import TimeWords

__all__ = ["posts_of_the_dead", "the_dead"]

_PAST = ("VBD", "VBN")


def the_dead(doc: Doc, keys_at: Callable[[int], Iterable[str]], relations: Iterable[Relation],
             words: TimeWords) -> set[str]:
    """The entity keys of the people the text reports dead (module docstring)."""
    dead = {r.object for r in relations if r.predicate == "killed" and r.evidence.modality == "asserted"}
    for tok in doc:
        lemma = tok.lemma_.lower()
        passive = lemma in words.death_passives and any(c.dep_ == "auxpass" for c in tok.children)
        if (lemma in words.death_verbs or passive) and tok.tag_ in _PAST and _plain(tok):
            for c in tok.children:
                if c.dep_ == ("nsubjpass" if passive else "nsubj"):
                    dead.update(keys_at(c.i))
    return dead


def _plain(verb: Token) -> bool:
    """Is the verb stated, not negated, asked or hedged by a modal ("did not die", "could die")?"""
    return not any(c.dep_ == "neg" or c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def posts_of_the_dead(relations: list[Relation], dead: set[str], posts: frozenset[str]) -> list[Relation]:
    """``relations`` with the current posts of ``dead`` people made former.

    >>> from kg.model import Evidence
    >>> ev = Evidence("d", "X, the minister, died.", 0, 22, "role-apposition", 0.8, role_status="current")
    >>> [r.evidence.role_status for r in posts_of_the_dead([Relation("person/a", "worksFor", "country/b", ev)],
    ...                                                       {"person/a"}, frozenset({"worksFor"}))]
    ['former']
    """
    return [replace(r, evidence=replace(r.evidence, role_status="former"))
            if r.predicate in posts and r.subject in dead and r.evidence.role_status == "current" else r
            for r in relations]
