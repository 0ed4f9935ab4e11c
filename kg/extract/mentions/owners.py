"""Owners the NER glues before a name with a possessive: an outlet before its writer ("Vox's Alex
Ward"), a person or place before a gazetteer party ("May's Conservative party"), a place before a
body ("London's Chatham House").  Used by :mod:`kg.extract.mentions.ner`."""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract.mentions.candidates import Candidates
from kg.extract.mentions.names import class_by_head
from kg.resources import Resources
from kg.resources.names import load_name_lexicon

__all__ = ["owner_before_person", "owner_before_known", "POSSESSIVE"]

POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


def owner_before_person(found: Candidates, ent: Span) -> Span:
    """"Vox's Alex Ward", "The Daily Planet's Ana Lind": the NER joins an outlet and its writer into
    one organisation.  When two or three capitalised words after the possessive start with a known
    given name, they are a person (added) and the span is the owner before the possessive; so is the
    span when only a number follows the possessive (a year: "Ana Lind's 2008")."""
    doc = found.doc
    k = next((t.i for t in ent[1:-1] if t.text in POSSESSIVE), None)
    if k is not None and all(t.is_digit for t in doc[k + 1:ent.end]):
        return doc[ent.start:k]  # "Ana Lind's 2008 campaign": the NER's "Ana Lind's 2008" is her name
    if k is None or not 2 <= ent.end - (k + 1) <= 3:
        return ent
    rest = doc[k + 1:ent.end]
    if not all(t.text[:1].isupper() and (t.is_alpha or t.text.endswith(".")) for t in rest) \
            or rest[0].text.casefold() not in load_name_lexicon().given_sex:
        return ent
    found.add(2, k + 1, ent.end, "Person", "ner")
    return doc[ent.start:k]


def owner_before_known(found: Candidates, res: Resources, ent: Span, cls: str) -> tuple[Span, str]:
    """"May's Conservative party": the NER joins a person's surname and a party of the gazetteer.  The
    party is its gazetteer entity (added); the owner is a place of the gazetteer or else a person.
    "London's Chatham House": a gazetteer place's possessive before a body's name is no part of it."""
    doc = found.doc
    k = next((t.i for t in ent[1:-1] if t.text in POSSESSIVE), None)
    if k is None or ent.end - (k + 1) > 3:
        return ent, cls
    rest, gaz = doc[k + 1:ent.end].text, res.gazetteer
    entries = [e for e in gaz.lookup(rest) or gaz.lookup(rest.title()) or gaz.lookup(f"{rest.title()} Party")
               if e.cls in ("Group", "Organization")]  # "May's Conservative": the Conservative Party
    place = [e for e in gaz.lookup(doc[ent.start:k].text) if e.cls in ("Country", "City", "Place")
             and doc[ent.start:k].text not in gaz.capitals]  # a capital's possessive reads as its state (an actor)
    if not entries and place and cls == "Organization" and all(t.text[:1].isupper() for t in doc[k + 1:ent.end]):
        found.add(5, k + 1, ent.end, class_by_head(doc, k + 1, ent.end, res) or cls, "ner")  # "London's Chatham
        # House": the body, and the place owning it
        return doc[ent.start:k], place[0].cls
    if not entries:
        return ent, cls
    found.add(6, k + 1, ent.end, entries[0].cls, "gazetteer", gaz_id=entries[0].id)
    owner = doc[ent.start:k]
    known = gaz.lookup(owner.text)  # "Britain's Labour Party"; else a party's person ("Trump's Republican Party")
    return owner, (known[0].cls if known else "Person")
