"""How a coordination is read as a list (kg.extract.relations.view.listed), on hand-built parses."""

from __future__ import annotations

from handdoc import hand_doc

from kg.extract.relations.view import listed

# "tensions between Ruritania and Freedonia, Ana Lind and Bo Berg met": the parser hangs the two
# people on the list of states
HUNG = """
     0  tensions     0  ROOT       NOUN   tension    NNS
     1  between      0  prep       ADP    _          IN
     2  Ruritania    1  pobj       PROPN  _          NNP
     3  and          2  cc         CCONJ  _          CC
     4  Freedonia    2  conj       PROPN  _          NNP
     5  ,            2  punct      PUNCT  _          ,
     6  Ana          7  compound   PROPN  _          NNP
     7  Lind         2  conj       PROPN  _          NNP
     8  and          7  cc         CCONJ  _          CC
     9  Bo          10  compound   PROPN  _          NNP
    10  Berg         7  conj       PROPN  _          NNP
    11  met          0  acl        VERB   meet       VBD
    """
PEOPLE = {7, 10}


def _person(tok):
    return tok.i in PEOPLE if tok.pos_ == "PROPN" else None


def test_people_after_a_closed_list_of_states_are_another_phrase() -> None:
    doc = hand_doc(HUNG)
    assert [t.text for t in listed(doc[2], _person)] == ["Freedonia"]
    assert [t.text for t in listed(doc[7], _person)] == ["Berg"]


def test_a_list_of_one_kind_after_and_stays_one_list() -> None:
    # "between Ruritania and Freedonia, Lowmark and Eastmark": "A and B, C and D" of one kind
    doc = hand_doc(HUNG)
    assert [t.text for t in listed(doc[2], lambda t: False if t.pos_ == "PROPN" else None)] \
        == ["Freedonia", "Lind", "Berg"]


# "Lind and Ruritanian President Bo Berg agreed": the parser makes "Lind" a modifier of "Berg", with
# "and President" as Lind's own conjunction (kg.extract.relations.lists.hung_conjunct)
TITLED = """
     0  Lind         4  nmod       PROPN  _          NNP
     1  and          0  cc         CCONJ  _          CC
     2  President    0  conj       PROPN  _          NNP
     3  Bo           4  compound   PROPN  _          NNP
     4  Berg         5  nsubj      PROPN  _          NNP
     5  agreed       5  ROOT       VERB   agree      VBD
    """


def _titled_person(tok):
    return True if tok.i in (0, 3, 4) else None


def test_a_name_hung_on_a_titled_name_is_its_conjunct() -> None:
    doc = hand_doc(TITLED)
    assert [t.text for t in listed(doc[4], _titled_person)] == ["Lind"]


def test_a_conjunct_inside_a_name_is_no_hung_list() -> None:
    # "Berg's Blue and White Party": "White" is a word of the party's name, not a title
    doc = hand_doc(TITLED)
    assert listed(doc[4], lambda t: True if t.i in (0, 2, 3, 4) else None) == []
