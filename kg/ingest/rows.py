"""Corpora with one document per record: JSONL lines and CSV/TSV rows.

Which field holds what is a :class:`Fields` (``--text-field``, ``--id-field`` ... on the command
line); the defaults are ``text``, ``id``, ``title``, ``date``, ``url`` and ``source``.  A record
without an id gets ``<file id>-<line>``.  A bad record is reported with its line and skipped; the
rest of the file is read.  Both formats are read line by line, so a corpus is never loaded whole.
"""

from __future__ import annotations

import csv
import json
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from typing import IO, Iterator, Mapping

from kg.ingest.decode import decode
from kg.ingest.document import META_FIELDS, clean_meta, make_document
from kg.ingest.problem import Problem, Reporter, report
from kg.model import Document

__all__ = ["Fields", "read_jsonl", "read_csv", "csv_delimiter", "field_limit"]


@dataclass(frozen=True, slots=True)
class Fields:
    """The names of the fields (JSONL keys, CSV columns) that hold each part of a document."""

    text: str = "text"
    id: str = "id"
    title: str = "title"
    date: str = "date"
    url: str = "url"
    source: str = "source"

    def chosen(self) -> dict[str, str]:
        """Fields whose name differs from the default (what the user chose)."""
        return {f.name: getattr(self, f.name) for f in dataclass_fields(self)
                if getattr(self, f.name) != f.default}


def _kind(value: object) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object",
            type(None): "null"}.get(type(value), type(value).__name__)


def _option(part: str) -> str:
    return f"--{part}-field"


def _record_document(row: Mapping[str, object], *, fields: Fields, default_id: str, source: str, line: int,
                     on_problem: Reporter, what: str) -> Document | None:
    """One JSONL object or CSV row (``what``: "line" or "row") to a Document, or None (reported)."""
    name = fields.text
    text = row.get(name)
    if name not in row or text is None:
        have = ", ".join(sorted(map(str, row))[:8]) or "none"
        report(on_problem, Problem(
            source, f"no \"{name}\" field, {what} skipped; give each {what} a \"{name}\" string or name the "
            f"text field with {_option('text')} (this {what} has: {have}).", line))
        return None
    if not isinstance(text, str):
        report(on_problem, Problem(source, f"\"{name}\" must be a string, got {_kind(text)}; {what} skipped.", line))
        return None
    doc_id = row.get(fields.id)
    if isinstance(doc_id, (dict, list)):
        report(on_problem, Problem(source, f"\"{fields.id}\" is {_kind(doc_id)}, not a string or number; "
                                   f"using {default_id} instead.", line))
        doc_id = None
    doc_id = clean_meta(None if doc_id is None else str(doc_id), unescape=False) or default_id
    meta = {}
    for part in META_FIELDS:
        value = row.get(getattr(fields, part))
        meta[part] = str(value) if value is not None and not isinstance(value, (dict, list)) and value != "" else None
    return make_document(text, doc_id=doc_id, source=source, on_problem=on_problem, line=line, meta=meta,
                         field=name)


def _json_error(exc: json.JSONDecodeError) -> str:
    """What is wrong with a JSON line and where ("Expecting ',' delimiter at column 12").

    json's own messages end in "at" ("Invalid control character at: line 1 column 9"); the
    column counts characters of the line from 1, as an editor does."""
    if exc.msg.startswith("Invalid control character") and 0 <= exc.pos < len(exc.doc):
        code = ord(exc.doc[exc.pos])
        return f"raw control character U+{code:04X} at column {exc.colno}; write it as \\u{code:04x}"
    if exc.msg.startswith("Unterminated string"):
        return f"unterminated string starting at column {exc.colno}; no closing quote on the line"
    return f"{exc.msg.removesuffix(' at')} at column {exc.colno}"


def read_jsonl(stream: IO[bytes], source: str, file_id: str, *, fields: Fields, on_problem: Reporter,
               max_bytes: int) -> Iterator[tuple[Document, int]]:
    """The documents of a JSONL stream, one JSON object per line, with their line numbers.

    Columns in messages count characters of the line (as an editor does), from 1.
    """
    for lineno, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        if len(raw) > max_bytes:
            report(on_problem, Problem(source, f"line of {len(raw):,} bytes is over the {max_bytes:,}-byte "
                                       "limit for one document, skipped; split it.", lineno))
            continue
        line = decode(raw, source, on_problem, lineno).removeprefix("\ufeff").rstrip("\r\n")
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            report(on_problem, Problem(source, f"not valid JSON ({_json_error(exc)}), line skipped; "
                                       "each line must be one JSON object.", lineno))
            continue
        except RecursionError:
            report(on_problem, Problem(source, "JSON nested too deeply, line skipped.", lineno))
            continue
        if not isinstance(row, dict):
            report(on_problem, Problem(source, f"a line must be a JSON object with a \"{fields.text}\" field, "
                                       f"got {_kind(row)}; line skipped.", lineno))
            continue
        doc = _record_document(row, fields=fields, default_id=f"{file_id}-{lineno}", source=source, line=lineno,
                               on_problem=on_problem, what="line")
        if doc is not None:
            yield doc, lineno


def csv_delimiter(header: str, suffix: str) -> str:
    """Tab for ``.tsv``; else the most frequent of ``,`` ``;`` tab in the header line (Excel in
    many locales writes ``;``), comma on a tie."""
    if suffix == ".tsv":
        return "\t"
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


@contextmanager
def field_limit(max_bytes: int = 2**31 - 1) -> Iterator[None]:
    """Let the csv module read fields of up to ``max_bytes`` (its default stops at 128 KiB)."""
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, min(max_bytes, 2**31 - 1)))
    try:
        yield
    finally:
        csv.field_size_limit(old)


def read_csv(stream: IO[bytes], source: str, file_id: str, *, fields: Fields, on_problem: Reporter,
             max_bytes: int, suffix: str = ".csv") -> Iterator[tuple[Document, int]]:
    """The documents of a CSV/TSV stream with a header row, with the line each row starts on."""
    lineno = 0

    def lines() -> Iterator[str]:
        nonlocal lineno
        for lineno, raw in enumerate(stream, 1):
            yield decode(raw, source, on_problem, lineno)

    text_lines = lines()
    header_line = next(text_lines, "").removeprefix("\ufeff")
    if not header_line.strip():
        report(on_problem, Problem(source, "CSV file without a header row, skipped; the first line must "
                                   f"name the columns (one of them \"{fields.text}\")."))
        return
    delimiter = csv_delimiter(header_line, suffix)
    header = next(csv.reader([header_line], delimiter=delimiter))
    header = [h.strip() for h in header]
    missing = [f"{_option(part)} {name}" for part, name in fields.chosen().items() if name not in header]
    if fields.text not in header or missing:
        wanted = f"no \"{fields.text}\" column" if fields.text not in header else f"no column for {', '.join(missing)}"
        report(on_problem, Problem(source, f"{wanted} (columns: {', '.join(header[:12]) or 'none'}), file skipped; "
                                   f"name the text column with {_option('text')} (and the id with {_option('id')})."))
        return
    with field_limit(max_bytes):
        reader = csv.reader(text_lines, delimiter=delimiter)
        while True:
            start = lineno + 1
            try:
                values = next(reader, None)
            except csv.Error as exc:
                report(on_problem, Problem(source, f"not valid CSV ({exc}), rest of the file skipped; "
                                           "check the quoting of that row.", start))
                return
            if values is None:
                return
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                report(on_problem, Problem(source, f"row has {len(values)} field(s), the header {len(header)}; "
                                           "row skipped (check its quotes and delimiters).", start))
                continue
            row = dict(zip(header, values))
            if len(row.get(fields.text) or "") > max_bytes:
                report(on_problem, Problem(source, f"text over the {max_bytes:,}-byte limit for one document, "
                                           "row skipped; split it.", start))
                continue
            doc = _record_document(row, fields=fields, default_id=f"{file_id}-{start}", source=source,
                                   line=start, on_problem=on_problem, what="row")
            if doc is not None:
                yield doc, start
