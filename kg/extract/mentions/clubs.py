"""Sports clubs named after their town: "Riverton manager Ana Lind", "Riverton fans", "Lowmark v
Riverton". A town's name right before a word of a club's staff, players or fans (``club_roles`` of
``lexicon/entities.toml``) or beside "v" is the club, and so is every other mention of that name in
the text (one sense per text: a match report's "at Riverton" is the club's ground). In a sports
report (``sport_words``), a town's name that acts (a subject, an object, "beating Riverton") is a
club too. A town after "in" stays the town ("he grew up in Riverton"), capitals stay the state's seat
("Beijing supporters") and a dateline stays where the story was filed."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from kg.extract.mentions.records import Mention

__all__ = ["club_names"]

# Distinct words of ``sport_words`` that make a text a sports report: six or more were in 226 of the
# 511 texts of the BBC's sport section, 3 of its 1,714 other texts and 1 of 5,151 AllSides texts;
# five in 9 other BBC texts and 11 AllSides texts (counted on the raw text, 2026-12-06).
SPORT_REPORT_WORDS = 6
_ACTING = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "poss", "appos", "dative"})
_VERSUS = frozenset({"v", "v.", "vs", "vs."})


def club_names(doc: Doc, chosen: list[Mention], roles: frozenset[str], sport_words: frozenset[str],
               in_words: frozenset[str] = frozenset({"in", "near", "outside"})) -> list[Mention]:
    """``chosen`` with each town that names a sports club in ``doc`` retyped an organisation, its
    gazetteer link dropped.

    >>> import spacy
    >>> doc = spacy.blank("en")("Riverton manager Ana Lind said Riverton played well")
    >>> town = [Mention(0, 1, "Riverton", "City", "gazetteer", "city/x"), Mention(5, 6, "Riverton", "City", "gazetteer", "city/x")]
    >>> [(m.cls, m.gaz_id) for m in club_names(doc, town, frozenset({"manager"}), frozenset())]
    [('Organization', None), ('Organization', None)]
    """
    towns = [m for m in chosen if _town(m)]
    clubs = {m.text for m in towns if _before_role(doc, m.end, roles) or _versus(doc, m)}
    if clubs or _sport_report(doc, sport_words):
        clubs |= {m.text for m in towns if _acting(doc, m, in_words)}
    if not clubs:
        return chosen
    return [replace(m, cls="Organization", gaz_id=None, source="club")
            if _town(m) and m.text in clubs and not _after(doc, m, in_words) else m for m in chosen]


def _sport_report(doc: Doc, sport_words: frozenset[str]) -> bool:
    """Does the text hold ``SPORT_REPORT_WORDS`` different sport words (hyphenated ones whole)?"""
    words = {t.lower_ for t in doc} | {_word(doc, t.i) for t in doc}
    return len(words & sport_words) >= SPORT_REPORT_WORDS


def _word(doc: Doc, i: int) -> str:
    """The word at ``i``, a hyphenated one whole ("full-back")."""
    if i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_:
        return doc[i:i + 3].text.lower()
    return doc[i].lower_


def _town(m: Mention) -> bool:
    """A town's name: a city, or a place the gazetteer does not know ("England" is a nation's)."""
    return (m.cls == "City" or m.cls == "Place" and m.gaz_id is None) and m.role != "capital" \
        and m.source not in ("dateline", "source-line")


def _after(doc: Doc, m: Mention, words: frozenset[str]) -> bool:
    return m.start > 0 and doc[m.start - 1].lower_ in words


def _acting(doc: Doc, m: Mention, in_words: frozenset[str]) -> bool:
    """Does the name stand as an argument ("Riverton beat Lowmark", "beating Riverton"), not after "in"?"""
    return doc[m.start:m.end].root.dep_ in _ACTING and not _after(doc, m, in_words)


def _versus(doc: Doc, m: Mention) -> bool:
    """"Lowmark v Riverton": a fixture's two sides."""
    return m.start > 0 and doc[m.start - 1].lower_ in _VERSUS or m.end < len(doc) and doc[m.end].lower_ in _VERSUS


def _before_role(doc: Doc, end: int, roles: frozenset[str]) -> bool:
    """Is the word after a name (a hyphenated one whole: "full-back") a club's role?"""
    return end < len(doc) and doc[end].is_lower and _word(doc, end) in roles
