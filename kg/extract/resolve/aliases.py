"""Written forms kept as aliases after resolution: a person's titled form ("Sen. X") and a town's
"Town, Region" form."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.mentions.records import Mention
from kg.extract.resolve.records import Resolution
from kg.resources import Resources

__all__ = ["surface_aliases"]


def surface_aliases(doc: Doc, mentions: list[Mention], r: Resolution, res: Resources) -> None:
    """Keep two written forms that the canonical names leave out, as aliases (never as names, so
    they play no part in choosing a name or in merging entities):

    * a person's name with the title of address written before it: "President X", "Sen. X",
      "U.S. Sen. X" (the canonical name stays title-less; job titles are ``schema:jobTitle``);
    * a town followed by ", <region>": "Riverton, Mass." for the town (the town and the region
      stay two entities, related by ``locatedIn``).
    """
    words = res.entities.words
    titles = words.name_titles
    chain_words = titles | words.title_modifiers
    for m, key in zip(mentions, r.mention_keys):
        if not key or key not in r.entities:
            continue
        ent = r.entities[key]
        if ent.cls == "Person" and titles:
            for form in _titled_forms(doc, m, key, r, titles, chain_words):
                form = " ".join(form.split())
                if form != ent.name:
                    ent.aliases.add(form)
        elif ent.cls in ("City", "Place"):
            form = _town_region_form(doc, m, key, r, res)
            form = " ".join(form.split()) if form else None
            if form and form != ent.name:
                ent.aliases.add(form)


def _titled_forms(doc: Doc, m: Mention, key: str, r: Resolution, titles: frozenset[str],
                  chain_words: frozenset[str]) -> list[str]:
    """"Sen. X" and "<Affiliation> Sen. X" for a person mention X preceded by capitalised titles."""
    start = m.start
    prev = doc[start - 1] if start > 0 else None
    if prev is None or prev.i in r.token_keys or prev.lower_ not in titles or not prev.text[:1].isupper():
        # a title kept inside the name ("Archduke X") still takes an affiliation before it
        if not (doc[start].lower_ in titles and doc[start].text[:1].isupper() and m.end - start >= 2):
            return []
    else:
        start -= 1
        while start > 0 and m.start - start < 4:
            t = doc[start - 1]
            if t.i in r.token_keys or t.lower_ not in chain_words or not t.text[:1].isupper():
                break
            start -= 1
    forms = []
    if start < m.start:
        forms.append(doc[start:m.end].text)
    # an affiliation written right before the title: "U.S. Sen. X", "Ruritanian Archduke X"
    j = start - 1
    if j >= 0 and j in r.token_keys and r.token_keys[j] != key and doc[j].text[:1].isupper():
        other = r.entities.get(r.token_keys[j])
        if other is not None and other.cls != "Person" and j in r.mention_at:
            forms.append(doc[_mention_start(r, j):m.end].text)
    return forms


def _mention_start(r: Resolution, j: int) -> int:
    """First token of the mention that covers token ``j``."""
    n = r.mention_at[j]
    while j > 0 and r.mention_at.get(j - 1) == n:
        j -= 1
    return j


def _town_region_form(doc: Doc, m: Mention, key: str, r: Resolution, res: Resources) -> str | None:
    """"Town, Region" when the town mention is followed by ", <place>" and then by the end of the
    sentence, punctuation or a line break (the same reading as the ``place-apposition`` rule; a
    list "A, B, C" or "A, B, and C" is not one, unless a known region or country closes it)."""
    j = m.end
    if j + 1 >= len(doc) or doc[j].text != "," or r.token_keys.get(j) == key:
        return None
    other = r.token_keys.get(j + 1)
    if not other or other == key or other not in r.entities:
        return None
    container = ("Country", "Place") if r.entities[key].cls == "City" else ("Country", "City", "Place")
    if r.entities[other].cls not in container:
        return None
    end = j + 1
    region = r.mention_at.get(j + 1)
    while end + 1 < len(doc) and r.token_keys.get(end + 1) == other and r.mention_at.get(end + 1) == region:
        end += 1
    after = doc[end + 1] if end + 1 < len(doc) else None
    if after is not None and not ((after.is_punct and after.text not in ("'s", "’s")) or after.is_space):
        return None
    if after is not None and after.text == "," and end + 2 < len(doc) and (
            r.token_keys.get(end + 2) or doc[end + 2].dep_ == "cc" and other not in res.gazetteer.entries
            and end + 3 < len(doc) and doc[end + 3].pos_ == "PROPN"):
        return None  # a list "A, B, C" or "A, B, and C"
    if doc[m.start].sent.start != doc[end].sent.start:
        return None
    return doc[m.start:end + 1].text
