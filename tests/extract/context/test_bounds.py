"""Validity bounds of posts (kg:validFrom / kg:validUntil) on hand-built parses: one case per
bound construction of ``lexicon/time.toml`` (docs/time.md), and the status they imply."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from handdoc import hand_doc

from kg.extract import extract_document
from kg.model import Document

PEOPLE = (("Ana Lind", "PERSON"), ("Acme", "ORG"))


class BoundCase(NamedTuple):
    id: str
    words: str  # the list of lexicon/time.toml the case reads ("" for a case that reads none)
    text: str
    parse: str
    date: str  # the DATE entity's words
    report: str | None  # the report date
    want: tuple  # (valid_from, valid_until, role_status) of Ana Lind leaderOf Acme


# Columns of a parse:  i  word  head  dep  pos  lemma ("_": the word)  tag  (en_core_web_sm 3.8)
CASES = [
    BoundCase("since", "since_preps", "Ana Lind, chairman of Acme since 2013, spoke.", """
         0  Ana       1  compound  PROPN  _      NNP
         1  Lind      9  nsubj     PROPN  _      NNP
         2  ,         1  punct     PUNCT  _      ,
         3  chairman  1  appos     NOUN   _      NN
         4  of        3  prep      ADP    _      IN
         5  Acme      4  pobj      PROPN  _      NNP
         6  since     3  prep      ADP    _      IN
         7  2013      6  pobj      NUM    _      CD
         8  ,         1  punct     PUNCT  _      ,
         9  spoke     9  ROOT      VERB   speak  VBD
        10  .         9  punct     PUNCT  _      .
        """, "2013", "2016-09-20", ("2013-01-01", None, "current")),
    # a relative date needs the report date: "since March" in a September report
    BoundCase("since-relative", "since_preps", "Ana Lind has headed Acme since March.", """
         0  Ana       1  compound  PROPN  _      NNP
         1  Lind      3  nsubj     PROPN  _      NNP
         2  has       3  aux       AUX    have   VBZ
         3  headed    3  ROOT      VERB   head   VBN
         4  Acme      3  dobj      PROPN  _      NNP
         5  since     3  prep      ADP    _      IN
         6  March     5  pobj      PROPN  _      NNP
         7  .         3  punct     PUNCT  _      .
        """, "March", "2016-09-20", ("2016-03-01", None, "current")),
    BoundCase("since-undated", "", "Ana Lind has headed Acme since March.", """
         0  Ana       1  compound  PROPN  _      NNP
         1  Lind      3  nsubj     PROPN  _      NNP
         2  has       3  aux       AUX    have   VBZ
         3  headed    3  ROOT      VERB   head   VBN
         4  Acme      3  dobj      PROPN  _      NNP
         5  since     3  prep      ADP    _      IN
         6  March     5  pobj      PROPN  _      NNP
         7  .         3  punct     PUNCT  _      .
        """, "March", None, (None, None, "current")),
    # "until" a year before the report: the post is over, whatever the title says
    BoundCase("until-past", "until_preps", "Ana Lind, chairman of Acme until 2003, spoke.", """
         0  Ana       1  compound  PROPN  _      NNP
         1  Lind      9  nsubj     PROPN  _      NNP
         2  ,         1  punct     PUNCT  _      ,
         3  chairman  1  appos     NOUN   _      NN
         4  of        3  prep      ADP    _      IN
         5  Acme      4  pobj      PROPN  _      NNP
         6  until     3  prep      ADP    _      IN
         7  2003      6  pobj      NUM    _      CD
         8  ,         1  punct     PUNCT  _      ,
         9  spoke     9  ROOT      VERB   speak  VBD
        10  .         9  punct     PUNCT  _      .
        """, "2003", "2016-09-20", (None, "2003-12-31", "former")),
    BoundCase("until-ahead", "until_preps", "Ana Lind, chairman of Acme until 2020, spoke.", """
         0  Ana       1  compound  PROPN  _      NNP
         1  Lind      9  nsubj     PROPN  _      NNP
         2  ,         1  punct     PUNCT  _      ,
         3  chairman  1  appos     NOUN   _      NN
         4  of        3  prep      ADP    _      IN
         5  Acme      4  pobj      PROPN  _      NNP
         6  until     3  prep      ADP    _      IN
         7  2020      6  pobj      NUM    _      CD
         8  ,         1  punct     PUNCT  _      ,
         9  spoke     9  ROOT      VERB   speak  VBD
        10  .         9  punct     PUNCT  _      .
        """, "2020", "2016-09-20", (None, "2020-12-31", "current")),
    # one DATE entity "1997 to 2007" after the opener
    BoundCase("from-to", "range_openers", "Ana Lind led Acme from 1997 to 2007.", """
         0  Ana       1  compound  PROPN  _      NNP
         1  Lind      2  nsubj     PROPN  _      NNP
         2  led       2  ROOT      VERB   lead   VBD
         3  Acme      2  dobj      PROPN  _      NNP
         4  from      2  prep      ADP    _      IN
         5  1997      4  pobj      NUM    _      CD
         6  to        2  prep      ADP    _      IN
         7  2007      6  pobj      NUM    _      CD
         8  .         2  punct     PUNCT  _      .
        """, "1997 to 2007", "2016-09-20", ("1997-01-01", "2007-12-31", "former")),
    # only the first date is a DATE entity: the second is read after the link word
    BoundCase("from-to-split", "range_links", "Ana Lind, chairman of Acme from 2001 to 2005, spoke.", """
         0  Ana       1  compound  PROPN  _      NNP
         1  Lind     11  nsubj     PROPN  _      NNP
         2  ,         1  punct     PUNCT  _      ,
         3  chairman  1  appos     NOUN   _      NN
         4  of        3  prep      ADP    _      IN
         5  Acme      4  pobj      PROPN  _      NNP
         6  from      3  prep      ADP    _      IN
         7  2001      6  pobj      NUM    _      CD
         8  to        6  prep      ADP    _      IN
         9  2005      8  pobj      NUM    _      CD
        10  ,         1  punct     PUNCT  _      ,
        11  spoke    11  ROOT      VERB   speak  VBD
        12  .        11  punct     PUNCT  _      .
        """, "2001", "2016-09-20", ("2001-01-01", "2005-12-31", "former")),
    # the opener inside the DATE entity
    BoundCase("between-and", "range_openers", "Ana Lind, chairman of Acme between 2009 and 2012, spoke.", """
         0  Ana       1  compound  PROPN  _      NNP
         1  Lind     11  nsubj     PROPN  _      NNP
         2  ,         1  punct     PUNCT  _      ,
         3  chairman  1  appos     NOUN   _      NN
         4  of        3  prep      ADP    _      IN
         5  Acme      4  pobj      PROPN  _      NNP
         6  between   3  prep      ADP    _      IN
         7  2009      6  pobj      NUM    _      CD
         8  and       7  cc        CCONJ  _      CC
         9  2012      7  conj      NUM    _      CD
        10  ,         1  punct     PUNCT  _      ,
        11  spoke    11  ROOT      VERB   speak  VBD
        12  .        11  punct     PUNCT  _      .
        """, "between 2009 and 2012", "2016-09-20", ("2009-01-01", "2012-12-31", "former")),
    BoundCase("brackets", "range_brackets", "Ana Lind, the former chairman of Acme (1994-2001), spoke.", """
         0  Ana       1  compound  PROPN  _      NNP
         1  Lind     14  nsubj     PROPN  _      NNP
         2  ,         1  punct     PUNCT  _      ,
         3  the       5  det       DET    _      DT
         4  former    5  amod      ADJ    _      JJ
         5  chairman  1  appos     NOUN   _      NN
         6  of        5  prep      ADP    _      IN
         7  Acme      6  pobj      PROPN  _      NNP
         8  (         7  punct     PUNCT  _      -LRB-
         9  1994      7  npadvmod  NUM    _      CD
        10  -        11  punct     SYM    _      SYM
        11  2001      9  prep      NUM    _      CD
        12  )         1  punct     PUNCT  _      -RRB-
        13  ,         1  punct     PUNCT  _      ,
        14  spoke    14  ROOT      VERB   speak  VBD
        15  .        14  punct     PUNCT  _      .
        """, "1994 - 2001", "2016-09-20", ("1994-01-01", "2001-12-31", "former")),
    # one year in brackets is no range
    BoundCase("brackets-one-year", "", "Ana Lind, chairman of Acme (2003), spoke.", """
         0  Ana       1  compound  PROPN  _      NNP
         1  Lind     10  nsubj     PROPN  _      NNP
         2  ,         1  punct     PUNCT  _      ,
         3  chairman  1  appos     NOUN   _      NN
         4  of        3  prep      ADP    _      IN
         5  Acme      4  pobj      PROPN  _      NNP
         6  (         5  punct     PUNCT  _      -LRB-
         7  2003      5  appos     NUM    _      CD
         8  )         5  punct     PUNCT  _      -RRB-
         9  ,         1  punct     PUNCT  _      ,
        10  spoke    10  ROOT      VERB   speak  VBD
        11  .        10  punct     PUNCT  _      .
        """, "2003", "2016-09-20", (None, None, "current")),
    # the date bounds another clause: living somewhere since 2003 is no bound of the post
    BoundCase("other-clause", "", "Ana Lind, chairman of Acme, has lived in Oslo since 2003.", """
         0  Ana       1  compound  PROPN  _      NNP
         1  Lind     9  nsubj     PROPN  _      NNP
         2  ,         1  punct     PUNCT  _      ,
         3  chairman  1  appos     NOUN   _      NN
         4  of        3  prep      ADP    _      IN
         5  Acme      4  pobj      PROPN  _      NNP
         6  ,         1  punct     PUNCT  _      ,
         7  has       8  aux       AUX    have   VBZ
         8  lived     8  ROOT      VERB   live   VBN
         9  in        8  prep      ADP    _      IN
        10  Oslo      9  pobj      PROPN  _      NNP
        11  since     8  prep      ADP    _      IN
        12  2003     11  pobj      NUM    _      CD
        13  .         8  punct     PUNCT  _      .
        """, "2003", "2016-09-20", (None, None, "current")),
]


def _lind_leads_acme(case: BoundCase, res):
    doc = hand_doc(case.parse, (*PEOPLE, (case.date, "DATE")))
    assert doc.text == case.text
    result = extract_document(Document("t", doc.text, date=case.report), doc, res)
    names = {e.key: e.name for e in result.entities}
    facts = {(names[r.subject], r.predicate, names[r.object]): r.evidence for r in result.relations}
    return facts[("Ana Lind", "leaderOf", "Acme")]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_validity_bounds(case: BoundCase, res):
    ev = _lind_leads_acme(case, res)
    assert (ev.valid_from, ev.valid_until, ev.role_status) == case.want


def test_every_bound_word_list_has_a_case(res):
    """Each list of bound words in lexicon/time.toml is read by some case: a new construction
    needs a case here."""
    lists = {"since_preps", "until_preps", "range_openers", "range_links", "range_brackets"}
    assert all(getattr(res.time, name) for name in lists)
    assert lists <= {c.words for c in CASES}


def test_bounds_are_exported_as_dates_and_kept_in_store_records(res):
    from rdflib import XSD, Literal

    from kg.export.rdf import to_rdf
    from kg.model import KnowledgeGraph
    from kg.store.entities import decode_result, encode_result
    from kg.vocab import KG

    case = next(c for c in CASES if c.id == "from-to")
    doc = hand_doc(case.parse, (*PEOPLE, (case.date, "DATE")))
    result = extract_document(Document("t", doc.text, date=case.report), doc, res)
    back = decode_result(encode_result(result))
    assert [(r.evidence.valid_from, r.evidence.valid_until) for r in back.relations] == \
        [(r.evidence.valid_from, r.evidence.valid_until) for r in result.relations]
    g = KnowledgeGraph(symmetric=res.ontology.symmetric)
    g.add(result)
    rdf = to_rdf(g, resources=res)
    assert set(rdf.objects(None, KG.validFrom)) == {Literal("1997-01-01", datatype=XSD.date)}
    assert set(rdf.objects(None, KG.validUntil)) == {Literal("2007-12-31", datatype=XSD.date)}


def _tokens(doc, *words):
    return [t for t in doc if t.text in words]


def test_a_date_the_fact_runs_through_bounds_nothing(res):
    """"in turmoil since 2006, when X was ousted": the fact's path from X to the country runs
    through the date (the relative clause hangs on it): the date is when, not a bound."""
    from kg.extract.context.bounds import validity_bounds

    doc = hand_doc("""
         0  Ruritania  2  nsubj      PROPN  _      NNP
         1  has        2  aux        AUX    have   VBZ
         2  been       2  ROOT       AUX    be     VBN
         3  in         2  prep       ADP    _      IN
         4  turmoil    3  pobj       NOUN   _      NN
         5  since      2  prep       ADP    _      IN
         6  2006       5  pobj       NUM    _      CD
         7  ,          6  punct      PUNCT  _      ,
         8  when      12  advmod     SCONJ  _      WRB
         9  Ana       10  compound   PROPN  _      NNP
        10  Lind      12  nsubjpass  PROPN  _      NNP
        11  was       12  auxpass    AUX    be     VBD
        12  ousted     6  relcl      VERB   oust   VBN
        13  .          2  punct      PUNCT  _      .
        """, (("Ruritania", "GPE"), ("2006", "DATE"), ("Ana Lind", "PERSON")))
    sent = doc[:]
    assert validity_bounds(res.time, sent, _tokens(doc, "Ana", "Lind"), _tokens(doc, "Ruritania"),
                           "2016-09-20") is None


def test_a_party_before_a_title_is_not_bounded_by_the_title_dates(res):
    """"a Zenith senator from 1997 to 2009": the seat's dates; the membership the modifier gives
    (a property of unbounded_modifier_properties) gets none, a post of the title does."""
    from kg.extract.context.bounds import Bounds, validity_bounds

    doc = hand_doc("""
         0  Ana       1  compound  PROPN  _      NNP
         1  Lind     11  nsubj     PROPN  _      NNP
         2  ,         1  punct     PUNCT  _      ,
         3  a         5  det       DET    _      DT
         4  Zenith    5  compound  PROPN  _      NNP
         5  senator   1  appos     NOUN   _      NN
         6  from      5  prep      ADP    _      IN
         7  1997      6  pobj      NUM    _      CD
         8  to        6  prep      ADP    _      IN
         9  2009      8  pobj      NUM    _      CD
        10  ,         1  punct     PUNCT  _      ,
        11  spoke    11  ROOT      VERB   speak  VBD
        12  .        11  punct     PUNCT  _      .
        """, (("Ana Lind", "PERSON"), ("Zenith", "NORP"), ("1997 to 2009", "DATE")))
    args = (res.time, doc[:], _tokens(doc, "Ana", "Lind"), _tokens(doc, "Zenith"), "2016-09-20")
    assert validity_bounds(*args) == Bounds("1997-01-01", "2009-12-31")
    assert validity_bounds(*args, title_modifier_only=True) is None
    assert "memberof" in res.time.unbounded_modifier_properties


def test_unbounded_modifier_properties_are_post_properties(res):
    """A misspelt property in the list would silently bound nothing less: each is a post property."""
    posts = {p.lower() for p in res.ontology.posts}
    assert res.time.unbounded_modifier_properties <= posts
