"""Times that name the report's own day ("earlier in the day"), the night before it ("overnight"),
and two days joined by "and" ("on Thursday and Friday"), on hand-built parses."""

from __future__ import annotations

from handdoc import hand_doc

from kg.extract.context.when import event_span

EARLIER_IN_THE_DAY = """
 0  Lind      1  nsubj     PROPN  _      NNP
 1  met       1  ROOT      VERB   meet   VBD
 2  Berg      1  dobj      PROPN  _      NNP
 3  earlier   1  advmod    ADV    _      RBR
 4  in        3  prep      ADP    _      IN
 5  the       6  det       DET    _      DT
 6  day       4  pobj      NOUN   _      NN
 7  .         1  punct     PUNCT  _      .
"""

OVERNIGHT = """
 0  Lind       1  nsubj     PROPN  _      NNP
 1  spoke      1  ROOT      VERB   speak  VBD
 2  with       1  prep      ADP    _      IN
 3  Berg       2  pobj      PROPN  _      NNP
 4  overnight  1  advmod    ADV    _      RB
 5  .          1  punct     PUNCT  _      .
"""

TWO_DAYS = """
 0  Ruritania  1  nsubj     PROPN  _       NNP
 1  struck     1  ROOT      VERB   strike  VBD
 2  Borduria   1  dobj      PROPN  _       NNP
 3  on         1  prep      ADP    _       IN
 4  Thursday   3  pobj      PROPN  _       NNP
 5  and        4  cc        CCONJ  _       CC
 6  Friday     4  conj      PROPN  _       NNP
 7  .          1  punct     PUNCT  _       .
"""


def test_earlier_in_the_day_is_the_reports_day(res):
    doc = hand_doc(EARLIER_IN_THE_DAY, (("Lind", "PERSON"), ("Berg", "PERSON"), ("earlier in the day", "TIME")))
    assert event_span(res.time, doc[:], [doc[0], doc[2]], "2012-11-18", False) == ("2012-11-18", "2012-11-18")


def test_overnight_is_the_reports_day_and_the_one_before(res):
    doc = hand_doc(OVERNIGHT, (("Lind", "PERSON"), ("Berg", "PERSON"), ("overnight", "TIME")))
    assert event_span(res.time, doc[:], [doc[0], doc[3]], "2014-02-19", False) == ("2014-02-18", "2014-02-19")


def test_two_days_joined_by_and_are_one_span(res):
    doc = hand_doc(TWO_DAYS, (("Ruritania", "GPE"), ("Borduria", "GPE"), ("Thursday", "DATE"), ("Friday", "DATE")))
    assert event_span(res.time, doc[:], [doc[0], doc[2]], "2015-08-21", False) == ("2015-08-20", "2015-08-21")
