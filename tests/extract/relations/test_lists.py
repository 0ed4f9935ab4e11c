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
