"""When: the date of a document and the time its sentence gives a fact.

* :func:`document_date`: the date field parsed to an ISO date; without a field, a date written at
  the head of the text (a dateline or byline line, "WASHINGTON, Nov. 3, 2004 (AP) -", "Published
  12 March 2015"): an absolute date of one day among the first characters, on a short line or
  before the first verb of its sentence.
* :func:`event_span`: the spaCy DATE entity (or a TIME entity naming a day: "Sunday night") of
  the evidence sentence that belongs to the fact's clause (its verb, a verb governing it, or a
  clause without a subject under it), resolved against the document date (:mod:`.dates`); "late",
  "earlier" (lexicon/time.toml) are dropped first; holidays ("Christmas night") and days named by
  their event ("9/11") come from the same file.  A plural head ("two days", "recent years") is a
  duration and gives nothing.  "since 1999" opens a span, "until 2003" closes
  one; a hedged fact ("will meet on Tuesday") resolves forwards.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.extract.context.bounds import date_range
from kg.extract.context.dates import Span, decade, parse_date, recent, resolve, third_of, thirds_of
from kg.resources.words import TimeWords

__all__ = ["document_date", "event_span", "fact_tokens", "past_tense", "clause_verb", "date_clause", "day_entity", "is_age",
           "resolve_entity",
           "HEAD_CHARS"]

HEAD_CHARS = 250  # how far into the text a dateline may stand
_SHORT_LINE = 12  # tokens: a dateline or byline line, not a sentence of the story


def document_date(field: str | None, doc: Doc) -> tuple[str | None, bool]:
    """(ISO date or None, whether a given field could not be parsed)."""
    if field:
        iso = parse_date(field)
        return iso, iso is None
    for ent in doc.ents:
        if ent.start_char >= HEAD_CHARS:
            break
        if ent.label_ != "DATE" or not _dateline(doc, ent):
            continue
        span = resolve(ent.text, None)
        if span is not None and span[0] == span[1]:
            return span[0], False
    return None, False


def _dateline(doc: Doc, ent: SpacySpan) -> bool:
    """A date on a short line of its own, or before the first verb of its sentence."""
    text = doc.text
    line_start = text.rfind("\n", 0, ent.start_char) + 1
    line_end = text.find("\n", ent.end_char)
    line = text[line_start: line_end if line_end >= 0 else len(text)]
    if len(line.split()) <= _SHORT_LINE:
        return True
    return not any(t.pos_ in ("VERB", "AUX") for t in doc[ent.sent.start: ent.start])


def clause_verb(tok: Token) -> Token:
    """The verb (or the root) whose clause ``tok`` belongs to."""
    t = tok
    for _ in range(20):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t
        t = t.head
    return t


def fact_tokens(subj: list[Token], obj: list[Token]) -> list[Token]:
    """The argument tokens of the clause where subject and object meet: "X announced that he would
    visit Y, meeting Z Tuesday" is told by "he" and "Y" in "visit", not by "X" of "announced".  All
    of them when no clause holds both (or one side is missing)."""
    shared = {t.i for t in subj} & {t.i for t in obj}  # "both leaders": no place of its own
    both = {clause_verb(t).i for t in subj if t.i not in shared} & {clause_verb(t).i for t in obj if t.i not in shared}
    args = {t.i: t for t in (*subj, *obj)}
    if both:
        args = {i: t for i, t in args.items() if i not in shared and clause_verb(t).i in both}
    return sorted(args.values(), key=lambda t: t.i)


def past_tense(args: list[Token]) -> bool:
    """The clause of the fact is in the past tense ("was returning", "had planned"), or is a
    participle phrase of a clause in the past ("After meeting X in Y, Z said")."""
    for a in args:
        v = clause_verb(a)
        if v.tag_ == "VBG" and v.dep_ in ("advcl", "pcomp") and not any(c.dep_ == "aux" for c in v.children):
            v = clause_verb(v.head if v.dep_ == "advcl" else v.head.head)
        if v.tag_ in ("VBD",) or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in v.children):
            return True
    return False


def _ancestors(tok: Token) -> set[int]:
    return {a.i for a in tok.ancestors} | {tok.i}


def date_clause(d: SpacySpan) -> Token:
    """The verb a date belongs to; a date the parser hangs on a reported clause but written before
    that clause's subject ("X said in Y on Tuesday the talks would go on") is the saying verb's."""
    v = clause_verb(d.root)
    if v.dep_ == "ccomp" and v.head.i < d.start:
        subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        if subjects and subjects[0].left_edge.i >= d.end:
            return clause_verb(v.head)
    return v


def _nonfinite_below(v: Token, w: Token) -> bool:
    """``v`` heads a clause without a subject of its own under ``w``'s ("met ... to discuss it on
    Monday", "launched strikes, destroying a camp on Sunday"): the same event, told on."""
    t = v
    for _ in range(20):
        if t.i == w.i:
            return True
        if t.head.i == t.i or t.dep_ not in _TOLD_ON:
            return False
        if t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children):
            return False
        t = t.head
    return False


_TOLD_ON = {"advcl", "xcomp", "prep", "pobj", "npadvmod", "dobj", "amod", "compound", "acomp"}


def _event_nouns(args: list[Token]) -> set[int]:
    """The nouns all the arguments hang on ("Japanese" and "Pearl Harbor" on "bombing"): a date
    under such a noun is the event's own."""
    heads = []
    inside = {a.i for a in args}
    for a in (a for a in args if a.head.i not in inside or a.head.i == a.i):  # a name's last word speaks for it
        h = a.head
        if a.dep_ in ("amod", "compound", "poss", "nmod") and h.pos_ == "NOUN":
            heads.append({h.i})
        elif a.dep_ == "pobj" and h.dep_ == "prep" and h.head.pos_ == "NOUN":
            heads.append({h.head.i})
        else:
            return set()
    return set.intersection(*heads) if heads else set()


def _choose(dates: list[SpacySpan], args: list[Token]) -> SpacySpan | None:
    """The DATE entity of the fact's clause: on an argument's clause verb first, then on a verb
    that governs it, then in a clause without a subject under it; with no located argument, the
    only date of the sentence."""
    if not args:
        return dates[0] if len(dates) == 1 else None
    nouns = _event_nouns(args)  # "the Japanese bombing of Pearl Harbor in 1941" (not "the 2001 attacks")
    for d in dates:
        if nouns & _ancestors(d.root):
            return d
    verbs = [clause_verb(a) for a in args]
    if (later := _later_conjunct(verbs)) is not None:  # "was born in 1988 and came to Y in 1995"
        own = next((d for d in dates if (v := date_clause(d)).i == later.i or _nonfinite_below(v, later)), None)
        if own is not None:
            return own  # else the first verb's date is the joined clause's too ("toured X Thursday and met Y")
    tests = [lambda v, w: v.i == w.i, lambda v, w: v.i in _ancestors(w)]
    if len({w.i for w in verbs}) == 1:  # one clause holds the fact: a date told on under it is its
        tests.append(_nonfinite_below)
    for test in tests:
        for d in dates:
            v = date_clause(d)
            if any(test(v, w) for w in verbs):
                return d
    return None


def _later_conjunct(verbs: list[Token]) -> Token | None:
    """The second of two joined verbs that share the first one's subject, when the fact's arguments
    are split over them ("X was born in Y in 1988 and came to Z in 1995": the coming is the fact's
    clause, and a date of its own wins over the first verb's)."""
    if len({w.i for w in verbs}) < 2:
        return None
    for w in verbs:
        if w.dep_ == "conj" and w.head.i in {v.i for v in verbs} and w.pos_ in ("VERB", "AUX") \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in w.children):
            return w
    return None


def _reference_point(words: TimeWords, ent: SpacySpan) -> bool:
    """A date after "since" that an ordinal or a superlative counts from ("the first visit by a president
    since Bill Clinton in 1999", "Iraq's fifth prime minister since 2003"): not the fact's time."""
    doc, first = ent.doc, ent.sent.start
    since = next((t for t in reversed(doc[max(first, ent.start - 6): ent.start]) if t.lower_ in words.since_preps), None)
    return since is not None and any(t.ent_type_ == "ORDINAL" or t.tag_ in ("JJS", "RBS")
                                     for t in doc[max(first, since.i - 10): since.i])


def is_age(ent: SpacySpan) -> bool:
    """A number of one or two digits the NER took for a date: an age ("Lisa, 53,"), no time."""
    return ent.text.isdigit() and len(ent.text) <= 2


def day_entity(words: TimeWords, ent: SpacySpan) -> bool:
    """A DATE entity, a TIME entity that names a day ("Sunday night", "this morning", "overnight"), or
    a day named by its event whatever its label ("9/11" is often a CARDINAL)."""
    return ent.label_ == "DATE" or (ent.label_ == "TIME" and (
        any(t.lower_ in words.time_day_anchors for t in ent) or _said_of_report_day(words, ent.text))) \
        or ent.text.lower() in _days(words.named_days)


def _said_of_report_day(words: TimeWords, text: str) -> bool:
    return " ".join(text.lower().split()) in words.report_day_phrases | words.overnight_phrases


def _report_day(words: TimeWords, text: str, base: str | None) -> Span | None:
    """The report's day ("earlier in the day"), or it and the day before ("overnight")."""
    low = " ".join(text.lower().split())
    if base is None or not _said_of_report_day(words, low):
        return None
    day = dt.date.fromisoformat(base)
    before = day - dt.timedelta(days=1) if low in words.overnight_phrases else day
    return before.isoformat(), day.isoformat()


_MONTHS = {m.lower(): n for n, m in enumerate(calendar.month_name) if m} | {
    m.lower(): n for n, m in enumerate(calendar.month_abbr) if m}


def resolve_entity(words: TimeWords, ent: SpacySpan, base: str | None, prefer: str) -> Span | None:
    if (own := _report_day(words, ent.text, base)) is not None:
        return own
    toks = _own_tokens(ent)
    lead = (toks[0].lower_ if toks else "", ent.doc[ent.start - 1].lower_ if ent.start else "")
    part = next((w for w in ("earlier", "later") if w in lead), "")  # "earlier this week", "later this month"
    third = _thirds(words).get(toks[0].lower_ if toks else "")
    if len(toks) > 1 and toks[0].lower_ in words.vague_modifiers:
        toks = toks[1:]  # "late Tuesday", "earlier this week": the day or week itself
    text = ent.doc[toks[0].i: toks[-1].i + 1].text if toks else ""
    if len(toks) == 1 and "-" in text and text.split("-", 1)[0].lower() in words.vague_modifiers:
        third = _thirds(words).get(text.split("-", 1)[0].lower())
        text = text.split("-", 1)[1]  # "mid-2015"
    got = _resolve_text(words, ent, toks, text, base, prefer, part)
    return third_of(got, third) if got is not None and third else got


def _own_tokens(ent: SpacySpan) -> list[Token]:
    """The entity's words up to a preposition the parse hangs outside it ("[late Sunday after weeks]"
    of talks: "after weeks" is the verb's, so the time is "late Sunday")."""
    inside = {t.i for t in ent}
    toks = [t for t in ent if not t.is_punct]
    cut = next((k for k, t in enumerate(toks) if k and t.pos_ == "ADP" and t.head.i not in inside), len(toks))
    return toks[:cut]


def _thirds(words: TimeWords) -> dict[str, int]:
    return thirds_of(words.period_thirds)


def _resolve_text(words: TimeWords, ent: SpacySpan, toks: list[Token], text: str, base: str | None, prefer: str,
                  part: str) -> Span | None:
    years = decade(text, base) or recent(text, base)
    if years is not None:
        return years  # "the 1990s", "the past two weeks": a time, though plural
    if (day := _calendar_day(words, text, base, prefer)) is not None:
        return day  # "Christmas night", "9/11"
    if not toks or ent.root.tag_ in ("NNS", "NNPS") or _story_relative(words, toks, text) or _counted_from(words, ent):
        return None  # "two days", "recent years": a duration, not a date; "two days later": no date
    if len(toks) == 2 and toks[0].lower_ in words.past_modifiers and base and toks[1].lower_ in _MONTHS \
            and _MONTHS[toks[1].lower_] == int(base[5:7]):  # "last August" in an August: the year before
        return resolve(f"{toks[1].text} {int(base[:4]) - 1}", None, prefer)
    got = resolve(f"{part} {text}" if part and text.lower().startswith("this ") else text, base, prefer)
    if got is None and len(toks) > 1 and toks[0].lower_ in words.past_modifiers | words.future_modifiers:
        direction = "future" if toks[0].lower_ in words.future_modifiers else "past"
        got = resolve(" ".join(t.text for t in toks[1:]), base, direction)  # "last March"
    return got


def _calendar_day(words: TimeWords, text: str, base: str | None, prefer: str) -> Span | None:
    """A holiday of ``fixed_days`` ("Christmas night": the latest December 25 up to ``base``, the
    next one for a planned fact) or a day of ``named_days`` ("9/11")."""
    low = " ".join(text.lower().replace("\u2019", "'").split())
    low = low[4:] if low.startswith("the ") and low not in _days(words.fixed_days) else low
    if (named := _days(words.named_days).get(low)) is not None:
        return named, named
    month_day = _days(words.fixed_days).get(low)
    if month_day is None or base is None:
        return None
    day = dt.date.fromisoformat(base[:10])
    month, dom = (int(x) for x in month_day.split("-"))
    year = day.year if (month, dom) <= (day.month, day.day) else day.year - 1
    if prefer == "future":
        year = day.year if (month, dom) >= (day.month, day.day) else day.year + 1
    iso = dt.date(year, month, dom).isoformat()
    return iso, iso


@lru_cache(maxsize=4)
def _days(entries: frozenset[str]) -> dict[str, str]:
    return dict(e.rsplit("|", 1) for e in entries)


def _since_clause(words: TimeWords, ent: SpacySpan) -> bool:
    """A length of time followed by a clause that "since" opens ("Twelve years since X invaded Y", "it has
    been two weeks since X met Y"): that clause happened so long before the report."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    return after is not None and after.lower_ in words.since_preps and after.dep_ == "mark" \
        and ent.root.tag_ == "NNS" and any(t.like_num or t.lower_ in ("a", "an") for t in ent)


_LENGTHS = frozenset({"day", "week", "month", "year", "decade", "hour"})


def _counted_from(words: TimeWords, ent: SpacySpan) -> bool:
    """A length the NER cut before its story word ("[Coming seven months] after X's visit", "[two
    days] before the vote"): counted from an event of the story, no date of the calendar."""
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return nxt is not None and nxt.lower_ in words.story_relative_words \
        and any(t.lemma_.lower() in _LENGTHS for t in ent) and any(t.like_num or t.lower_ in ("a", "an") for t in ent)


def _story_relative(words: TimeWords, toks: list[Token], text: str) -> bool:
    """An expression that names no date of the calendar from the report: counted from the story
    ("two days later", "the next day"), indefinite ("one day", "a second day"), or an adjective of
    length ("30-year")."""
    low = [t.lower_ for t in toks]
    if len(low) > 1 and low[-1] in words.story_relative_words:
        return True
    if len(low) > 1 and low[0] == "the" and low[1] in words.story_relative_determiners:
        return True
    if low[0] in words.indefinite_words and "ago" not in low:
        return True
    head, _, tail = text.partition("-")
    return head.isdigit() and tail.isalpha()  # "30-year", not "2008-10" or "mid-2015"


def event_span(words: TimeWords, sent: SpacySpan, args: list[Token], base: str | None,
               hedged: bool, sayings: frozenset[int] = frozenset()) -> Span | None:
    """The (start, end) ISO days the sentence gives the fact whose argument tokens are ``args``.  A
    date of a saying (token indices ``sayings``) does not date a future fact it reports ("X announced
    on Monday it would strike Y": the strike is not on a Monday to come)."""
    # a date that names no time ("the 100-year anniversary"), an age ("Lisa, 53,") or a name of the
    # fact ("May had met Juncker on Wednesday": the NER's month is the prime minister) is no candidate
    named = {t.i for t in args}
    dates = [e for e in sent.ents if day_entity(words, e) and not is_age(e) and not any(t.i in named for t in e)
             and not _reference_point(words, e)
             and (resolve_entity(words, e, base, "past") is not None or _since_clause(words, e))]
    if not dates:
        return None
    dates.sort(key=lambda e: _said_of_report_day(words, e.text))  # "earlier in the day Wednesday": Wednesday
    ent = _choose(dates, args)
    if ent is None:
        return None
    if _since_clause(words, ent):  # "twelve years since X invaded Y": X invaded Y twelve years ago
        return resolve(f"{ent.text} ago", base, "past") if base else None
    ahead = hedged and not past_tense(args)  # "will meet on Tuesday"; not "was returning Saturday"
    if ahead and (said := date_clause(ent)).i in sayings and all(clause_verb(a).i != said.i for a in args):
        return None
    ranged = date_range(words, ent, dates, base, "future" if ahead else "past")
    if ranged is not None:  # "from Tuesday to Saturday", "between April 22 and April 29"
        return ranged.start, ranged.end
    span = resolve_entity(words, ent, base, "future" if ahead else "past")
    if span is None:
        return None
    span = _joined_days(words, ent, dates, span, base, "future" if ahead else "past")
    before = ent.doc[ent.start - 1].lower_ if ent.start > sent.start else ""
    if before in words.since_preps:
        return span[0], None
    return span


def saying_span(words: TimeWords, sent: SpacySpan, sayings: list[Token], base: str | None) -> Span | None:
    """The day a saying of ``sayings`` is dated by its own clause ("X announced on Wednesday that
    ..."): the time of a threat made by saying it, in the past of the report."""
    verbs = {v.i for v in sayings}
    for e in sent.ents:
        if day_entity(words, e) and not is_age(e) and date_clause(e).i in verbs:
            if (span := resolve_entity(words, e, base, "past")) is not None:
                return span
    return None


def _joined_days(words: TimeWords, ent: SpacySpan, dates: list[SpacySpan], span: Span, base: str | None,
                 prefer: str) -> Span:
    """"on Thursday and Friday": two days joined by "and" are one span, from the first to the
    second, when the second follows within a week; else ``span`` as it is."""
    doc = ent.doc
    first = next((d for d in dates if d.end + 1 == ent.start and doc[d.end].lower_ == "and"), None)
    second = next((d for d in dates if d.start == ent.end + 1 and doc[ent.end].lower_ == "and"), None)
    pair = (first, ent) if first is not None else (ent, second) if second is not None else None
    if pair is None:
        return span
    a, b = (resolve_entity(words, d, base, prefer) for d in pair)
    if a is None or b is None or not a[0] or not b[1] or not 0 <= (
            dt.date.fromisoformat(b[1]) - dt.date.fromisoformat(a[0])).days <= 7:
        return span
    return a[0], b[1]
