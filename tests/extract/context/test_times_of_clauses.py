"""Which time dates a fact when a sentence holds several (hand-built parses, no model): a third of a
month or year, the later of two joined clauses, and a threat made by saying it."""

from __future__ import annotations

import pytest
from handdoc import hand_doc

from kg.extract import extract_document
from kg.extract.context.dates import third_of
from kg.model import Document


def _facts(table, ents, res, date):
    doc = hand_doc(table, ents)
    result = extract_document(Document("t", doc.text, date=date), doc, res)
    names = {e.key: e.name for e in result.entities}
    return {(names[r.subject], r.predicate, names[r.object]): r.evidence for r in result.relations}


@pytest.mark.parametrize("span, third, expected", [
    (("2015-07-01", "2015-07-31"), 1, ("2015-07-01", "2015-07-10")),
    (("2015-07-01", "2015-07-31"), 2, ("2015-07-11", "2015-07-20")),
    (("2016-02-01", "2016-02-29"), 3, ("2016-02-21", "2016-02-29")),
    (("2015-01-01", "2015-12-31"), 3, ("2015-09-01", "2015-12-31")),
    (("2015-07-06", "2015-07-12"), 3, ("2015-07-06", "2015-07-12")),  # a week keeps its span
    (("2015-07-06", "2015-07-06"), 1, ("2015-07-06", "2015-07-06")),  # so does a day ("early Monday")
])
def test_a_third_of_a_month_or_a_year(span, third, expected):
    assert third_of(span, third) == expected


SEIZED_LATE = """
 0  Acme      1  nsubj     PROPN  _      NNP
 1  attacked  1  ROOT      VERB   attack VBD
 2  Zenith    1  dobj      PROPN  _      NNP
 3  late      5  amod      ADJ    _      JJ
 4  last      5  amod      ADJ    _      JJ
 5  month     1  npadvmod  NOUN   _      NN
 6  .         1  punct     PUNCT  _      .
"""


def test_late_last_month_is_its_last_third(res):
    """"attacked Y late last month" in an October report: September 21 to 30 (lexicon/time.toml
    period_thirds), not the whole month."""
    facts = _facts(SEIZED_LATE, (("Acme", "ORG"), ("Zenith", "GPE"), ("late last month", "DATE")), res, "2015-10-15")
    ev = facts[("Acme", "attacked", "Zenith")]
    assert (ev.event_start, ev.event_end) == ("2015-09-21", "2015-09-30")


# "Ana Lind was born in 1988 and came to Paris in 1995": the coming is the fact's clause; the first
# verb's year is not its date
BORN_AND_CAME = """
 0  Ana       1  compound  PROPN  _      NNP
 1  Lind      3  nsubjpass PROPN  _      NNP
 2  was       3  auxpass   AUX    _      VBD
 3  born      3  ROOT      VERB   bear   VBN
 4  in        3  prep      ADP    _      IN
 5  1988      4  pobj      NUM    _      CD
 6  and       3  cc        CCONJ  _      CC
 7  came      3  conj      VERB   come   VBD
 8  to        7  prep      ADP    _      IN
 9  Paris     8  pobj      PROPN  _      NNP
10  in        7  prep      ADP    _      IN
11  {year}   10  pobj      NUM    _      CD
12  .         3  punct     PUNCT  _      .
"""


@pytest.mark.parametrize("year, span", [("1995", ("1995-01-01", "1995-12-31")), ("2001", ("2001-01-01", "2001-12-31"))])
def test_the_later_of_two_joined_clauses_has_its_own_date(res, year, span):
    ents = (("Ana Lind", "PERSON"), ("1988", "DATE"), ("Paris", "GPE"), (year, "DATE"))
    facts = _facts(BORN_AND_CAME.format(year=f"{year:<5}"), ents, res, "2016-09-19")
    ev = facts[("Ana Lind", "visited", "Paris")]
    assert (ev.event_start, ev.event_end) == span


# "Acme announced on Wednesday that it would attack Zenith": the threat is made on Wednesday; the
# attack is not on a Wednesday to come
ANNOUNCED = """
 0  Acme       1  nsubj     PROPN  _       NNP
 1  announced  1  ROOT      VERB   announce VBD
 2  on         1  prep      ADP    _       IN
 3  Wednesday  2  pobj      PROPN  _       NNP
 4  that       7  mark      SCONJ  _       IN
 5  it         7  nsubj     PRON   _       PRP
 6  would      7  aux       AUX    _       MD
 7  attack     1  ccomp     VERB   attack  VB
 8  Zenith     7  dobj      PROPN  _       NNP
 9  .          1  punct     PUNCT  _       .
"""


def test_a_threat_made_by_saying_is_dated_by_the_saying(res):
    facts = _facts(ANNOUNCED, (("Acme", "ORG"), ("Wednesday", "DATE"), ("Zenith", "GPE")), res, "2014-12-06")
    threat = facts[("Acme", "threatened", "Zenith")]
    assert (threat.event_start, threat.event_end) == ("2014-12-03", "2014-12-03")
    harm = facts[("Acme", "attacked", "Zenith")]
    assert harm.modality == "hedged" and harm.event_start is None


def test_the_first_verbs_date_serves_a_joined_clause_without_one(res):
    """"Ana Lind was born in 1988 and came to Paris": no date of its own, so the first verb's is the
    joined clause's too (news writes "toured X on Thursday and met Y")."""
    table = BORN_AND_CAME.replace("10  in        7  prep      ADP    _      IN\n", "10  soon      7  advmod    ADV    _      RB\n")
    table = table.replace("11  {year}   10  pobj      NUM    _      CD\n", "11  after     7  advmod    ADV    _      RB\n")
    facts = _facts(table, (("Ana Lind", "PERSON"), ("1988", "DATE"), ("Paris", "GPE")), res, "2016-09-19")
    ev = facts[("Ana Lind", "visited", "Paris")]
    assert (ev.event_start, ev.event_end) == ("1988-01-01", "1988-12-31")


# "Acme met Zenith late Sunday after weeks of talks": the NER glues "late Sunday after weeks" into one
# DATE; the parse hangs "after weeks" on the verb, so the time is late Sunday
MET_LATE = """
 0  Ana       1  compound  PROPN  _      NNP
 1  Lind      2  nsubj     PROPN  _      NNP
 2  met       2  ROOT      VERB   meet   VBD
 3  Bo        4  compound  PROPN  _      NNP
 4  Berg      2  dobj      PROPN  _      NNP
 5  late      6  amod      ADJ    _      JJ
 6  Sunday    2  npadvmod  PROPN  _      NNP
 7  after     2  prep      ADP    _      IN
 8  weeks     7  pobj      NOUN   week   NNS
 9  of        8  prep      ADP    _      IN
10  talks     9  pobj      NOUN   talk   NNS
11  .         2  punct     PUNCT  _      .
"""


def test_a_date_entity_ends_where_the_parse_leaves_it(res):
    ents = (("Ana Lind", "PERSON"), ("Bo Berg", "PERSON"), ("late Sunday after weeks", "DATE"))
    facts = _facts(MET_LATE, ents, res, "2018-10-01")
    ev = facts[("Ana Lind", "metWith", "Bo Berg")]
    assert (ev.event_start, ev.event_end) == ("2018-09-30", "2018-09-30")


FLEW = """
 0  Ana        1  compound  PROPN  _      NNP
 1  Lind       2  nsubj     PROPN  _      NNP
 2  flew       2  ROOT      VERB   fly    VBD
 3  earlier    2  advmod    ADV    _      RBR
 4  in         2  prep      ADP    _      IN
 5  the        6  det       DET    _      DT
 6  day        4  pobj      NOUN   _      NN
 7  Wednesday  2  npadvmod  PROPN  _      NNP
 8  into       2  prep      ADP    _      IN
 9  Paris      8  pobj      PROPN  _      NNP
10  .          2  punct     PUNCT  _      .
"""


def test_a_named_day_wins_over_earlier_in_the_day(res):
    """"flew earlier in the day Wednesday into Paris" in a Thursday's report: the day is Wednesday;
    "earlier in the day" alone would be the report's day."""
    ents = (("Ana Lind", "PERSON"), ("earlier in the day", "TIME"), ("Wednesday", "DATE"), ("Paris", "GPE"))
    facts = _facts(FLEW, ents, res, "2016-09-01")
    ev = facts[("Ana Lind", "visited", "Paris")]
    assert (ev.event_start, ev.event_end) == ("2016-08-31", "2016-08-31")


FIRST_SINCE = """
 0  Ana       1  compound  PROPN  _      NNP
 1  Lind      2  nsubj     PROPN  _      NNP
 2  made      2  ROOT      VERB   make   VBD
 3  the       5  det       DET    _      DT
 4  first     5  amod      ADJ    _      JJ
 5  visit     2  dobj      NOUN   _      NN
 6  to        5  prep      ADP    _      IN
 7  Paris     6  pobj      PROPN  _      NNP
 8  since     2  prep      ADP    _      IN
 9  1999      8  pobj      NUM    _      CD
10  .         2  punct     PUNCT  _      .
"""


@pytest.mark.parametrize("ordinal, span", [(True, (None, None)), (False, ("1999-01-01", None))])
def test_a_date_an_ordinal_counts_from_is_no_time_of_the_fact(res, ordinal, span):
    """"the first visit to Paris since 1999": 1999 is the point the ordinal counts from, not when she
    visited; without the ordinal ("the visit ... since 1999") it is the start of the span, as before."""
    ents = (("Ana Lind", "PERSON"), ("Paris", "GPE"), ("1999", "DATE")) + ((("first", "ORDINAL"),) if ordinal else ())
    facts = _facts(FIRST_SINCE, ents, res, "2016-11-15")
    ev = facts[("Ana Lind", "visited", "Paris")]
    assert (ev.event_start, ev.event_end) == span
