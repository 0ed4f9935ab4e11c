"""Raw text of one input (a file, a JSONL line, a CSV row) to a :class:`~kg.model.Document`.

Every document goes through :func:`make_document`: an HTML page is reduced to its article
(:mod:`kg.ingest.html`), escapes are undone (:func:`kg.ingest.clean.clean_text`) in the text and
the metadata, metadata is kept on one printable line, an empty text is reported and skipped,
and a text that does not read as English is reported (and still built).
"""

from __future__ import annotations

from kg.ingest.clean import clean_text
from kg.ingest.html import html_to_article, looks_like_html
from kg.ingest.language import non_english
from kg.ingest.problem import Problem, Reporter, report
from kg.model import Document

__all__ = ["META_FIELDS", "clean_meta", "make_document"]

META_FIELDS = ("title", "date", "url", "source")


def clean_meta(value: str | None, *, unescape: bool = True) -> str | None:
    """Ids, titles, dates, URLs and sources on one line: escapes undone (``unescape``; not for
    ids and file paths, which are names, not text), and no control, format (bidi) or surrogate
    characters, which would reach file names, IRIs, GraphML and the HTML page as they are."""
    if value is None:
        return None
    cleaned = "".join(c if c.isprintable() else " " for c in (clean_text(value) if unescape else value))
    cleaned = " ".join(cleaned.split())
    return cleaned or None


def make_document(text: str, *, doc_id: str, source: str, on_problem: Reporter, line: int | None = None,
                  html: bool | None = None, meta: dict[str, str | None] | None = None,
                  field: str = "text") -> Document | None:
    """A Document from raw text (HTML reduced to its article), or None (reported) if empty.

    ``html`` None means: decide from the text.  ``field`` names the text field of a JSONL line
    or CSV row in messages.
    """
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
            report(on_problem, Problem(
                source, "HTML page without article text (only navigation, scripts or markup), skipped.", line))
            return None
    text = clean_text(text)
    if not text.strip():
        what = "empty or whitespace-only " + (f"\"{field}\"" if line is not None else "file")
        report(on_problem, Problem(source, f"{what}, skipped.", line))
        return None
    foreign = non_english(text)
    if foreign is not None:
        report(on_problem, Problem(
            source, f"document {doc_id!r} {foreign}: newskg reads English only, so its entities and "
            "relations will be unreliable; built anyway (translate it or leave it out).", line))
    fields = {k: clean_meta(meta.get(k)) for k in META_FIELDS}
    if line is None and not fields["source"]:
        fields["source"] = clean_meta(source, unescape=False)   # a file: its path as given
    return Document(id=doc_id, text=text, **fields)
