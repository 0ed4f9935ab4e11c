"""The texts of gold documents: files, and records of the shared data sets (BBC, AG News,
AllSides, CoNLL04) found in ``$NEWSKG_DATA`` or ``<repo>/../shared/data``; leads of long
articles (``lead_chars``); AG News's escaped text cleaned."""

from __future__ import annotations

import csv
import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.eval.gold import Gold, GoldError
from kg.ingest.clean import clean_agnews_text  # the one cleaner (re-exported here for the gold loaders)
from kg.model import Document

__all__ = ["default_repo_root", "default_data_dir", "load_gold_documents", "lead_excerpt", "agnews_text",
           "clean_agnews_text"]

_WS = re.compile(r"\s+")

def lead_excerpt(text: str, max_chars: int) -> str:
    r"""The lead of an article: its first paragraphs, up to ``max_chars`` characters.

    The cut falls at the last line break at or before ``max_chars`` (the whole first paragraph
    when it is longer); the result is a prefix of ``text``, so offsets into it are offsets into
    the article.

    >>> lead_excerpt("One.\n\nTwo two.\n\nThree three three.", 16)
    'One.\n\nTwo two.'
    """
    if len(text) <= max_chars:
        return text.rstrip()
    cut = text.rfind("\n", 0, max_chars + 1)
    if cut <= 0:
        cut = text.find("\n", max_chars)
        cut = len(text) if cut < 0 else cut
    return text[:cut].rstrip()


def agnews_text(title: str, description: str) -> tuple[str, str]:
    """(title, text) of an AG News item: text is ``title + ". " + description``, cleaned.

    If the cleaned title already ends with ``.``, ``!`` or ``?`` only a space is inserted.
    """
    title = clean_agnews_text(title)
    body = clean_agnews_text(description)
    sep = " " if title.endswith((".", "!", "?")) else ". "
    return title, f"{title}{sep}{body}" if body else title


def default_repo_root() -> Path:
    """The checkout this module lives in (parent of the ``kg`` package)."""
    return Path(__file__).resolve().parent.parent.parent


def default_data_dir(repo_root: Path | None = None) -> Path:
    """``$NEWSKG_DATA`` if set, else ``<repo>/../shared/data``."""
    env = os.environ.get("NEWSKG_DATA")
    if env:
        return Path(env)
    return (repo_root or default_repo_root()).parent / "shared" / "data"


@lru_cache(maxsize=2)
def _bbc_index(path: str) -> dict[str, tuple[str, str]]:
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out[rec["id"]] = (rec.get("title", ""), rec["text"])
    return out


@lru_cache(maxsize=2)
def _jsonl_index(path: str) -> dict[str, dict[str, Any]]:
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out[rec["id"]] = rec
    return out


@lru_cache(maxsize=2)
def _agnews_rows(path: str) -> tuple[tuple[str, str, str], ...]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        if [h.strip().lower() for h in header[:3]] != ["label", "title", "description"]:
            raise GoldError(f"{path}: expected the header label,title,description, got {header}")
        return tuple((r[0], r[1], r[2]) for r in reader)


def _data_file(data_dir: Path, rel: str) -> Path:
    path = data_dir / rel
    if not path.is_file():
        raise FileNotFoundError(
            f"{path} not found: the shared data folder is {data_dir}; set NEWSKG_DATA to the folder "
            "holding news/ and conll04/, or pass data_dir="
        )
    return path


def load_gold_documents(
    gold: Gold, *, repo_root: str | Path | None = None, data_dir: str | Path | None = None
) -> list[Document]:
    """Resolve every document of ``gold`` to a :class:`kg.model.Document` (in gold order).

    ``source.file`` is relative to ``repo_root`` (default: this checkout); ``dataset: bbc`` is
    looked up by ``id`` in ``news/bbc_fulltext.jsonl`` (text = the article body, title kept
    apart); ``dataset: allsides`` by ``id`` in ``news/allsides_world_politics.jsonl`` (text, title,
    date, url and outlet); ``dataset: agnews`` is row ``row`` (0-based, after the header) of
    ``news/ag_news_test.csv`` with text ``title + ". " + description`` cleaned by
    :func:`clean_agnews_text`; ``dataset: conll04`` is item ``index`` of
    ``conll04/conll04_<split>.json`` (see :mod:`kg.eval.conll04`); ``text`` is inline text
    (small test fixtures only).  ``lead_chars`` keeps the lead of the text (:func:`lead_excerpt`).
    """
    root = Path(repo_root) if repo_root is not None else default_repo_root()
    data = Path(data_dir) if data_dir is not None else default_data_dir(root)
    inline = {d.id: d for d in gold.inline_documents}
    out: list[Document] = []
    for doc in gold.documents:
        src = doc.source
        if "text" in src:
            d = inline[doc.id]
        elif "file" in src:
            d = _from_file(doc.id, root, src["file"])
        elif src.get("dataset") in _DATASETS:
            d = _DATASETS[src["dataset"]](doc.id, src, data)
        else:
            raise GoldError(f"gold document {doc.id}: unknown source {dict(src)!r}; see tests/gold/FORMAT.md")
        lead = src.get("lead_chars")
        if lead is not None:
            if not isinstance(lead, int) or lead < 1:
                raise GoldError(f"gold document {doc.id}: lead_chars must be a positive integer, got {lead!r}")
            d = Document(d.id, lead_excerpt(d.text, lead), d.title, d.date, d.url, d.source)
        out.append(d)
    return out


def _from_file(doc_id: str, root: Path, rel: str) -> Document:
    path = root / rel
    if not path.is_file():
        raise FileNotFoundError(f"gold document {doc_id}: {path} not found (source.file is relative to the repo root {root})")
    return Document(doc_id, path.read_text(encoding="utf-8"), source=str(rel))


def _bbc(doc_id: str, src: dict, data: Path) -> Document:
    index = _bbc_index(str(_data_file(data, "news/bbc_fulltext.jsonl")))
    if src.get("id") not in index:
        raise GoldError(f"gold document {doc_id}: BBC id {src.get('id')!r} not in bbc_fulltext.jsonl")
    title, text = index[src["id"]]
    return Document(doc_id, text, title=title, source=f"bbc:{src['id']}")


def _allsides(doc_id: str, src: dict, data: Path) -> Document:
    index = _jsonl_index(str(_data_file(data, "news/allsides_world_politics.jsonl")))
    if src.get("id") not in index:
        raise GoldError(f"gold document {doc_id}: AllSides id {src.get('id')!r} not in allsides_world_politics.jsonl")
    rec = index[src["id"]]
    return Document(doc_id, rec["text"], title=rec.get("title"), date=rec.get("date"), url=rec.get("url"),
                    source=rec.get("source"))


def _agnews(doc_id: str, src: dict, data: Path) -> Document:
    rows = _agnews_rows(str(_data_file(data, "news/ag_news_test.csv")))
    row = src.get("row")
    if not isinstance(row, int) or not 0 <= row < len(rows):
        raise GoldError(f"gold document {doc_id}: AG News row {row!r} out of range 0..{len(rows) - 1}")
    title, text = agnews_text(rows[row][1], rows[row][2])
    return Document(doc_id, text, title=title, source=f"agnews:{row}")


def _conll04(doc_id: str, src: dict, data: Path) -> Document:
    from kg.eval.conll04 import conll04_sentence

    split, index = src.get("split"), src.get("index")
    path = _data_file(data, f"conll04/conll04_{split}.json")
    return Document(doc_id, conll04_sentence(path, index), source=f"conll04:{split}:{index}")


_DATASETS = {"bbc": _bbc, "allsides": _allsides, "agnews": _agnews, "conll04": _conll04}
