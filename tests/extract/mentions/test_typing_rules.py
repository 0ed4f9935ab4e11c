"""Entity typing and description rules (real pipeline, sentences written for the test): all-capitals
datelines, place and nobility names the NER mistypes, former states and US states from the
gazetteer, a state's name used as a first name, lists of descriptions in apposition, "X-born"."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.mentions.lines import dateline_place


def _classes(g):
    return {e.name: e.cls for e in g.entities.values()}


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


def test_a_dateline_town_is_a_city_located_in_the_region(extract):
    g, facts = extract("BAYTOWN, Norway (AP) _ Fishermen went on strike on Monday over new quotas.")
    assert _classes(g).get("Baytown") == "City", _classes(g)  # named as news writes it elsewhere
    assert ("Baytown", "locatedIn", "Norway") in facts, facts


def test_a_county_is_no_person_whatever_the_ner_says(extract):
    g, _ = extract("Floods hit Harlan County and Perry County on Tuesday, officials said.")
    classes = _classes(g)
    assert all(cls == "Place" for name, cls in classes.items() if name.endswith("County")), classes


def test_a_title_of_nobility_names_a_person(extract):
    g, _ = extract("The Duchess of Riverton opened the new hospital wing on Friday.")
    assert _classes(g).get("Duchess of Riverton") == "Person", _classes(g)


def test_a_former_state_is_a_country(extract):
    g, facts = extract("The prize went to Soviet pianist Ivan Petrov, who later moved to Vienna.")
    assert _classes(g).get("Soviet Union") == "Country", _classes(g)
    assert ("Ivan Petrov", "livesIn", "Soviet Union") in facts, facts


def test_us_state_abbreviations_are_states(extract):
    g, facts = extract("Maria Lind, 50, of Riverton, Tenn., was named to the board on Monday.")
    assert _classes(g).get("Tennessee") == "Place", _classes(g)
    assert ("Riverton", "locatedIn", "Tennessee") in facts, facts


def test_a_state_name_as_first_name_stays_in_the_person(extract):
    g, _ = extract('"We will rebuild," said Virginia Holm of Riverton, a family friend.')
    assert _classes(g).get("Virginia Holm") == "Person", _classes(g)
    assert "Virginia" not in _classes(g)


def test_a_later_description_in_a_list_keeps_its_holder(extract):
    _, facts = extract("Ana Lind, director of the Riverton Institute and a member of the Northern Water Council, "
                       "spoke on Monday.")
    assert ("Ana Lind", "worksFor", "Riverton Institute") in facts, facts
    assert ("Ana Lind", "memberOf", "Northern Water Council") in facts, facts


def test_a_place_born_person_lives_there(extract):
    _, facts = extract("Norway-born painter Ana Lind opened an exhibition in Paris.")
    assert ("Ana Lind", "livesIn", "Norway") in facts, facts


def test_a_news_agency_is_an_employer_but_not_a_credit(extract):
    g, facts = extract("Ana Lind, a correspondent for The Associated Press, has covered six elections.")
    assert ("Ana Lind", "worksFor", "Associated Press") in facts, facts
    g, _ = extract("RIVERTON, Norway (AP) _ Fishermen went on strike. Reuters could not confirm it -- AFP")
    assert not {e.name for e in g.entities.values()} & {"AP", "AFP"}, _classes(g)


def test_a_body_the_text_gives_to_another_country_is_not_the_gazetteer_one(extract):
    # the gazetteer's "Labour Party" is the UK's; the text says it is Norway's
    g, facts = extract("Talks began between Norway's opposition Labour party and the government. "
                       "Labour leader Ana Lind said her party wanted guarantees.")
    assert ("Ana Lind", "leaderOf", "Labour Party (Norway)") in facts, facts
    assert "org/labour-party-uk" not in g.entities
    g, facts = extract("Britain's Labour Party won the vote. Labour leader Tom Holm welcomed it.")
    assert ("Tom Holm", "leaderOf", "Labour Party") in facts, facts
    assert "org/labour-party-uk" in g.entities
