"""Bad input files and lines: each is reported once (file, line, what to do) and the rest is read."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from kg.ingest.read import Problem, iter_documents


def read(inputs, **kw):
    problems: list[Problem] = []
    docs = list(iter_documents([str(p) for p in inputs], on_problem=problems.append, **kw))
    return docs, problems


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


GOOD = "Acme Corp hired Jane Roe in Paris.\n"


@pytest.fixture()
def good(tmp_path: Path) -> Path:
    p = tmp_path / "good.txt"
    p.write_text(GOOD, encoding="utf-8")
    return p


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf\n"])
def test_empty_and_whitespace_files_are_skipped(tmp_path, good, content):
    bad = tmp_path / "blank.txt"
    bad.write_bytes(content)
    docs, problems = read([bad, good])
    assert [d.id for d in docs] == ["good"]
    p = only(problems)
    assert p.source == str(bad) and "empty or whitespace-only file" in p.message


@pytest.mark.parametrize("name,content,kind", [
    ("paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>>", "a PDF"),
    ("report.md", b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    ("noise.txt", bytes(range(256)) * 8, "binary"),
    ("high.txt", bytes(range(0x80, 0x100)) * 30, "binary"),  # no NUL byte, still not text
])
def test_binary_files_and_pdfs_are_skipped(tmp_path, good, name, content, kind):
    bad = tmp_path / name
    bad.write_bytes(content)
    docs, problems = read([bad, good])
    assert [d.id for d in docs] == ["good"]
    p = only(problems)
    assert p.source == str(bad) and kind in p.message and "Convert it to" in p.message


def test_invalid_utf8_is_decoded_with_replacement_and_a_warning(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\u00e9 owner Jane Roe met Acme Corp in Paris.\n".encode("latin-1"))
    docs, problems = read([bad])
    assert docs[0].text == "Caf\ufffd owner Jane Roe met Acme Corp in Paris.\n"
    p = only(problems)
    assert "invalid UTF-8 at byte 3" in p.message and "re-save the file as UTF-8" in p.message


def test_utf16_with_bom_is_text(tmp_path):
    f = tmp_path / "wide.txt"
    f.write_bytes(GOOD.encode("utf-16"))
    docs, problems = read([f])
    assert problems == [] and docs[0].text == GOOD


def test_jsonl_broken_lines_are_reported_with_their_line_and_skipped(tmp_path):
    f = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "a", "text": GOOD, "title": "T"}),    # 1 ok
        '{"id": "b", "text": "unterminated',                      # 2 broken JSON
        json.dumps({"id": "c"}),                                  # 3 no text
        json.dumps({"id": "d", "text": 42}),                      # 4 number
        json.dumps({"id": "e", "text": ["x"]}),                   # 5 list
        json.dumps({"id": "f", "text": None}),                    # 6 null
        json.dumps({"id": "g", "text": "  \n "}),                 # 7 blank text
        json.dumps(["not", "an", "object"]),                      # 8 not an object
        json.dumps({"id": "a", "text": "Duplicate of the first."}),  # 9 duplicate id
        "",                                                       # 10 blank line: ignored silently
        json.dumps({"text": "No id here, Berlin."}),              # 11 ok, id from line
        json.dumps({"id": 7, "text": "Numeric id, Lyon."}),       # 12 ok, id "7"
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, problems = read([f])
    assert [d.id for d in docs] == ["a", "corpus-11", "7"]
    assert docs[0].title == "T"
    by_line = {p.line: p.message for p in problems}
    assert sorted(by_line) == [2, 3, 4, 5, 6, 7, 8, 9]
    assert all(p.source == str(f) for p in problems)
    assert "not valid JSON" in by_line[2]
    assert "no \"text\" field" in by_line[3] and "no \"text\" field" in by_line[6]
    assert "must be a string, got a number" in by_line[4]
    assert "must be a string, got a list" in by_line[5]
    assert "empty or whitespace-only \"text\"" in by_line[7]
    assert "JSON object" in by_line[8]
    assert "duplicate document id 'a'" in by_line[9] and f"{f}:1" in by_line[9]
    assert str(problems[0]).startswith(f"{f}:2: ")


def test_jsonl_invalid_utf8_line_names_the_line(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_bytes(b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "Caf\xe9 in Paris"}\n')
    docs, problems = read([f])
    assert [d.text for d in docs] == ["ok", "Caf\ufffd in Paris"]
    assert only(problems).line == 2


def test_duplicate_ids_keep_the_first(tmp_path):
    # Files of one folder have distinct ids (their paths: tests/ingest/test_ingest_ids.py); a
    # JSONL id that repeats one of them is still a duplicate.
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "same.txt").write_text("First, Paris.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "a/same", "text": "Second, Lyon."}) + "\n", encoding="utf-8")
    docs, problems = read([tmp_path])
    assert [d.text for d in docs] == ["First, Paris."]
    p = only(problems)
    assert p.source == str(tmp_path / "b.jsonl") and p.line == 1 and "duplicate document id 'a/same'" in p.message


def test_same_file_twice_is_read_once_without_complaint(good):
    docs, problems = read([good, good.parent, good])
    assert [d.id for d in docs] == ["good"] and problems == []


def test_unknown_extension_named_on_the_command_line(tmp_path, good):
    bad = tmp_path / "notes.docx"
    bad.write_text("hello", encoding="utf-8")
    docs, problems = read([bad, good])
    assert [d.id for d in docs] == ["good"]
    p = only(problems)
    assert p.source == str(bad) and "unknown extension '.docx'" in p.message


def test_missing_path(tmp_path, good):
    docs, problems = read([tmp_path / "nope.txt", good])
    assert [d.id for d in docs] == ["good"]
    assert "no such file or directory" in only(problems).message


def test_unreadable_file_is_reported(tmp_path, good, monkeypatch):
    bad = tmp_path / "locked.txt"
    bad.write_text(GOOD, encoding="utf-8")
    real_open = Path.open

    def deny(self, *a, **kw):
        if self == bad:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *a, **kw)

    monkeypatch.setattr(Path, "open", deny)
    docs, problems = read([bad, good])
    assert [d.id for d in docs] == ["good"]
    p = only(problems)
    assert p.source == str(bad) and "cannot read (Permission denied)" in p.message and "permissions" in p.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_by_mode(tmp_path, good):
    bad = tmp_path / "locked.txt"
    bad.write_text(GOOD, encoding="utf-8")
    bad.chmod(0)
    try:
        docs, problems = read([bad, good])
    finally:
        bad.chmod(0o644)
    assert [d.id for d in docs] == ["good"] and "Permission denied" in only(problems).message


def test_directory_without_usable_files(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    docs, problems = read([tmp_path])
    assert docs == []
    p = only(problems)
    assert p.source == str(tmp_path) and "holds no" in p.message and "1 file(s) of other types" in p.message


def test_oversized_document_is_skipped_with_advice(tmp_path, good):
    big = tmp_path / "big.txt"
    big.write_text("word " * 400, encoding="utf-8")
    docs, problems = read([big, good], max_bytes=1000)
    assert [d.id for d in docs] == ["good"]
    assert "over the 1,000-byte limit" in only(problems).message


def test_stdin_text_html_jsonl_and_empty():
    docs, problems = read(["-"], stdin=io.StringIO(GOOD))
    assert [(d.id, d.text) for d in docs] == [("stdin", GOOD)] and problems == []
    docs, _ = read(["-"], stdin=io.StringIO('{"id": "x", "text": "Lyon."}\n{"id": "y", "text": "Nice."}\n'))
    assert [d.id for d in docs] == ["x", "y"]
    docs, _ = read(["-"], stdin=io.StringIO("<html><body><nav>Home</nav><p>Lyon is big.</p></body></html>"))
    assert docs[0].text == "Lyon is big."
    docs, problems = read(["-"], stdin=io.StringIO("  \n"))
    assert docs == [] and "standard input is empty" in only(problems).message


def test_html_files_and_html_in_jsonl(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Site | Story</title><meta property='og:title' content='The story'>"
        "<script>alert('x')</script></head><body><nav><a href='/'>Home</a></nav>"
        "<article><p>Acme Corp hired Jane Roe.</p><p>She starts in May.</p></article>"
        "<footer>(c) Site</footer></body></html>", encoding="utf-8")
    jl = tmp_path / "pages.jsonl"
    jl.write_text(json.dumps({"id": "p1", "text": "<html><body><p>Berlin met Paris.</p>"
                              "<div class='share'>Share on X</div></body></html>"}) + "\n"
                  + json.dumps({"id": "p2", "text": "<html><body><nav>Only a menu</nav></body></html>"}) + "\n",
                  encoding="utf-8")
    docs, problems = read([page, jl])
    assert [(d.id, d.title, d.text) for d in docs] == [
        ("story", "The story", "Acme Corp hired Jane Roe.\n\nShe starts in May."),
        ("p1", None, "Berlin met Paris."),
    ]
    p = only(problems)
    assert p.line == 2 and "without article text" in p.message
