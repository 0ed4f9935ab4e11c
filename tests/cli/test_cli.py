"""The CLI through Typer's runner (and once through the real entry point)."""

from __future__ import annotations

import json
import subprocess
import sys

import rdflib
from helpers import SEED
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def test_build_writes_the_three_outputs(tmp_path):
    result = runner.invoke(app, ["build", str(SEED), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Built 1 document(s)" in result.output
    for name in ("graph.ttl", "graph.graphml", "graph.html"):
        assert (tmp_path / name).stat().st_size > 1000
    g = rdflib.Graph().parse(tmp_path / "graph.ttl")
    assert len(g) > 100
    import networkx as nx

    nxg = nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True)
    assert any(d.get("property") == "allyOf" for _, _, d in nxg.edges(data=True))


def test_build_from_jsonl_and_stdin(tmp_path):
    jl = tmp_path / "in.jsonl"
    rows = [{"id": "a1", "text": "France and Germany signed a treaty in Paris.", "title": "T", "date": "2024-01-02",
             "url": "https://example.com/a1"},
            {"id": "a2", "text": "Japan condemned North Korea."}]
    jl.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(jl), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert "Built 2 document(s)" in result.output
    ttl = (tmp_path / "o" / "graph.ttl").read_text(encoding="utf-8")
    assert '"a1"' in ttl and "https://example.com/a1" in ttl

    result = runner.invoke(app, ["build", "-", "--out", str(tmp_path / "s")], input="Japan condemned North Korea.\n")
    assert result.exit_code == 0, result.output
    g = rdflib.Graph().parse(tmp_path / "s" / "graph.ttl")
    q = """PREFIX kg: <https://w3id.org/newskg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
           ASK { ?a kg:criticized ?b . ?a rdfs:label "Japan" . ?b rdfs:label "North Korea" }"""
    assert g.query(q).askAnswer


def test_base_option_changes_iris(tmp_path):
    result = runner.invoke(app, ["build", str(SEED), "--out", str(tmp_path), "--base", "http://news.test/kg/", "--no-html"])
    assert result.exit_code == 0, result.output
    assert "<http://news.test/kg/country/" in (tmp_path / "graph.ttl").read_text(encoding="utf-8")


def test_bad_base_is_a_one_line_error(tmp_path):
    result = runner.invoke(app, ["build", str(SEED), "--out", str(tmp_path), "--base", "not an iri"])
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error: --base")
    assert len(result.output.strip().splitlines()) == 1


def test_missing_model_is_a_one_line_error_that_says_how_to_install(tmp_path):
    result = runner.invoke(app, ["build", str(SEED), "--out", str(tmp_path), "--model", "xx_no_such_model"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "pip install" in lines[0] and "--model" in lines[0]


def test_nothing_to_build_is_an_error_but_bad_files_are_skipped(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(empty), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1 and "empty" in result.output
    result = runner.invoke(app, ["build", str(empty), str(SEED), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0 and "Built 1 document(s)" in result.output


def _commands():
    """Every command as its argument list: top-level commands and the commands of each group."""
    out = [[c.name or c.callback.__name__] for c in app.registered_commands]
    for group in app.registered_groups:
        out += [[group.name, c.name or c.callback.__name__] for c in group.typer_instance.registered_commands]
    return out


def test_every_command_has_help_with_an_example():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0 and "kg build seeds/ --out output/" in result.output
    commands = _commands()
    assert ["build"] in commands and ["eval", "gold"] in commands and ["eval", "table"] in commands
    for args in commands:
        result = runner.invoke(app, [*args, "--help"])
        assert result.exit_code == 0, args
        assert "Example" in result.output and "kg " + " ".join(args) in result.output, args


def test_real_entry_point_prints_no_traceback(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(tmp_path / "missing.txt"), "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "Error:" in proc.stderr


def test_eval_on_seed_gold(tmp_path):
    result = runner.invoke(app, ["eval", "gold", "tests/gold/seed.json", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["micro"]["gold"] == 22 and report["micro"]["f1"] >= 0.8


def test_the_old_eval_spelling_still_works_with_a_note(seed_rdf, tmp_path):
    pred = tmp_path / "seed.ttl"
    seed_rdf.serialize(pred, format="turtle")
    result = subprocess.run([sys.executable, "-m", "kg.cli", "eval", "tests/gold/seed.json", "--pred", str(pred),
                             "--json"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["micro"]["gold"] == 22
    assert "is now `kg eval gold tests/gold/seed.json`" in result.stderr


def test_eval_table_outside_a_checkout_says_where_the_gold_sets_are(tmp_path):
    result = runner.invoke(app, ["eval", "table", "--gold-dir", str(tmp_path)])
    assert result.exit_code == 1 and "holds no gold sets" in result.output


def test_a_document_whose_extraction_fails_is_skipped_and_reported(tmp_path, monkeypatch):
    import kg.builder

    real = kg.builder.extract_document

    def flaky(document, doc, res):
        if document.id == "bad":
            raise RuntimeError("boom")
        return real(document, doc, res)

    monkeypatch.setattr(kg.builder, "extract_document", flaky)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "bad", "text": "France condemned Spain."}) + "\n"
                   + json.dumps({"id": "good", "text": "Japan condemned North Korea."}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(src), "--out", str(tmp_path / "o"), "--no-html"])
    assert result.exit_code == 0, result.output
    assert "extraction failed (RuntimeError: boom)" in result.output and "Built 1 document(s)" in result.output
    ttl = (tmp_path / "o" / "graph.ttl").read_text(encoding="utf-8")
    assert '"good"' in ttl and '"bad"' not in ttl


def test_views_built_beside_the_store_equal_the_views_built_alone(tmp_path, seed_graph, res):
    from kg.export.write import render_views
    from kg.store.outputs import write_outputs

    timings: dict = {}
    write_outputs(seed_graph, tmp_path, base="https://example.org/newskg/", resources=res, timings=timings)
    gml, page, _ = render_views(seed_graph, "https://example.org/newskg/", True, None, (), 1)
    assert (tmp_path / "graph.graphml").read_bytes() == gml
    assert (tmp_path / "graph.html").read_text(encoding="utf-8") == page
    assert {"store", "graphml (child)", "html (child)", "turtle export"} <= set(timings)


def test_an_error_while_building_the_page_is_reported_once(tmp_path, monkeypatch):
    import kg.export.viz
    from kg.errors import KGError

    def broken(*args, **kwargs):
        raise KGError("the page cannot be drawn")

    monkeypatch.setattr(kg.export.viz, "render_html", broken)
    result = runner.invoke(app, ["build", str(SEED), "--out", str(tmp_path)])
    assert result.exit_code == 1 and "the page cannot be drawn" in result.output
    assert "Traceback" not in result.output


def test_a_dead_view_process_falls_back_to_building_here(tmp_path, monkeypatch):
    import os

    import kg.export.networkx

    parent = os.getpid()
    real = kg.export.networkx.graphml_bytes

    def dies_in_child(*args, **kwargs):
        if os.getpid() != parent:
            os._exit(3)  # the forked child dies without a word
        return real(*args, **kwargs)

    monkeypatch.setattr(kg.export.networkx, "graphml_bytes", dies_in_child)
    result = runner.invoke(app, ["build", str(SEED), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "graph.graphml").stat().st_size > 1000 and (tmp_path / "graph.html").stat().st_size > 1000


def test_a_failed_store_update_leaves_no_view_process_behind(tmp_path):
    import multiprocessing

    assert runner.invoke(app, ["build", str(SEED), "--out", str(tmp_path), "--no-html"]).exit_code == 0
    result = runner.invoke(app, ["build", str(SEED), "--out", str(tmp_path), "--base", "http://other.test/kg/"])
    assert result.exit_code == 1 and "was built with --base" in result.output
    assert not [p for p in multiprocessing.active_children() if p.name == "kg-views"]
