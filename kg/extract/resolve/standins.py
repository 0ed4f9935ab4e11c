"""Names that stand for another entity of the same text (a step of :mod:`kg.extract.resolve.document`).

* A place's name standing as an argument for a treaty or an event named after it: "the Kyoto
  Protocol ... backing Kyoto" (:func:`named_after`).
* A state's body named without its state ("Parliament", "the Cabinet": ``generic_bodies`` of
  ``lexicon/entities.toml``; :func:`generic_bodies`): the one body of the text that has that word in its
  name ("Parliament" beside "the Scottish Parliament"); when the text names none, the gazetteer's body of
  that name of the text's home country, the country that most of the text's country-bound gazetteer
  names (bodies, parties, cities) belong to.  Two candidates, or no clear home country: the name stays
  a node of its own, as before.
* Two names the text says are one ("WorldCom ... is now known as MCI", "MCI, formerly known as
  WorldCom", "X, also known as Y": the verb "know" with "as"; :func:`known_as`): every mention of the
  second name is the first's entity.  Both must be names of one family (two bodies, two people).
* A body's name cut short ("The Wall Street Journal ... the Journal", "the Muslim Brotherhood ...
  the Brotherhood", "Acme Co. ... Acme": the last words of its name, or the name without its
  legal form; :func:`short_forms`): the one body of the text whose name so ends.  Two such bodies
  ("Fox News", "NBC News" ... "News"), or a name the gazetteer knows: nothing moves.  A name with a
  legal form whose rest the gazetteer knows ("Boeing Co.") is the gazetteer's body.

>>> home_country(["country/gbr", "country/gbr", "country/fra"])
'country/gbr'
>>> home_country(["country/gbr", "country/fra"]) is None
True
>>> has_words("Parliament of the United Kingdom", "parliament"), has_words("Parliamentary Party", "parliament")
(True, False)
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Mapping

from spacy.tokens import Doc, Token

from kg.extract.mentions.records import Mention, family_of, normalise
from kg.resources import Resources

__all__ = ["generic_bodies", "has_words", "home_country", "known_as", "named_after", "short_forms"]

Target = tuple[str, str]  # (key, class) a mention moves to

_BODIES = ("GovernmentBody", "Organization")
_FAMILIES = ("org", "group")  # bodies whose names are cut short


def home_country(countries: Iterable[str]) -> str | None:
    """The country id that more than half of ``countries`` (one per country-bound name of a text)
    are, if it is at least two of them."""
    votes = Counter(countries)
    if not votes:
        return None
    best, count = votes.most_common(1)[0]
    return best if count >= 2 and 2 * count > sum(votes.values()) else None


def has_words(name: str, phrase: str) -> bool:
    """Does ``name`` contain ``phrase`` (lower case) as whole words?"""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", name.casefold()) is not None


def named_after(doc: Doc, mentions: list[Mention], keys: list[str | None]) -> dict[int, Target]:
    """Mention index -> the treaty or event of the text named after the place it names, where the
    place stands as subject or object ("backing Kyoto")."""
    after: dict[str, Target] = {}
    for n, m in enumerate(mentions):
        words = m.text.split()
        if keys[n] and m.cls in ("Law", "Event") and len(words) >= 2:
            after.setdefault(normalise(words[0]), (keys[n], m.cls))
    return {n: after[normalise(m.text)] for n, m in enumerate(mentions)
            if normalise(m.text) in after and keys[n] and m.cls in ("City", "Place") and m.end - m.start == 1
            and doc[m.start].dep_ in ("nsubj", "nsubjpass", "dobj")}


def known_as(doc: Doc, mentions: list[Mention], keys: list[str | None], res: Resources) -> dict[int, Target]:
    """Mention index -> the entity of the name the text says it is another name of (module docstring);
    a name the gazetteer knows keeps its entity ("the Islamic State of Iraq, also known as ISIS")."""
    at = {i: n for n, m in enumerate(mentions) if keys[n] for i in range(m.start, m.end)}
    out: dict[int, Target] = {}
    for tok in doc:
        if tok.lemma_.lower() != "know" or tok.pos_ != "VERB":
            continue
        names = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
        if any(p.conjuncts for p in names):
            continue  # "A and B, known as Ant and Dec": which is which is not said
        named = [at[p.i] for p in names if p.i in at]
        first = _named_before(tok, at)
        if first is not None and any(doc[i].conjuncts for i in range(mentions[first].start, mentions[first].end)):
            continue  # "A and B, also known as C": whose name is not said
        if not named or first is None or family_of(mentions[first].cls) != family_of(mentions[named[0]].cls) \
                or keys[first] == keys[named[0]]:
            continue
        first, other = (named[0], first) if keys[named[0]] in res.gazetteer.entries else (first, named[0])
        target = (keys[first], mentions[first].cls)
        out.update({n: target for n, key in enumerate(keys) if key == keys[other]})
    return out


def _named_before(tok: Token, at: dict[int, int]) -> int | None:
    """The mention a "known as" clause is about: its subject ("X is now known as Y"), the noun it
    modifies ("X, also known as Y", "X, which was formerly known as Y"), or a coordinated clause's subject."""
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subj and subj[0].lower_ not in ("which", "who", "that"):
        return at.get(subj[0].i)
    if tok.dep_ in ("acl", "relcl") or subj:
        return at.get(tok.head.i)
    if tok.dep_ == "conj":
        return next((at[c.i] for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in at), None)
    return None


def generic_bodies(mentions: list[Mention], keys: list[str | None], names: Mapping[str, Counter],
                   classes: Mapping[str, Counter], res: Resources) -> dict[int, Target]:
    """Mention index -> the body a generic body name of the text stands for (module docstring).
    ``names`` and ``classes`` are the votes per key of the text's entities so far."""
    words = res.entities.words.generic_bodies
    generic = {n: normalise(m.text) for n, m in enumerate(mentions)
               if keys[n] and not m.gaz_id and m.cls in _BODIES and normalise(m.text) in words}
    if not generic:
        return {}
    entries = res.gazetteer.entries
    home = home_country(entries[m.gaz_id].country for m in mentions
                        if m.gaz_id in entries and entries[m.gaz_id].country)
    out: dict[int, Target] = {}
    for n, phrase in generic.items():
        named = sorted({(key, _class(classes[key])) for key, forms in names.items()
                        if _class(classes[key]) in _BODIES and any(
                            has_words(f, phrase) and normalise(f) != phrase for f in _forms(key, forms, res))})
        if not named and home:
            named = sorted({(e.id, e.cls) for e in entries.values() if e.country == home and e.cls == "GovernmentBody"
                            and any(has_words(f, phrase) for f in (e.name, *e.aliases))})
        if len(named) == 1:
            out[n] = named[0]
    return out


def _class(votes: Counter) -> str:
    return max(votes, key=lambda c: (votes[c], c)) if votes else ""


def _forms(key: str, forms: Counter, res: Resources) -> tuple[str, ...]:
    """The written forms of a key of the text, with its gazetteer names when it has an entry."""
    entry = res.gazetteer.entries.get(key)
    return (*forms, *((entry.name, *entry.aliases) if entry else ()))


def short_forms(doc: Doc, mentions: list[Mention], keys: list[str | None], res: Resources) -> dict[int, Target]:
    """Mention index -> the one body of the text whose longer name, given in an earlier sentence, the
    mention's name ends, or is without a legal form (module docstring).  The end of a name is a short
    form only after "the" ("the Journal"): "House Speaker X" beside "the White House", "former Army
    Pvt. X" beside "the Free Syrian Army" are other bodies; never a head word many bodies share
    (``shared_heads``: "the House" beside "the White House"); and not in the sentence of the long name
    ("merged the New University of Ulster and ... to create the University of Ulster").

    >>> from spacy.vocab import Vocab
    >>> from kg.resources import load_resources
    >>> words = "The Wall Street Journal said so . The Journal said".split()
    >>> d = Doc(Vocab(), words=words, sent_starts=[w == "The" for w in words])
    >>> ms = [Mention(0, 4, "The Wall Street Journal", "Organization", "ner"),
    ...       Mention(8, 9, "Journal", "Organization", "ner")]
    >>> short_forms(d, ms, ["org/wall-street-journal", "org/journal"], load_resources())
    {1: ('org/wall-street-journal', 'Organization')}
    """
    legal = {w.rstrip(".") for w in res.entities.words.legal_forms}
    ends = _name_ends(doc, mentions, keys, legal)
    out: dict[int, Target] = {}
    for n, m in enumerate(mentions):
        if not keys[n] or m.gaz_id or family_of(m.cls) not in _FAMILIES or m.source not in ("ner", "repeat"):
            continue
        the = m.text.lower().startswith("the ") or m.start > 0 and doc[m.start - 1].text.lower() == "the"
        short, here = normalise(m.text), _sentence_of(doc, m.start)
        fits = {k: c for k, (c, at) in ends.get(short, {}).items() if k != keys[n] and at < here} \
            if the and short not in res.entities.words.shared_heads else {}
        words = m.text.split()
        if not fits and len(words) >= 2 and words[-1].lower().rstrip(".") in legal:  # "Boeing Co.": the gazetteer's
            entries = res.gazetteer.lookup(" ".join(words[:-1]).rstrip(","))
            fits = {e.id: e.cls for e in entries if family_of(e.cls) in _FAMILIES}
        if len(fits) == 1:
            out[n] = next(iter(fits.items()))
    return out


def _name_ends(doc: Doc, mentions: list[Mention], keys: list[str | None],
               legal: set[str]) -> dict[str, dict[str, tuple[str, int]]]:
    """Last words of the text's body names (and a name without its legal form) -> key -> (class,
    the sentence where the name first stands)."""
    ends: dict[str, dict[str, tuple[str, int]]] = {}
    for n, m in enumerate(mentions):
        words = normalise(m.text).split()
        if keys[n] and family_of(m.cls) in _FAMILIES and len(words) >= 2:
            tails = [" ".join(words[i:]) for i in range(1, len(words))]
            if words[-1] in legal:
                tails.append(" ".join(words[:-1]))
            for tail in tails:
                ends.setdefault(tail, {}).setdefault(keys[n], (m.cls, _sentence_of(doc, m.start)))
    return ends


def _sentence_of(doc: Doc, i: int) -> int:
    """Where the sentence of token ``i`` starts (0 when the document has no sentences)."""
    return doc[i].sent.start if doc.has_annotation("SENT_START") else 0
