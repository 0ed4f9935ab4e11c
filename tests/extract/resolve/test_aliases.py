"""The user's alias file: forced merges and splits, class and Wikidata id; checked on load."""

from __future__ import annotations

import pytest
from corpus_helpers import doc, ent, graph, names_of

from kg.errors import DataFileError
from kg.extract.resolve.corpus import load_aliases, resolve_across_documents

TOML = """
[[entity]]
name = "Cherie Blair"
aliases = ["Cherie Booth"]
class = "Person"
wikidata = "Q236702"

[[entity]]
name = "Washington"
class = "City"
distinct = ["George Washington"]
"""

CSV = """name,aliases,class,wikidata,distinct
Cherie Blair,Cherie Booth,Person,Q236702,
Washington,,City,,George Washington
"""


@pytest.fixture(params=["toml", "csv"])
def table(request, tmp_path, res):
    path = tmp_path / f"aliases.{request.param}"
    path.write_text(TOML if request.param == "toml" else CSV, encoding="utf-8")
    return load_aliases(path, res.ontology.classes)


def test_an_alias_forces_a_merge_no_rule_would_make(res, table):
    g = graph(res, doc("a", ent("Cherie Blair")), doc("b", ent("Cherie Booth")))
    r = resolve_across_documents(g, res, aliases=table)
    keys = names_of(g)
    assert keys["Cherie Booth"] == keys["Cherie Blair"]
    e = g.entities[keys["Cherie Blair"]]
    assert e.name == "Cherie Blair" and e.wikidata == "Q236702"
    assert any(m.rule == "alias-file" for m in r.merges)
    assert g.aliases is table  # kept for the store's later builds


def test_without_the_file_the_two_names_stay_two(res):
    g = graph(res, doc("a", ent("Cherie Blair")), doc("b", ent("Cherie Booth")))
    resolve_across_documents(g, res)
    assert names_of(g)["Cherie Booth"] != names_of(g)["Cherie Blair"]


def test_an_entry_sets_the_class(res, table):
    g = graph(res, doc("a", ent("Washington", "Place")))
    resolve_across_documents(g, res, aliases=table)
    assert g.entities[names_of(g)["Washington"]].cls == "City"


def test_distinct_forces_a_split_a_rule_would_make(res, table):
    # the text names George Washington, so "Washington" alone would join him ...
    results = [doc("a", ent("George Washington"), ent("Washington", "Organization"))]
    g = graph(res, *results)
    resolve_across_documents(g, res)
    assert names_of(g)["Washington"] == "person/george-washington"
    # ... unless the alias file says the two are distinct
    g = graph(res, *results)
    resolve_across_documents(g, res, aliases=table)
    assert names_of(g)["Washington"] != names_of(g)["George Washington"]


@pytest.mark.parametrize("text,message", [
    ('[[entity]]\naliases = ["X"]\n', "needs a non-empty name"),
    ('[[entity]]\nname = "X"\nclass = "Persn"\n', "not a class of the ontology"),
    ('[[entity]]\nname = "X"\nwikidata = "298154"\n', "not a Wikidata item id"),
    ('[[entity]]\nname = "X"\nnick = "Y"\n', "unknown key"),
    ('[[entity]]\nname = "X"\n[[entity]]\nname = "Y"\naliases = ["x"]\n', "already listed"),
    ('[[entity]]\nname = "X"\ndistinct = ["X"]\n', "both a name and distinct"),
    ('[[entity]\nname = "X"\n', "not valid TOML"),
    ('[people]\nname = "X"\n', r"only \[\[entity\]\] tables"),
])
def test_a_bad_toml_alias_file_is_one_clear_error(tmp_path, res, text, message):
    path = tmp_path / "a.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as info:
        load_aliases(path, res.ontology.classes)
    assert str(path) in str(info.value)


def test_a_bad_csv_header_is_one_clear_error(tmp_path, res):
    path = tmp_path / "a.csv"
    path.write_text("label,aka\nX,Y\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="header must be name"):
        load_aliases(path, res.ontology.classes)


def test_a_csv_error_names_the_line(tmp_path, res):
    path = tmp_path / "a.csv"
    path.write_text("name,class\nX,Person\nY,Nobody\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"a\.csv:3: class 'Nobody'"):
        load_aliases(path, res.ontology.classes)
