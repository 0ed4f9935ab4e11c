"""The class a name's context gives it (called by :mod:`kg.extract.mentions.ner` after a name is cut):
a title or an age makes a person, a town noun or a mayor a town, "MP for X" a district, an outlet's staff
word an outlet, the head word its class ("... Missiles"), and a surname listed among people's names a
person.  The word lists are in the lexicons."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from kg.extract.mentions.candidates import Candidates
from kg.extract.mentions.names import (
    after_town_noun,
    class_by_head,
    constituency,
    described_as_person,
    named_after_person_noun,
    outlet_before_staff,
    outlet_of_staff,
    placed_like_a_town,
)
from kg.extract.mentions.owners import POSSESSIVE
from kg.resources import Resources
from kg.resources.names import load_name_lexicon

__all__ = ["NameSpan", "retyped"]


@dataclass(frozen=True)
class NameSpan:
    """A name the NER found, cut to the name: its tokens, class and whether it is a person's."""

    start: int
    end: int
    cls: str
    person: bool


def retyped(found: Candidates, res: Resources, s: NameSpan) -> NameSpan:
    """The class the context gives: a title or an age makes a person; a town noun, a mayor or a
    country after it a town; "MP for X" a district; the head word ("... Missiles") its class."""
    doc, start, end = found.doc, s.start, s.end
    cls, person = s.cls, s.person
    words = res.entities.words
    uncovered = not any(t.i in found.gaz_covered for t in doc[start:end])
    capitals = all(t.text[:1].isupper() and t.i not in found.gaz_covered for t in doc[start:end])
    if cls in ("Organization", "Place", "Product", "Group") and start > 0 and doc[start - 1].lower_ in words.honorifics \
            and doc[start - 1].lower_ not in {"the", "state", "new", "party"} and doc[start - 1].pos_ != "ADJ" \
            and end - start <= 3 and capitals:
        cls, person = "Person", True  # "Chancellor X", "President X": a title makes X a person
    if cls in ("Organization", "Place", "Product") and 2 <= end - start <= 4 and end + 2 < len(doc) \
            and doc[end].text == "," and doc[end + 1].like_num and doc[end + 2].text == "," \
            and doc[end + 1].text.isdigit() and 0 < int(doc[end + 1].text) < 120 and capitals:
        cls, person = "Person", True  # "Ana Maria Lind, 50, of Riverton": a name and an age
    if cls in ("Organization", "Place", "Product") and uncovered and _named_after_owner(doc, start, end, res) \
            and class_by_head(doc, start, end, res) is None:  # not "Ruritania's Han River"
        cls, person = "Person", True  # "NPR's Ana Lind", "the BBC's Bo Berg in Riverton": a given name after an owner
    if cls in ("Organization", "Place", "Product") and uncovered and (
            described_as_person(doc, start, end, res) or named_after_person_noun(doc, start, end, res)):
        cls, person = "Person", True  # "Lind, a professor of law", "the ambassador, Ana Lind,": a person
    if end - start <= 2 and (person and (start > 0 and doc[start - 1].text in res.relations.words.org_description_nouns
                                         or outlet_before_staff(doc, start, end, res)) or outlet_of_staff(doc, start, res)):
        cls, person = "Organization", False  # "Pakistani newspaper Dawn", "Dawn editor X", "a writer for The X": an outlet
    if person and end - start <= 2 and after_town_noun(doc, start, words.place_nouns, words.town_nouns):
        cls, person = "City", False  # "the Adriatic city of X": the NER took a town for a person
    if cls in ("Organization", "Person") and end - start <= 4 and uncovered \
            and constituency(doc, start, end, res.relations.words.representative_roles, res.relations.words.directions):
        cls, person = "Place", False  # "MP for Riverton East": an electoral district, no employer
    if doc[start:end].text.lower() in words.event_names:
        return NameSpan(start, end, "Event", False)  # "Brexit": an event, never a person nor a place
    if cls in ("Place", "Group", "Product") and doc[start:end].text.lower() in words.news_agencies:
        cls = "Organization"  # "from Bloomberg reporter X": the NER's GPE for a news agency
    if cls in ("Event", "Product", "Law") and end - start >= 2 and doc[end - 1].lower_ in words.media_heads \
            and doc[end - 1].text[:1].isupper():
        cls = "Organization"  # "The Sydney Morning Herald reported", "according to the X Herald": an outlet
    if cls == "Organization" and end - start <= 3 and uncovered:
        town = placed_like_a_town(doc, start, end, res)
        if town:
            cls = town  # "Lowmark, a small town in Idaho", "the mayor of Lowmark", "Lowmark, Algeria"
    if cls in ("Place", "Organization") and end - start == 1 and uncovered and capitals and _among_people(doc, start):
        cls, person = "Person", True  # "the shoulders of Lind, Berg, Dahl and others": a surname in a list of people
    return _by_head(doc, res, NameSpan(start, end, cls, person))


def _among_people(doc: Doc, i: int) -> bool:
    """Is ``doc[i]`` listed with two or more people's names and no other kind of name ("Lind, Berg,
    Dahl and others")?"""
    labels = [next((e.label_ for e in doc.ents if e.start <= t.i < e.end), None) for t in doc[i].conjuncts]
    named = [lab for lab in labels if lab is not None]
    return len(named) >= 2 and all(lab == "PERSON" for lab in named)


def _named_after_owner(doc: Doc, start: int, end: int, res: Resources) -> bool:
    """Two or three capitalised words (hyphens aside) after a possessive, the first a known given name
    that names no place or body of the gazetteer ("China")."""
    words = [t for t in doc[start:end] if t.text not in ("-", "–")]
    return (start > 1 and doc[start - 1].text in POSSESSIVE and 2 <= len(words) <= 3
            and doc[start + 1].text not in ("-", "–")  # "Egypt's Al-Azhar": one word, no given name
            and all(t.text[:1].isupper() for t in words) and words[0].text.casefold() in load_name_lexicon().given_sex
            and not res.gazetteer.lookup(words[0].text))


def _by_head(doc: Doc, res: Resources, s: NameSpan) -> NameSpan:
    start, end, cls, person = s.start, s.end, s.cls, s.person
    words = res.entities.words
    head_cls = class_by_head(doc, start, end, res)
    if head_cls in ("WeaponSystem", "Product") and cls == "Organization" and doc[end - 1].text[:1].isupper() \
            and doc[end - 1].tag_ == "NNPS":
        head_cls = None  # "Acme Systems", "Ruritanian Aerospace Industries": a company's name
    if head_cls and (not person or doc[end - 1].tag_ in ("NNS", "NNPS") or head_cls == "WeaponSystem"):
        cls = head_cls
    elif person and end - start >= 2 and doc[end - 1].lower_ in words.organization_heads \
            and doc[end - 1].text[:1].isupper():
        cls, person = head_cls or "Organization", False  # "Oberlin College": no person's name
    elif person and end - start >= 2 and doc[end - 1].lower_ in words.place_name_heads \
            and doc[end - 1].text[:1].isupper():
        cls, person = head_cls or "Place", False  # "Riverton County": no person's name
    return NameSpan(start, end, cls, person)
