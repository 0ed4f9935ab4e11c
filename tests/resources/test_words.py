"""The lexicons' word lists are typed: unknown, missing and duplicate entries are load errors."""

from __future__ import annotations

import shutil

import pytest
import tomllib

from kg.errors import DataFileError
from kg.resources import data_dir, load_resources
from kg.resources.words import EntityWords, RelationWords, load_words


def _copy(tmp_path):
    folder = tmp_path / "ontologies"
    shutil.copytree(data_dir(), folder)
    return folder


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_field_is_loaded_from_the_shipped_lexicons():
    res = load_resources()
    assert isinstance(res.relations.words, RelationWords) and isinstance(res.entities.words, EntityWords)
    assert "deny" in res.relations.words.negators and "mr" in res.entities.words.honorifics


def test_a_misspelt_list_is_a_load_error_naming_file_and_key(tmp_path):
    folder = _copy(tmp_path)
    _edit(folder / "lexicon" / "relations.toml", "\nnegators = [", "\nnegaters = [")
    with pytest.raises(DataFileError, match=r"relations\.toml.*unknown list\(s\) negaters"):
        load_resources(folder)


def test_a_missing_list_is_a_load_error(tmp_path):
    path = tmp_path / "relations.toml"
    table = tomllib.loads((data_dir() / "lexicon" / "relations.toml").read_text(encoding="utf-8"))["words"]
    del table["hedges"]
    with pytest.raises(DataFileError, match="lacks the list.*hedges"):
        load_words(RelationWords, table, path)


def test_a_word_listed_twice_is_a_load_error(tmp_path):
    with pytest.raises(DataFileError, match=r"\[words\]\.hedges lists 'May' twice"):
        load_words(RelationWords, {**{f: [] for f in RelationWords.__slots__}, "hedges": ["may", "May"]},
                   tmp_path / "x.toml")


def test_a_trigger_listed_twice_is_a_load_error(tmp_path):
    folder = _copy(tmp_path)
    _edit(folder / "lexicon" / "relations.toml", "verbs = [\"deter\", ", "verbs = [\"Deter\", \"deter\", ")
    with pytest.raises(DataFileError, match="deters.*lists .deter. twice"):
        load_resources(folder)
