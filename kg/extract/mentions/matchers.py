"""The token matchers of the mention stage, built once per vocabulary and resources: a
PhraseMatcher over the gazetteer's names, demonyms and capitals, and a Matcher over the naming
patterns of ``lexicon/entities.toml``."""

from __future__ import annotations

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from kg.resources import Resources

__all__ = ["matchers"]

_MATCHERS: dict[tuple[int, int], tuple[PhraseMatcher, Matcher]] = {}


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


def _make_doc(vocab, text: str) -> Doc:
    return _tokenizer(vocab)(text)


_TOKENIZERS: dict[int, object] = {}


def _tokenizer(vocab):
    if id(vocab) not in _TOKENIZERS:
        from spacy.lang.en import English

        _TOKENIZERS[id(vocab)] = English(vocab=vocab).tokenizer
    return _TOKENIZERS[id(vocab)]


