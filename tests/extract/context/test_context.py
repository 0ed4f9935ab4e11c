"""Role status, event time, speaker and document date on hand-built parses (no model)."""

from __future__ import annotations

import pytest
from handdoc import hand_doc

from kg.extract import extract_document
from kg.extract.context.when import document_date, event_span, fact_tokens
from kg.model import Document

MET = """
 0  Ana       1  compound  PROPN  _      NNP
 1  Lind      2  nsubj     PROPN  _      NNP
 2  met       2  ROOT      VERB   meet   VBD
 3  Bo        4  compound  PROPN  _      NNP
 4  Berg      2  dobj      PROPN  _      NNP
 5  on        2  prep      ADP    _      IN
 6  Tuesday   5  pobj      PROPN  _      NNP
 7  .         2  punct     PUNCT  _      .
"""
MET_ENTS = (("Ana Lind", "PERSON"), ("Bo Berg", "PERSON"), ("Tuesday", "DATE"))

REPORTED = """
 0  Acme       1  nsubj     PROPN  _       NNP
 1  attacked   1  ROOT      VERB   attack  VBD
 2  Zenith     1  dobj      PROPN  _       NNP
 3  ,          1  punct     PUNCT  _       ,
 4  Ana        5  compound  PROPN  _       NNP
 5  Lind       6  nsubj     PROPN  _       NNP
 6  said       1  parataxis VERB   say     VBD
 7  .          1  punct     PUNCT  _       .
"""
REPORTED_ENTS = (("Acme", "ORG"), ("Zenith", "ORG"), ("Ana Lind", "PERSON"))


def _facts(table, ents, res, date=None):
    doc = hand_doc(table, ents)
    result = extract_document(Document("t", doc.text, date=date), doc, res)
    names = {e.key: e.name for e in result.entities}
    return result, {(names[r.subject], r.predicate, names[r.object]): r.evidence for r in result.relations}


def test_event_time_resolved_against_the_document_date(res):
    result, facts = _facts(MET, MET_ENTS, res, date="2016-09-20")
    ev = facts[("Ana Lind", "metWith", "Bo Berg")]
    assert (ev.event_start, ev.event_end) == ("2016-09-20", "2016-09-20")
    assert result.document.date == "2016-09-20"


MET_EARLIER = """
 0  Ana       1  compound  PROPN  _        NNP
 1  Lind      2  nsubj     PROPN  _        NNP
 2  met       2  ROOT      VERB   meet     VBD
 3  Bo        4  compound  PROPN  _        NNP
 4  Berg      2  dobj      PROPN  _        NNP
 5  earlier   7  advmod    ADV    _        RBR
 6  this      7  det       DET    _        DT
 7  week      2  npadvmod  NOUN   _        NN
 8  .         2  punct     PUNCT  _        .
"""


def test_earlier_this_week_ends_at_the_report(res):
    """"met earlier this week" in a Wednesday's report: Monday to that Wednesday, not the whole week."""
    _, facts = _facts(MET_EARLIER, (("Ana Lind", "PERSON"), ("Bo Berg", "PERSON"), ("this week", "DATE")), res,
                      date="2013-04-03")
    ev = facts[("Ana Lind", "metWith", "Bo Berg")]
    assert (ev.event_start, ev.event_end) == ("2013-04-01", "2013-04-03")


MET_IN = """
 0  Ana       1  compound  PROPN  _      NNP
 1  Lind      2  nsubj     PROPN  _      NNP
 2  met       2  ROOT      VERB   meet   VBD
 3  Bo        4  compound  PROPN  _      NNP
 4  Berg      2  dobj      PROPN  _      NNP
 5  in        2  prep      ADP    _      IN
 6  {w}       5  pobj      {pos}  _      {tag}
 7  .         2  punct     PUNCT  _      .
"""


@pytest.mark.parametrize("word, pos, tag, span", [
    ("mid-2015", "PROPN", "NNP", ("2015-05-01", "2015-08-31")),  # a third of the year, joined by a hyphen
    ("1950s", "NOUN", "NNS", ("1950-01-01", "1959-12-31")),  # a decade is a time, though plural
])
def test_a_year_with_mid_and_a_decade_date_the_fact(res, word, pos, tag, span):
    table = MET_IN.format(w=f"{word:<8}", pos=f"{pos:<6}", tag=tag)
    _, facts = _facts(table, (("Ana Lind", "PERSON"), ("Bo Berg", "PERSON"), (word, "DATE")), res, date="2016-12-27")
    ev = facts[("Ana Lind", "metWith", "Bo Berg")]
    assert (ev.event_start, ev.event_end) == span


@pytest.mark.parametrize("expr, span", [
    ("two days later", (None, None)),  # counted from an event of the story, not from the report
    ("the next day", (None, None)),
    ("one day", (None, None)),  # no day of the calendar (dateparser: the day before the report)
    ("a year ago", ("2015-12-01", "2015-12-31")),  # counted back from the report: a date (its month, as the gold guideline says)
    ("next week", ("2017-01-02", "2017-01-08")),
])
def test_times_counted_from_the_story_date_no_fact(res, expr, span):
    words = expr.split()
    rows = "\n".join(f" {5 + i}  {w:<8}  2  npadvmod  NOUN   _      NN" for i, w in enumerate(words))
    table = MET.split(" 5  on")[0] + rows + f"\n {5 + len(words)}  .         2  punct     PUNCT  _      .\n"
    _, facts = _facts(table, (("Ana Lind", "PERSON"), ("Bo Berg", "PERSON"), (expr, "DATE")), res, date="2016-12-27")
    ev = facts[("Ana Lind", "metWith", "Bo Berg")]
    assert (ev.event_start, ev.event_end) == span


def test_relative_time_without_a_document_date_gives_none(res):
    _, facts = _facts(MET, MET_ENTS, res)
    ev = facts[("Ana Lind", "metWith", "Bo Berg")]
    assert (ev.event_start, ev.event_end) == (None, None)


def test_document_date_field_is_normalised(res):
    result, _ = _facts(MET, MET_ENTS, res, date="Tue, 20 Sep 2016 10:00:00 GMT")
    assert result.document.date == "2016-09-20"


def test_unparseable_date_stays_as_given_with_a_warning(res, caplog):
    result, _ = _facts(MET, MET_ENTS, res, date="sometime soon")
    assert result.document.date == "sometime soon"
    assert any("sometime soon" in r.getMessage() for r in caplog.records)


def test_reported_fact_is_attributed_to_the_speaker(res):
    _, facts = _facts(REPORTED, REPORTED_ENTS, res)
    ev = facts[("Acme", "attacked", "Zenith")]
    assert ev.attributed_to == "person/ana-lind"


def test_a_fact_an_outlet_reported_is_attributed_to_the_outlet(res):
    """"Acme attacked Zenith, the Riverton Herald reported": the outlet is the speaker."""
    table = REPORTED.replace(" 4  Ana        5  compound  PROPN  _       NNP\n", " 4  Herald     5  compound  PROPN  _       NNP\n") \
        .replace(" 5  Lind       6  nsubj     PROPN  _       NNP\n", " 5  Times      6  nsubj     PROPN  _       NNP\n") \
        .replace(" 6  said       1  parataxis VERB   say     VBD", " 6  reported   1  parataxis VERB   report  VBD")
    _, facts = _facts(table, (("Acme", "ORG"), ("Zenith", "ORG"), ("Herald Times", "ORG")), res)
    ev = facts[("Acme", "attacked", "Zenith")]
    assert ev.attributed_to is not None and ev.attributed_to.endswith("herald-times")


def test_a_participle_of_saying_reports_for_the_subject_of_its_verb(res):
    """"Ana Lind spoke, saying Acme attacked Zenith": the participle's speaker is the subject of "spoke"."""
    table = """
 0  Ana        1  compound  PROPN  _       NNP
 1  Lind       2  nsubj     PROPN  _       NNP
 2  spoke      2  ROOT      VERB   speak   VBD
 3  ,          2  punct     PUNCT  _       ,
 4  saying     2  advcl     VERB   say     VBG
 5  Acme       6  nsubj     PROPN  _       NNP
 6  attacked   4  ccomp     VERB   attack  VBD
 7  Zenith     6  dobj      PROPN  _       NNP
 8  .          2  punct     PUNCT  _       .
"""
    _, facts = _facts(table, REPORTED_ENTS, res)
    assert facts[("Acme", "attacked", "Zenith")].attributed_to == "person/ana-lind"


def test_a_reporting_clause_inside_the_sentence_reports_it(res):
    """"Acme, Ana Lind said, attacked Zenith": the parenthetical saying reports the clause around it."""
    table = """
 0  Acme       6  nsubj     PROPN  _       NNP
 1  ,          4  punct     PUNCT  _       ,
 2  Ana        3  compound  PROPN  _       NNP
 3  Lind       4  nsubj     PROPN  _       NNP
 4  said       6  parataxis VERB   say     VBD
 5  ,          4  punct     PUNCT  _       ,
 6  attacked   6  ROOT      VERB   attack  VBD
 7  Zenith     6  dobj      PROPN  _       NNP
 8  .          6  punct     PUNCT  _       .
"""
    _, facts = _facts(table, REPORTED_ENTS, res)
    assert facts[("Acme", "attacked", "Zenith")].attributed_to == "person/ana-lind"


def test_narrated_fact_has_no_speaker(res):
    _, facts = _facts(MET, MET_ENTS, res)
    assert facts[("Ana Lind", "metWith", "Bo Berg")].attributed_to is None


UNNAMED = """
 0  Acme       1  nsubj     PROPN  _       NNP
 1  attacked   1  ROOT      VERB   attack  VBD
 2  Zenith     1  dobj      PROPN  _       NNP
 3  ,          1  punct     PUNCT  _       ,
 4  senior     5  amod      ADJ    _       JJ
 5  officials  6  nsubj     NOUN   official NNS
 6  said       1  parataxis VERB   say     VBD
 7  .          1  punct     PUNCT  _       .
"""


def test_a_fact_said_by_an_unnamed_source_keeps_its_words(res):
    _, facts = _facts(UNNAMED, (("Acme", "ORG"), ("Zenith", "ORG")), res)
    ev = facts[("Acme", "attacked", "Zenith")]
    assert (ev.attributed_to, ev.unnamed_source) == (None, "senior officials")


def test_officials_of_a_named_body_are_an_unnamed_source(res):
    """"Acme attacked Zenith, Tarnhawk officials said": unnamed officials of a named body."""
    table = UNNAMED.replace(" 4  senior     5  amod      ADJ    _       JJ", " 4  Tarnhawk   5  compound  PROPN  _       NNP")
    _, facts = _facts(table, (("Acme", "ORG"), ("Zenith", "ORG"), ("Tarnhawk", "ORG")), res)
    ev = facts[("Acme", "attacked", "Zenith")]
    assert (ev.attributed_to, ev.unnamed_source) == (None, "Tarnhawk officials")


OWN_REPORT = """
 0  Ana       1  compound  PROPN  _      NNP
 1  Lind      2  nsubj     PROPN  _      NNP
 2  said      2  ROOT      VERB   say    VBD
 3  she       4  nsubj     PRON   _      PRP
 4  met       2  ccomp     VERB   meet   VBD
 5  Bo        6  compound  PROPN  _      NNP
 6  Berg      4  dobj      PROPN  _      NNP
 7  .         2  punct     PUNCT  _      .
"""


def test_a_speakers_report_of_her_own_act_is_attributed_to_her(res):
    """"Ana Lind said she met Bo Berg": the meeting is Lind's report (the guideline's settled case)."""
    _, facts = _facts(OWN_REPORT, (("Ana Lind", "PERSON"), ("Bo Berg", "PERSON")), res)
    assert facts[("Ana Lind", "metWith", "Bo Berg")].attributed_to == "person/ana-lind"


QUOTED = """
 0  “         2  punct     PUNCT  _       ``
 1  Acme      2  nsubj     PROPN  _       NNP
 2  attacked  2  ROOT      VERB   attack  VBD
 3  Zenith    2  dobj      PROPN  _       NNP
 4  .         2  punct     PUNCT  _       .
 5  It        6  nsubj     PRON   _       PRP
 6  was      12  ccomp     AUX    be      VBD
 7  bad       6  acomp     ADJ    _       JJ
 8  ,        12  punct     PUNCT  _       ,
 9  ”        12  punct     PUNCT  _       ''
10  Ana      11  compound  PROPN  _       NNP
11  Lind     12  nsubj     PROPN  _       NNP
12  said     12  ROOT      VERB   say     VBD
13  .        12  punct     PUNCT  _       .
"""


def test_a_fact_inside_a_quotation_of_several_sentences_is_the_speakers(res):
    """'"Acme attacked Zenith. It was bad," Ana Lind said': the attack is Lind's report."""
    _, facts = _facts(QUOTED, REPORTED_ENTS, res)
    assert facts[("Acme", "attacked", "Zenith")].attributed_to == "person/ana-lind"


TWO_SPEAKERS = """
 0  Ana       1  compound  PROPN  _       NNP
 1  Lind      5  nsubj     PROPN  _       NNP
 2  and       1  cc        CCONJ  _       CC
 3  Bo        4  compound  PROPN  _       NNP
 4  Berg      1  conj      PROPN  _       NNP
 5  said      5  ROOT      VERB   say     VBD
 6  Acme      7  nsubj     PROPN  _       NNP
 7  attacked  5  ccomp     VERB   attack  VBD
 8  Zenith    7  dobj      PROPN  _       NNP
 9  .         5  punct     PUNCT  _       .
"""


def test_two_speakers_name_no_single_speaker(res):
    """"Ana Lind and Bo Berg said Acme attacked Zenith": not Lind's report alone."""
    ents = (("Ana Lind", "PERSON"), ("Bo Berg", "PERSON"), ("Acme", "ORG"), ("Zenith", "ORG"))
    _, facts = _facts(TWO_SPEAKERS, ents, res)
    assert facts[("Acme", "attacked", "Zenith")].attributed_to is None


def test_a_named_speaker_is_no_unnamed_source(res):
    _, facts = _facts(REPORTED, REPORTED_ENTS, res)
    assert facts[("Acme", "attacked", "Zenith")].unnamed_source is None


def test_the_unnamed_source_is_exported_and_kept_in_store_records(res):
    from kg.export.rdf import to_rdf
    from kg.model import KnowledgeGraph
    from kg.store.entities import decode_result, encode_result
    from kg.vocab import KG

    result, _ = _facts(UNNAMED, (("Acme", "ORG"), ("Zenith", "ORG")), res)
    assert decode_result(encode_result(result)).relations[0].evidence.unnamed_source == "senior officials"
    g = KnowledgeGraph(symmetric=res.ontology.symmetric)
    g.add(result)
    assert [str(o) for o in to_rdf(g, resources=res).objects(None, KG.unnamedSource)] == ["senior officials"]


def _title(word: str, tag: str = "JJ", dep: str = "amod") -> str:
    return f"""
 0  {word:<9} 2  {dep:<9} ADJ    _      {tag}
 1  Acme      2  compound  PROPN  _      NNP
 2  chairman  4  compound  NOUN   _      NN
 3  Ana       4  compound  PROPN  _      NNP
 4  Lind      5  nsubj     PROPN  _      NNP
 5  spoke     5  ROOT      VERB   speak  VBD
 6  .         5  punct     PUNCT  _      .
"""


def _status(word, res):
    _, facts = _facts(_title(word), (("Acme", "ORG"), ("Ana Lind", "PERSON")), res)
    ev = facts[("Ana Lind", "leaderOf", "Acme")]
    return ev.role_status, ev.modality


def test_role_status_from_the_title_words(res):
    assert _status("Former", res) == ("former", "asserted")  # a fact of the past, with its status
    assert _status("Incoming", res) == ("future", "hedged")  # not held yet: no plain triple
    assert _status("Acting", res) == ("current", "asserted")
    assert _status("Outgoing", res) == ("current", "asserted")


def test_dateline_gives_the_document_date():
    doc = hand_doc("""
 0  RIVERTON  0  ROOT      PROPN  _      NNP
 1  ,         0  punct     PUNCT  _      ,
 2  Nov.      0  appos     PROPN  _      NNP
 3  3         2  nummod    NUM    _      CD
 4  ,         2  punct     PUNCT  _      ,
 5  2004      2  nummod    NUM    _      CD
""", (("Nov. 3 , 2004", "DATE"),))
    assert document_date(None, doc) == ("2004-11-03", False)
    assert document_date("2016-09-20", doc) == ("2016-09-20", False)
    assert document_date("garbage", doc) == (None, True)



# Event times on hand-built parses: (parse, entities, report date, fact, expected span), each with why.
MET_NIGHT = """
 0  Ana       1  compound  PROPN  _      NNP
 1  Lind      2  nsubj     PROPN  _      NNP
 2  met       2  ROOT      VERB   meet   VBD
 3  Bo        4  compound  PROPN  _      NNP
 4  Berg      2  dobj      PROPN  _      NNP
 5  late      7  amod      ADJ    _      JJ
 6  Sunday    7  compound  PROPN  _      NNP
 7  night     2  npadvmod  NOUN   _      NN
 8  .         2  punct     PUNCT  _      .
"""
MET_TO_TALK = """
 0  Ana       1  compound  PROPN  _      NNP
 1  Lind      2  nsubj     PROPN  _      NNP
 2  met       2  ROOT      VERB   meet   VBD
 3  Bo        4  compound  PROPN  _      NNP
 4  Berg      2  dobj      PROPN  _      NNP
 5  to        6  aux       PART   _      TO
 6  discuss   2  advcl     VERB   discuss VB
 7  trade     6  dobj      NOUN   _      NN
 8  this      9  det       DET    _      DT
 9  week      6  npadvmod  NOUN   _      NN
10  .         2  punct     PUNCT  _      .
"""
SAID_IN = """
 0  Ana       1  compound  PROPN  _      NNP
 1  Lind      2  nsubj     PROPN  _      NNP
 2  said      2  ROOT      VERB   say    VBD
 3  in        2  prep      ADP    _      IN
 4  Paris     3  pobj      PROPN  _      NNP
 5  on       10  prep      ADP    _      IN
 6  Tuesday   5  pobj      PROPN  _      NNP
 7  the       8  det       DET    _      DT
 8  talks    10  nsubj     NOUN   _      NNS
 9  would    10  aux       AUX    _      MD
10  continue  2  ccomp     VERB   continue VB
11  .         2  punct     PUNCT  _      .
"""
VISIT_RANGE = """
 0  Ana        1  compound  PROPN  _      NNP
 1  Lind       2  nsubj     PROPN  _      NNP
 2  visited    2  ROOT      VERB   visit  VBD
 3  Paris      2  dobj      PROPN  _      NNP
 4  from       2  prep      ADP    _      IN
 5  Monday     4  pobj      PROPN  _      NNP
 6  to         4  prep      ADP    _      IN
 7  Wednesday  6  pobj      PROPN  _      NNP
 8  .          2  punct     PUNCT  _      .
"""
PEOPLE = (("Ana Lind", "PERSON"), ("Bo Berg", "PERSON"))
EVENT_TIMES = [
    # "late Sunday night" is a spaCy TIME entity: it names a day ("Sunday", lexicon/time.toml),
    # "late" is dropped, and a Sunday's report means that Sunday
    pytest.param(MET_NIGHT, (*PEOPLE, ("late Sunday night", "TIME")), "2015-11-15", ("Ana Lind", "metWith", "Bo Berg"),
                 ("2015-11-15", "2015-11-15"), id="a-time-entity-that-names-a-day"),
    # "met Y to discuss trade this week": the parser hangs the date on "discuss"
    pytest.param(MET_TO_TALK, (*PEOPLE, ("this week", "DATE")), "2016-09-21", ("Ana Lind", "metWith", "Bo Berg"),
                 ("2016-09-19", "2016-09-25"), id="a-date-in-a-clause-without-a-subject-under-the-fact"),
    # "X said in Paris on Tuesday the talks would continue": the parser hangs "on Tuesday" on
    # "continue", but it is written before that clause's subject, so it dates the visit
    pytest.param(SAID_IN, (("Ana Lind", "PERSON"), ("Paris", "GPE"), ("Tuesday", "DATE")), "2016-09-21",
                 ("Ana Lind", "visited", "Paris"), ("2016-09-20", "2016-09-20"),
                 id="a-date-before-the-subject-of-a-reported-clause"),
    # "visited Paris from Monday to Wednesday": the span of both days (lexicon/time.toml
    # range_openers and range_links, as for the bounds of posts)
    pytest.param(VISIT_RANGE, (("Ana Lind", "PERSON"), ("Paris", "GPE"), ("Monday", "DATE"), ("Wednesday", "DATE")),
                 "2016-09-23", ("Ana Lind", "visited", "Paris"), ("2016-09-19", "2016-09-21"), id="a-range"),
]


@pytest.mark.parametrize(("table", "ents", "date", "fact", "span"), EVENT_TIMES)
def test_the_time_a_sentence_gives_an_event(res, table, ents, date, fact, span):
    _, facts = _facts(table, ents, res, date=date)
    ev = facts[fact]
    assert (ev.event_start, ev.event_end) == span


# "Ana Lind said she would visit Paris, meeting Bo Berg Tuesday": the visit is told by "she" and
# "Paris" in the clause of "visit"; "Tuesday" hangs on the participle under it (the same occasion)
SAID_VISIT = """
 0  Ana       1  compound  PROPN  _      NNP
 1  Lind      2  nsubj     PROPN  _      NNP
 2  said      2  ROOT      VERB   say    VBD
 3  she       5  nsubj     PRON   _      PRP
 4  would     5  aux       AUX    _      MD
 5  visit     2  ccomp     VERB   visit  VB
 6  Paris     5  dobj      PROPN  _      NNP
 7  ,         5  punct     PUNCT  _      ,
 8  meeting   5  advcl     VERB   meet   VBG
 9  Bo       10  compound  PROPN  _      NNP
10  Berg      8  dobj      PROPN  _      NNP
11  Tuesday   8  npadvmod  PROPN  _      NNP
12  .         2  punct     PUNCT  _      .
"""


def test_the_fact_is_told_where_subject_and_object_meet(res):
    doc = hand_doc(SAID_VISIT, (("Ana Lind", "PERSON"), ("Paris", "GPE"), ("Bo Berg", "PERSON"), ("Tuesday", "DATE")))
    subj, obj = [doc[0], doc[1], doc[3]], [doc[6]]
    assert [t.text for t in fact_tokens(subj, obj)] == ["she", "Paris"]
    assert event_span(res.time, doc[:], fact_tokens(subj, obj), "2016-12-27", True) == ("2016-12-27", "2016-12-27")
    # with the speaker's name in the list, the fact spans two clauses and the participle's date is not taken
    assert event_span(res.time, doc[:], [*subj, *obj], "2016-12-27", True) is None
    # one token standing for both sides ("both leaders") places nothing: every token counts
    assert len(fact_tokens([doc[3], doc[10]], [doc[3], doc[0]])) == 3


# "Ana Lind, 53, visited Paris last August": an age is no date; "last August" in an August report is
# the August before
AGED_VISIT = """
 0  Ana       1  compound  PROPN  _      NNP
 1  Lind      4  nsubj     PROPN  _      NNP
 2  ,         1  punct     PUNCT  _      ,
 3  53        1  appos     NUM    _      CD
 4  visited   4  ROOT      VERB   visit  VBD
 5  Paris     4  dobj      PROPN  _      NNP
 6  last      7  amod      ADJ    _      JJ
 7  August    4  npadvmod  PROPN  _      NNP
 8  .         4  punct     PUNCT  _      .
"""
# "the 2001 attacks on Paris or the bombing of Riga in 1941": the date under the event's own noun
TWO_EVENTS = """
 0  the       2  det       DET    _      DT
 1  2001      2  nummod    NUM    _      CD
 2  attacks   2  ROOT      NOUN   attack NNS
 3  on        2  prep      ADP    _      IN
 4  Paris     3  pobj      PROPN  _      NNP
 5  or        2  cc        CCONJ  _      CC
 6  the       7  det       DET    _      DT
 7  bombing   2  conj      NOUN   bombing NN
 8  of        7  prep      ADP    _      IN
 9  Riga      8  pobj      PROPN  _      NNP
10  in        7  prep      ADP    _      IN
11  1941     10  pobj      NUM    _      CD
"""


def test_an_age_is_no_date_and_last_august_in_august_is_a_year_back(res):
    doc = hand_doc(AGED_VISIT, (("Ana Lind", "PERSON"), ("53", "DATE"), ("Paris", "GPE"), ("last August", "DATE")))
    assert event_span(res.time, doc[:], [doc[1], doc[5]], "2014-08-26", False) == ("2013-08-01", "2013-08-31")
    assert event_span(res.time, doc[:], [doc[1], doc[5]], "2014-09-26", False) == ("2014-08-01", "2014-08-31")


def test_a_date_under_the_events_own_noun_wins(res):
    doc = hand_doc(TWO_EVENTS, (("2001", "DATE"), ("Paris", "GPE"), ("Riga", "GPE"), ("1941", "DATE")))
    assert event_span(res.time, doc[:], [doc[9]], "2013-03-05", False) == ("1941-01-01", "1941-12-31")
    assert event_span(res.time, doc[:], [doc[4]], "2013-03-05", False) == ("2001-01-01", "2001-12-31")


DIED = """
 0  French    1  amod      ADJ    french  JJ
 1  Minister  3  compound  PROPN  _       NNP
 2  Ana       3  compound  PROPN  _       NNP
 3  Lind      4  nsubj     PROPN  _       NNP
 4  died      4  ROOT      VERB   die     VBD
 5  .         4  punct     PUNCT  _       .
"""
MAY_DIE = """
 0  French    1  amod      ADJ    french  JJ
 1  Minister  3  compound  PROPN  _       NNP
 2  Ana       3  compound  PROPN  _       NNP
 3  Lind      5  nsubj     PROPN  _       NNP
 4  could     5  aux       AUX    _       MD
 5  die       5  ROOT      VERB   die     VB
 6  .         5  punct     PUNCT  _       .
"""
DIED_ENTS = (("French", "NORP"), ("Ana Lind", "PERSON"))


@pytest.mark.parametrize("table, status", [(DIED, "former"), (MAY_DIE, "current")])
def test_the_posts_of_a_person_the_text_reports_dead_are_former(res, table, status):
    _, facts = _facts(table, DIED_ENTS, res, date="2016-09-20")
    assert facts[("Ana Lind", "worksFor", "France")].role_status == status


FORMER_MEMBER = """
 0  Lind      8  nsubj     PROPN  _       NNP
 1  ,         0  punct     PUNCT  _       ,
 2  a         4  det       DET    _       DT
 3  {word:<8}  4  amod      ADJ    _       JJ
 4  member    0  appos     NOUN   _       NN
 5  of        4  prep      ADP    _       IN
 6  Acme      5  pobj      PROPN  _       NNP
 7  ,         0  punct     PUNCT  _       ,
 8  spoke     8  ROOT      VERB   speak   VBD
 9  .         8  punct     PUNCT  _       .
"""


@pytest.mark.parametrize("word, status", [("former", "former"), ("longtime", "current")])
def test_a_membership_carries_the_status_of_its_role_noun(res, word, status):
    """"Lind, a former member of Acme": memberOf with status former, as worksFor and leaderOf."""
    _, facts = _facts(FORMER_MEMBER.format(word=word), (("Lind", "PERSON"), ("Acme", "ORG")), res)
    assert facts[("Lind", "memberOf", "Acme")].role_status == status


def test_a_name_of_the_fact_is_no_time_of_it(res):
    """"May had met Juncker on Wednesday": the NER's month "May" is the subject, not the time."""
    doc = hand_doc("""
 0  May        2  nsubj  PROPN  _     NNP
 1  had        2  aux    AUX    have  VBD
 2  met        2  ROOT   VERB   meet  VBN
 3  Juncker    2  dobj   PROPN  _     NNP
 4  on         2  prep   ADP    _     IN
 5  Wednesday  4  pobj   PROPN  _     NNP
 6  .          2  punct  PUNCT  _     .
""", (("May", "DATE"), ("Wednesday", "DATE")))
    assert event_span(res.time, doc[:], [doc[0], doc[3]], "2018-11-23", False) == ("2018-11-21", "2018-11-21")


# "Twelve years since Acme invaded Ruritania, ...": a length of time before a clause "since" opens
SINCE_CLAUSE = """
 0  Twelve    1  nummod    NUM    twelve CD
 1  years     4  npadvmod  NOUN   year   NNS
 2  since     4  mark      SCONJ  _      IN
 3  Acme      4  nsubj     PROPN  _      NNP
 4  invaded   4  ROOT      VERB   invade VBD
 5  Ruritania 4  dobj      PROPN  _      NNP
 6  .         4  punct     PUNCT  _      .
"""
# "... two years of Acme's rule": the same length, no clause: a duration, no time
SINCE_PREP = """
 0  Acme      1  nsubj     PROPN  _      NNP
 1  ruled     1  ROOT      VERB   rule   VBD
 2  Ruritania 1  dobj      PROPN  _      NNP
 3  for       1  prep      ADP    _      IN
 4  two       5  nummod    NUM    _      CD
 5  years     3  pobj      NOUN   year   NNS
 6  .         1  punct     PUNCT  _      .
"""


def test_a_length_of_time_since_a_clause_dates_it_back_from_the_report(res):
    doc = hand_doc(SINCE_CLAUSE, (("Twelve years", "DATE"), ("Acme", "ORG"), ("Ruritania", "GPE")))
    assert event_span(res.time, doc[:], [doc[3], doc[5]], "2015-03-20", False) == ("2003-01-01", "2003-12-31")
    assert event_span(res.time, doc[:], [doc[3], doc[5]], None, False) is None
    doc = hand_doc(SINCE_PREP, (("Acme", "ORG"), ("Ruritania", "GPE"), ("two years", "DATE")))
    assert event_span(res.time, doc[:], [doc[0], doc[2]], "2015-03-20", False) is None


# "Coming seven months after Lind's visit to Riverton, ...": the NER's date stops before "after"
COUNTED_FROM = """
 0  Coming     7  advcl     VERB   come   VBG
 1  seven      2  nummod    NUM    _      CD
 2  months     0  npadvmod  NOUN   month  NNS
 3  after      0  prep      ADP    _      IN
 4  Lind       5  poss      PROPN  _      NNP
 5  visit      3  pobj      NOUN   _      NN
 6  ,          7  punct     PUNCT  _      ,
 7  ended      7  ROOT      VERB   end    VBD
 8  Riverton   7  dobj      PROPN  _      NNP
 9  .          7  punct     PUNCT  _      .
"""


def test_a_length_cut_before_its_story_word_is_no_date(res):
    doc = hand_doc(COUNTED_FROM, (("Coming seven months", "DATE"), ("Lind", "PERSON"), ("Riverton", "GPE")))
    assert event_span(res.time, doc[:], [doc[4], doc[8]], "2016-12-27", False) is None
