"""Context of facts: when they happened, when the report was written and who says so.

Runs after the relation stages (:func:`kg.extract.extract_document`) over the document's
relations; the role status of post facts is read earlier, by the title and role rules themselves
(:mod:`kg.extract.relations.status`).  It also adds the threat an agent makes by saying it may do
a harm (rule ``announced-harm``: "X said it may strike Y"), which needs the speaker.  See docs/time.md.

    dates    dateparser behind a cache: ISO spans of time expressions, absolute or relative
    when     the document's date (field or dateline) and the time a sentence gives a fact
    bounds   the days between which a sentence says a post was held ("since 2013", "until 2003")
    lede     the story's day, for later sentences that tell more of its event without it
    speech   the speaker a sentence attributes a fact to
    quotes   the speaker of each quotation, for facts stated inside one
    dead     the people a text reports dead: their posts are former
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Iterable

from spacy.tokens import Doc, Token

from kg.extract.context.bounds import validity_bounds
from kg.extract.context.dead import posts_of_the_dead, the_dead
from kg.extract.context.lede import Anchor, lede_anchor, said_on_occasion, told_later
from kg.extract.context.quotes import Quote, quotations
from kg.extract.context.speech import inside, sayings_of, speaker, speakers_of
from kg.extract.context.when import clause_verb, document_date, event_span, fact_tokens, past_tense, saying_span
from kg.extract.infer import CHAIN_RULE
from kg.extract.relations.registry import RULES
from kg.extract.resolve.records import Resolution
from kg.model import Document, Relation
from kg.resources import Resources
from kg.resources.words import RelationWords

log = logging.getLogger(__name__)

__all__ = ["add_context", "dated_document", "report_day", "shared_event_times"]

_CLAUSE_FAMILIES = frozenset({"patterns"})  # rule families that read a clause (registry.py)
ANNOUNCED_RULE = "announced-harm"


def dated_document(document: Document, doc: Doc) -> Document:
    """``document`` with its date as an ISO date when the field (or, with none, the head of the
    text) gives one; an unparseable field stays as given, with a one-line warning."""
    iso, failed = document_date(document.date, doc)
    if failed:
        log.warning("document %s: date %r is not a date newskg can read; it stays a plain string "
                    "(write it as YYYY-MM-DD to have it typed)", document.id, document.date)
        return document
    return replace(document, date=iso) if iso and iso != document.date else document


def report_day(document: Document) -> str | None:
    """The document's date when it is one ISO day (what :func:`dated_document` makes of a readable
    date field or dateline), else None: the base of relative times and of the office tables.

    >>> report_day(Document("d", "text", date="2016-09-20")), report_day(Document("d", "text", date="autumn"))
    ('2016-09-20', None)
    """
    return document.date if document.date and len(document.date) == 10 else None


def add_context(document: Document, doc: Doc, resolution: Resolution, relations: Iterable[Relation],
                res: Resources) -> list[Relation]:
    """``relations`` with the event time of event facts, the validity bounds of post facts and the
    speaker of reported facts."""
    events, posts = res.ontology.events, res.ontology.posts
    words = res.relations.words
    harms = dict(w.split("|", 1) for w in words.announced_harms)
    reporting = words.reporting
    base = report_day(document)
    sents: dict[tuple[int, int], object] = {}
    anchor = lede_anchor(doc, resolution.keys_at, res.time, base, reporting)
    quotes = quotations(doc, resolution.keys_at, reporting)
    out, undated, occasions = [], set(), set()  # undated: asserted event facts in the past tense without a time
    for rel in relations:
        ev = rel.evidence
        if ev.rule == CHAIN_RULE:  # read from other facts: no sentence of its own
            out.append(rel)
            continue
        where = (ev.start, ev.end)
        if where not in sents:
            sents[where] = doc.char_span(ev.start, ev.end, alignment_mode="expand")
        sent = sents[where]
        if sent is None:
            out.append(rel)
            continue
        subj = [t for t in sent if rel.subject in resolution.keys_at(t.i)]
        obj = [t for t in sent if rel.object in resolution.keys_at(t.i)]
        args = sorted({t.i: t for t in (*subj, *obj)}.values(), key=lambda t: t.i)
        changes: dict[str, object] = {}
        sayings = sayings_of(sent, obj, reporting) if ev.modality == "hedged" else []  # "X said it would ..."
        if rel.predicate in events:
            span = event_span(res.time, sent, fact_tokens(subj, obj), base, ev.modality == "hedged",
                              frozenset(v.i for v in sayings))
            if span is not None:
                changes.update(event_start=span[0], event_end=span[1])
            elif ev.modality == "asserted" and past_tense(fact_tokens(subj, obj)) \
                    and told_later(sent, args, res.time.short_durations):
                undated.add(len(out))
                if said_on_occasion(args, reporting | res.time.occasion_verbs, res.time.saying_occasion_preps):
                    occasions.add(len(out))
        if rel.predicate in posts:
            changes.update(_bounded(res, rel.predicate, sent, subj, obj, base, ev.role_status))
        changes.update(_source(rel, sent, [subj, obj], resolution, res, quotes))
        out.append(replace(rel, evidence=replace(ev, **changes)) if changes else rel)
        threat = _announced(rel, harms, speakers_of(sent, obj, resolution.keys_at, reporting) if rel.predicate in harms
                            and ev.modality == "hedged" and _a_threat(obj, words) else set())
        if threat is not None:
            out.append(_dated_by_saying(threat, saying_span(res.time, sent, sayings, base)))
    out = posts_of_the_dead(out, the_dead(doc, resolution.keys_at, out, res.time), posts)
    out = _story_day(out, undated, occasions, anchor) if anchor is not None else out
    return shared_event_times(out, events, res.ontology.symmetric, base)


def _source(rel: Relation, sent, args: list[list[Token]], resolution: Resolution, res: Resources,
            quotes: list[Quote]) -> dict[str, str]:
    """Who the fact is attributed to: the speaker of its clause ("X said Y attacked Z"), else the
    speaker of the quotation it stands in ('"... Y attacked Z. ...," X said'); or the words of an
    unnamed source ("officials said").  Only what a clause states is reported speech: a title or an
    apposition around a name ("President Y") is a description, the narrator's or the speaker's."""
    words, events = res.relations.words, res.ontology.events
    said = RULES[rel.evidence.rule].family in _CLAUSE_FAMILIES if rel.evidence.rule in RULES else False
    who, unnamed = speaker(sent, args, resolution.keys_at, words.reporting, res.time.attribution_phrases,
                           res.time.unnamed_sources) if said else (None, None)
    if said and who is None and unnamed is None:
        who = next((k for first, last, k in quotes if any(args) and all(
            inside(a, lambda i, f=first, la=last: f <= i <= la, {k}, resolution.keys_at) for a in args if a)), None)
    if who in (rel.subject, rel.object) and rel.predicate not in events:
        who = None  # "X said she backs Y": X's own stance is the fact itself, no report of it
    if who is not None:  # "X said he met Y" is X's own report of an event: attributed to X too
        return {"attributed_to": who}
    return {"unnamed_source": unnamed} if unnamed is not None else {}


def _a_threat(args: list[Token], words: RelationWords) -> bool:
    """Is the harm's clause a threat: a modal of ``threat_modals`` ("may strike", "will attack"), not
    "may have struck" (a guess about the past), "would not attack" (a promise), "ought to bomb" (advice)?"""
    if not all(_verb_argument(a) for a in args if a.head not in args):  # each name's head word
        return False  # "will pursue charges over the killing of Y": the harm is no verb's of the saying
    kids = [c for a in args for c in clause_verb(a).children]
    return any(c.dep_ == "aux" and c.lower_ in words.threat_modals for c in kids) and not any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" or c.dep_ == "neg" or c.lower_ in words.negation_words
        for c in kids)


def _verb_argument(tok: Token) -> bool:
    """Is ``tok`` (or the first of the list it is in) the object of its clause's verb, directly or
    through one preposition ("may strike Y", "will fire on Y")?"""
    while tok.dep_ == "conj":
        tok = tok.head
    verb = clause_verb(tok)
    return tok.head == verb or tok.head.dep_ == "prep" and tok.head.head == verb


def _announced(rel: Relation, harms: dict[str, str], speakers: set[str]) -> Relation | None:
    """The threat an agent makes by saying it may do a harm (``announced_harms``): asserted, its
    own speaker's, dated by the report (the harm's time is the threatened one)."""
    if rel.subject not in speakers:
        return None
    ev = rel.evidence
    return Relation(rel.subject, harms[rel.predicate], rel.object, replace(
        ev, rule=ANNOUNCED_RULE, modality="asserted", confidence=round(ev.confidence * RULES[ANNOUNCED_RULE].factor, 3),
        attributed_to=rel.subject, unnamed_source=None, event_start=None, event_end=None, time_elsewhere=False))


def _dated_by_saying(threat: Relation, span: tuple[str, str | None] | None) -> Relation:
    """A threat made by saying is dated by the saying's own time, when its clause gives one."""
    if span is None:
        return threat
    return replace(threat, evidence=replace(threat.evidence, event_start=span[0], event_end=span[1]))


def _story_day(relations: list[Relation], undated: set[int], occasions: set[int], anchor: Anchor) -> list[Relation]:
    """The lede's day for the undated event facts it covers (:mod:`.lede`)."""
    out = []
    for i, r in enumerate(relations):
        ev = r.evidence
        if i in undated and not ev.event_start and anchor.dates(r.predicate, r.subject, r.object, ev.start,
                                                                occasion=i in occasions):
            r = replace(r, evidence=replace(ev, event_start=anchor.day, event_end=anchor.day, time_elsewhere=True))
        out.append(r)
    return out


def shared_event_times(relations: list[Relation], events: frozenset[str] | set[str],
                       symmetric: frozenset[str] | set[str], report_date: str | None = None) -> list[Relation]:
    """An event fact stated again without a time in another sentence of the article ("the
    summit", "his trip to Y") takes the time of the one that gives it, when that is the only time
    the article gives the fact with the same modality (two dates are two events or a doubt: none
    is copied).  A planned event is another one than a held one, except a plan whose time has
    begun by the report date ("the visit to Y this week" and "by visiting Y, X ...").

    >>> from kg.model import Evidence
    >>> def rel(start, end, dated):
    ...     ev = Evidence("d", "s", start, end, "r", 0.8, event_start=dated, event_end=dated)
    ...     return Relation("a", "visited", "y", ev)
    >>> [r.evidence.event_start for r in shared_event_times([rel(0, 9, "2020-03-02"), rel(10, 19, None)],
    ...                                                      {"visited"}, set())]
    ['2020-03-02', '2020-03-02']
    """
    def key(r: Relation) -> tuple:
        pair = tuple(sorted((r.subject, r.object))) if r.predicate in symmetric else (r.subject, r.object)
        return r.predicate, pair

    spans: dict[tuple, dict[str, set[tuple[str, str | None]]]] = {}
    for r in relations:
        if r.predicate in events and r.evidence.event_start:
            by_mod = spans.setdefault(key(r), {})
            by_mod.setdefault(r.evidence.modality, set()).add((r.evidence.event_start, r.evidence.event_end))
    out = []
    for r in relations:
        ev = r.evidence
        if r.predicate in events and not ev.event_start and ev.rule != CHAIN_RULE and key(r) in spans:
            by_mod = spans[key(r)]
            one = set(by_mod.get(ev.modality, ()))
            if ev.modality == "asserted" and report_date:
                one |= {s for s in by_mod.get("hedged", ()) if s[0] <= report_date}
            one = _nested(one)
            if len(one) == 1:
                start, end = next(iter(one))
                r = replace(r, evidence=replace(ev, event_start=start, event_end=end, time_elsewhere=True))
        out.append(r)
    return out


def _nested(spans: set[tuple[str, str | None]]) -> set[tuple[str, str | None]]:
    """The narrowest of ``spans`` when it lies inside every other ("next month" and "in late June"
    in a May report: one meeting, in June 21-30); the spans as they are otherwise.

    >>> _nested({("2019-06-01", "2019-06-30"), ("2019-06-21", "2019-06-30")})
    {('2019-06-21', '2019-06-30')}
    >>> len(_nested({("2019-06-01", "2019-06-30"), ("2019-07-01", "2019-07-31")}))
    2
    """
    if len(spans) < 2:
        return spans

    def inside(a, b) -> bool:
        return b[0] <= a[0] and (b[1] is None or (a[1] is not None and a[1] <= b[1]))
    narrow = next((a for a in spans if all(inside(a, b) for b in spans)), None)
    return {narrow} if narrow is not None else spans


def _bounded(res: Resources, prop: str, sent, subj, obj, base: str | None, status: str | None) -> dict[str, object]:
    """The validity bounds of a post fact, and its status made consistent with them: a post held
    "until" a day before the report date is former (a title marker, "former", "-elect", wins
    otherwise: "since 2013" keeps the status the title gives)."""
    bounds = validity_bounds(res.time, sent, subj, obj, base,
                             title_modifier_only=prop.lower() in res.time.unbounded_modifier_properties)
    if bounds is None:
        return {}
    out: dict[str, object] = {"valid_from": bounds.start, "valid_until": bounds.end}
    if status == "current" and bounds.end is not None and base is not None and bounds.end < base:
        out["role_status"] = "former"
    return out
