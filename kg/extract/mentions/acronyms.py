"""Acronyms defined in the text: "the Northern Defence Board, or NDB", "Long Name (LN)" and
"LF (Long Form)" (also a translated long form: "SHP (Social Democrat Populist Party)"), and
later uses of a defined acronym."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.resources.words import EntityWords

__all__ = ["acronyms"]


def _initials(tokens: list, connectors: frozenset[str]) -> list[str]:
    out: list[str] = []
    for t in tokens:
        for part in re.split(r"-", t.text):
            if part and part[0].isalpha() and (part[0].isupper() or part.lower() not in connectors):
                out.append(part[0].upper())
    return out


def _is_subsequence(short: str, letters: list[str]) -> bool:
    it = iter(letters)
    return all(ch in it for ch in short)


def _gloss(doc: Doc, i: int, words: EntityWords) -> tuple[int, int] | None:
    """The long form of "LF (Long Form)": capitalised words (and connectors) between brackets right
    after the acronym, starting with the acronym's first letter and either containing all its letters
    in order or, for a name translated from another language ("SHP (Social Democrat Populist
    Party)"), ending in an organisation's head word."""
    if i + 3 >= len(doc) or doc[i + 1].text != "(":
        return None
    connectors = words.acronym_connectors
    start = end = i + 2
    while end < len(doc) and doc[end].text != ")" and (
            doc[end].text[:1].isupper() or doc[end].lower_ in connectors):
        end += 1
    if end >= len(doc) or doc[end].text != ")" or end - start < 2 or doc[end - 1].lower_ in connectors:
        return None
    letters = _initials(list(doc[start:end]), connectors)
    letters_acr = [c for c in doc[i].text if c.isalpha()]
    if not letters or not letters_acr or letters[0] != letters_acr[0]:
        return None
    if set(letters_acr) <= set(letters) and len(letters_acr) >= 0.6 * len(letters):
        return start, end  # in any order: "PRD (Party of the Democratic Revolution)" is translated
    if doc[end - 1].lower_ in words.gloss_heads:
        return start, end
    return None


def acronyms(doc: Doc, words: EntityWords) -> list[tuple[int, int, int]]:
    """(long_start, long_end, acronym_token) for "Long Form, or LF", "Long Form (LF)" and
    "LF (Long Form)"."""
    connectors = words.acronym_connectors
    found = []
    for tok in doc:
        text = tok.text
        if not (2 <= len(text) <= 8 and re.fullmatch(r"[A-Z][A-Z0-9&]*[A-Z0-9]", text)):
            continue
        i = tok.i
        reverse = _gloss(doc, i, words)
        if reverse is not None:
            found.append((*reverse, i))
            continue
        if i >= 2 and doc[i - 1].text == "(":
            end = i - 1
        elif i >= 3 and doc[i - 1].lower_ == "or" and doc[i - 2].text == ",":
            end = i - 2
        else:
            continue
        start = end
        while start > 0:
            prev = doc[start - 1]
            if prev.is_space or prev.is_sent_end:
                break
            if prev.text[:1].isupper() or (prev.lower_ in connectors and start - 1 > 0):
                start -= 1
            else:
                break
        while start < end and doc[start].lower_ in connectors:
            start += 1
        if end - start < 2:
            continue
        letters = _initials(list(doc[start:end]), connectors)
        letters_acr = [c for c in text if c.isalpha()]
        if not letters or not letters_acr:
            continue
        in_order = letters_acr[-1] == letters[-1] and _is_subsequence("".join(letters_acr), letters)
        translated = letters_acr[0] == letters[0] and sorted(letters_acr) == sorted(letters)  # "... Revolution (PRD)"
        if (in_order or translated) and len(letters_acr) >= 0.6 * len(letters):
            # drop leading words the acronym does not cover ("Yesterday World Health ...")
            while (start < end and _initials([doc[start]], connectors)[:1] != [letters_acr[0]]
                   and (len(_initials(list(doc[start:end]), connectors)) - len(letters_acr) > 1 or doc[start].is_sent_start)):
                start += 1
            while start < end and doc[start].lower_ in connectors:  # "Fiat and General Motors (GM)"
                start += 1
            if end - start >= 2:
                found.append((start, end, i))
    # later uses of a defined acronym
    defined = {doc[i].text: (s, e, i) for s, e, i in found}
    for tok in doc:
        hit = defined.get(tok.text)
        if hit and tok.i != hit[2]:
            found.append((hit[0], hit[1], tok.i))
    return found
