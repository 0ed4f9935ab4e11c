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
    assert span("TRUMP ON RURITANIA, FROM 'ROCKET MAN' TO 'FIRE AND FURY'") is None  # a link's headline, no prose


def test_a_line_in_capitals_inside_prose_is_a_headline(nlp):
    from kg.extract.mentions.lines import headline_sentences

    doc = nlp("Ana Lind met Bo Berg in Riverton.\n\nLIND ON RURITANIA, FROM TALKS TO THREATS\n\nLind said talks went on.")
    sents = list(doc.sents)
    assert len(sents) == 3 and set(headline_sentences(doc)) == {sents[1].start}


def test_dateline_place_on_a_hand_built_doc(nlp):
    words = ["NEW", "RIVERTON", ",", "Ruritania", "--", "Rain", "fell", "."]
    doc = nlp(Doc(nlp.vocab, words=words, spaces=[True, False, True, True, True, True, False, False]))
    assert dateline_place(next(doc.sents)) == (0, 2)
