"""Ingest: turn INPUT arguments into :class:`~kg.model.Document` records.

Accepted inputs: ``.txt``/``.md`` files, ``.html``/``.htm`` pages (reduced to their article text
by :mod:`kg.ingest.html`), directories (searched recursively, sorted, hidden entries skipped),
``.jsonl`` files with one ``{"id", "text", "title"?, "date"?, "url"?, "source"?}`` object per
line (a ``text`` that is an HTML page is reduced the same way), and ``-`` for standard input.

Nothing here raises on bad input.  A bad file or line is reported through ``on_problem`` as a
:class:`Problem` (file, line for JSONL, what is wrong and what to do) and skipped; the rest goes
on.  Invalid UTF-8 is decoded with replacement characters (and reported); binary files (PDF,
images, archives, office documents) are skipped.  This is the only stage that reads input files.
"""

from __future__ import annotations

import io
import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator, TextIO

from kg.ingest.html import html_to_article, looks_like_html
from kg.model import Document

log = logging.getLogger(__name__)

__all__ = ["Problem", "iter_documents", "TEXT_SUFFIXES", "JSONL_SUFFIXES", "HTML_SUFFIXES",
           "INPUT_SUFFIXES", "MAX_DOCUMENT_BYTES"]

TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
INPUT_SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024   # one document (file or JSONL line); a corpus is unbounded
_OPTIONAL = ("title", "date", "url", "source")
_ACCEPTED = ".txt, .md, .html or .jsonl"

# Leading bytes of common binary formats someone may drop into an input folder.
_MAGIC = (
    (b"%PDF-", "a PDF"), (b"PK\x03\x04", "a ZIP archive (or .docx/.odt/.epub)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"), (b"{\\rtf", "an RTF document"), (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"), (b"7z\xbc\xaf", "a 7-Zip archive"),
)


@dataclass(frozen=True, slots=True)
class Problem:
    """A non-fatal input problem: what, where, and what to do."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


Reporter = Callable[[Problem], None] | None


def _report(on_problem: Reporter, problem: Problem) -> None:
    log.info("input problem: %s", problem)
    if on_problem is not None:
        on_problem(problem)


def _binary_kind(head: bytes) -> str | None:
    """What binary format ``head`` (the first bytes of a file) looks like, or None for text."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None   # UTF-16 text, handled by _decode
    if b"\x00" in head:
        return "a binary file"
    sample = head.decode("utf-8", errors="replace")
    if sample:
        odd = sum(1 for c in sample if c == "\ufffd" or (ord(c) < 32 and c not in "\n\r\t\f\v\x1b"))
        if odd / len(sample) > 0.10:
            return "a binary file"
    return None


def _decode(data: bytes, source: str, on_problem: Reporter, line: int | None = None) -> str:
    """UTF-8 (BOM allowed; UTF-16 with BOM too); invalid bytes become U+FFFD, reported once."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data.decode("utf-8-sig", errors="replace").count("\ufffd")
        _report(on_problem, Problem(
            source, f"invalid UTF-8 at byte {exc.start} ({bad} bad byte sequence(s)), decoded with "
            "replacement characters; re-save the file as UTF-8 for exact text.", line))
        return data.decode("utf-8-sig", errors="replace")


def _expand(inputs: Iterable[str | Path], on_problem: Reporter) -> Iterator[Path | str]:
    seen: set[Path] = set()

    def fresh(path: Path) -> bool:
        try:
            real = path.resolve()
        except OSError:
            real = path.absolute()
        if real in seen:
            log.info("%s given more than once; read once", path)
            return False
        seen.add(real)
        return True

    for raw in inputs:
        if str(raw) == "-":
            yield "-"
            continue
        path = Path(raw)
        try:
            if path.is_dir():
                found, other = [], 0
                for p in sorted(path.rglob("*")):
                    rel = p.relative_to(path).parts
                    if any(part.startswith(".") for part in rel) or not p.is_file():
                        continue
                    if p.suffix.lower() in INPUT_SUFFIXES:
                        found.append(p)
                    else:
                        other += 1
                if not found:
                    _report(on_problem, Problem(
                        str(path), f"directory holds no {_ACCEPTED} file"
                        + (f" ({other} file(s) of other types ignored)" if other else "")
                        + f"; put {_ACCEPTED} files in it or convert the others to text."))
                elif other:
                    log.info("%s: %d file(s) with other extensions ignored", path, other)
                yield from (p for p in found if fresh(p))
            elif path.is_file():
                if path.suffix.lower() not in INPUT_SUFFIXES:
                    _report(on_problem, Problem(
                        str(path), f"unknown extension {path.suffix or '(none)'!r}, skipped; "
                        f"rename it to {_ACCEPTED} if it is text, or convert it to text first."))
                    continue
                if fresh(path):
                    yield path
            elif path.exists():
                _report(on_problem, Problem(str(path), "not a regular file or directory, skipped."))
            else:
                _report(on_problem, Problem(str(path), "no such file or directory; check the path."))
        except OSError as exc:
            _report(on_problem, Problem(str(path), f"cannot list ({exc.strerror}); check its permissions."))


def _document(text: str, *, doc_id: str, source: str, on_problem: Reporter, line: int | None = None,
              html: bool | None = None, meta: dict[str, str | None] | None = None) -> Document | None:
    """A Document from raw text (HTML reduced to its article), or None (reported) if empty."""
    meta = dict(meta or {})
    if html is None:
        html = looks_like_html(text)
    if html:
        article = html_to_article(text)
        text = article.text
        for key, value in (("title", article.title), ("date", article.date), ("url", article.url)):
            if not meta.get(key) and value:
                meta[key] = value
        if not text.strip():
            _report(on_problem, Problem(
                source, "HTML page without article text (only navigation, scripts or markup), skipped.", line))
            return None
    elif not text.strip():
        what = "empty or whitespace-only " + ("\"text\"" if line is not None else "file")
        _report(on_problem, Problem(source, f"{what}, skipped.", line))
        return None
    meta.setdefault("source", source if line is None else None)
    return Document(id=doc_id, text=text,
                    **{k: _clean_meta(meta.get(k)) for k in _OPTIONAL})


def _clean_meta(value: str | None) -> str | None:
    """Ids, titles, dates, URLs and sources on one line: no control, format (bidi) or surrogate
    characters, which would reach file names, IRIs, GraphML and the HTML page as they are."""
    if value is None:
        return None
    cleaned = "".join(c if c.isprintable() else " " for c in value)
    cleaned = " ".join(cleaned.split())
    return cleaned or None


def _json_kind(value: object) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object",
            type(None): "null"}.get(type(value), type(value).__name__)


def _from_jsonl(stream: IO[bytes], source: str, on_problem: Reporter,
                max_bytes: int) -> Iterator[tuple[Document, int]]:
    stem = Path(source).stem if source != "<stdin>" else "stdin"
    for lineno, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        if len(raw) > max_bytes:
            _report(on_problem, Problem(source, f"line of {len(raw):,} bytes is over the "
                                        f"{max_bytes:,}-byte limit for one document, skipped; split it.", lineno))
            continue
        line = _decode(raw if lineno > 1 else raw.removeprefix(b"\xef\xbb\xbf"), source, on_problem, lineno)
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            _report(on_problem, Problem(
                source, f"not valid JSON ({exc.msg} at column {exc.colno}), line skipped; "
                "each line must be one JSON object.", lineno))
            continue
        except RecursionError:
            _report(on_problem, Problem(source, "JSON nested too deeply, line skipped.", lineno))
            continue
        if not isinstance(row, dict):
            _report(on_problem, Problem(
                source, f"a line must be a JSON object with a \"text\" field, got {_json_kind(row)}; "
                "line skipped.", lineno))
            continue
        text = row.get("text")
        if "text" not in row or text is None:
            _report(on_problem, Problem(source, "no \"text\" field, line skipped; "
                                        "give each line a \"text\" string.", lineno))
            continue
        if not isinstance(text, str):
            _report(on_problem, Problem(source, f"\"text\" must be a string, got {_json_kind(text)}; "
                                        "line skipped.", lineno))
            continue
        doc_id = row.get("id")
        if isinstance(doc_id, (dict, list)) or doc_id is None or not _clean_meta(str(doc_id)):
            if isinstance(doc_id, (dict, list)):
                _report(on_problem, Problem(source, f"\"id\" is {_json_kind(doc_id)}, not a string or "
                                            f"number; using {stem}-{lineno} instead.", lineno))
            doc_id = f"{stem}-{lineno}"
        doc_id = _clean_meta(str(doc_id))
        meta = {k: (str(row[k]) if row.get(k) is not None and not isinstance(row[k], (dict, list)) else None)
                for k in _OPTIONAL}
        doc = _document(text, doc_id=str(doc_id), source=source, on_problem=on_problem, line=lineno,
                        meta=meta)
        if doc is not None:
            yield doc, lineno


def _read_file(path: Path, on_problem: Reporter, max_bytes: int) -> Iterator[tuple[Document, int | None]]:
    source = str(path)
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as fh:
            head = fh.read(8192)
            kind = _binary_kind(head)
            if kind is not None:
                _report(on_problem, Problem(
                    source, f"{kind}, not text; skipped. Convert it to .txt, .html or .jsonl first."))
                return
            if suffix in JSONL_SUFFIXES:
                fh.seek(0)
                yield from _from_jsonl(fh, source, on_problem, max_bytes)
                return
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:
                _report(on_problem, Problem(
                    source, f"{size:,} bytes is over the {max_bytes:,}-byte limit for one document, "
                    "skipped; split it into several files."))
                return
            data = head + fh.read()
    except OSError as exc:
        _report(on_problem, Problem(source, f"cannot read ({exc.strerror or exc}); check the file's "
                                    "permissions."))
        return
    text = _decode(data, source, on_problem)
    doc = _document(text, doc_id=_clean_meta(path.stem) or path.stem, source=source, on_problem=on_problem,
                    html=True if suffix in HTML_SUFFIXES else False)
    if doc is not None:
        yield doc, None


def _read_stdin(stream: TextIO | None, on_problem: Reporter, max_bytes: int) -> Iterator[tuple[Document, int | None]]:
    stream = stream if stream is not None else sys.stdin
    buffer = getattr(stream, "buffer", None)
    try:
        data = buffer.read() if buffer is not None else stream.read()
    except (OSError, UnicodeDecodeError) as exc:
        _report(on_problem, Problem("<stdin>", f"cannot read standard input ({exc})."))
        return
    raw = data if isinstance(data, bytes) else data.encode("utf-8", errors="surrogatepass")
    if raw.lstrip().startswith(b"{"):
        yield from _from_jsonl(io.BytesIO(raw), "<stdin>", on_problem, max_bytes)
        return
    kind = _binary_kind(raw[:8192])
    if kind is not None:
        _report(on_problem, Problem("<stdin>", f"standard input is {kind}, not text; nothing read."))
        return
    text = _decode(raw, "<stdin>", on_problem)
    if not text.strip():
        _report(on_problem, Problem("<stdin>", "standard input is empty; pipe some text in."))
        return
    doc = _document(text, doc_id="stdin", source="<stdin>", on_problem=on_problem)
    if doc is not None:
        yield Document(doc.id, doc.text, doc.title, doc.date, doc.url, None), None


def iter_documents(
    inputs: Iterable[str | Path],
    *,
    stdin: TextIO | None = None,
    on_problem: Callable[[Problem], None] | None = None,
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> Iterator[Document]:
    """Yield the documents of ``inputs`` in a stable order, skipping (and reporting) bad ones.

    Document ids must be unique: a later document with an id already seen is skipped and
    reported (rename the file or fix the JSONL ``id``).  ``max_bytes`` caps one document.
    """
    seen: dict[str, str] = {}
    for item in _expand(inputs, on_problem):
        if item == "-":
            docs = _read_stdin(stdin, on_problem, max_bytes)
            source = "<stdin>"
        else:
            docs = _read_file(item, on_problem, max_bytes)
            source = str(item)
        for doc, line in docs:
            if doc.id in seen:
                _report(on_problem, Problem(
                    source, f"duplicate document id {doc.id!r} (first in {seen[doc.id]}), skipped; "
                    "give every document a unique id (JSONL \"id\" or file name).", line))
                continue
            seen[doc.id] = source if line is None else f"{source}:{line}"
            yield doc
