"""Title words and affiliations written before each person's name ("<Country> Defence Minister X"),
which role descriptions ("the minister", "the <org> chief") are resolved against
(kg.extract.resolve.coreference)."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.mentions.records import Mention
from kg.extract.resolve.records import Resolution
from kg.resources import Resources

__all__ = ["person_titles"]

_PLACE_CLASSES = frozenset({"Country", "City", "Place"})


def person_titles(doc: Doc, mentions: list[Mention], r: Resolution, res: Resources):
    """Title words and affiliations written before each person's name ("<Country> Defence Minister X")."""
    titles: dict[str, set[str]] = {}
    affiliations: dict[str, set[str]] = {}
    gaz = res.gazetteer
    full = dict(w.split("|", 1) for w in res.entities.words.title_abbreviations)  # "gen." -> "general"
    for m, key in zip(mentions, r.mention_keys):
        if not key or r.entities[key].cls != "Person":
            continue
        i = m.start - 1
        words: list[str] = []
        while i >= 0 and m.start - i <= 6:
            t = doc[i]
            if i == m.start - 1 and t.pos_ == "NOUN" and full.get(t.lower_, t.lower_) not in res.title_words:
                break  # "the anti-Ruritania rhetoric X used": a noun right before the name, no title
            if t.i in r.token_keys:
                other = r.token_keys[t.i]
                # a place stands for its country ("Paris mayor X" is "the French mayor"); a body
                # only for itself ("Lords Leader X" is not "the Labour leader"; see _described_person)
                entry = gaz.entries.get(other)
                state = entry.country if entry and entry.country and entry.cls in _PLACE_CLASSES else other
                affiliations.setdefault(key, {other}).update({other, state})
            elif t.pos_ in ("PROPN", "NOUN", "ADJ") and not t.is_punct:
                words.insert(0, full.get(t.lower_, t.lower_))
            elif t.text not in ("'s", "’s"):
                break
            i -= 1
        if words:
            titles.setdefault(key, set()).add(" ".join(words))
    return titles, affiliations
