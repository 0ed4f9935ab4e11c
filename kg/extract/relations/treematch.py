"""A dependency-pattern matcher for the constructions, evaluated from the anchor outwards.

It reads the same pattern dicts as spaCy's ``DependencyMatcher`` and gives the same matches, for
the subset the constructions use: ``REL_OP`` ``">"`` (a child) and ``"<"`` (the head), and
``RIGHT_ATTRS`` on ``POS``, ``TAG``, ``DEP``, ``LOWER``, ``LEMMA`` and ``ORTH``, each a value or
``{"IN": [...]}``.  :func:`supported` says whether a pattern stays inside that subset;
:func:`kg.extract.relations.patterns.compiled` falls back to spaCy's matcher when one does not.

Why not spaCy's: its matcher first finds every token that fits any node (every preposition, every
object of a preposition) and tries the cartesian product of them per sentence, which cost about a
fifth of the extraction time on news; here only tokens that are trigger words start a match, and
each further node is looked for among one token's children or its head.

>>> import spacy
>>> from spacy.tokens import Doc
>>> nlp = spacy.blank("en")
>>> doc = Doc(nlp.vocab, words=["Ana", "visited", "Oslo"], heads=[1, 1, 1],
...           deps=["nsubj", "ROOT", "dobj"], lemmas=["Ana", "visit", "Oslo"], pos=["PROPN", "VERB", "PROPN"])
>>> m = TreeMatcher(nlp.vocab)
>>> m.add("svo", [[{"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"LEMMA": {"IN": ["visit"]}}},
...               {"LEFT_ID": "anchor", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": {"DEP": "dobj"}}]])
>>> [(nlp.vocab.strings[k], ids) for k, ids in m(doc)]
[('svo', [1, 2])]
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable, Iterator

from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

__all__ = ["TreeMatcher", "supported"]

_ATTRS: dict[str, Callable[[Token], str]] = {
    "POS": lambda t: t.pos_, "TAG": lambda t: t.tag_, "DEP": lambda t: t.dep_, "LOWER": lambda t: t.lower_,
    "LEMMA": lambda t: t.lemma_, "ORTH": lambda t: t.text,
}
_OPS = (">", "<")
Test = Callable[[Token], bool]


def supported(pattern: list[dict[str, Any]]) -> bool:
    """Does ``pattern`` use only what :class:`TreeMatcher` evaluates?"""
    names: set[str] = set()
    for n, node in enumerate(pattern):
        attrs = node.get("RIGHT_ATTRS", {})
        if not isinstance(attrs, dict) or any(k not in _ATTRS for k in attrs):
            return False
        if any(isinstance(v, dict) and set(v) != {"IN"} for v in attrs.values()):
            return False
        if n and (node.get("REL_OP") not in _OPS or node.get("LEFT_ID") not in names):
            return False
        names.add(node.get("RIGHT_ID"))
    return True


def _test(attrs: dict[str, Any]) -> Test:
    checks = [(_ATTRS[k], frozenset(v["IN"]) if isinstance(v, dict) else frozenset([v])) for k, v in attrs.items()]
    return lambda t: all(get(t) in allowed for get, allowed in checks)


class TreeMatcher:
    """Matches dependency patterns (the subset of :func:`supported`); called on a Doc it returns
    ``[(key, token ids in pattern order)]`` like spaCy's ``DependencyMatcher``."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        # anchor attribute ("LEMMA"/"LOWER"/...) -> word -> [(key, rest of the anchor test, nodes)]
        self._by_word: dict[str, dict[str, list[tuple[int, Test, list]]]] = defaultdict(lambda: defaultdict(list))
        self._any: list[tuple[int, Test, list]] = []  # patterns whose anchor names no word

    def add(self, key: str, patterns: list[list[dict[str, Any]]]) -> None:
        key_id = self.vocab.strings.add(key)
        for pattern in patterns:
            if not supported(pattern):
                raise ValueError(f"pattern of {key!r} is outside the TreeMatcher subset; use DependencyMatcher")
            ids = [node["RIGHT_ID"] for node in pattern]
            nodes = [(ids.index(node["LEFT_ID"]), node["REL_OP"], _test(node.get("RIGHT_ATTRS", {})))
                     for node in pattern[1:]]
            anchor = dict(pattern[0].get("RIGHT_ATTRS", {}))
            word_attr = next((a for a in ("LEMMA", "LOWER", "ORTH") if a in anchor), None)
            if word_attr is None:
                self._any.append((key_id, _test(anchor), nodes))
                continue
            words = anchor.pop(word_attr)
            for w in (words["IN"] if isinstance(words, dict) else [words]):
                self._by_word[word_attr][w].append((key_id, _test(anchor), nodes))

    def __call__(self, doc: Doc) -> list[tuple[int, list[int]]]:
        out: list[tuple[int, list[int]]] = []
        for tok in doc:
            starts = list(self._any)
            for attr, table in self._by_word.items():
                starts += table.get(_ATTRS[attr](tok), ())
            for key_id, test, nodes in starts:
                if test(tok):
                    out += [(key_id, ids) for ids in _extend([tok], nodes)]
        return out


def _extend(found: list[Token], nodes: list) -> Iterator[list[int]]:
    if len(found) == len(nodes) + 1:
        yield [t.i for t in found]
        return
    left, op, test = nodes[len(found) - 1]
    base = found[left]
    cands = base.children if op == ">" else ([base.head] if base.head.i != base.i else [])
    for t in cands:
        if test(t):
            yield from _extend(found + [t], nodes)
