"""Ingest: turn INPUT arguments into :class:`~kg.model.Document` records.

Accepted inputs: ``.txt``/``.md`` files, ``.html``/``.htm`` pages (reduced to their article text
by :mod:`kg.ingest.html`), ``.jsonl`` files (one JSON object per line) and ``.csv``/``.tsv``
files (a header row, one document per row; :mod:`kg.ingest.rows`), directories (searched
recursively, sorted, hidden entries skipped) and ``-`` for standard input.  Every text is
cleaned of HTML and crawl escapes (:mod:`kg.ingest.clean`) and checked for being English.
newskg never fetches a URL: a ``http(s)://`` input is reported with how to pass the page.

Document ids (see docs/inputs.md): a file found in a directory argument is known by its path
relative to that directory, without the extension (``seeds/000_x.txt`` given as ``seeds/`` is
``000_x``; ``news/a/index.txt`` given as ``news/`` is ``a/index``); a file given by itself is
known by its name without the extension.  When two files of one run would get the same id, each
gets as many of its parent folders as make it unique (``a/index`` and ``b/index``).  JSONL and
CSV records take their id field, else ``<file id>-<line>``.

Nothing here raises on bad input.  A bad file or line is reported through ``on_problem`` as a
:class:`Problem` (file, line for JSONL/CSV, what is wrong and what to do) and skipped; the rest
goes on.  Invalid UTF-8 is decoded with replacement characters (and reported); binary files
(PDF, images, archives, office documents) are skipped.  This is the only stage that reads input
files.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Callable, Iterable, Iterator, TextIO

from kg.ingest.decode import binary_kind, decode
from kg.ingest.document import clean_meta, make_document
from kg.ingest.problem import Problem, Reporter, report, shown
from kg.ingest.rows import Fields, csv_delimiter, field_limit, read_csv, read_jsonl
from kg.model import Document

log = logging.getLogger(__name__)

__all__ = ["Problem", "Fields", "iter_documents", "count_documents", "TEXT_SUFFIXES", "JSONL_SUFFIXES",
           "CSV_SUFFIXES", "HTML_SUFFIXES", "INPUT_SUFFIXES", "MAX_DOCUMENT_BYTES"]

TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv", ".tsv")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
INPUT_SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES + CSV_SUFFIXES + HTML_SUFFIXES
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024   # one document (file or record); a corpus is unbounded
_ACCEPTED = ".txt, .md, .html, .jsonl or .csv"
_URL = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _File:
    """An input file and the id (or id prefix, for JSONL/CSV) of its documents."""

    path: Path
    doc_id: str


def _url_problem(raw: str) -> Problem:
    return Problem(raw, "newskg does not fetch URLs (it works offline); download the page first "
                   "(save it from the browser, or `curl -L -o page.html URL`) and pass the file: saved "
                   ".html pages work (the article text is kept), as do .txt, .md, .jsonl and .csv files.")


def _list_directory(path: Path, on_problem: Reporter) -> list[Path]:
    """The input files under ``path`` (sorted, hidden entries skipped); others are counted in a note."""
    found: list[Path] = []
    other: Counter[str] = Counter()
    for p in sorted(path.rglob("*")):
        rel = p.relative_to(path).parts
        if any(part.startswith(".") for part in rel) or not p.is_file():
            continue
        if p.suffix.lower() in INPUT_SUFFIXES:
            found.append(p)
        else:
            other[p.suffix.lower() or "(no extension)"] += 1
            log.info("%s: skipped, not a %s file", shown(str(p)), _ACCEPTED)
    if other:
        kinds = ", ".join(f"{n} {ext}" for ext, n in sorted(other.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
        count = sum(other.values())
        if not found:
            report(on_problem, Problem(
                str(path), f"directory holds no {_ACCEPTED} file ({count} file(s) of other types ignored: "
                f"{kinds}); put {_ACCEPTED} files in it or convert the others to text."))
        else:
            report(on_problem, Problem(
                str(path), f"{count} file(s) of other types skipped ({kinds}); only {_ACCEPTED} files are "
                "read: convert or rename the others to include them (-v lists them).", note=True))
    elif not found:
        report(on_problem, Problem(str(path), f"directory holds no {_ACCEPTED} file; put {_ACCEPTED} files in it."))
    return found


def _id_of(path: PurePath) -> str:
    """``a/index.txt`` -> ``a/index``: the path without the extension, with ``/`` between parts."""
    parts = [p for p in path.parts if p not in (path.anchor, "")]
    parts[-1] = path.stem
    return clean_meta("/".join(parts), unescape=False) or path.name


def _unique_ids(items: list[_File | str]) -> list[_File | str]:
    """Files of one run whose ids clash get as many parent folders as make each id unique
    (``a/index``, ``b/index``); files with only the extension apart keep it (``index.md``)."""
    groups: dict[str, list[int]] = {}
    for n, item in enumerate(items):
        if isinstance(item, _File):
            groups.setdefault(item.doc_id, []).append(n)
    out = list(items)
    for doc_id, members in groups.items():
        if len(members) < 2:
            continue
        paths = [items[n].path.absolute() for n in members]
        depth = doc_id.count("/") + 1
        longest = max(len(p.parts) for p in paths)
        choices = [[_id_of(PurePath(*p.parts[-k:])) for p in paths] for k in range(depth + 1, longest)]
        choices += [[_id_of(PurePath(*p.parts[-k:])) + p.suffix for p in paths] for k in range(depth, longest)]
        for ids in choices:
            if len(set(ids)) == len(ids):
                for n, new in zip(members, ids):
                    out[n] = _File(items[n].path, new)
                    log.info("%s: id %r (%r is the id of %d files of this run)", shown(str(items[n].path)), new,
                             doc_id, len(members))
                break
    return out


def _expand(inputs: Iterable[str | Path], on_problem: Reporter) -> list[_File | str]:
    """Input arguments -> ``"-"`` and files with their ids (a file given twice is read once)."""
    seen: set[Path] = set()
    out: list[_File | str] = []

    def add(path: Path, doc_id: str) -> None:
        try:
            real = path.resolve()
        except OSError:
            real = path.absolute()
        if real in seen:
            log.info("%s given more than once; read once", shown(str(path)))
            return
        seen.add(real)
        out.append(_File(path, doc_id))

    for raw in inputs:
        if str(raw) == "-":
            out.append("-")
            continue
        path = Path(raw)
        if isinstance(raw, str) and _URL.match(raw) and not path.exists():   # a saved www.x.html is a file
            report(on_problem, _url_problem(raw))
            continue
        try:
            if path.is_dir():
                for p in _list_directory(path, on_problem):
                    add(p, _id_of(p.relative_to(path)))
            elif path.is_file():
                if path.suffix.lower() not in INPUT_SUFFIXES:
                    report(on_problem, Problem(
                        str(path), f"unknown extension {path.suffix or '(none)'!r}, skipped; "
                        f"rename it to {_ACCEPTED} if it is text, or convert it to text first."))
                    continue
                add(path, _id_of(PurePath(path.name)))
            elif path.exists():
                report(on_problem, Problem(str(path), "not a regular file or directory, skipped."))
            else:
                report(on_problem, Problem(str(path), "no such file or directory; check the path."))
        except OSError as exc:
            report(on_problem, Problem(str(path), f"cannot list ({exc.strerror}); check its permissions."))
    return _unique_ids(out)


def _read_file(item: _File, fields: Fields, on_problem: Reporter,
               max_bytes: int) -> Iterator[tuple[Document, int | None]]:
    path, source = item.path, str(item.path)
    suffix = path.suffix.lower()
    rows = suffix in JSONL_SUFFIXES + CSV_SUFFIXES
    try:
        with path.open("rb") as fh:
            head = fh.read(8192)
            kind = binary_kind(head, lines=rows)
            if kind is not None:
                report(on_problem, Problem(
                    source, f"{kind}, not text; skipped. Convert it to .txt, .html, .jsonl or .csv first."))
                return
            fh.seek(0)
            if suffix in JSONL_SUFFIXES:
                yield from read_jsonl(fh, source, item.doc_id, fields=fields, on_problem=on_problem,
                                      max_bytes=max_bytes)
                return
            if suffix in CSV_SUFFIXES:
                yield from read_csv(fh, source, item.doc_id, fields=fields, on_problem=on_problem,
                                    max_bytes=max_bytes, suffix=suffix)
                return
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:
                report(on_problem, Problem(
                    source, f"{size:,} bytes is over the {max_bytes:,}-byte limit for one document, "
                    "skipped; split it into several files."))
                return
            data = fh.read()
    except OSError as exc:
        report(on_problem, Problem(source, f"cannot read ({exc.strerror or exc}); check the file's "
                                   "permissions."))
        return
    text = decode(data, source, on_problem)
    doc = make_document(text, doc_id=item.doc_id, source=source, on_problem=on_problem,
                        html=suffix in HTML_SUFFIXES)
    if doc is not None:
        yield doc, None


def _read_stdin(stream: TextIO | None, fields: Fields, on_problem: Reporter,
                max_bytes: int) -> Iterator[tuple[Document, int | None]]:
    stream = stream if stream is not None else sys.stdin
    buffer = getattr(stream, "buffer", None)
    try:
        data = buffer.read() if buffer is not None else stream.read()
    except (OSError, UnicodeDecodeError) as exc:
        report(on_problem, Problem("<stdin>", f"cannot read standard input ({exc})."))
        return
    raw = data if isinstance(data, bytes) else data.encode("utf-8", errors="surrogatepass")
    if raw.lstrip().startswith(b"{"):
        yield from read_jsonl(io.BytesIO(raw), "<stdin>", "stdin", fields=fields, on_problem=on_problem,
                              max_bytes=max_bytes)
        return
    kind = binary_kind(raw[:8192])
    if kind is not None:
        report(on_problem, Problem("<stdin>", f"standard input is {kind}, not text; nothing read."))
        return
    text = decode(raw, "<stdin>", on_problem)
    if not text.strip():
        report(on_problem, Problem("<stdin>", "standard input is empty; pipe some text in."))
        return
    doc = make_document(text, doc_id="stdin", source="<stdin>", on_problem=on_problem)
    if doc is not None:
        yield Document(doc.id, doc.text, doc.title, doc.date, doc.url, None), None


def iter_documents(
    inputs: Iterable[str | Path],
    *,
    stdin: TextIO | None = None,
    on_problem: Callable[[Problem], None] | None = None,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    fields: Fields | None = None,
) -> Iterator[Document]:
    """Yield the documents of ``inputs`` in a stable order, skipping (and reporting) bad ones.

    Document ids must be unique: a later document with an id already seen is skipped and
    reported (rename the file or fix the JSONL/CSV id).  ``max_bytes`` caps one document;
    ``fields`` names the JSONL/CSV fields (default: ``text``, ``id``, ``title`` ...).
    """
    fields = fields or Fields()
    seen: dict[str, str] = {}
    for item in _expand(inputs, on_problem):
        if isinstance(item, str):
            docs = _read_stdin(stdin, fields, on_problem, max_bytes)
            source = "<stdin>"
        else:
            docs = _read_file(item, fields, on_problem, max_bytes)
            source = str(item.path)
        for doc, line in docs:
            if doc.id in seen:
                report(on_problem, Problem(
                    source, f"duplicate document id {doc.id!r} (first in {seen[doc.id]}), skipped; "
                    "give every document a unique id (the JSONL/CSV id field or the file name).", line))
                continue
            seen[doc.id] = source if line is None else f"{source}:{line}"
            yield doc


def count_documents(inputs: Iterable[str | Path], *, fields: Fields | None = None) -> int | None:
    """How many documents ``inputs`` hold at most (for a progress bar), without reading texts;
    None when standard input is among them."""
    total = 0
    for item in _expand(inputs, None):
        if isinstance(item, str):
            return None
        suffix = item.path.suffix.lower()
        try:
            if suffix in JSONL_SUFFIXES:
                with item.path.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif suffix in CSV_SUFFIXES:
                with item.path.open(encoding="utf-8-sig", errors="replace", newline="") as fh, field_limit():
                    delimiter = csv_delimiter(fh.readline(), suffix)
                    total += sum(1 for row in csv.reader(fh, delimiter=delimiter) if any(row))
            else:
                total += 1
        except (OSError, csv.Error):
            continue
    return total
