"""Name knowledge: parsing people's names, when two names are one person, acronyms; the data file."""

from __future__ import annotations

import pytest

from kg.errors import DataFileError
from kg.extract.resolve.names import NameKit, fold
from kg.resources.names import load_name_lexicon, read_name_lexicon


@pytest.fixture(scope="module")
def kit(res):
    return NameKit.of(res, load_name_lexicon())


@pytest.mark.parametrize("text,given,surname,sex", [
    ("Mr Tony Blair", ("tony",), "blair", "male"),
    ("Baroness Lind", (), "lind", "female"),
    ("Kim Jong-un", ("jong", "un"), "kim", None),
    ("Moon Jae-in", ("jae", "in"), "moon", None),
    ("Osama bin Laden", ("osama",), "bin laden", None),
    ("Robert Kilroy-Silk", ("robert",), "kilroy silk", None),
    ("George H. W. Bush", ("george", "h", "w"), "bush", None),
    ("George H.W. Bush", ("george", "h", "w"), "bush", None),  # initials written together
    ("Martin Luther King Jr", ("martin", "luther"), "king", None),
])
def test_person_names_are_parsed(kit, text, given, surname, sex):
    p = kit.person(text)
    assert (p.given, p.surname, p.sex) == (given, surname, sex)


@pytest.mark.parametrize("a,b,rule", [
    ("George W. Bush", "George Bush", "person-middle-name"),
    ("Tom Jones", "Tommy Lee Jones", None),  # a variant and a middle name at once: two people
    ("Douglas Fairbanks Sr", "Douglas Fairbanks Jr", None),
    ("Hank Williams", "Hank Williams Jr.", "person-suffix"),
    ("Vince Cable", "Vincent Cable", "person-given-variant"),
    ("G. Brown", "Gordon Brown", "person-initial"),
    ("Iyad Allawi", "Eyad Allawi", "person-transliteration"),
    ("Muammar Gaddafi", "Moammar Qadhafi", "person-transliteration"),
    ("Kim Jong-un", "Kim Jong Un", "person-same-name"),
    ("José Manuel Barroso", "Jose Manuel Barroso", "person-same-name"),
    ("Gordon Brown", "Nick Brown", None),
    ("Kim Jong Il", "Kim Jong Un", None),
    ("George H. W. Bush", "George W. Bush", None),
    ("George H.W. Bush", "George H. W. Bush", "person-same-name"),
    ("Bill Clinton", "Hillary Clinton", None),
    ("Mr Alex Lind", "Mrs Alex Lind", None),
    ("Blair", "Tony Blair", None),  # a lone surname is decided with evidence, not by the name
])
def test_when_two_full_names_are_one_person(kit, a, b, rule):
    assert kit.match(kit.person(a), kit.person(b)) == rule
    assert kit.match(kit.person(b), kit.person(a)) == rule


@pytest.mark.parametrize("acronym,name,fits", [
    ("PCS", "Public and Commercial Services Union", True),
    ("UKIP", "UK Independence Party", True),
    ("BNP", "British National Party", True),
    ("MPC", "Monetary Policy Committee", True),
    ("BBC", "British National Party", False),
])
def test_acronyms(kit, acronym, name, fits):
    assert kit.acronym_fits(acronym, name) is fits


def test_fold():
    assert fold("Kilroy-Silk's") == "kilroy silk"
    assert fold("U.N.") == "un"
    assert fold("Zoë") == "zoe"


LEXICON = """
[given_names]
variants = [["Vincent", "Vince"]]
[transliterations]
groups = []
[surnames]
first = ["Kim"]
particles = []
suffixes = []
address_titles = []
[organisations]
drop_heads = []
drop_leads = []
connectors = []
"""


@pytest.mark.parametrize("change,message", [
    (("[transliterations]", "[transliteration]"), "unknown table"),
    (('["Vincent", "Vince"]', '["Vincent"]'), "fewer than two"),
    (('["Vincent", "Vince"]', '["Vincent", "vincent"]'), "twice"),
    (('first = ["Kim"]', 'first = ["Kim"]\nlast = []'), "unknown key"),
    (('drop_leads = []\n', ''), "lacks drop_leads"),
    (('first = ["Kim"]', 'first = "Kim"'), "list of non-empty strings"),
])
def test_a_bad_name_lexicon_is_a_load_error_naming_file_and_key(tmp_path, change, message):
    path = tmp_path / "names.toml"
    path.write_text(LEXICON.replace(*change), encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as info:
        read_name_lexicon(path)
    assert str(path) in str(info.value)


def test_the_shipped_lexicon_loads():
    lex = load_name_lexicon()
    assert lex.given_groups("Bill") & lex.given_groups("William")
    assert "kim" in lex.surname_first


def test_given_names_of_clear_sex_load_and_ambiguous_ones_are_left_out():
    sex = load_name_lexicon().given_sex
    assert (sex["nikki"], sex["donald"]) == ("f", "m")
    assert "kim" not in sex and "jean" not in sex  # borne by both sexes in the census


@pytest.mark.parametrize("line,message", [("nikki\tx", "expected"), ("nikki", "expected"), ("ann\tf\nann\tf", "twice")])
def test_a_bad_given_names_file_is_a_load_error_naming_the_line(tmp_path, line, message):
    from kg.resources.names import read_given_sex

    path = tmp_path / "given_names.tsv"
    path.write_text("# comment\n" + line + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as info:
        read_given_sex(path)
    assert str(path) in str(info.value)
