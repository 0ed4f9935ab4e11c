"""Visits read off meetings (rule ``meeting-venue``): "A met B in <City>", "talks in <City>", "met B at
the summit in <City>".  A participant whose country is known (a state itself, or the country a title
ties a person to) and is not the venue's country came there: A visited the venue, with the meeting's
modality (a planned meeting, a planned visit).  A host meeting a guest at home visited nothing, and
a participant whose country is unknown is left alone.  The events are ``venue_properties`` of
``lexicon/relations.toml``."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.relations.records import Arg, Learned, Reading, RuleResult
from kg.extract.relations.registry import rule
from kg.extract.relations.view import DocView

__all__ = ["meeting_visits"]


@rule("meeting-venue", stage="closing", unit="readings")
def meeting_visits(v: DocView, readings: tuple[Reading, ...], learned: Learned) -> RuleResult:
    """The visits of the participants of ``venue_properties`` readings from abroad."""
    out: dict[tuple[str, str], Reading] = {}
    for r in readings:
        if r.prop.lower() not in v.words.venue_properties or r.modality == "negated":
            continue
        anchor = v.doc[r.anchor]
        for venue in _venues(v, anchor):
            home = _country(v, venue, learned)
            for p in (r.subject, r.object):
                if p is r.object and _elsewhere(v, anchor, p.key):
                    continue  # "met X in Riverton, and then in Lowmark with Y": Y was in Lowmark
                came_from = _country(v, p.key, learned)
                if home and came_from and came_from != home and (p.key, venue) not in out:
                    got = v.reading("visited", p, Arg(venue, 0.9), "meeting-venue", anchor, r.modality)
                    if got is not None:
                        out[(p.key, venue)] = got
    return RuleResult(tuple(out.values()))


def _elsewhere(v: DocView, anchor: Token, key: str) -> bool:
    """Is the object named after a second place phrase of the verb's sentence ("in Rome with X, and
    then in Paris with Y")?"""
    end = anchor.sent.end
    at = max((i for i, k in v.r.token_keys.items() if k == key and anchor.i < i < end), default=None)
    places = [t for t in v.doc[anchor.i:at] if t.lower_ == "in" and any(
        c.dep_ == "pobj" and v.r.token_keys.get(c.i) and v.is_a(v.r.token_keys[c.i], "Place") for c in t.children)]
    return at is not None and len(places) > 1


def _venues(v: DocView, anchor: Token) -> list[str]:
    """The places "in" the event: on its word, or on the occasion it happened "at", "during" or "for"
    ("at the summit in X", "at the Group of 20 summit in X")."""
    occasions = [anchor] + [p for c in anchor.children if c.dep_ == "prep" and c.lower_ in ("at", "during", "for")
                            for p in c.children if p.dep_ == "pobj"]
    occasions += [p for o in occasions[1:] for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"]
    keys = [v.r.token_keys.get(p.i) for o in occasions for c in o.children if c.dep_ == "prep" and c.lower_ == "in"
            for p in c.children if p.dep_ == "pobj"]
    return [k for k in dict.fromkeys(keys) if k and v.is_a(k, "Place")]


def _country(v: DocView, key: str, learned: Learned) -> str | None:
    """A state itself; a place's or body's state (gazetteer); a person's, by a title's affiliation."""
    if v.cls(key) == "Country":
        return key
    if v.cls(key) == "Person":
        owner = learned.affiliation(key)
        return _country(v, owner, learned) if owner and owner != key else None
    entry = v.res.gazetteer.entries.get(key)
    return entry.country if entry is not None else None
