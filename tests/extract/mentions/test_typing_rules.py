"""The all-capitals dateline finder (``dateline_place``) on real and hand-built parses.  The
sentence-level typing rules (datelines, places and nobility the NER mistypes, former and US states, a
state's name as a first name, descriptions in apposition, "X-born") are cases of
``tests/cases/typing.toml``, run by ``tests/extract/test_regressions.py``."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.mentions.lines import dateline_place


def test_dateline_place_finds_the_opening_capitals(nlp):
    def span(text):
        doc = nlp(text)
        got = dateline_place(next(doc.sents))
        return doc[got[0]:got[1]].text if got else None

    assert span("PORT RIVERTON, Ruritania (AP) _ Fishermen went on strike on Monday.") == "PORT RIVERTON"
    assert span("RIVERTON-ON-SEA, England (AP) _ The pier closed.") == "RIVERTON-ON-SEA"
    assert span("OSLO (Reuters) - The talks ended.") == "OSLO"
    assert span("The mayor of RIVERTON, Ms Lind, resigned.") is None  # not at the start
    assert span("UN, the world body, met.") is None  # too short to be a place's name


def test_dateline_place_on_a_hand_built_doc(nlp):
    words = ["NEW", "RIVERTON", ",", "Ruritania", "--", "Rain", "fell", "."]
    doc = nlp(Doc(nlp.vocab, words=words, spaces=[True, False, True, True, True, True, False, False]))
    assert dateline_place(next(doc.sents)) == (0, 2)
