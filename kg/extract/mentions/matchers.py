"""The token matchers of the mention stage, built once per vocabulary and resources: a
PhraseMatcher over the gazetteer's names, demonyms and capitals, a Matcher over the naming
patterns of ``lexicon/entities.toml``, and a PhraseMatcher over the full names of the office-holder
tables (``ontologies/offices/``: heads of state and government, senior ministers)."""

from __future__ import annotations

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from kg.resources import Resources

__all__ = ["matchers", "known_people"]

_MATCHERS: dict[tuple[int, int], tuple[PhraseMatcher, Matcher]] = {}
_PEOPLE: dict[tuple[int, int], PhraseMatcher] = {}


def matchers(vocab, res: Resources) -> tuple[PhraseMatcher, Matcher]:
    key = (id(vocab), id(res))
    if key not in _MATCHERS:
        _MATCHERS[key] = _build_matchers(vocab, res)
    return _MATCHERS[key]


def _build_matchers(vocab, res: Resources) -> tuple[PhraseMatcher, Matcher]:
    phrase = PhraseMatcher(vocab, attr="ORTH")
    gaz = res.gazetteer
    for label, table in (("NAME", gaz.names), ("DEMONYM", gaz.demonyms), ("CAPITAL", gaz.capitals)):
        docs = [_make_doc(vocab, s) for s in sorted(table)]
        phrase.add(label, docs)
    matcher = Matcher(vocab, validate=True)
    for p in res.entities.patterns:
        matcher.add(f"{p['class']}|{p['id']}", [p["pattern"]])
    return phrase, matcher


def known_people(vocab, res: Resources) -> PhraseMatcher:
    """Full names (two words or more) and their spelling variants of the office-holder tables."""
    key = (id(vocab), id(res))
    if key not in _PEOPLE:
        names = sorted({n for holders in res.offices.by_name.values() for h in holders for n in h.names
                        if len(n.split()) >= 2})
        matcher = PhraseMatcher(vocab, attr="ORTH")
        matcher.add("KNOWN_PERSON", [_make_doc(vocab, n) for n in names])
        _PEOPLE[key] = matcher
    return _PEOPLE[key]


def _make_doc(vocab, text: str) -> Doc:
    return _tokenizer(vocab)(text)


_TOKENIZERS: dict[int, object] = {}


def _tokenizer(vocab):
    if id(vocab) not in _TOKENIZERS:
        from spacy.lang.en import English

        _TOKENIZERS[id(vocab)] = English(vocab=vocab).tokenizer
    return _TOKENIZERS[id(vocab)]


