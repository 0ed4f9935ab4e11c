"""``administration_heads``: a lone surname before a government noun gets the head's title from the
office-holder table, so that corpus resolution can join it to the head's full name (hand-built parses)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from handdoc import hand_doc

from kg.extract import extract_document
from kg.model import Document
from kg.resources.offices import offices_from_rows

# "The Lind administration flagged Acme." (en_core_web_sm 3.8's parse)
LIND_ADMINISTRATION = """
     0  The             2  det        DET    the             DT
     1  Lind            2  compound   PROPN  _               NNP
     2  administration  3  nsubj      NOUN   _               NN
     3  flagged         3  ROOT       VERB   flag            VBD
     4  Acme            3  dobj       PROPN  _               NNP
     5  .               3  punct      PUNCT  _               .
    """
# "The Lind plan flagged Acme." (no government noun)
LIND_PLAN = LIND_ADMINISTRATION.replace("administration", "plan          ")
TERMS = ({"name": "Ana Lind", "surname": "Lind", "country": "country/fra", "titles": ["president", "pres"],
          "start": "2001-05-01", "end": "2006-05-01"},
         {"name": "Bo Lind", "surname": "Lind", "country": "country/fra", "titles": ["prime minister", "pm"],
          "start": "2011-05-01", "end": None})


def _titles(res, parse: str, date: str | None, terms=TERMS) -> set[str]:
    doc = hand_doc(parse, (("Lind", "PERSON"), ("Acme", "ORG")))
    countries = frozenset(k for k, e in res.gazetteer.entries.items() if e.cls == "Country")
    res = replace(res, offices=offices_from_rows([(str(i), t) for i, t in enumerate(terms)], countries))
    result = extract_document(Document("t", doc.text, date=date), doc, res)
    return {t for e in result.entities if e.name == "Lind" for t in e.job_titles}


@pytest.mark.parametrize(("date", "terms", "titles"), [
    ("2008-01-01", TERMS, {"President"}),  # only Ana Lind had begun: her (longest) title
    ("2012-01-01", TERMS, {"Prime Minister"}),  # both had: the one in office
    (None, TERMS[:1], {"President"}),  # no date: the only head with the surname ever
    (None, TERMS, set()),  # no date, two heads: no one
    ("1999-01-01", TERMS, set()),  # before any term
])
def test_a_government_noun_gives_the_head_its_title(res, date, terms, titles):
    assert _titles(res, LIND_ADMINISTRATION, date, terms) == titles


def test_no_government_noun_no_title(res):
    assert _titles(res, LIND_PLAN, "2008-01-01") == set()
