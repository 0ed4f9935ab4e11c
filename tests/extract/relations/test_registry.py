"""The rule registry, the generated rules page and the constructions as data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

from kg.errors import DataFileError
from kg.extract import extract_document
from kg.extract.relations import RULES
from kg.extract.relations.__main__ import rules_page
from kg.extract.relations.registry import FUNCTIONS
from kg.extract.relations.triggers import constructions_of
from kg.model import Document
from kg.resources import data_dir, load_resources

ROOT = Path(__file__).resolve().parents[3]


def test_the_rules_page_is_generated_from_the_registry():
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == rules_page(), "docs/rules.md is stale: run `python -m kg.extract.relations > docs/rules.md`"


def test_every_declared_rule_is_written_by_a_function_or_a_construction():
    written = {w for f in FUNCTIONS for w in f.writes} | {c.rule for c in constructions_of(load_resources()).items}
    assert set(RULES) - written == {"learned", "chain", "announced-harm"}  # the stages after the rules
    assert written <= set(RULES)


def _copy(tmp_path) -> Path:
    folder = tmp_path / "ontologies"
    shutil.copytree(data_dir(), folder)
    return folder


def _held_talks(vocab) -> Doc:
    # "France and Germany staged talks ." (a verb no construction of the shipped data knows)
    doc = Doc(vocab, words=["France", "and", "Germany", "staged", "talks", "."],
              spaces=[True, True, True, True, False, False], heads=[3, 0, 0, 3, 3, 3],
              deps=["nsubj", "cc", "conj", "ROOT", "dobj", "punct"],
              pos=["PROPN", "CCONJ", "PROPN", "VERB", "NOUN", "PUNCT"],
              lemmas=["France", "and", "Germany", "stage", "talk", "."],
              tags=["NNP", "CC", "NNP", "VBD", "NNS", "."])
    doc.ents = [Span(doc, 0, 1, label="GPE"), Span(doc, 2, 3, label="GPE")]
    return doc


NEW_CONSTRUCTION = '''
[[constructions]]
id = "agents-stage-talks"        # "A and B staged talks": a noun trigger without its preposition
rule = "collective"
triggers = ["nouns"]
preps = ["with"]
voice = "any"
guards = ["theme"]
tier = 1
subject = "noun-agent"
mode = "subjects"
pattern = [
  { RIGHT_ID = "anchor", RIGHT_ATTRS = { POS = "NOUN", DEP = "dobj" } },
  { LEFT_ID = "anchor", REL_OP = "<", RIGHT_ID = "verb", RIGHT_ATTRS = { LEMMA = "stage" } },
]
'''


def test_a_new_construction_is_a_data_change(tmp_path):
    vocab = spacy.blank("en").vocab
    before = extract_document(Document("d", "x"), _held_talks(vocab), load_resources())
    assert not [r for r in before.relations if r.predicate == "metWith"]
    folder = _copy(tmp_path)
    with (folder / "lexicon" / "patterns.toml").open("a", encoding="utf-8") as fh:
        fh.write(NEW_CONSTRUCTION)
    after = extract_document(Document("d", "x"), _held_talks(vocab), load_resources(folder))
    names = {e.key: e.name for e in after.entities}
    got = {(names[r.subject], r.predicate, names[r.object], r.evidence.rule) for r in after.relations}
    assert ("France", "metWith", "Germany", "collective") in got or \
        ("Germany", "metWith", "France", "collective") in got


@pytest.mark.parametrize("edit, message", [
    ('rule = "verb-svo"', "rule 'verb-sov' is not declared"),
    ('subject = "verb-agent"', "unknown subject reader 'verb-agnet'"),
    ('guards = ["words", "theme"]', "unknown guard"),
])
def test_a_bad_construction_is_a_load_error_naming_it(tmp_path, edit, message):
    folder = _copy(tmp_path)
    path = folder / "lexicon" / "patterns.toml"
    bad = {'rule = "verb-svo"': 'rule = "verb-sov"', 'subject = "verb-agent"': 'subject = "verb-agnet"',
           'guards = ["words", "theme"]': 'guards = ["words", "theem"]'}[edit]
    path.write_text(path.read_text(encoding="utf-8").replace(edit, bad, 1), encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        constructions_of(load_resources(folder))


def test_a_pattern_naming_an_unknown_word_list_is_an_error_naming_it(tmp_path):
    folder = _copy(tmp_path)
    path = folder / "lexicon" / "patterns.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('LEMMA = "@reporting"', 'LEMMA = "@reportng"'),
                    encoding="utf-8")
    vocab = spacy.blank("en").vocab
    with pytest.raises(DataFileError, match="@reportng"):
        extract_document(Document("d", "x"), _held_talks(vocab), load_resources(folder))


def test_every_trigger_of_several_words_is_found_where_it_is_written():
    """A noun trigger of several words ("bombing campaign against") is looked up by its head noun
    with its other words just before it, a verb's by its first word: none is dead data."""
    from types import SimpleNamespace

    from kg.extract.relations.lexicon import trigger_tables
    from kg.extract.relations.triggers import _lookup

    res = load_resources()
    view = SimpleNamespace(lex=trigger_tables(res.relations))
    vocab = spacy.blank("en").vocab
    for kind in ("nouns", "inverse_nouns"):
        for trig in res.relations.triggers.get(kind, ()):
            words = trig.lemma.split()
            doc = Doc(vocab, words=words, lemmas=words)
            assert trig in _lookup(view, kind, doc[len(words) - 1]), f"{kind} trigger {trig.lemma!r} is never found"
            if len(words) > 1:
                other = Doc(vocab, words=["new", *words[1:]], lemmas=["new", *words[1:]])
                assert trig not in _lookup(view, kind, other[len(words) - 1])
