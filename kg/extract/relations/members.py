"""One member named by a group's word: "a Democrat", "a top Senate Democrat, X," is a person.

A singular name of a party or people after an indefinite article stands for one of its members, not
the group: "A top Senate Democrat defended X" says nothing the Democratic Party did, and "A senior
Democrat, Tom Parker, met X" is Tom Parker's meeting.  Plural names ("Democrats", "the Kurds") and
the definite article ("the Taliban") keep denoting the group.
"""

from __future__ import annotations

from typing import Callable, Mapping

from spacy.tokens import Token

__all__ = ["member_or_group", "INDEFINITE"]

INDEFINITE = frozenset({"a", "an", "another", "one"})


def member_or_group(tok: Token, key: str, keys: Mapping[int, str], is_a: Callable[[str, str], bool]) -> list[str]:
    """The entity keys ``tok`` (a mention of ``key``) stands for: the group, or for "a <member>" the
    person in apposition to it (none when there is none).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["A", "Democrat", ",", "Ann", "Lind", ",", "spoke"],
    ...           heads=[1, 6, 1, 4, 1, 1, 6], deps=["det", "nsubj", "punct", "compound", "appos", "punct", "ROOT"],
    ...           tags=["DT", "NNP", ",", "NNP", "NNP", ",", "VBD"])
    >>> classes = {"party/dem": "Group", "person/ann-lind": "Person"}
    >>> member_or_group(doc[1], "party/dem", {1: "party/dem", 3: "person/ann-lind", 4: "person/ann-lind"},
    ...                 lambda k, c: classes[k] == c)
    ['person/ann-lind']
    """
    if tok.tag_ != "NNP" or not is_a(key, "Group") \
            or not any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in tok.children):
        return [key]
    return [keys[c.i] for c in tok.children if c.dep_ == "appos" and c.i in keys and is_a(keys[c.i], "Person")]
