"""Bytes to text: recognise binary files, decode UTF-8 (or UTF-16 with a BOM) with a report."""

from __future__ import annotations

from kg.ingest.problem import Problem, Reporter, report

__all__ = ["binary_kind", "decode"]

# Leading bytes of common binary formats someone may drop into an input folder.
_MAGIC = (
    (b"%PDF-", "a PDF"), (b"PK\x03\x04", "a ZIP archive (or .docx/.odt/.epub/.xlsx)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"), (b"{\\rtf", "an RTF document"), (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"), (b"7z\xbc\xaf", "a 7-Zip archive"),
)


def binary_kind(head: bytes, *, lines: bool = False) -> str | None:
    """What binary format ``head`` (the first bytes of a file) looks like, or None for text.

    A NUL byte marks a whole document file as binary; in a file read line by line (JSONL,
    CSV: ``lines``) it only spoils its own line, which is then reported and skipped, so there
    only the share of odd bytes decides.
    """
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None   # UTF-16 text, handled by decode
    if b"\x00" in head and not lines:
        return "a binary file"
    sample = head.decode("utf-8", errors="replace")
    if sample:
        odd = sum(1 for c in sample if c == "\ufffd" or (ord(c) < 32 and c not in "\n\r\t\f\v\x1b"))
        if odd / len(sample) > 0.10:
            return "a binary file"
    return None


def decode(data: bytes, source: str, on_problem: Reporter, line: int | None = None) -> str:
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
        report(on_problem, Problem(
            source, f"invalid UTF-8 at byte {exc.start} ({bad} bad byte sequence(s)), decoded with "
            "replacement characters; re-save the file as UTF-8 for exact text.", line))
        return data.decode("utf-8-sig", errors="replace")
