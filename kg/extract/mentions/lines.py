"""Lines of news copy that are not prose: title-case headlines, datelines ("RIVERTON, Ruritania
(AP) --"), agency credits and the source lines of news-monitoring services."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.resources import Resources

__all__ = ["headline_sentences", "agency_credit", "dateline_place", "source_line"]


def headline_sentences(doc: Doc) -> dict[int, bool]:
    """Start indices of sentences written in title case (headlines) or, inside a text of prose, wholly
    in capitals (the headline of a link or a section), each mapped to whether it opens a text whose
    body follows."""
    def title_case(sent: Span) -> bool:
        words = [t for t in sent if t.is_alpha and len(t.text) > 3]
        lower_verb = any(t.pos_ in ("VERB", "AUX") and t.text[:1].islower() for t in sent)
        return not lower_verb and len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.85 * len(words)

    out: dict[int, bool] = {}
    sents = list(doc.sents)
    prose = any(not _all_capitals(list(s)) for s in sents)
    for n, sent in enumerate(sents):
        if prose and n > 0 and _all_capitals(list(sent)):
            out[sent.start] = False  # "TRUMP ON NORTH KOREA, FROM 'ROCKET MAN' ...": a link's or a section's headline
            continue
        if not title_case(sent):
            continue
        # some capitalised word is not part of a name ("Leaves", "Tour", "OKs"): a list of names
        # ("Fire Island, Patchogue, N.Y.;") is no headline ...
        common = any(t.i > sent.start and t.is_alpha and len(t.text) > 1 and not t.is_stop and t.text[0].isupper()
                     and not t.ent_type_ for t in sent)
        # ... unless it opens a text whose body follows in sentence case: there even a headline the
        # NER reads as one name ("Blast Hits Embassy in Riverton") is a headline
        opening = n == 0 and len(sents) > 1 and not title_case(sents[1])
        if common or opening:
            out[sent.start] = opening
    return out


def agency_credit(doc: Doc, start: int, end: int) -> bool:
    """A news agency's name in a credit position: bracketed, next to a dash, a slash or a colon,
    or alone at the start or end of its sentence ("(Reuters)", "AP -", "... AFP").  Elsewhere it
    is the agency itself: "a correspondent for The Associated Press", and so it is at the start of
    a sentence whose next word is a lower-case one ("Bloomberg reporter X", "Reuters reported"),
    or at its end after one ("told Reuters.")."""
    before = doc[start - 1].text if start > doc[start].sent.start else ""
    after = doc[end].text if end < doc[end - 1].sent.end else ""
    if not before and after.isalpha() and after.islower() or not after.strip(".") and before.isalpha() \
            and before.islower():
        return False
    return not before or not after.strip(".") or before in ("(", "[", "/", "-", "--", "—") \
        or after in (")", "]", "/", "-", "--", "—", ":", "_")


_CAPS_WORD = re.compile(r"^[A-Z][A-Z'.-]*[A-Z.]$")


def dateline_place(sent: Span) -> tuple[int, int] | None:
    """The all-capitals place that opens a news item: "RIVERTON, Ruritania (AP) --", "PORT
    RIVERTON, March 3 (Reuters) -", "RIVERTON-ON-SEA _ ...".  Up to six all-capitals tokens at the
    start of the sentence (after brackets or "(Text)"; a hyphenated word's parts join), at least
    four characters in all, followed by a comma and a capitalised word, a bracket or a dash.  Returns
    the token range, or None.  The caller decides what the words name: an organisation in the
    gazetteer ("NATO, the alliance") or a news agency is no place."""
    toks = list(sent)
    n = 0
    while n < len(toks) and toks[n].text in ("(", ")", "Text", "[", "]"):
        n += 1
    k = n
    while k < len(toks) and k - n < 6 and _CAPS_WORD.match(toks[k].text) and toks[k].text not in ("--", "-"):
        k += 1
        if k + 1 < len(toks) and toks[k].text == "-" and not toks[k - 1].whitespace_ \
                and not toks[k].whitespace_ and _CAPS_WORD.match(toks[k + 1].text):
            k += 1  # "RIVERTON-ON-SEA"
    if k == n or k >= len(toks) or sum(len(t.text) for t in toks[n:k]) < 4:
        return None
    after = k
    while after + 1 < len(toks) and toks[after].is_space:
        after += 1  # an agency's credit blanked before parsing leaves spaces: "HONG KONG      - Police"
    nxt = toks[after]
    follows = toks[after + 1] if after + 1 < len(toks) else None
    if nxt.text == "," and follows is not None and follows.text[:1].isupper() and not _all_capitals(toks) \
            or nxt.text in ("(", "--", "—", "_", "-"):
        return toks[n].i, toks[k - 1].i + 1
    return None


def _all_capitals(toks: list) -> bool:
    """A line wholly in capitals ("TRUMP ON NORTH KOREA, FROM 'ROCKET MAN'"): a link's headline, no
    dateline, which opens prose."""
    words = [t for t in toks if t.is_alpha and len(t.text) > 2]
    return len(words) >= 3 and all(t.text.isupper() for t in words)


_MONITOR_ID = re.compile(r"^[A-Z]{2}\d{10}$")  # "LD2804174994": a monitoring service's item number


def source_line(sent: Span, res: Resources) -> tuple[int, int, int, int] | None:
    """A news-monitoring source line: "[item number] <City> <Outlet> in <Language> [1601 GMT ...]",
    or a header line that is only "<City> <OUTLET>" (the outlet in capitals or with a media head
    word: "Riverton Radio").  The city must be a gazetteer city or country.  Returns the token
    ranges (place start, place end, outlet start, outlet end), or None."""
    words = res.entities.words
    languages, heads = words.languages, words.media_heads
    gaz = res.gazetteer
    toks = list(sent)
    ids = [n for n, t in enumerate(toks) if _MONITOR_ID.match(t.text)]
    n = ids[-1] + 1 if ids else 0
    while n < len(toks) and toks[n].text in ("[", "(", "Source", ":"):
        n += 1
    place_end = None
    for size in (3, 2, 1):
        surface = " ".join(t.text for t in toks[n:n + size])
        if len(toks[n:n + size]) == size and (surface.title() if surface.isupper() else surface) in gaz.names:
            place_end = n + size
            break
    if place_end is None:
        return None
    def in_name(i: int) -> bool:
        """Capitalised, or a hyphen/apostrophe/number inside the name ("Kanal-6"; not a "1601" time)."""
        t = toks[i]
        if t.text[:1].isupper():
            return True
        inside = i > place_end and i + 1 < len(toks) and toks[i + 1].text[:1].isalnum()
        return inside and (t.text in ("-", "'") or (t.is_digit and len(t.text) != 4))

    end = place_end
    while end < len(toks) and end - place_end < 6 and in_name(end):
        end += 1
    while end > place_end and not toks[end - 1].text[:1].isalnum():
        end -= 1
    if end == place_end or any(t.text in gaz.names for t in toks[place_end:end]):
        return None
    outlet = toks[place_end:end]
    rest = [t for t in toks[end:] if not t.is_punct]
    if len(rest) >= 2 and rest[0].lower_ == "in" and rest[1].lower_ in languages:
        pass
    elif not rest and (ids or n == 0) and (all(t.text.isupper() for t in outlet if t.is_alpha)
                                            or outlet[-1].lower_ in heads):
        pass
    else:
        return None
    return sent.start + n, sent.start + place_end, sent.start + place_end, sent.start + end
