"""Text before and around spaCy: boilerplate and agency credits blanked out, long texts cut into
pieces, and the all-capitals dateline word test.  Offsets into the original text stay valid."""

from __future__ import annotations

import re
from typing import Callable

__all__ = ["CHUNK_CHARS", "dateline_word", "split_text", "prepare_text", "blank_link_cards", "blank_photo_lines",
           "blank_reporting_credits", "blank_video_widgets"]

CHUNK_CHARS = 10_000


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


# An editor's insertion in a quote: "[Palestinian president] Abbas", "[Korea's] President Lee" (a few
# words, no credit's slash); its brackets become spaces so that the words parse as the sentence's own.
_INSERTION = re.compile(r"\[([A-Za-z][^\[\]\n/]{0,40})\]")
_AGENCY_CACHE: dict[frozenset[str], re.Pattern[str] | None] = {}
_GALLERY_CACHE: dict[frozenset[str], re.Pattern[str] | None] = {}


def prepare_text(text: str, boilerplate: frozenset[str], agencies: frozenset[str] = frozenset(),
                 card_ends: frozenset[str] = frozenset(), galleries: frozenset[str] = frozenset(),
                 widgets: frozenset[str] = frozenset(), photo: tuple[frozenset[str], ...] = (),
                 reporting: frozenset[str] = frozenset(), slash: frozenset[str] = frozenset(),
                 videos: frozenset[str] = frozenset()) -> str:
    """Blank out web boilerplate lines ("Also Read", "Advertisement", ...), the markers and titles
    of photo galleries (:func:`blank_gallery`, on lines with a marker of ``galleries`` followed by
    "N of M": "Hide Caption 3 of 32"), agency credits, link cards (:func:`blank_link_cards`,
    ended by one of ``card_ends``), photo credits and caption labels (:func:`blank_photo_lines`,
    ``photo``: credits, labels, positions), a widget's word that opens a line (``widgets``: "CLOSE A trade
    expert says ...", in capitals), the reporting credits of wire copy (``reporting``: "(Additional reporting by
    Ana Lind in Riverton; Editing by Bo Berg)", :func:`blank_reporting_credits`), a photographer's credit
    joined by slashes to an agency or photo service of ``slash`` ("Ana Lind/AFP/Getty Images",
    :func:`blank_slash_credits`), video widgets opened by a marker of ``videos`` (:func:`blank_video_widgets`)
    and the brackets of an editor's insertion ("[Ruritanian president] Lind").

    >>> prepare_text("Photos: Ana Lind in Paris. Hide Caption 1 of 9", frozenset(), galleries=frozenset({"hide caption"})).strip()
    'Ana Lind in Paris.'
    >>> prepare_text("CLOSE Ana Lind spoke.", frozenset(), widgets=frozenset({"close"}))
    '      Ana Lind spoke.'
    >>> prepare_text('"We met [Ruritanian] President Lind," he said [Ana Berg/AFP].', frozenset())
    '"We met  Ruritanian  President Lind," he said [Ana Berg/AFP].'

    Removed text is replaced by spaces of the same length so that character offsets into the
    original text stay valid.  Control characters other than newline and tab become spaces too.
    """
    text = blank_link_cards(text, card_ends)
    text = blank_video_widgets(text, videos)
    text = blank_reporting_credits(text, reporting)
    text = blank_slash_credits(text, slash)
    if photo:
        text = blank_photo_lines(text, *photo)
    if galleries not in _GALLERY_CACHE:
        names = "|".join(sorted(re.escape(g) for g in galleries))
        _GALLERY_CACHE[galleries] = re.compile(rf"(?:{names})\s+\d+\s+of\s+\d+", re.IGNORECASE) if names else None
    gallery = _GALLERY_CACHE[galleries]

    def blank(m: re.Match[str]) -> str:
        line = m.group(0)
        key = line.strip().strip(":|>»·-").strip().lower()
        if key in boilerplate:
            return " " * len(line)
        return blank_gallery(line, gallery) if gallery is not None and gallery.search(line) else line

    out = _LINE.sub(blank, text)
    if widgets:
        names = "|".join(sorted(re.escape(w.upper()) for w in widgets))  # written in capitals
        out = re.sub(rf"(?m)^[ \t]*(?:{names})(?=\s)", lambda m: " " * len(m.group(0)), out)
    out = _INSERTION.sub(lambda m: f" {m.group(1)} " if len(m.group(1).split()) <= 5 else m.group(0), out)
    if agencies not in _AGENCY_CACHE:
        _AGENCY_CACHE[agencies] = _agency_re(agencies)
    credit = _AGENCY_CACHE[agencies]
    if credit is not None:
        out = credit.sub(_blank_credit, out)
    return "".join(c if c in "\n\t" or c.isprintable() or c == "\r" else " " for c in out)


def prepare_with(words) -> Callable[[str], str]:
    """:func:`prepare_text` with every word list of the entity lexicon's words (what ``kg build``
    runs before parsing; training and evaluation scripts use the same)."""
    agencies = words.news_agencies | words.outlet_credits
    photo = (words.photo_credits, words.caption_labels, words.caption_positions)
    return lambda text: prepare_text(text, words.boilerplate, agencies, words.link_card_ends,
                                     words.gallery_markers, words.widget_markers, photo, words.reporting_credits,
                                     words.news_agencies | words.photo_agencies, words.video_markers)


_VIDEO_CACHE: dict[frozenset[str], re.Pattern[str] | None] = {}


def blank_video_widgets(text: str, markers: frozenset[str]) -> str:
    """Spaces over each video widget: from a marker of ``markers`` (written in capitals in the text)
    through the first running time ("06:22") after it or after the next marker on its line.

    >>> blank_video_widgets("Ana Lind spoke. JUST WATCHED Lind in Paris Replay ... MUST WATCH Lind in Paris 06:22",
    ...                     frozenset({"JUST WATCHED", "MUST WATCH"})).rstrip()
    'Ana Lind spoke.'
    """
    if markers not in _VIDEO_CACHE:
        alt = "|".join(sorted((re.escape(m.upper()) for m in markers), key=len, reverse=True))
        _VIDEO_CACHE[markers] = re.compile(rf"\b(?:{alt})\b(?:[^\n]*?\b(?:{alt})\b)?[^\n]*?\b\d{{1,2}}:\d{{2}}\b") \
            if alt else None
    widget = _VIDEO_CACHE[markers]
    return text if widget is None else widget.sub(_spaces, text)


_REPORTING_CACHE: dict[frozenset[str], re.Pattern[str] | None] = {}


def blank_reporting_credits(text: str, markers: frozenset[str]) -> str:
    r"""Blank the reporting credits of wire copy: from an opening bracket or a line's start followed
    by a marker ("Additional reporting by", "Editing by") to the closing bracket or the line's end.
    The reporters' names and the places they filed from are no part of the story ("Ana Lind in
    Riverton" would place her there and the towns of the list in each other).

    >>> blank_reporting_credits("Talks ended. (Reporting by Ana Lind in Riverton; Editing by Bo Berg)\nEnd.",
    ...                         frozenset({"reporting by", "editing by"})).split("\n")
    ['Talks ended.                                                        ', 'End.']
    """
    if markers not in _REPORTING_CACHE:
        _REPORTING_CACHE[markers] = re.compile(
            rf"(?im)(?:\(|^[ \t]*)(?:{_alternatives(markers)})\b[^)\n]*\)?") if markers else None
    pattern = _REPORTING_CACHE[markers]
    return text if pattern is None else pattern.sub(_spaces, text)


# Capitalised words joined by slashes ("Ana Lind/AFP/Getty Images"): at most two words before the first
# slash (a photographer's name), up to three in every later part.
_WORD = r"[A-Z][\w.'&-]*"
_SLASHED = re.compile(rf"(?<![\w/])\(?(?:{_WORD} )?{_WORD}(?:/{_WORD}(?: {_WORD}){{0,2}})+\)?")


def blank_slash_credits(text: str, agencies: frozenset[str]) -> str:
    r"""Blank a photographer's credit: names joined by slashes of which one is an agency or a photo
    service of ``agencies`` (lower case), with the brackets it fills.  A last part that begins with
    one ("Getty Images Trump") is blanked to the end of it, so that a caption's next name stays.

    >>> blank_slash_credits("Ana Lind/AFP/Getty Images Trump spoke. AC/DC played.", frozenset({"afp", "getty images"}))
    '                          Trump spoke. AC/DC played.'
    >>> blank_slash_credits("Lind in Paris. (Bo Berg/Reuters)", frozenset({"reuters"}))
    'Lind in Paris.                  '
    """
    if not agencies or "/" not in text:
        return text

    def blank(m: re.Match[str]) -> str:
        whole = m.group(0)
        opened, closed = whole.startswith("("), whole.endswith(")")
        inner = whole[1 if opened else 0:len(whole) - 1 if closed else len(whole)]
        parts = inner.split("/")
        low = [p.lower() for p in parts]
        if not any(p == a or p.startswith(a + " ") for p in low for a in agencies):
            return whole
        last = next((a for a in sorted(agencies, key=len, reverse=True) if low[-1].startswith(a + " ")), None)
        keep = parts[-1][len(last):] if last else ""
        if opened and closed and not keep:
            return " " * len(whole)  # "(Jo Roe/Reuters)": the brackets go with the credit
        return ("(" if opened else "") + " " * (len(inner) - len(keep)) + keep + (")" if closed else "")

    return _SLASHED.sub(blank, text)


_PHOTO_CACHE: dict[tuple, tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None] = {}


def _alternatives(words: frozenset[str]) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _spaces(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def blank_photo_lines(text: str, credits: frozenset[str], labels: frozenset[str], positions: frozenset[str]) -> str:
    r"""Blank a photo credit up to a caption label or the end of its line, the caption label, and
    inside such a line a position in brackets after a word; the caption itself stays.

    >>> blank_photo_lines("Image copyright AFP Image caption Ana Lind (R) met Bo Berg\nText.",
    ...                   frozenset({"image copyright"}), frozenset({"image caption"}), frozenset({"r"}))
    '                                  Ana Lind     met Bo Berg\nText.'
    """
    key = (credits, labels, positions)
    if key not in _PHOTO_CACHE:
        alt = _alternatives
        _PHOTO_CACHE[key] = (re.compile(rf"(?im)^[ \t]*(?:{alt(credits)})\b[^\n]*?(?=\s(?:{alt(labels)})\b|$)"),
                             re.compile(rf"(?i)\b(?:{alt(labels)})\b"),
                             re.compile(rf"(?i)\s\((?:{alt(positions)})\)")) if credits and labels and positions else None
    pats = _PHOTO_CACHE[key]
    if pats is None:
        return text
    credit, label, position = pats

    def caption_line(m: re.Match[str]) -> str:
        line = m.group(0)
        if not label.search(line) and not credit.search(line):
            return line
        return position.sub(_spaces, label.sub(_spaces, credit.sub(_spaces, line)))

    return _LINE.sub(caption_line, text)


_OPENER = re.compile(r"\s*Photos:\s*")


def blank_gallery(line: str, marker: re.Pattern[str]) -> str:
    r"""A photo gallery's line with its markers ("Hide Caption 3 of 32"), each caption's opener
    ("Photos:") and the gallery title every caption repeats ("Night of terror: Paris attacks") blanked:
    the captions themselves stay, as sentences.

    >>> blank_gallery("Photos: Riots: Paris Cars burn. Hide Caption 1 of 2 Photos: Riots: Paris Police came. Hide Caption 2 of 2",
    ...               re.compile(r"hide caption \d+ of \d+", re.I)).split()
    ['Cars', 'burn.', 'Police', 'came.']
    """
    chars = list(line)
    def spaces(a: int, b: int) -> None:
        chars[a:b] = " " * (b - a)
    bounds, start = [], 0
    for m in marker.finditer(line):
        bounds.append((start, m.start()))
        spaces(m.start(), m.end())
        start = m.end()
    bounds.append((start, len(line)))
    segments = []
    for a, b in bounds:
        opener = _OPENER.match(line, a, b)
        if opener is not None:
            spaces(opener.start(), opener.end())
            a = opener.end()
        if line[a:b].strip():
            segments.append((a, b))
    if len(segments) > 1:  # the title every caption starts with
        words = [line[a:b].split() for a, b in segments]
        common = 0
        while all(len(w) > common and w[common] == words[0][common] for w in words):
            common += 1
        if common:
            for (a, b), w in zip(segments, words):
                end = a
                for word in w[:common]:
                    end = line.index(word, end) + len(word)
                spaces(a, end)
    return "".join(chars)


# A link card pasted into the text by a crawl: the person's full name glued to the link text
# ("... Donald John RoeRoe <headline> <headline> MORE"), up to an end marker.
_GLUED = re.compile(r"\b([A-Z][a-z][\w'’-]*)\1\b")
# ... or to the first headline word, after link text ending with the same surname ("Roe Jane Q. RoeGOP ...")
_GLUED_TO_HEADLINE = re.compile(r"\b([A-Z][a-z][\w'’-]*)((?:\s+\(?[A-Z][\w'’.-]*\)?){1,3})\s+\1(?=[A-Z])")
_CARD_WORDS = 3  # capitalised words of the full name before the glued surname, at most
_CARD_CHARS = 400  # the end marker must follow within this many characters


def blank_link_cards(text: str, ends: frozenset[str]) -> str:
    """Spaces over each link card: from the full name before a glued surname ("RoeRoe") to the
    first end marker (a word of ``ends``, written in capitals) within 400 characters; the link
    text before the card stays ("President Roe").  Without an end marker nothing changes.

    The full name may also be glued to the first headline word ("Jane Q. RoeGOP senators ..."),
    when the link text before it ends with the same surname.

    >>> blank_link_cards("President Roe Jane Q. RoeRoe wins vote: poll MORE said on Monday.", frozenset({"MORE"}))
    'President Roe                                     said on Monday.'
    >>> blank_link_cards("Roe Jane (Jo) RoeGOP balks at trial MORE said.", frozenset({"MORE"}))
    'Roe                                      said.'
    >>> blank_link_cards("President Roe Jane Q. RoeGOP balks at trial MORE said.", frozenset({"MORE"}))
    'President Roe                                    said.'
    """
    glued = sorted([(m.start(), m.end(), m.group(1)) for m in _GLUED.finditer(text)]
                   + [(m.end() - len(m.group(1)), m.end(), m.group(1)) for m in _GLUED_TO_HEADLINE.finditer(text)])
    if not ends or not glued:
        return text
    marker = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(ends))) + r")\b", re.IGNORECASE)
    out, last = [], 0
    for at, after, surname in glued:
        if at < last:
            continue
        end = next((e for e in marker.finditer(text, after, after + _CARD_CHARS) if e.group(0).isupper()), None)
        if end is None:
            continue
        start = _card_start(text, at, surname)
        out += [text[last:start], " " * (end.end() - start)]
        last = end.end()
    return "".join(out) + text[last:]


def _card_start(text: str, glued: int, surname: str) -> int:
    """Where the card's full name begins: up to three capitalised words (or initials) back,
    stopping after the link text's own surname."""
    start = glued
    for _ in range(_CARD_WORDS):
        word = re.search(r"\(?([A-Z][\w'’.-]*)\)? $", text[max(0, start - 40):start])  # "(Bob)" too
        if word is None or word.group(1) == surname:
            break
        start -= len(word.group(0))
    return start
