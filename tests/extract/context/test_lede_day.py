"""The story's day: a lede's day dates the later, undated event facts of its participants
(kg.extract.context.lede; kg:timeBasis "article")."""

import pytest
from handdoc import hand_doc

from kg.extract import extract_document
from kg.model import Document

LEDE = """
 0  Ana       1  compound  PROPN  _      NNP
 1  Lind      2  nsubj     PROPN  _      NNP
 2  {verb}   2  ROOT      VERB   wrap   {tag}
 3  up        2  prt       ADP    _      RP
 4  a         6  det       DET    _      DT
 5  long      6  amod      ADJ    _      JJ
 6  visit     2  dobj      NOUN   _      NN
 7  to        6  prep      ADP    _      IN
 8  Paris     7  pobj      PROPN  _      NNP
 9  on        2  prep      ADP    _      IN
10  Sunday    9  pobj      PROPN  _      NNP
11  with      2  prep      ADP    _      IN
12  her      13  poss      PRON   _      PRP$
13  team     11  pobj      NOUN   _      NN
14  .         2  punct     PUNCT  _      .
"""
LATER = """
15  {a}      16  compound  PROPN  _      NNP
16  {b}      17  nsubj     PROPN  _      NNP
17  met      17  ROOT      VERB   meet   VBD
18  Bo       19  compound  PROPN  _      NNP
19  Berg     17  dobj      PROPN  _      NNP
20  .        17  punct     PUNCT  _      .
"""
LATER_PERFECT = """
15  {a}      16  compound  PROPN  _      NNP
16  {b}      18  nsubj     PROPN  _      NNP
17  had      18  aux       AUX    have   VBD
18  met      18  ROOT      VERB   meet   VBN
19  Bo       20  compound  PROPN  _      NNP
20  Berg     18  dobj      PROPN  _      NNP
21  .        18  punct     PUNCT  _      .
"""


def _met(res, first: str, last: str, date: str | None, past: bool = True, perfect: bool = False):
    person = (f"{first} {last}", "PERSON", 2) if first == "Ana" else (f"{first} {last}", "PERSON")
    lede = LEDE.format(verb="wrapped", tag="VBD") if past else LEDE.format(verb="wraps", tag="VBZ")
    later = (LATER_PERFECT if perfect else LATER).format(a=first, b=last)
    doc = hand_doc(lede + later,
                   (("Ana Lind", "PERSON"), ("Paris", "GPE"), ("Sunday", "DATE"), person, ("Bo Berg", "PERSON")))
    result = extract_document(Document("t", doc.text, date=date), doc, res)
    names = {e.key: e.name for e in result.entities}
    return {(names[r.subject], r.predicate, names[r.object]): r.evidence for r in result.relations}


@pytest.mark.parametrize(("first", "last", "date", "day", "past", "perfect"), [
    # a participant of the lede meets someone later in the story: the lede's Sunday
    pytest.param("Ana", "Lind", "2015-11-16", "2015-11-15", True, False, id="a-participant-of-the-lede"),
    # someone the lede does not name: no day (the report date stands)
    pytest.param("Cy", "Dorn", "2015-11-16", None, True, False, id="not-a-participant"),
    # a lede that does not tell of the past ("Ana Lind wraps up ... on Sunday") dates nothing
    pytest.param("Ana", "Lind", "2015-11-16", None, False, False, id="a-lede-not-in-the-past"),
    # no report date: a weekday names no day
    pytest.param("Ana", "Lind", None, None, True, False, id="an-undated-report"),
    # "Ana Lind had met Bo Berg": the past perfect tells of an earlier time than the story's
    pytest.param("Ana", "Lind", "2015-11-16", None, True, True, id="the-past-perfect"),
])
def test_the_ledes_day_dates_later_facts_of_its_participants(res, first, last, date, day, past, perfect):
    ev = _met(res, first, last, date, past, perfect)[(f"{first} {last}", "metWith", "Bo Berg")]
    assert (ev.event_start, ev.event_end, ev.time_elsewhere) == (day, day, day is not None)


OCCASION = """
 0  Lind      1  nsubj     PROPN  _      NNP
 1  said      1  ROOT      VERB   say    VBD
 2  in        1  prep      ADP    _      IN
 3  a         4  det       DET    _      DT
 4  meeting   2  pobj      NOUN   _      NN
 5  with      4  prep      ADP    _      IN
 6  Berg      5  pobj      PROPN  _      NNP
 7  .         1  punct     PUNCT  _      .
"""


def test_a_meeting_a_saying_was_made_in_is_its_occasion() -> None:
    from kg.extract.context.lede import said_on_occasion

    doc = hand_doc(OCCASION)
    preps = frozenset({"in", "during", "at"})
    assert said_on_occasion([doc[6]], frozenset({"say"}), preps)
    assert not said_on_occasion([doc[6]], frozenset({"tell"}), preps)  # not a saying verb
    assert not said_on_occasion([doc[0]], frozenset({"say"}), preps)  # the speaker is no part of the occasion


LATER_FOR_HOURS = """
15  After    24  prep      ADP    _      IN
16  meeting  15  pcomp     VERB   meet   VBG
17  Bo       18  compound  PROPN  _      NNP
18  Berg     16  dobj      PROPN  _      NNP
19  for      16  prep      ADP    _      IN
20  two      21  nummod    NUM    _      CD
21  hours    19  pobj      NOUN   hour   NNS
22  ,        24  punct     PUNCT  _      ,
23  Lind     24  nsubj     PROPN  _      NNP
24  spoke    24  ROOT      VERB   speak  VBD
25  .        24  punct     PUNCT  _      .
"""


def test_how_long_in_hours_and_a_participle_of_a_past_clause_keep_the_ledes_day() -> None:
    """"After meeting Bo Berg for two hours, Lind spoke": "for two hours" says how long, not when,
    and the participle's clause is in the past: the lede's Sunday dates the meeting."""
    from kg.extract.context.lede import told_later
    from kg.extract.context.when import past_tense

    doc = hand_doc(LEDE.format(verb="wrapped", tag="VBD") + LATER_FOR_HOURS,
                   (("Ana Lind", "PERSON"), ("Paris", "GPE"), ("Sunday", "DATE"), ("Bo Berg", "PERSON"),
                    ("two hours", "TIME"), ("Lind", "PERSON", 2)))
    sent = doc[15:26]
    assert past_tense([doc[18]])  # "meeting" hangs on "After", itself on "spoke"
    assert told_later(sent, [doc[18]], frozenset({"hour", "hours"}))
    assert not told_later(sent, [doc[18]])  # without the list, a time of the sentence's own


LATER_QUOTE = """
15  "        17  punct     PUNCT  _      ``
16  Yesterday 17 npadvmod  NOUN   _      NN
17  ended    21  ccomp     VERB   end    VBD
18  well     17  advmod    ADV    _      RB
19  ,        21  punct     PUNCT  _      ,
20  "        21  punct     PUNCT  _      ''
21  said     21  ROOT      VERB   say    VBD
22  Lind     21  nsubj     PROPN  _      NNP
23  in       21  prep      ADP    _      IN
24  Rome     23  pobj      PROPN  _      NNP
25  .        21  punct     PUNCT  _      .
"""


def test_a_time_inside_a_quotation_is_not_the_facts_own() -> None:
    """'"Yesterday ended well," said Lind in Rome': the quote's "yesterday" is not when she was in
    Rome, so the lede's day may date the visit; a time outside the quotation still tells of another."""
    from kg.extract.context.lede import told_later

    doc = hand_doc(LEDE.format(verb="wrapped", tag="VBD") + LATER_QUOTE,
                   (("Ana Lind", "PERSON"), ("Paris", "GPE"), ("Sunday", "DATE"), ("Yesterday", "DATE"),
                    ("Lind", "PERSON", 2), ("Rome", "GPE")))
    sent = doc[15:26]
    assert told_later(sent, [doc[22], doc[24]])
    assert not told_later(sent, [doc[16], doc[24]])  # an argument inside the quotation: its time counts


def _highlight(at: int) -> str:
    """A story-highlight line of nine words with a verb and no full stop ("Cy Dorn ends his long
    trip with many talks"), numbered from ``at``."""
    words = [("Cy", 1, "compound", "PROPN", "NNP"), ("Dorn", 2, "nsubj", "PROPN", "NNP"),
             ("ends", 2, "ROOT", "VERB", "VBZ"), ("his", 5, "poss", "PRON", "PRP$"),
             ("long", 5, "amod", "ADJ", "JJ"), ("trip", 2, "dobj", "NOUN", "NN"),
             ("with", 2, "prep", "ADP", "IN"), ("many", 8, "amod", "ADJ", "JJ"), ("talks", 6, "pobj", "NOUN", "NNS")]
    return "".join(f"{at + i} {w} {at + h} {d} {p} _ {t}\n" for i, (w, h, d, p, t) in enumerate(words))


def test_lines_without_a_full_stop_are_not_the_lede() -> None:
    """Three story highlights before the lede (no full stop): the lede is still among the first
    three sentences of the story, so its Sunday is the story's day."""
    from kg.extract.context.lede import lede_anchor
    from kg.resources import load_resources

    head = _highlight(0) + _highlight(9) + _highlight(18)
    lede = "\n".join(f"{int(r.split()[0]) + 27} {r.split()[1]} {int(r.split()[2]) + 27} " + " ".join(r.split()[3:])
                     for r in LEDE.format(verb="wrapped", tag="VBD").strip().splitlines())
    doc = hand_doc(head + lede, (("Ana Lind", "PERSON"), ("Sunday", "DATE")))
    res = load_resources()
    anchor = lede_anchor(doc, lambda i: ["ana_lind"] if doc[i].text in ("Ana", "Lind") else [], res.time,
                         "2015-11-16", res.relations.words.reporting)
    assert anchor is not None and anchor.day == "2015-11-15"


RELATIVE = """
 0  Ana       1  compound  PROPN  _      NNP
 1  Lind      2  nsubj     PROPN  _      NNP
 2  met       2  ROOT      VERB   meet   VBD
 3  Bo        4  compound  PROPN  _      NNP
 4  Berg      2  dobj      PROPN  _      NNP
 5  and       4  cc        CCONJ  _      CC
 6  Cy        7  compound  PROPN  _      NNP
 7  Dorn      4  conj      PROPN  _      NNP
 8  ,         7  punct     PUNCT  _      ,
 9  who      10  nsubj     PRON   _      WP
10  spoke     7  relcl     VERB   speak  VBD
11  last     12  amod      ADJ    _      JJ
12  week     10  npadvmod  NOUN   _      NN
13  .         2  punct     PUNCT  _      .
"""


def test_a_time_in_a_relative_clause_about_another_is_not_the_facts() -> None:
    """"Ana Lind met Bo Berg and Cy Dorn, who spoke last week": the week is Dorn's speaking, so the
    lede's day may still date the meeting with Berg; not the meeting with Dorn, whom the clause is about."""
    from kg.extract.context.lede import told_later

    doc = hand_doc(RELATIVE, (("Ana Lind", "PERSON"), ("Bo Berg", "PERSON"), ("Cy Dorn", "PERSON"), ("last week", "DATE")))
    sent = doc[0:14]
    assert told_later(sent, [doc[1], doc[4]])
    assert not told_later(sent, [doc[1], doc[7]])


SPOKE_WITH = """
 0  Lind      1  nsubj     PROPN  _      NNP
 1  spoke     1  ROOT      VERB   speak  VBD
 2  at        1  prep      ADP    _      IN
 3  a         4  det       DET    _      DT
 4  briefing  2  pobj      NOUN   _      NN
 5  with      1  prep      ADP    _      IN
 6  Berg      5  pobj      PROPN  _      NNP
 7  .         1  punct     PUNCT  _      .
"""


def test_the_one_spoken_with_is_part_of_the_occasion(res) -> None:
    """"Lind spoke at a briefing with Berg": the parse hangs "with Berg" on "spoke"; with the time
    lexicon's occasion verbs and prepositions, Berg is part of the occasion the lede's day dates."""
    from kg.extract.context.lede import said_on_occasion

    doc = hand_doc(SPOKE_WITH)
    verbs = res.relations.words.reporting | res.time.occasion_verbs
    assert said_on_occasion([doc[6]], verbs, res.time.saying_occasion_preps)
    assert not said_on_occasion([doc[6]], res.relations.words.reporting, res.time.saying_occasion_preps)
