"""HTML to article text, with the standard library's tolerant ``html.parser`` (no new dependency).

:func:`html_to_article` keeps what a reader of the article would read and drops the page around
it:

* never text: ``<script>``, ``<style>``, ``<noscript>``, ``<template>``, ``<svg>``, forms and
  buttons, ``<iframe>``, ``<nav>``, ``<aside>``, ``<footer>``, ``<figure>`` (captions), and a
  ``<header>`` outside the article; elements that are ``hidden``/``aria-hidden`` or whose
  ``role``, ``class`` or ``id`` names navigation, menus, share/social buttons, comments,
  related links, newsletters, cookie banners, ads and the like;
* when the page marks its article (``<article>``, ``<main>``, ``role="main"``,
  ``itemprop="articleBody"``), only the text inside it;
* blocks made mostly of links (lists of related stories), share-button lines and bylines.

Block elements (``<p>``, headings, list items, ``<div>``, ``<br>`` ...) become paragraphs
separated by a blank line; whitespace inside a paragraph is collapsed.  The title is
``og:title`` (else ``<title>``, else the first ``<h1>``); ``article:published_time`` and
``og:url``/canonical link give the date and URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = ["Article", "html_to_article", "looks_like_html"]


@dataclass(frozen=True, slots=True)
class Article:
    """The readable part of an HTML page."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None


_SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object", "embed",
    "nav", "aside", "footer", "form", "button", "select", "textarea", "label", "figure", "menu",
    "dialog", "head",
})
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
})
_BLOCK = frozenset({
    "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li",
    "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "br", "hr",
    "address", "details", "summary", "body", "html",
})
_MAIN_ROLES = frozenset({"main", "article"})
_SKIP_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert", "menu",
    "menubar", "toolbar", "form",
})
_BOILER_ATTR = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|share|sharing|social|sharebar|comments?|"
    r"related|recommended|promo|advert|advertisement|ads?|sponsor(?:ed)?|cookies?|consent|banner|"
    r"newsletter|subscribe|subscription|signup|paywall|popup|modal|sidebar|footer|masthead|"
    r"toolbar|tags|skip-link|visually-hidden|sr-only|outbrain|taboola)(?:$|[\s_-])",
    re.IGNORECASE,
)
# A container whose class/id also says it holds the story is never boilerplate by name.
_CONTENT_ATTR = re.compile(r"body|content|article|story|text|main|post|entry|prose", re.IGNORECASE)
_SHARE_LINE = re.compile(
    r"^(?:share(?: this(?: article| story)?)?(?: on \w+)?|tweet|email|print|copy link|follow us(?: on \w+)?|"
    r"facebook|twitter|x|linkedin|whatsapp|reddit|telegram|pinterest|advertisement|read more|"
    r"skip to (?:main )?content|sign up|subscribe(?: now)?|log ?in|menu|search)[\s:|.!]*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^[Bb]y\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}(?:\s*(?:,|and)\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})*$")
_HTML_HINT = re.compile(r"<(?:!doctype\s+html|html|body|head)\b", re.IGNORECASE)
_TAG = re.compile(r"</?(?:p|div|span|a|br|article|section|h[1-6]|li|ul|em|strong|b|i|script|style|img|meta)\b[^>]*>",
                  re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def looks_like_html(text: str) -> bool:
    """A doctype/``<html>``/``<body>`` tag, or at least three common tags in the first 20,000 chars."""
    head = text[:20_000]
    if _HTML_HINT.search(head):
        return True
    return len(_TAG.findall(head)) >= 3


def _boilerplate_name(names: str) -> bool:
    return bool(_BOILER_ATTR.search(names)) and not _CONTENT_ATTR.search(names)


@dataclass(slots=True)
class _Frame:
    tag: str
    skip: bool
    main: bool
    link: bool


class _Reader(HTMLParser):
    def __init__(self, *, by_attributes: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.by_attributes = by_attributes
        self.stack: list[_Frame] = []
        self.blocks: list[tuple[str, bool, float]] = []   # (text, inside main content, link share)
        self.parts: list[str] = []
        self.link_chars = 0
        self.has_main = False
        self.title_parts: list[str] = []
        self.in_title = False
        self.meta: dict[str, str] = {}
        self.h1: str | None = None
        self.h1_parts: list[str] | None = None

    # -- state ----------------------------------------------------------------------------
    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1].skip

    @property
    def in_main(self) -> bool:
        return bool(self.stack) and self.stack[-1].main

    @property
    def in_link(self) -> bool:
        return bool(self.stack) and self.stack[-1].link

    def flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.parts)).strip()
        if text:
            share = min(1.0, self.link_chars / max(len(text), 1))
            self.blocks.append((text, self.in_main, share))
        self.parts, self.link_chars = [], 0

    # -- parser callbacks -------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"]
            return
        if tag == "link" and "canonical" in a.get("rel", "").lower() and a.get("href"):
            self.meta.setdefault("canonical", a["href"])
            return
        if tag == "title" and not self.stack_has("svg"):
            self.in_title = True
            return
        if tag in _BLOCK:
            self.flush()
        if tag in _VOID:
            return
        role = a.get("role", "").lower()
        main = (tag in ("article", "main") or role in _MAIN_ROLES
                or a.get("itemprop", "").lower() == "articlebody")
        if main:
            self.has_main = True
        skip = self.skipping or tag in _SKIP_TAGS or role in _SKIP_ROLES \
            or "hidden" in a or a.get("aria-hidden", "").lower() == "true" \
            or (self.by_attributes and _boilerplate_name(f"{a.get('class', '')} {a.get('id', '')}")) \
            or (tag == "header" and not self.in_main)
        if main and not self.skipping:
            skip = False   # an article marked up as main content is never boilerplate itself
        self.stack.append(_Frame(tag, skip, main or self.in_main, tag == "a" or self.in_link))
        if tag == "h1" and self.h1 is None and not skip:
            self.h1_parts = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                if tag in _BLOCK or any(f.tag in _BLOCK for f in self.stack[i:]):
                    self.flush()
                del self.stack[i:]
                break
        if tag == "h1" and self.h1_parts is not None:
            self.h1 = _SPACE.sub(" ", "".join(self.h1_parts)).strip() or None
            self.h1_parts = None

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skipping:
            return
        self.parts.append(data)
        if self.in_link:
            self.link_chars += len(data.strip())
        if self.h1_parts is not None:
            self.h1_parts.append(data)

    def stack_has(self, tag: str) -> bool:
        return any(f.tag == tag for f in self.stack)


def _clean_title(value: str | None) -> str | None:
    if not value:
        return None
    value = _SPACE.sub(" ", value).strip()
    return value or None


def _read(html: str, *, by_attributes: bool) -> tuple[_Reader, list[str]]:
    reader = _Reader(by_attributes=by_attributes)
    reader.feed(html)
    reader.close()
    reader.flush()
    blocks = [(t, share) for t, main, share in reader.blocks if main or not reader.has_main]
    paragraphs = [
        t for t, share in blocks
        if not _SHARE_LINE.match(t) and not _BYLINE.match(t) and not (share > 0.6 and len(t.split()) < 40)
    ]
    return reader, paragraphs


def html_to_article(html: str) -> Article:
    """The article text of an HTML page (paragraphs separated by blank lines) and its metadata.

    If the class/id heuristics leave no text at all (a page whose body container is called
    ``share-enabled``, say), the page is read again with tag- and role-based rules only.
    """
    reader, paragraphs = _read(html, by_attributes=True)
    if not paragraphs:
        reader, paragraphs = _read(html, by_attributes=False)
    meta = reader.meta
    title = (_clean_title(meta.get("og:title")) or _clean_title(meta.get("twitter:title"))
             or _clean_title("".join(reader.title_parts)) or reader.h1)
    date = meta.get("article:published_time") or meta.get("datepublished") or meta.get("date")
    url = meta.get("og:url") or meta.get("canonical")
    return Article(text="\n\n".join(paragraphs), title=title, date=(date or "").strip() or None,
                   url=(url or "").strip() or None)
