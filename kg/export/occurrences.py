"""Events, not reports: the occurrences of an event-type fact (docs/time.md).

"A met B" read from five wire items about one meeting is one meeting with five reports; "A met B"
in March and again in June is two meetings.  Event-like reports are counted as the events they
report: the asserted statements of one (subject, event property, object) are grouped into
*occurrences* by their time, each a ``kg:Occurrence`` (a sub-class of ``kg:Fact``, with the same
counts and dates) beside the fact's summary:

    <base>occurrence/<hash> a kg:Occurrence ;
        kg:occurrenceOf <base>fact/<hash> ;
        kg:occurrenceStart "2016-09-20"^^xsd:date ; kg:occurrenceEnd "2016-09-20"^^xsd:date ;
        kg:documentCount 2 ; kg:sourceCount 2 ; kg:firstReported ... ; kg:confidence 0.9 .
    ?statement kg:inOccurrence <base>occurrence/<hash> .
    <base>fact/<hash> kg:occurrenceCount 2 .

A statement's time is its event span (``kg:eventStart``/``kg:eventEnd``), else the day of its
report (the event happened that day or just before).  The grouping:

1. *precise* times (a span of at most :data:`PRECISE_DAYS` days) are one occurrence while each
   starts at most :data:`SLACK` after the group's end ("on Tuesday" in one report, the report date
   of Wednesday's in another);
2. a *vague* time ("last week", "in 2003") joins the one precise occurrence inside it; when several
   fit it joins none (it cannot say which), and vague times with none inside are grouped by overlap;
3. a statement with no time at all (no event span, an undated report) belongs to no occurrence:
   it still counts on the fact.

>>> from kg.export.facts import DocInfo
>>> rows = [("a", "metWith", "b", "d1", 0.8, "st1", "2016-09-20", "2016-09-20"),
...         ("a", "metWith", "b", "d2", 0.8, "st2", None, None),
...         ("a", "metWith", "b", "d3", 0.8, "st3", "2016-06-02", "2016-06-02")]
>>> docs = {"d2": DocInfo("2016-09-21", "Herald"), "d3": DocInfo("2016-06-03", "Courier")}
>>> [(o.start, o.end, o.statements) for o in group(rows, docs)[("a", "metWith", "b")]]
[('2016-06-02', '2016-06-02', ('st3',)), ('2016-09-20', '2016-09-21', ('st1', 'st2'))]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Iterable, Mapping

__all__ = ["EventRow", "Occurrence", "group", "PRECISE_DAYS", "SLACK"]

EventRow = tuple[str, str, str, str, float, str, "str | None", "str | None"]
# (subject, property, object, document, confidence, statement, event start, event end)

PRECISE_DAYS = 1
SLACK = timedelta(days=1)


@dataclass
class Occurrence:
    start: str
    end: str
    statements: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    confidences: tuple[float, ...] = field(default=(), repr=False)

    def add(self, statement: str, doc: str, conf: float) -> None:
        self.statements = tuple(sorted({*self.statements, statement}))
        self.documents = tuple(sorted({*self.documents, doc}))
        self.confidences = (*self.confidences, conf)


def _span(row: EventRow, docs: Mapping[str, Any]) -> tuple[date, date] | None:
    start, end = row[6], row[7]
    if start:
        return date.fromisoformat(start[:10]), date.fromisoformat((end or start)[:10])
    info = docs.get(row[3])
    if info is not None and info.date:
        d = date.fromisoformat(info.date)
        return d, d
    return None


def group(rows: Iterable[EventRow], docs: Mapping[str, Any]) -> dict[tuple[str, str, str], list[Occurrence]]:
    """The occurrences of each (subject, property, object) of ``rows``, in time order (the module
    docstring says how); ``docs`` maps a document to its :class:`kg.export.facts.DocInfo`."""
    by_fact: dict[tuple[str, str, str], list[tuple[tuple[date, date], EventRow]]] = {}
    for row in rows:
        span = _span(row, docs)
        if span is not None:
            by_fact.setdefault(row[:3], []).append((span, row))
    return {fact: _occurrences(items) for fact, items in sorted(by_fact.items())}


def _occurrences(items: list[tuple[tuple[date, date], EventRow]]) -> list[Occurrence]:
    items.sort(key=lambda it: (it[0], it[1][5]))
    precise = [it for it in items if (it[0][1] - it[0][0]).days <= PRECISE_DAYS]
    vague = [it for it in items if (it[0][1] - it[0][0]).days > PRECISE_DAYS]
    groups: list[list] = []  # [start, end, rows]
    for (s, e), row in precise:
        if groups and s <= groups[-1][1] + SLACK:
            groups[-1][1] = max(groups[-1][1], e)
            groups[-1][2].append(row)
        else:
            groups.append([s, e, [row]])
    exact = list(groups)
    loose: list[list] = []
    for (s, e), row in vague:
        inside = [g for g in exact if s <= g[0] and g[1] <= e]
        if len(inside) == 1:
            inside[0][2].append(row)
        elif not inside:
            if loose and s <= loose[-1][1]:
                loose[-1][1] = max(loose[-1][1], e)
                loose[-1][2].append(row)
            else:
                loose.append([s, e, [row]])
    out = []
    for s, e, members in sorted(exact + loose, key=lambda g: (g[0], g[1])):
        occ = Occurrence(s.isoformat(), e.isoformat())
        for row in members:
            occ.add(row[5], row[3], row[4])
        out.append(occ)
    return out
