"""A lone surname that several full names of one text share: which of them it stands for.

News introduces a person in full, with a title ("North Korean leader Kim Jong Un"), and then uses
the surname alone ("Kim"); relatives or namesakes named later are written in full ("Kim's father,
Kim Jong Il").  So when a lone surname first occurs, if exactly one full name ending (or, for names
written surname first, starting) with it has been introduced, and that introduction carried a
title, the surname is that person's throughout the text.  Nothing is bound when two candidates were
introduced before it, when the one introduced had no title ("Ed and Paula Kassig ... Kassig was
taken captive": the son, never named in full), or when the surname came first.

>>> from kg.extract.resolve.shortnames import bind_short_names
>>> bind_short_names([("kim", 5)], {"kim jong un": (0, True), "kim jong il": (9, True)})
{'kim': 'kim jong un'}
>>> bind_short_names([("kim", 5)], {"kim jong un": (0, False), "kim jong il": (9, True)})
{}
"""

from __future__ import annotations

from typing import Iterable, Mapping

from spacy.tokens import Doc

from kg.extract.mentions.records import Mention, normalise
from kg.resources import Resources
from kg.resources.names import load_name_lexicon
from kg.resources.offices import fold_name

__all__ = ["bind_short_names", "held_surnames", "introductions", "kept_lone_names", "kin_modifier", "royal_names",
           "surname_first_words"]


def surname_first_words(res: Resources) -> frozenset[str]:
    """The family names written before the given name (names.toml of ``res``'s data folder)."""
    return load_name_lexicon(res.folder).surname_first


def introductions(doc: Doc, mentions: list[Mention], res: Resources) -> dict[str, tuple[int, bool]]:
    """Each full person name of the text (normalised): where it first occurs and whether a title
    stood right before it there ("President X", "North Korean leader X")."""
    titles = res.title_words | res.entities.words.name_titles | res.entities.words.honorifics
    out: dict[str, tuple[int, bool]] = {}
    for m in mentions:
        if m.cls == "Person" and len(m.text.split()) >= 2:
            norm = normalise(m.text)
            if norm not in out:
                out[norm] = (m.start, m.start > 0 and doc[m.start - 1].lower_ in titles)
    return out


def bind_short_names(shorts: Iterable[tuple[str, int]], intro: Mapping[str, tuple[int, bool]],
                     surname_first: frozenset[str] = frozenset({"kim"})) -> dict[str, str]:
    """{lone surname: the full name it stands for} for the surnames (normalised, with the position
    of an occurrence) that several full names share (see the module docstring); a name's first
    word is its surname only for the family names written first (``surname_first``, names.toml)."""
    first: dict[str, int] = {}
    for word, at in shorts:
        first[word] = min(at, first.get(word, at))
    out: dict[str, str] = {}
    for word, at in sorted(first.items()):
        cands = [k for k in intro if k.split()[-1] == word or (k.split()[0] == word and word in surname_first)]
        if len(cands) < 2:
            continue
        before = [k for k in cands if intro[k][0] < at]
        if len(before) == 1 and intro[before[0]][1]:
            out[word] = before[0]
    return out


def held_surnames(doc: Doc, mentions: list[Mention], res: Resources, date: str | None) -> frozenset[str]:
    """Lone surnames (normalised) the text titles with an office that the office-holder tables give
    its holder on the text's ``date`` ("President Trump" in 2017), while the only full names it
    writes with that surname are not that holder's ("first lady Melania Trump"): the surname is the
    holder's, and joins no full name of the text (corpus resolution joins it to the holder)."""
    if not date:
        return frozenset()
    full: dict[str, set[str]] = {}
    for m in mentions:
        if m.cls == "Person" and len(m.text.split()) >= 2:
            full.setdefault(normalise(m.text).split()[-1], set()).add(fold_name(m.text))
    out = set()
    for m in mentions:
        word = normalise(m.text)
        if len(m.text.split()) != 1 or m.start == 0 or word not in full:
            continue
        for title in {doc[m.start - 1].text, doc[max(0, m.start - 2):m.start].text}:
            holders = res.offices.holders(m.text, title.lower().rstrip("."), date)
            if holders and not full[word] & {fold_name(n) for h in holders for n in h.names}:
                out.add(word)
    return frozenset(out)


def royal_names(doc: Doc, mentions: list[Mention], res: Resources) -> frozenset[str]:
    """Lone given names (normalised) the text writes after a monarch's or royal's title ("Prince
    Charles"): the royal's throughout the text, not a full name's that starts with them ("Charles
    Kennedy"), unless the text titles a full name starting with them so ("Prince Ahmed bin X")."""
    titles = res.entities.words.regnal_titles
    titled = [m for m in mentions if m.start > 0 and doc[m.start - 1].lower_ in titles]
    royal_full = {normalise(m.text).split()[0] for m in titled if len(m.text.split()) > 1}  # "Prince Ahmed bin X"
    return frozenset(normalise(m.text) for m in titled if len(m.text.split()) == 1) - royal_full


def kept_lone_names(doc: Doc, mentions: list[Mention], res: Resources, date: str | None) -> frozenset[str]:
    """Lone names that join no full name of the text: an office holder's surname
    (:func:`held_surnames`) or a royal's given name (:func:`royal_names`)."""
    return held_surnames(doc, mentions, res, date) | royal_names(doc, mentions, res)


def kin_modifier(doc: Doc, m: Mention, res: Resources) -> bool:
    """A lone surname modifying a kin noun ("the Kim family", "the Bush dynasty"): no person's mention."""
    nxt = doc[m.end] if m.end < len(doc) else None
    return m.cls == "Person" and m.end - m.start == 1 and doc[m.start].dep_ == "compound" and nxt is not None \
        and nxt.pos_ == "NOUN" and nxt.lemma_.lower() in res.entities.words.kin_nouns
