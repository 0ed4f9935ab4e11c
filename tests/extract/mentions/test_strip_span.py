"""Trimming a name the NER found: articles, punctuation and a list's conjunction at its edges."""

import spacy

from kg.extract.mentions.names import strip_span


def _trim(text: str, start: int, end: int) -> str:
    doc = spacy.blank("en")(text)
    s, e = strip_span(doc, start, end, frozenset({"mr"}), person=False)
    return doc[s:e].text


def test_a_lists_conjunction_is_no_part_of_a_name() -> None:
    # "captured Lowmark, Riverton and Tarn": the NER's span "Riverton and"
    assert _trim("captured Lowmark , Riverton and Tarn", 3, 5) == "Riverton"


def test_an_article_and_a_possessive_are_trimmed() -> None:
    assert _trim("the Acme 's plan", 0, 3) == "Acme"


def test_a_conjunction_inside_a_name_stays() -> None:
    assert _trim("Bosnia and Herzegovina", 0, 3) == "Bosnia and Herzegovina"
