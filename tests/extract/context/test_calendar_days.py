"""Times named by the calendar's holidays, by an event ("9/11"), by the days up to the report ("the
past two weeks") or by a month of a relative year ("August of last year"), on hand-built parses."""

from __future__ import annotations

from pathlib import Path

import pytest
from handdoc import hand_doc

from kg.errors import DataFileError
from kg.extract.context.dates import recent, resolve
from kg.extract.context.when import event_span
from kg.resources import load_time_words

VISIT = """
 0  Ana        1  compound  PROPN  _      NNP
 1  Lind       2  nsubj     PROPN  _      NNP
 2  visited    2  ROOT      VERB   visit  VBD
 3  Riverton   2  dobj      PROPN  _      NNP
 4  late       2  advmod    ADV    _      RB
 5  on         2  prep      ADP    _      IN
 6  Christmas  7  compound  PROPN  _      NNP
 7  night      5  pobj      NOUN   _      NN
 8  .          2  punct     PUNCT  _      .
"""

ATTACK = """
 0  Acme       1  nsubj     PROPN  _       NNP
 1  attacked   1  ROOT      VERB   attack  VBD
 2  Zenith     1  dobj      PROPN  _       NNP
 3  on         1  prep      ADP    _       IN
 4  9/11       3  pobj      NUM    _       CD
 5  .          1  punct     PUNCT  _       .
"""

# "Over the past two weeks, Bo Berg threatened Ruritania": a plural length that ends at the report
THREAT = """
 0  Over        7  prep      ADP    _         IN
 1  the         4  det       DET    _         DT
 2  past        4  amod      ADJ    _         JJ
 3  two         4  nummod    NUM    _         CD
 4  weeks       0  pobj      NOUN   week      NNS
 5  ,           7  punct     PUNCT  _         ,
 6  Berg        7  nsubj     PROPN  _         NNP
 7  threatened  7  ROOT      VERB   threaten  VBD
 8  Ruritania   7  dobj      PROPN  _         NNP
 9  .           7  punct     PUNCT  _         .
"""

# "Lind was elected in January": the participle is the auxiliary's complement, the date its own
ELECTED = """
 0  Lind     1  nsubjpass  PROPN  _      NNP
 1  was      1  ROOT       AUX    be     VBD
 2  elected  1  acomp      VERB   elect  VBN
 3  in       2  prep       ADP    _      IN
 4  January  3  pobj       PROPN  _      NNP
 5  .        1  punct      PUNCT  _      .
"""


def test_a_holiday_is_its_latest_day_up_to_the_report(res):
    doc = hand_doc(VISIT, (("Ana Lind", "PERSON"), ("Riverton", "GPE"), ("Christmas night", "DATE")))
    args = [doc[1], doc[3]]
    assert event_span(res.time, doc[:], args, "2018-12-26", False) == ("2018-12-25", "2018-12-25")
    assert event_span(res.time, doc[:], args, "2018-12-20", False) == ("2017-12-25", "2017-12-25")
    assert event_span(res.time, doc[:], args, None, False) is None


def test_a_day_named_by_its_event(res):
    for label in ("DATE", "CARDINAL"):  # the NER often calls "9/11" a number
        doc = hand_doc(ATTACK, (("Acme", "ORG"), ("Zenith", "ORG"), ("9/11", label)))
        assert event_span(res.time, doc[:], [doc[0], doc[2]], "2014-09-09", False) == ("2001-09-11", "2001-09-11")


def test_the_past_weeks_end_at_the_report(res):
    doc = hand_doc(THREAT, (("the past two weeks", "DATE"), ("Berg", "PERSON"), ("Ruritania", "GPE")))
    assert event_span(res.time, doc[:], [doc[6], doc[8]], "2013-04-26", False) == ("2013-04-12", "2013-04-26")


def test_a_date_on_the_participle_after_was(res):
    doc = hand_doc(ELECTED, (("Lind", "PERSON"), ("January", "DATE")))
    assert event_span(res.time, doc[:], [doc[0]], "2013-03-20", False) == ("2013-01-01", "2013-01-31")


@pytest.mark.parametrize("text, base, expected", [
    ("August of last year", "2016-03-26", ("2015-08-01", "2015-08-31")),
    ("March of this year", "2016-09-20", ("2016-03-01", "2016-03-31")),
    ("January of next year", "2016-09-20", ("2017-01-01", "2017-01-31")),
    ("August of last year", None, None),
    ("the past month", "2013-04-26", ("2013-03-26", "2013-04-26")),
    ("the past year", "2016-08-21", ("2015-08-21", "2016-08-21")),
    ("the last three days", "2016-09-20", ("2016-09-17", "2016-09-20")),
    ("the past 72 hours", "2014-10-08", ("2014-10-05", "2014-10-08")),
    ("the past month", None, None),
])
def test_relative_years_and_recent_days(text, base, expected):
    assert resolve(text, base) == expected


def test_recent_is_only_the_days_up_to_the_report():
    assert recent("last month", "2016-09-20") is None  # the calendar month before: dateparser's
    assert recent("the past month", "2016-03-31") == ("2016-02-29", "2016-03-31")


def test_a_holiday_without_its_day_is_a_clear_load_error(tmp_path: Path):
    real = Path(__file__).resolve().parents[3] / "ontologies" / "lexicon" / "time.toml"
    broken = tmp_path / "time.toml"
    broken.write_text(real.read_text(encoding="utf-8").replace('"halloween|10-31"', '"halloween"'), encoding="utf-8")
    with pytest.raises(DataFileError, match="fixed_days entry 'halloween'"):
        load_time_words(broken)
