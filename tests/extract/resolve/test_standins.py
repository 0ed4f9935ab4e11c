"""Generic body names ("Parliament") of a text: the text's body with that word, else the home
country's (kg.extract.resolve.standins).  Model-free: mentions and key votes built by hand."""

from __future__ import annotations

from collections import Counter

from kg.extract.mentions.records import Mention
from kg.extract.resolve.standins import generic_bodies, home_country


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
