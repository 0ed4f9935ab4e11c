"""JSONL and CSV corpora: field choices, and a bad line never costs more than itself."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kg.cli import app
from kg.ingest.read import Problem, count_documents, iter_documents
from kg.ingest.rows import Fields

runner = CliRunner()
T1 = "France and Germany signed a treaty in Paris on Monday."
T2 = "Japan condemned North Korea over the missile test."


def read(inputs, **kw):
    problems: list[Problem] = []
    docs = list(iter_documents([str(p) for p in inputs], on_problem=problems.append, **kw))
    return docs, problems


def test_csv_with_default_columns_and_a_quoted_multiline_text(tmp_path):
    f = tmp_path / "news.csv"
    f.write_text('id,title,text,date\n'
                 f'n1,Treaty,"{T1}\nA second line.",2024-01-02\n'
                 f'n2,,{T2.replace(",", "")},\n', encoding="utf-8")
    docs, problems = read([f])
    assert problems == []
    assert [(d.id, d.title, d.date) for d in docs] == [("n1", "Treaty", "2024-01-02"), ("n2", None, None)]
    assert docs[0].text == T1 + "\nA second line." and docs[0].source is None
    assert count_documents([f]) == 2


def test_csv_fields_are_chosen_by_name_and_rows_without_id_get_file_and_line(tmp_path):
    f = tmp_path / "export.csv"
    f.write_text(f'guid;headline;body\n;Treaty;"{T1}"\nx7;Test;"{T2}"\n', encoding="utf-8")   # Excel's ";"
    docs, problems = read([f], fields=Fields(text="body", id="guid", title="headline"))
    assert problems == []
    assert [(d.id, d.title, d.text) for d in docs] == [("export-2", "Treaty", T1), ("x7", "Test", T2)]


def test_csv_without_the_text_column_names_its_columns_and_the_option(tmp_path):
    f = tmp_path / "export.csv"
    f.write_text(f'guid,body\n1,"{T1}"\n', encoding="utf-8")
    docs, problems = read([f])
    (p,) = problems
    assert docs == [] and 'no "text" column (columns: guid, body)' in p.message and "--text-field" in p.message


def test_tsv_and_a_bad_row(tmp_path):
    f = tmp_path / "news.tsv"
    f.write_text(f"id\ttext\na\t{T1}\nb\t{T2}\textra\nc\t{T2}\n", encoding="utf-8")
    docs, problems = read([f])
    assert [d.id for d in docs] == ["a", "c"]
    (p,) = problems
    assert p.line == 3 and "row has 3 field(s), the header 2" in p.message


def test_jsonl_text_and_id_fields_by_option(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps({"guid": "g1", "body": T1, "headline": "Treaty"}) + "\n"
                 + json.dumps({"guid": "g2", "text": T2}) + "\n", encoding="utf-8")
    docs, problems = read([f], fields=Fields(text="body", id="guid", title="headline"))
    assert [(d.id, d.title) for d in docs] == [("g1", "Treaty")]
    (p,) = problems
    assert p.line == 2 and 'no "body" field' in p.message and "--text-field" in p.message and "guid, text" in p.message


def test_cli_csv_with_field_options(tmp_path):
    f = tmp_path / "news.csv"
    f.write_text(f'key,story\nk1,"{T1}"\nk2,"{T2}"\n', encoding="utf-8")
    done = runner.invoke(app, ["build", str(f), "--text-field", "story", "--id-field", "key",
                               "--out", str(tmp_path / "o"), "--no-html"])
    assert done.exit_code == 0, done.output
    assert "Built 2 document(s)" in done.output
    ttl = (tmp_path / "o" / "graph.ttl").read_text(encoding="utf-8")
    assert '"k1"' in ttl and '"k2"' in ttl


def test_a_nul_byte_in_a_jsonl_file_costs_only_its_line(tmp_path):
    f = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": f"d{i}", "text": T1}).encode() for i in range(51)]
    lines[2] = b'{"id": "d2", "text": "Paris \x00 Berlin"}'
    f.write_bytes(b"\n".join(lines) + b"\n")
    docs, problems = read([f])
    assert len(docs) == 50 and "d2" not in {d.id for d in docs}
    (p,) = problems
    assert p.line == 3 and "raw control character U+0000 at column 29" in p.message
    assert "at at" not in p.message and "binary" not in p.message


def test_jsonl_messages_give_the_column_once(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text('{"id": "a", "text": "caf\u00e9 \u00e9t\u00e9" "oops"}\n{"id": "b", "text": "no end}\n', encoding="utf-8")
    docs, problems = read([f])
    assert docs == []
    first, second = (p.message for p in problems)
    assert "Expecting ',' delimiter at column 32" in first        # characters, as an editor counts
    assert "unterminated string starting at column 21" in second
    assert all(" at at" not in m for m in (first, second))
