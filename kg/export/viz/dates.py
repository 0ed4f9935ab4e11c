"""Dates on the page: a document's report date and, when the model carries one, a fact's event time.

The page filters and sorts by day, so every date becomes a span of ISO days ``(first, last)``:
``"2005-03-01"`` is one day, ``"2005-03"`` a month, ``"2005"`` a year, a ``datetime`` its day, a
pair ``(start, end)`` or an object with ``start``/``end`` attributes an interval.  Anything else
(free text such as "last week", which the page cannot order) gives None and the page shows the
text as given.

Event times on evidence are read through :func:`evidence_date`: the ``event_start``/``event_end``
days of :class:`kg.model.Evidence` (kg.extract.context, docs/time.md), else a ``time`` or ``date``
attribute; evidence without an event time is dated by its document's report date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

__all__ = ["Span", "date_span", "evidence_date", "EVIDENCE_DATE_FIELDS"]

Span = tuple[str, str]
EVIDENCE_DATE_FIELDS = ("time", "date")
_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][0-9:.+\-Z]*)?\s*$")


def _iso_span(text: str) -> Span | None:
    match = _ISO.match(text)
    if not match:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3)
    try:
        if day:
            iso = dt.date(int(year), int(month), int(day)).isoformat()
            return iso, iso
        if month:
            last = calendar.monthrange(int(year), int(month))[1]
            return dt.date(int(year), int(month), 1).isoformat(), dt.date(int(year), int(month), last).isoformat()
        return f"{year}-01-01", f"{year}-12-31"
    except ValueError:  # month 13, 30 February
        return None


def date_span(value: Any) -> Span | None:
    """``value`` as a span of ISO days, or None when it is no date the page can order."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        iso = value.date().isoformat()
        return iso, iso
    if isinstance(value, dt.date):
        iso = value.isoformat()
        return iso, iso
    if isinstance(value, str):
        return _iso_span(value)
    if isinstance(value, (tuple, list)) and len(value) == 2:
        first, last = date_span(value[0]), date_span(value[1])
    elif hasattr(value, "start") and hasattr(value, "end"):
        first, last = date_span(value.start), date_span(value.end)
    else:
        return None
    if first is None and last is None:
        return None
    lo = (first or last)[0]
    hi = (last or first)[1]
    return (lo, hi) if lo <= hi else (hi, lo)


_FIELDS_OF: dict[type, tuple[str, ...]] = {}


def evidence_date(evidence: Any) -> Span | None:
    """The event time the evidence carries (``event_start``..``event_end``, else one of
    :data:`EVIDENCE_DATE_FIELDS`), or None."""
    start = getattr(evidence, "event_start", None)
    if start is not None:
        return date_span((start, getattr(evidence, "event_end", None) or start))
    fields = _FIELDS_OF.get(type(evidence))
    if fields is None:  # which of the fields this kind of evidence has, looked up once per class
        fields = _FIELDS_OF[type(evidence)] = tuple(f for f in EVIDENCE_DATE_FIELDS if hasattr(evidence, f))
    for name in fields:
        span = date_span(getattr(evidence, name, None))
        if span is not None:
            return span
    return None
