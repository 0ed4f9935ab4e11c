"""Generic body names ("Parliament") of a text: the text's body with that word, else the home
country's (kg.extract.resolve.standins).  Model-free: mentions and key votes built by hand."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract.mentions.records import Mention
from kg.extract.resolve.standins import generic_bodies, home_country, short_forms


def _votes(*pairs: tuple[str, str, str]) -> tuple[dict[str, Counter], dict[str, Counter]]:
    names = {key: Counter({name: 1}) for key, name, _ in pairs}
    classes = {key: Counter({cls: 1}) for key, _, cls in pairs}
    return names, classes


def test_the_one_body_of_the_text_with_the_word(res) -> None:
    mentions = [Mention(0, 2, "Scottish Parliament", "GovernmentBody", "ner"),
                Mention(5, 6, "Parliament", "GovernmentBody", "ner")]
    keys = ["org:scottish parliament", "org:parliament"]
    names, classes = _votes(("org:scottish parliament", "Scottish Parliament", "GovernmentBody"),
                            ("org:parliament", "Parliament", "GovernmentBody"))
    assert generic_bodies(mentions, keys, names, classes, res) == {1: ("org:scottish parliament", "GovernmentBody")}


def test_two_bodies_with_the_word_leave_it_alone(res) -> None:
    mentions = [Mention(0, 2, "Scottish Parliament", "GovernmentBody", "ner"),
                Mention(3, 5, "European Parliament", "GovernmentBody", "gazetteer", gaz_id="org/european-parliament"),
                Mention(8, 9, "Parliament", "GovernmentBody", "ner")]
    keys = ["org:scottish parliament", "org/european-parliament", "org:parliament"]
    names, classes = _votes(("org:scottish parliament", "Scottish Parliament", "GovernmentBody"),
                            ("org/european-parliament", "European Parliament", "GovernmentBody"),
                            ("org:parliament", "Parliament", "GovernmentBody"))
    assert generic_bodies(mentions, keys, names, classes, res) == {}


def test_the_home_countrys_body_when_the_text_names_none(res) -> None:
    mentions = [Mention(0, 1, "Labour", "Group", "gazetteer", gaz_id="org/labour-party-uk"),
                Mention(2, 5, "House of Commons", "GovernmentBody", "gazetteer", gaz_id="org/uk-house-of-commons"),
                Mention(8, 9, "Parliament", "GovernmentBody", "ner")]
    assert all(res.gazetteer.entries[m.gaz_id].country == "country/gbr" for m in mentions[:2])
    keys = ["org/labour-party-uk", "org/uk-house-of-commons", "org:parliament"]
    names, classes = _votes(("org/labour-party-uk", "Labour Party", "Group"),
                            ("org/uk-house-of-commons", "House of Commons", "GovernmentBody"),
                            ("org:parliament", "Parliament", "GovernmentBody"))
    assert generic_bodies(mentions, keys, names, classes, res) == {2: ("org/uk-parliament", "GovernmentBody")}


def test_home_country_needs_a_majority_of_two() -> None:
    assert home_country([]) is None
    assert home_country(["country/gbr"]) is None
    assert home_country(["country/gbr", "country/gbr", "country/fra", "country/deu"]) is None
    assert home_country(["country/gbr", "country/gbr", "country/fra"]) == "country/gbr"


# -- a body's name cut short ---------------------------------------------------------------------------
def _doc(text: str) -> Doc:
    """Words split on spaces; a sentence starts after each "."."""
    words = text.split()
    return Doc(Vocab(), words=words, sent_starts=[i == 0 or words[i - 1] == "." for i in range(len(words))])


def test_the_last_words_of_one_body_name_of_the_text_are_that_body(res) -> None:
    doc = _doc("the Muslim Brotherhood said . the Brotherhood and International Liaison Department . the Liaison Department")
    mentions = [Mention(1, 3, "Muslim Brotherhood", "Group", "ner"), Mention(5, 7, "the Brotherhood", "Organization", "ner"),
                Mention(8, 11, "International Liaison Department", "GovernmentBody", "ner"),
                Mention(13, 15, "Liaison Department", "GovernmentBody", "ner")]
    keys = ["org/muslim-brotherhood", "org/brotherhood", "org/international-liaison-department", "org/liaison-department"]
    assert short_forms(doc, mentions, keys, res) == {1: ("org/muslim-brotherhood", "Group"),
                                                     3: ("org/international-liaison-department", "GovernmentBody")}


def test_the_end_of_a_name_in_its_own_sentence_is_another_body(res) -> None:
    """"merged the New University of Ulster and the Polytechnic to create the University of Ulster"."""
    doc = _doc("merged the New University of Ulster to create the University of Ulster .")
    mentions = [Mention(2, 6, "New University of Ulster", "Organization", "ner"),
                Mention(9, 12, "University of Ulster", "Organization", "ner")]
    assert short_forms(doc, mentions, ["org/new-university-of-ulster", "org/university-of-ulster"], res) == {}


def test_the_end_of_a_name_without_the_is_another_body(res) -> None:
    """"House Speaker X" beside "the White House"; "former Army Pvt. X" beside "the Free Syrian Army"."""
    doc = _doc("the White House and House Speaker Lind")
    mentions = [Mention(1, 3, "White House", "GovernmentBody", "ner"), Mention(4, 5, "House", "GovernmentBody", "ner")]
    assert short_forms(doc, mentions, ["org/acme-white-house", "org/house"], res) == {}


def test_a_head_word_many_bodies_share_is_no_short_form(res) -> None:
    """"the House oversight committee" beside "the White House"."""
    doc = _doc("the White House spoke . the House oversight committee")
    mentions = [Mention(1, 3, "White House", "GovernmentBody", "ner"), Mention(6, 7, "House", "GovernmentBody", "ner")]
    assert short_forms(doc, mentions, ["org/acme-white-house", "org/house"], res) == {}


def test_two_bodies_that_end_alike_or_a_gazetteer_name_move_nothing(res) -> None:
    mentions = [Mention(0, 2, "Fox News", "Organization", "ner"), Mention(3, 5, "Acme News", "Organization", "ner"),
                Mention(7, 8, "News", "Organization", "ner"),
                Mention(9, 12, "Acme White House", "GovernmentBody", "ner"),
                Mention(14, 16, "White House", "GovernmentBody", "gazetteer", gaz_id="org/white-house")]
    keys = ["org/fox-news", "org/acme-news", "org/news", "org/acme-white-house", "org/white-house"]
    assert short_forms(_doc("Fox News and Acme News . the News and the Acme White House . the White House"),
                       mentions, keys, res) == {}


def test_a_name_with_a_legal_form_is_the_gazetteer_body_of_the_rest(res) -> None:
    entry = next(e for e in res.gazetteer.entries.values() if e.cls == "Organization" and " " not in e.name
                 and len(res.gazetteer.lookup(e.name)) == 1)
    mentions = [Mention(0, 2, f"{entry.name} Inc.", "Organization", "ner")]
    doc = _doc(f"{entry.name} Inc. said")
    assert short_forms(doc, mentions, ["org/x-inc"], res) == {0: (entry.id, entry.cls)}
    assert short_forms(doc, [Mention(0, 2, "Zzyzx Inc.", "Organization", "ner")], ["org/zzyzx-inc"], res) == {}
