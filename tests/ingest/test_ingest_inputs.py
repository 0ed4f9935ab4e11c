"""What kinds of input newskg takes, and what it says about the ones it does not."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SEED
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest.language import non_english
from kg.ingest.read import Problem, iter_documents

runner = CliRunner()
ENGLISH = SEED.read_text(encoding="utf-8")
GERMAN = (
    "Die Bundesregierung hat am Montag in Berlin neue Sanktionen gegen Russland beschlossen. Der Kanzler "
    "sagte, dass die Maßnahmen mit den Partnern in der Europäischen Union abgestimmt worden seien und "
    "dass man auch weiterhin auf Gespräche setze. Die Opposition kritisierte, die Regierung habe zu "
    "lange gewartet, und forderte eine Debatte im Bundestag noch in dieser Woche."
)
FRENCH = (
    "Le président de la République a reçu lundi à Paris le chancelier allemand pour discuter de la "
    "situation en Ukraine. Les deux dirigeants ont affirmé que l'Union européenne devait rester unie "
    "face à la Russie et qu'ils soutiendraient de nouvelles sanctions si les négociations échouaient "
    "dans les prochaines semaines, selon un communiqué de l'Élysée."
)
RUSSIAN = ("Президент России провёл в понедельник переговоры с канцлером Германии в Москве. Стороны обсудили "
           "ситуацию на Украине и вопросы энергетики, сообщили в Кремле.") * 2


def read(inputs, **kw):
    problems: list[Problem] = []
    docs = list(iter_documents([str(p) for p in inputs], on_problem=problems.append, **kw))
    return docs, problems


# -- URLs ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["https://www.bbc.co.uk/news/world-123", "http://example.com/a.html",
                                 "www.example.com/story"])
def test_a_url_is_not_fetched_and_the_message_says_how_to_pass_the_page(url):
    docs, problems = read([url])
    assert docs == []
    (p,) = problems
    assert p.source == url and "does not fetch URLs" in p.message
    assert ".html" in p.message and "curl" in p.message and "no such file" not in p.message


def test_a_saved_page_named_like_a_host_is_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("www.example.com.html").write_text(f"<html><body><p>{ENGLISH}</p></body></html>", encoding="utf-8")
    docs, problems = read(["www.example.com.html"])
    assert [d.id for d in docs] == ["www.example.com"] and problems == []


def test_cli_url_input_is_one_warning_then_the_usual_error(tmp_path):
    done = runner.invoke(app, ["build", "https://example.com/story", "--out", str(tmp_path)])
    assert done.exit_code == 1
    assert "Warning: https://example.com/story: newskg does not fetch URLs" in done.output
    assert "https:/example.com" not in done.output    # never read as a mangled path


# -- language -----------------------------------------------------------------------------------
def test_english_reads_as_english():
    assert non_english(ENGLISH) is None
    assert non_english("Too short to tell: Berlin.") is None


@pytest.mark.parametrize("text,said", [(GERMAN, "looks like German"), (FRENCH, "looks like French"),
                                       (RUSSIAN, "Cyrillic script")])
def test_other_languages_are_named(text, said):
    assert said in non_english(text)


def test_a_non_english_document_is_built_with_one_warning(tmp_path):
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    docs, problems = read([tmp_path])
    assert [d.id for d in docs] == ["de", "en"]       # still built
    (p,) = problems
    assert p.source == str(tmp_path / "de.txt") and "'de' looks like German" in p.message
    assert "English only" in p.message and "\n" not in str(p)


# -- files of other types -----------------------------------------------------------------------
def test_files_of_other_types_in_a_folder_are_counted_in_one_note(tmp_path):
    (tmp_path / "story.txt").write_text(ENGLISH, encoding="utf-8")
    for name in ("a.pdf", "b.pdf", "notes.rst", "README"):
        (tmp_path / name).write_bytes(b"x")
    docs, problems = read([tmp_path])
    assert [d.id for d in docs] == ["story"]
    (p,) = problems
    assert p.note and p.source == str(tmp_path)
    assert "4 file(s) of other types skipped (2 .pdf, 1 (no extension), 1 .rst)" in p.message
    assert "convert or rename" in p.message


def test_cli_prints_the_note_without_counting_it_as_a_problem(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "in" / "scan.pdf").write_bytes(b"%PDF-1.4")
    done = runner.invoke(app, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--no-html", "--no-store"])
    assert done.exit_code == 0, done.output
    notes = [ln for ln in done.output.splitlines() if ln.startswith("Note:")]
    assert len(notes) == 1 and "1 file(s) of other types skipped (1 .pdf)" in notes[0]
    assert "input problem(s)" not in done.output


# -- terminal safety ----------------------------------------------------------------------------
def test_file_names_with_terminal_escapes_are_shown_escaped(tmp_path):
    evil = tmp_path / "x\x1b]0;pwned\x07\x1b[2J\u202e.txt"
    evil.write_text("  \n", encoding="utf-8")       # empty: a warning names the file
    done = runner.invoke(app, ["build", str(evil), str(SEED), "--out", str(tmp_path / "o"), "--no-html", "--no-store"])
    assert done.exit_code == 0, done.output
    assert "\x1b" not in done.output and "\x07" not in done.output and "\u202e" not in done.output
    assert "x\\x1b]0;pwned\\x07\\x1b[2J\\u202e.txt" in done.output
    done = runner.invoke(app, ["build", str(evil), "--out", str(tmp_path / "o")])
    assert done.exit_code == 1 and "\x1b" not in done.output
