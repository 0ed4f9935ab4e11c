"""Undo HTML escaping and crawl escapes in article text: the one text cleaner of newskg.

Crawled news text often carries the escaping of the page or of the CSV it went through:
``&lt;/p&gt;`` and ``&quot;`` entities, entities whose ``&`` was lost (``Berlusconi #39;s``,
`` quot;foolish quot;``, ``AT amp;T``: the AG News CSV), backslashes for line breaks
(``a second\\team``) and ``\\$`` for dollars.  Left in, they end up in entity names
(``Axel Bugge&lt;/p&gt;``).

:func:`clean_text` is the safe form that ingest applies to every document (text and metadata):
it changes only what matches one of the escape patterns and leaves every other character where
it was, so clean text comes out identical (no whitespace is collapsed, nothing is moved).

* escaped markup (``&lt;/p&gt;``, ``&lt;A HREF=...&gt;``, the Reuters ticker ``&lt;TXN.N&gt;``)
  is removed, with the spaces just before it;
* ``&name;``/``&#NNN;``/``&#xHH;`` entities (the ``;`` is required) become their character;
* entities that lost their ``&``: `` #NNN;`` when it stands for punctuation or a symbol, and
  ``quot;``/``amp;``/``lt;``/``gt;``/``apos;``/``nbsp;`` when not glued to a word before them;
  the one space the crawl put before them goes too;
* ``\\$`` becomes ``$``; a backslash glued between a word and a letter (``second\\team``) or
  doubled between words becomes a space, unless the word looks like a Windows path (``C:\\``).

:func:`clean_agnews_text` is the full form for the AG News CSV used by the evaluation: it also
turns every other backslash into a space, removes unescaped tickers (``<TXN.N>``) and collapses
whitespace (offsets into AG News items are offsets into the cleaned text).
"""

from __future__ import annotations

import html
import re
import unicodedata

__all__ = ["clean_text", "clean_agnews_text"]

# &lt;tag ...&gt; / &lt;/tag&gt; / &lt;TICKER.N&gt;, with the spaces before it
_ESCAPED_TAG = re.compile(r"([ \t]*)&lt;(/?[A-Za-z][A-Za-z0-9]*)(?:[^<>&\n]|&(?!lt;|gt;)#?\w{1,10};){0,500}&gt;")
_BLOCK_TAGS = frozenset({"p", "br", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
                         "blockquote", "ul", "ol", "table", "section", "article"})
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CRAWL_NUMERIC = re.compile(r" ?(?<![&\w])#([0-9]{2,5});")
_CRAWL_NAMED = re.compile(r" ?(?<![&\w])(quot|amp|lt|gt|apos|nbsp);")
_LITERAL_BREAK = re.compile(r"(?:\\r)?\\n(?=[A-Z0-9\"'\s\\]|$)")
_BACKSLASH = re.compile(r"\\{1,2}(?![_/])")
_PATHLIKE = re.compile(r"\b[A-Za-z]:\\|\\\\[\w.-]+\\[\w$]")
_AG_NUMERIC = re.compile(r" ?#(\d+);")
_AG_NAMED = re.compile(r" ?(?<![&\w])(quot|amp|lt|gt|apos);")
_AG_TICKER = re.compile(r"\s*<[A-Z0-9.\-]+>")
_WS = re.compile(r"\s+")


def _unescape(entity: str) -> str:
    """The character of one ``&...;`` entity, or the entity itself when it names none."""
    return html.unescape(entity)


def _drop_tag(m: re.Match[str]) -> str:
    """Nothing for an escaped tag (and the spaces before it), or one space where it stood
    between words ("Staples <A ...>SPLS.O", "Bugge</p><p>BRASILIA")."""
    before, after = m.string[m.start() - 1:m.start()] if m.start() else "", m.string[m.end():m.end() + 1]
    if before and not before.isspace() and after and (after.isalnum() or after in "\"'(“‘"):
        if m.group(1) or m.group(2).lstrip("/").lower() in _BLOCK_TAGS:
            return " "
    return ""


def _punctuation(char: str) -> bool:
    return len(char) == 1 and unicodedata.category(char)[0] in "PSZ"


def _crawl_numeric(m: re.Match[str]) -> str:
    char = _unescape(f"&#{m.group(1)};")
    return char if _punctuation(char) else m.group(0)


def _crawl_named(m: re.Match[str]) -> str:
    return _unescape(f"&{m.group(1)};").replace("\xa0", " ")


def _backslashes(text: str) -> str:
    """``\\$`` -> ``$``; a literal ``\\n`` before a capital, a space or the end -> a line break;
    any other run of one or two backslashes (a crawl's line break) -> a space.  A text that
    holds a Windows path (``C:\\``, ``\\\\server\\share``) keeps its backslashes."""
    text = text.replace("\\$", "$")
    if "\\" not in text or _PATHLIKE.search(text):
        return text
    return _BACKSLASH.sub(" ", _LITERAL_BREAK.sub("\n", text))


def clean_text(text: str) -> str:
    """``text`` with HTML and crawl escapes undone; clean text is returned unchanged.

    >>> clean_text("Axel Bugge&lt;/p&gt; said Berlusconi #39;s villa was  quot;safe quot;.")
    'Axel Bugge said Berlusconi\\'s villa was "safe".'
    >>> clean_text("AT&T paid $5; R&D rose #1; see C:\\\\data")
    'AT&T paid $5; R&D rose #1; see C:\\\\data'
    """
    if "&" in text:
        text = _ESCAPED_TAG.sub(_drop_tag, text)
        text = _ENTITY.sub(lambda m: _unescape(m.group(0)), text)
    if ";" in text:
        text = _CRAWL_NUMERIC.sub(_crawl_numeric, text)
        text = _CRAWL_NAMED.sub(_crawl_named, text)
    if "\\" in text:
        text = _backslashes(text)
    return text


def clean_agnews_text(text: str) -> str:
    """Undo the escaping of the AG News CSV (the evaluation's reading of an AG News item).

    The CSV lost the ``&`` of HTML entities and put a space before them (``Berlusconi #39;s``,
    `` quot;foolish quot;``, ``AT amp;T``); it writes line breaks as a backslash and dollars as
    ``\\$``.  In order: ``\\$`` -> ``$``; any other backslash -> space; `` #NNN;`` and
    `` quot;``/`` amp;``/`` lt;``/`` gt;``/`` apos;`` (with the one space before them) -> the
    character; remaining ``&...;`` entities -> the character; Reuters stock tickers
    (``<TXN.N>``) are removed; runs of whitespace become one space.
    """
    text = text.replace("\\$", "$")
    text = text.replace("\\", " ")
    text = _AG_NUMERIC.sub(lambda m: html.unescape(f"&#{m.group(1)};"), text)
    text = _AG_NAMED.sub(lambda m: html.unescape(f"&{m.group(1)};"), text)
    text = html.unescape(text)
    text = _AG_TICKER.sub("", text)
    return _WS.sub(" ", text).strip()
