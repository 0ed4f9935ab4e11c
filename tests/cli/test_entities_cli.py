"""``kg entities``, ``kg build --aliases`` and ``kg eval entities`` through Typer's runner."""

from __future__ import annotations

import csv
import io
import json

import pytest
import rdflib
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()

TEXTS = {
    "a1.txt": "Cherie Booth, the barrister, spoke in London on Monday.",
    "a2.txt": "Cherie Blair visited a school in Sedgefield with Tony Blair.",
    "a3.txt": "Prime Minister Eyad Allawi met Vincent Cable in Washington.",
    "a4.txt": "Iraqi leader Iyad Allawi and Vince Cable were in London.",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("entities")
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    aliases = folder / "aliases.toml"
    aliases.write_text('[[entity]]\nname = "Cherie Blair"\naliases = ["Cherie Booth"]\nwikidata = "Q236702"\n',
                       encoding="utf-8")
    out = folder / "out"
    r = runner.invoke(app, ["build", str(folder / "a1.txt"), str(folder / "a2.txt"), "--out", str(out),
                            "--no-html", "--aliases", str(aliases)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["build", str(folder / "a3.txt"), str(folder / "a4.txt"), "--out", str(out), "--no-html"])
    assert r.exit_code == 0, r.output
    return folder, out


def labels_of(graph: rdflib.Graph, name: str):
    lit = rdflib.Literal(name)
    return {s for s in graph.subjects(rdflib.RDFS.label, lit)} | {s for s in graph.subjects(rdflib.SKOS.altLabel, lit)}


def test_an_alias_file_merges_and_the_store_keeps_it_for_later_builds(built):
    _, out = built
    g = rdflib.Graph().parse(out / "graph.ttl")
    (node,) = labels_of(g, "Cherie Booth")
    assert labels_of(g, "Cherie Blair") == {node}
    assert (node, rdflib.OWL.sameAs, rdflib.URIRef("http://www.wikidata.org/entity/Q236702")) in g


def test_kg_entities_lists_merges_with_their_rule(built):
    _, out = built
    r = runner.invoke(app, ["entities", "--store", str(out / "store"), "--merged", "--format", "csv"])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    rules = {(row["key"], row["rule"]) for row in rows}
    assert ("person/iyad-allawi", "person-transliteration") in rules
    assert any(rule == "alias-file" for _, rule in rules)


def test_kg_entities_top_lists_the_most_mentioned(built):
    _, out = built
    r = runner.invoke(app, ["entities", "--store", str(out / "store"), "--top", "--format", "json", "-n", "3"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert len(rows) == 3 and [int(x["mentions"]) for x in rows] == sorted((int(x["mentions"]) for x in rows), reverse=True)


def test_kg_entities_lists_suspects_with_evidence(tmp_path):
    for name, text in {"b1.txt": "Jeb Bush and George W. Bush spoke. Bush said no.",
                       "b2.txt": "George H. W. Bush was president."}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    r = runner.invoke(app, ["build", str(tmp_path / "b1.txt"), str(tmp_path / "b2.txt"), "--out", str(tmp_path / "o"),
                            "--no-html"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["entities", "--store", str(tmp_path / "o" / "store"), "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert any(x["rule"] == "person-short-name" and "Jeb Bush" in x["entities"] and x["evidence"] for x in rows)


def test_a_bad_alias_file_stops_the_build_before_reading_with_one_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[entity]]\nname = "X"\nclass = "Persn"\n', encoding="utf-8")
    r = runner.invoke(app, ["build", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "o"), "--aliases", str(bad)])
    assert r.exit_code == 1
    assert r.output.count("Error:") == 1 and "Persn" in r.output and "Traceback" not in r.output


def test_kg_entities_without_a_store_is_one_line(tmp_path):
    r = runner.invoke(app, ["entities", "--store", str(tmp_path / "none")])
    assert r.exit_code == 1 and "Error: no newskg store" in r.output


def test_kg_eval_entities(tmp_path):
    r = runner.invoke(app, ["eval", "entities", str(tmp_path / "nope.json")])
    assert r.exit_code == 1 and "no such entity gold file" in r.output
    text = "Tony Blair met Gordon Brown. Mr Blair spoke."
    gold = {"name": "tiny", "documents": [{"id": "d1", "source": {"text": text}}],
            "clusters": [{"id": "tb", "name": "Tony Blair", "type": "Person"}],
            "mentions": [{"doc": "d1", "form": "Tony Blair", "cluster": "tb"}, {"doc": "d1", "form": "Blair", "cluster": "tb"}]}
    path = tmp_path / "g.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    r = runner.invoke(app, ["eval", "entities", str(path), "--json"])
    assert r.exit_code == 0, r.output
    report = json.loads(r.stdout)
    assert report["pairwise"]["precision"] == 1.0 and report["occurrences"] == 2
