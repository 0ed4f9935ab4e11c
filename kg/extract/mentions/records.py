"""A mention (a typed span of a parsed document) and entity keys made from names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

__all__ = ["Mention", "family_of", "make_key", "normalise", "span_of", "QUOTE_MARKS"]

QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''"})

@dataclass(frozen=True, slots=True)
class Mention:
    """A typed span: token offsets ``[start, end)`` into the Doc."""

    start: int
    end: int
    text: str
    cls: str
    source: str  # acronym | pattern | gazetteer | designation | ner | dateline | source-line | apposition | repeat | club
    gaz_id: str | None = None
    role: str = "name"  # name | demonym | capital | acronym
    acronym_of: int | None = None  # index (in the mention list) of the long form


_FAMILY = {
    "Person": "person", "Organization": "org", "GovernmentBody": "org", "MilitaryUnit": "org",
    "Country": "country", "City": "place", "Place": "place", "Group": "group", "Product": "product",
    "WeaponSystem": "product", "Event": "event", "Law": "law",
}


def family_of(cls: str) -> str:
    """Coarse family used in entity keys: a Person and a Place never share a key; a town and a
    place of the same name do ("Riverton" typed a city in one sentence and a place in another)."""
    return _FAMILY.get(cls, "entity")


def make_key(family: str, name: str) -> str:
    """Entity key of a name found in text: ``family/normalised-name``."""
    return f"{family}/{normalise(name).replace(' ', '-')}"


_PUNCT_RE = re.compile(r"[^\w\s-]", re.UNICODE)


def normalise(text: str) -> str:
    """Key form of a name: case-folded, 'the' and possessive removed, punctuation dropped."""
    s = text.strip()
    s = re.sub(r"(?:'s|’s|'|’)$", "", s)
    s = _PUNCT_RE.sub("", s.casefold())
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"\s+", " ", s).strip()


def span_of(doc: Doc, m: Mention) -> Span:
    return doc[m.start:m.end]
