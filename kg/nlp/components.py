"""What newskg adds to any spaCy pipeline.

* ``newskg_paragraphs`` (before the parser): a sentence never spans a line break nor runs past a
  full stop into an all-capitals dateline, and no stretch without sentence-final punctuation runs
  longer than :data:`MAX_SENTENCE_TOKENS` tokens (the parser slows down on very long sentences and
  downstream code walks dependency chains recursively);
* long texts: a text longer than :data:`kg.nlp.text.CHUNK_CHARS` is cut at paragraph (else line,
  sentence, space) boundaries into pieces (:func:`kg.nlp.text.split_text`); the pieces are parsed
  as a stream and joined back into one ``Doc`` whose text is exactly the input, so character
  offsets stay those of the whole document.  The joined Doc has no tensor: nothing downstream
  reads it and it would dominate memory.
"""

from __future__ import annotations

import logging
from typing import Any, Iterable, Iterator

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.text import CHUNK_CHARS, dateline_word, split_text

log = logging.getLogger(__name__)

__all__ = ["PARAGRAPH_COMPONENT", "MAX_SENTENCE_TOKENS", "BATCH_CHARS", "long_text_class", "LongTextMixin"]

PARAGRAPH_COMPONENT = "newskg_paragraphs"
BATCH_CHARS = 100_000  # at most about this many characters in one spaCy batch (memory)
MAX_SENTENCE_TOKENS = 150
_BREAK_AFTER = frozenset({",", ";", ":", "--", "\u2014", "\u2013"})


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


def _drop_tensor(doc: Doc) -> Doc:
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


class LongTextMixin:
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


def long_text_class(cls: type) -> type:
    """``cls`` with :class:`LongTextMixin`, registered in this module so it pickles."""
    if cls not in _CLASSES:
        name = f"LongText{cls.__name__}"
        sub = type(name, (LongTextMixin, cls), {"__module__": __name__, "__qualname__": name})
        globals()[name] = sub
        _CLASSES[cls] = sub
    return _CLASSES[cls]
