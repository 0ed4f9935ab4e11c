"""Every output follows the store: incremental builds, `kg remove` and `kg render`."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
KEPT = {"id": "kept-article-01", "text": "France and Germany signed a treaty in Paris. Germany deters Russia.",
        "title": "Treaty day"}
GONE = {"id": "removed-article-zq", "text": "Japan condemned North Korea. Kim Jong-un criticized Japan.",
        "title": "Zanzibar Quay report"}
FILES = ("graph.ttl", "graph.trig", "graph.graphml", "graph.html")


def _jsonl(path, row) -> str:
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    return str(path)


def test_outputs_hold_every_stored_document_and_none_removed(tmp_path):
    out = tmp_path / "out"
    for row in (KEPT, GONE):  # two incremental builds
        done = runner.invoke(app, ["build", _jsonl(tmp_path / f"{row['id']}.jsonl", row), "--out", str(out),
                                   "--format", "trig"])
        assert done.exit_code == 0, done.output
    for name in FILES:
        text = (out / name).read_text(encoding="utf-8")
        assert KEPT["id"] in text and GONE["id"] in text, name
        assert "North Korea" in text and "Germany" in text, name

    done = runner.invoke(app, ["remove", GONE["id"], "--store", str(out / "store")])
    assert done.exit_code == 0, done.output
    assert "rewrote" in done.output
    for name in FILES:
        text = (out / name).read_text(encoding="utf-8")
        assert KEPT["id"] in text and "Germany" in text, name
        for word in (GONE["id"], GONE["title"], "North Korea"):
            assert word not in text, (name, word)


def test_render_redraws_the_page_from_the_store(tmp_path):
    out = tmp_path / "out"
    done = runner.invoke(app, ["build", _jsonl(tmp_path / "a.jsonl", KEPT), "--out", str(out), "--no-html"])
    assert done.exit_code == 0, done.output
    assert not (out / "graph.html").exists()
    done = runner.invoke(app, ["render", "--store", str(out / "store"), "--out", str(tmp_path / "page"),
                               "--focus", "Germany", "--hops", "1"])
    assert done.exit_code == 0, done.output
    page = (tmp_path / "page" / "graph.html").read_text(encoding="utf-8")
    assert "Germany" in page and (tmp_path / "page" / "graph.graphml").is_file()
    done = runner.invoke(app, ["render", "--store", str(out / "store"), "--focus", "Atlantis"])
    assert done.exit_code == 1 and "--focus" in done.output
    done = runner.invoke(app, ["render", "--store", str(tmp_path / "none")])
    assert done.exit_code == 1 and "no newskg store" in done.output


def test_an_incremental_build_draws_what_the_store_reads_back(tmp_path):
    """The page and GraphML of a second build come from the model its store update made (no
    read-back); they equal what `kg render` draws from the store's records."""
    out = tmp_path / "out"
    for row in (KEPT, GONE):
        done = runner.invoke(app, ["build", _jsonl(tmp_path / f"{row['id']}.jsonl", row), "--out", str(out)])
        assert done.exit_code == 0, done.output
    done = runner.invoke(app, ["render", "--store", str(out / "store"), "--out", str(tmp_path / "again")])
    assert done.exit_code == 0, done.output
    for name in ("graph.graphml", "graph.html"):
        assert (out / name).read_bytes() == (tmp_path / "again" / name).read_bytes(), name
