"""Ingest: turn INPUT arguments into :class:`~kg.model.Document` records.

Accepted inputs: ``.txt``/``.md`` files, directories (searched recursively, sorted), ``.jsonl``
files with one ``{"id", "text", "title"?, "date"?, "url"?, "source"?}`` object per line, and
``-`` for standard input.  A bad file or line is reported through ``on_problem`` and skipped; the
rest goes on.  This is the only stage that reads input files.
"""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO

from kg.model import Document

log = logging.getLogger(__name__)

__all__ = ["Problem", "iter_documents", "TEXT_SUFFIXES", "JSONL_SUFFIXES"]

TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
_OPTIONAL = ("title", "date", "url", "source")


@dataclass(frozen=True, slots=True)
class Problem:
    """A non-fatal input problem: what, where, and what to do."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


def _report(on_problem: Callable[[Problem], None] | None, problem: Problem) -> None:
    log.warning("%s", problem)
    if on_problem is not None:
        on_problem(problem)


def _decode(data: bytes, source: str, on_problem) -> str | None:
    if b"\x00" in data[:4096] or data[:5] == b"%PDF-":
        _report(on_problem, Problem(source, "binary file (PDF or other), skipped; convert it to text first."))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        _report(on_problem, Problem(
            source, f"invalid UTF-8 at byte {exc.start}; decoded with replacement characters."))
        return data.decode("utf-8", errors="replace")


def _expand(inputs: Iterable[str | Path], on_problem) -> Iterator[Path | str]:
    for raw in inputs:
        if str(raw) == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                _report(on_problem, Problem(str(path), "directory holds no .txt, .md or .jsonl file."))
            yield from found
        elif path.is_file():
            if path.suffix.lower() not in TEXT_SUFFIXES + JSONL_SUFFIXES:
                _report(on_problem, Problem(
                    str(path), f"unknown extension {path.suffix or '(none)'!r}, skipped; "
                    "use .txt, .md or .jsonl."))
                continue
            yield path
        else:
            _report(on_problem, Problem(str(path), "no such file or directory."))


def _from_jsonl(lines: Iterable[str], source: str, on_problem) -> Iterator[Document]:
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            _report(on_problem, Problem(source, f"not valid JSON ({exc.msg}), line skipped.", lineno))
            continue
        if not isinstance(row, dict):
            _report(on_problem, Problem(source, "a line must be a JSON object, line skipped.", lineno))
            continue
        text = row.get("text")
        if not isinstance(text, str) or not text.strip():
            _report(on_problem, Problem(source, "missing or empty \"text\", line skipped.", lineno))
            continue
        doc_id = row.get("id")
        if doc_id is None or str(doc_id).strip() == "":
            doc_id = f"{Path(source).stem}-{lineno}"
        meta = {k: (str(row[k]) if row.get(k) is not None else None) for k in _OPTIONAL}
        yield Document(id=str(doc_id), text=text, **meta)


def iter_documents(
    inputs: Iterable[str | Path],
    *,
    stdin: TextIO | None = None,
    on_problem: Callable[[Problem], None] | None = None,
) -> Iterator[Document]:
    """Yield the documents of ``inputs`` in a stable order, skipping (and reporting) bad ones."""
    seen: set[str] = set()
    for item in _expand(inputs, on_problem):
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin
            text = stream.read()
            if text.lstrip().startswith("{"):
                docs = _from_jsonl(text.splitlines(), "<stdin>", on_problem)
            else:
                docs = iter([Document(id="stdin", text=text)]) if text.strip() else iter(())
                if not text.strip():
                    _report(on_problem, Problem("<stdin>", "standard input is empty."))
        else:
            path = item
            try:
                data = path.read_bytes()
            except OSError as exc:
                _report(on_problem, Problem(str(path), f"cannot read ({exc.strerror})."))
                continue
            text = _decode(data, str(path), on_problem)
            if text is None:
                continue
            if path.suffix.lower() in JSONL_SUFFIXES:
                docs = _from_jsonl(text.splitlines(), str(path), on_problem)
            elif not text.strip():
                _report(on_problem, Problem(str(path), "empty file, skipped."))
                continue
            else:
                docs = iter([Document(id=path.stem, text=text, source=str(path))])
        for doc in docs:
            if doc.id in seen:
                _report(on_problem, Problem(
                    doc.source or str(item), f"duplicate document id {doc.id!r}, later copy skipped; "
                    "give every document a unique id."))
                continue
            seen.add(doc.id)
            yield doc
