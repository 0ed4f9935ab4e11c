"""The constructions' own matcher (kg.extract.relations.treematch) gives spaCy's DependencyMatcher's
matches on every hand-built case parse, and patterns outside its subset fall back to spaCy's."""

from __future__ import annotations

import copy

import pytest
import spacy
from handdoc import hand_doc
from spacy.matcher import DependencyMatcher
from test_rule_cases import CASES

from kg.extract.relations import patterns as P
from kg.extract.relations.treematch import TreeMatcher, supported
from kg.extract.relations.triggers import constructions_of


def _both(res, vocab):
    """A TreeMatcher and a DependencyMatcher holding the shipped constructions, as compiled() fills them."""
    cons = constructions_of(res)
    tree, dep = TreeMatcher(vocab), DependencyMatcher(vocab, validate=True)
    for c in cons.items:
        preps = sorted({t.prep for kind in c.triggers for t in res.relations.triggers.get(kind, ())
                        if t.prep and c.admits_prep(t.prep)}) if c.uses_prep_node else None
        if preps == []:
            continue
        pats = []
        for kind in c.triggers:
            lemmas, words = P.trigger_words(res.relations, kind, c, None)
            pats += [P._anchored(c, preps, "LEMMA", lemmas, res.relations)] if lemmas else []
            pats += [P._anchored(c, preps, "LOWER", words, res.relations)] if words else []
        if pats:
            tree.add(c.id, copy.deepcopy(pats))
            dep.add(c.id, pats)
    return tree, dep


def test_the_tree_matcher_finds_what_spacys_finds_on_every_case(res):
    docs = [hand_doc(case.parse, case.ents) for case in CASES]
    tree, dep = _both(res, docs[0].vocab)
    total = 0
    for doc in docs:
        got = sorted((k, tuple(ids)) for k, ids in tree(doc))
        want = sorted((k, tuple(ids)) for k, ids in dep(doc))
        assert got == want, doc.text
        total += len(got)
    assert total > len(CASES)  # the comparison is not vacuous


def test_the_shipped_constructions_use_the_tree_matcher(res):
    assert all(supported(list(c.pattern)) for c in constructions_of(res).items)


@pytest.mark.parametrize("node", [
    {"LEFT_ID": "anchor", "REL_OP": ">>", "RIGHT_ID": "x", "RIGHT_ATTRS": {}},  # a descendant: spaCy only
    {"LEFT_ID": "anchor", "REL_OP": ">", "RIGHT_ID": "x", "RIGHT_ATTRS": {"ENT_TYPE": "GPE"}},
    {"LEFT_ID": "anchor", "REL_OP": ">", "RIGHT_ID": "x", "RIGHT_ATTRS": {"LOWER": {"NOT_IN": ["of"]}}},
])
def test_patterns_outside_the_subset_are_refused(node):
    pattern = [{"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"LEMMA": "visit"}}, node]
    assert not supported(pattern)
    with pytest.raises(ValueError, match="DependencyMatcher"):
        TreeMatcher(spacy.blank("en").vocab).add("x", [pattern])
