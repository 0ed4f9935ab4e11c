"""Document ids are unique per source and stable across runs; a build never silently replaces
another article in the store (docs/inputs.md, "Document ids")."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest.read import Problem, iter_documents
from kg.model import DocResult, Document, Entity, KnowledgeGraph
from kg.store.embedded import StoreError, store_documents
from kg.store.update import update_store

runner = CliRunner()
A_TEXT = "Ruritania criticized Freedonia on Monday, the ministry said."
B_TEXT = "Japan condemned North Korea over the missile test, officials said."


def read(inputs, **kw):
    problems: list[Problem] = []
    docs = list(iter_documents([str(p) for p in inputs], on_problem=problems.append, **kw))
    return docs, problems


@pytest.fixture()
def two_index_files(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    for name, text in (("a", A_TEXT), ("b", B_TEXT)):
        (root / name).mkdir(parents=True)
        (root / name / "index.txt").write_text(text, encoding="utf-8")
    return root


def test_files_in_a_folder_are_named_by_their_path_relative_to_it(two_index_files):
    docs, problems = read([two_index_files])
    assert [(d.id, d.text) for d in docs] == [("a/index", A_TEXT), ("b/index", B_TEXT)] and problems == []
    again, _ = read([two_index_files])
    assert [d.id for d in again] == ["a/index", "b/index"]    # stable across runs


def test_two_files_given_by_name_with_one_stem_get_their_folders(two_index_files):
    a, b = two_index_files / "a" / "index.txt", two_index_files / "b" / "index.txt"
    docs, problems = read([a, b])
    assert [d.id for d in docs] == ["a/index", "b/index"] and problems == []


def test_only_the_extension_apart_keeps_the_extension(tmp_path):
    (tmp_path / "story.txt").write_text(A_TEXT, encoding="utf-8")
    (tmp_path / "story.md").write_text(B_TEXT, encoding="utf-8")
    docs, problems = read([tmp_path])
    assert sorted(d.id for d in docs) == ["story.md", "story.txt"] and problems == []


def test_simple_ids_are_unchanged(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "000_x.txt").write_text(A_TEXT, encoding="utf-8")
    assert [d.id for d in read([seeds])[0]] == ["000_x"]              # a flat folder: the file name
    assert [d.id for d in read([seeds / "000_x.txt"])[0]] == ["000_x"]  # a file by itself: its name


def test_jsonl_lines_without_id_take_the_file_id_in_a_folder(tmp_path):
    (tmp_path / "feeds" / "x").mkdir(parents=True)
    (tmp_path / "feeds" / "x" / "wire.jsonl").write_text('{"text": "%s"}\n' % A_TEXT, encoding="utf-8")
    assert [d.id for d in read([tmp_path / "feeds"])[0]] == ["x/wire-1"]


def _result(doc_id: str, text: str, source: str) -> DocResult:
    name = text.split()[0]
    return DocResult(Document(doc_id, text, title=text[:20], source=source),
                     [Entity(f"country/{name.lower()}", "Country", name, set(), 1, {doc_id})], [])


def _graph(res, *results: DocResult) -> KnowledgeGraph:
    g = KnowledgeGraph(symmetric=res.ontology.symmetric)
    for r in results:
        g.add(r)
    return g


def test_replacing_a_different_stored_version_is_logged_and_can_be_refused(res, tmp_path, caplog):
    path = tmp_path / "store"
    update_store(path, _graph(res, _result("index", A_TEXT, "a/index.txt")), resources=res)
    with pytest.raises(StoreError, match=r"'index' \(stored from a/index.txt, now from b/index.txt\).*nothing was written"):
        update_store(path, _graph(res, _result("index", B_TEXT, "b/index.txt"), _result("new", B_TEXT, "new.txt")),
                     resources=res, replace=False)
    assert store_documents(path) == ["index"]                     # neither replaced nor added
    unchanged = update_store(path, _graph(res, _result("index", A_TEXT, "a/index.txt")), resources=res,
                             replace=False)
    assert unchanged.unchanged == ("index",)                      # the same version is no replacement
    with caplog.at_level("WARNING", logger="kg.store.embedded"):
        report = update_store(path, _graph(res, _result("index", B_TEXT, "b/index.txt")), resources=res)
    assert report.replaced == ("index",)
    assert "'index' (stored from a/index.txt, now from b/index.txt) replaced" in caplog.text


def test_cli_builds_both_index_files_and_a_later_build_replaces_nothing_silently(two_index_files, tmp_path):
    out = tmp_path / "out"
    done = runner.invoke(app, ["build", str(two_index_files), "--out", str(out), "--no-html"])
    assert done.exit_code == 0, done.output
    assert "Built 2 document(s)" in done.output and "duplicate" not in done.output
    assert store_documents(out / "store") == ["a/index", "b/index"]
    # b/index.txt alone later: known by its name, it is a new document; a's article stays
    done = runner.invoke(app, ["build", str(two_index_files / "b" / "index.txt"), "--out", str(out), "--no-html"])
    assert done.exit_code == 0, done.output
    assert store_documents(out / "store") == ["a/index", "b/index", "index"]
    # a different article under a stored id: said in one line, or refused with --no-replace
    other = tmp_path / "elsewhere" / "index.txt"
    other.parent.mkdir()
    other.write_text(A_TEXT, encoding="utf-8")
    done = runner.invoke(app, ["build", str(other), "--out", str(out), "--no-html", "--no-replace"])
    assert done.exit_code == 1
    assert [ln for ln in done.output.splitlines() if ln.startswith("Error:")] == [done.output.strip()]
    assert "would replace a different version" in done.output and "--no-replace" in done.output
    done = runner.invoke(app, ["build", str(other), "--out", str(out), "--no-html"])
    assert done.exit_code == 0, done.output
    warned = [ln for ln in done.output.splitlines() if "replaced by a different version" in ln]
    assert len(warned) == 1 and "'index'" in warned[0] and str(other) in warned[0]


def test_a_stored_document_without_entities_is_replaced_not_merged(res, tmp_path):
    path = tmp_path / "store"
    empty = lambda text, source: DocResult(Document("index", text, title=text, source=source), [], [])  # noqa: E731
    update_store(path, _graph(res, empty("A", "a/index.txt")), resources=res)
    with pytest.raises(StoreError, match="would replace"):
        update_store(path, _graph(res, empty("B", "b/index.txt")), resources=res, replace=False)
    report = update_store(path, _graph(res, empty("B", "b/index.txt")), resources=res)
    assert report.replaced == ("index",) and report.added == ()
    from kg.store.embedded import export_store

    titles = [ln for ln in export_store(path, "ntriples").decode().splitlines() if "/title>" in ln]
    assert len(titles) == 1 and '"B"' in titles[0]
