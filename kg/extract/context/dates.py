"""Dates: a document's date and the time expressions of its sentences, as ISO dates.

Parsing is ``dateparser``'s (English only, no network); this module only says which expression to
parse, against which base, and turns its result into a span of days:

* a day ("on Tuesday", "Sept. 3, 2015", "yesterday") -> (day, day);
* a week, month or year ("last week", "in March", "in 2003") -> its first and last day;
* a decade ("the 1950s", "the '90s") -> its first and last day (dateparser reads "1950s" as 1,950
  seconds before the base);
* a weekend ("over the weekend", "next weekend") -> its Saturday and Sunday (dateparser reads none);
* "the past month", "the last two weeks" -> from that long before the base to the base;
* "August of last year" -> that month of the year before the base;
* "a year ago" -> the month a year before the base (dateparser gives the whole year; the team's gold
  guideline gives the month);
* "earlier this week" (month, year) -> from the period's first day to the base, not past it;
  "later this week" from the base to the period's last day;
* "last week" in a Sunday's report -> the week ending that Sunday, as a reader of that day takes it
  (any other day: the week before the base's);
* nothing for what names no time of the calendar ("two days", "recent years": a duration).

A relative expression needs the document date as its base; without one only an *absolute*
expression is read (one that gives the same span from two different bases).  "Tuesday" in a
Tuesday's report is that day, not the week before (news writes "on Tuesday" for today).  Results
are cached per (expression, base, direction): a corpus repeats few expressions.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from functools import lru_cache

log = logging.getLogger(__name__)

__all__ = ["Span", "parse_date", "resolve", "iso_date", "decade", "weekend", "recent", "third_of", "thirds_of"]

Span = tuple[str, str | None]  # (first day, last day or None for an open end), ISO dates

# Two bases far apart: an expression that gives the same span from both is absolute.
_PROBES = (dt.datetime(2001, 2, 14), dt.datetime(2019, 8, 27))


@lru_cache(maxsize=64)
def _parser(prefer: str, base: dt.datetime):
    try:
        from dateparser.date import DateDataParser  # imported on first use: it loads its tables
    except ImportError:
        _warn_missing()
        return None
    return DateDataParser(languages=["en"], settings={
        "PREFER_DATES_FROM": prefer, "RETURN_TIME_AS_PERIOD": True, "RELATIVE_BASE": base})


@lru_cache(maxsize=1)
def _warn_missing() -> None:
    log.warning("dateparser is not installed, so only YYYY-MM-DD dates are read (no datelines, no event "
                "times); install it with `pip install dateparser` (a dependency of newskg)")


def _period(text: str, base: dt.datetime, prefer: str) -> tuple[dt.date, str] | None:
    parser = _parser(prefer, base)
    if parser is None:
        return None
    try:
        data = parser.get_date_data(text)
    except (ValueError, OverflowError, TypeError):
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def _span(day: dt.date, period: str) -> Span:
    if period == "year":
        return dt.date(day.year, 1, 1).isoformat(), dt.date(day.year, 12, 31).isoformat()
    if period == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return dt.date(day.year, day.month, 1).isoformat(), dt.date(day.year, day.month, last).isoformat()
    if period == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
    return day.isoformat(), day.isoformat()  # day, time, part of a day


@lru_cache(maxsize=1 << 14)
def resolve(text: str, base: str | None, prefer: str = "past") -> Span | None:
    """The span of days ``text`` names, relative to the ISO date ``base`` (None: absolute
    expressions only), resolved into the past or the ``"future"`` of the base.

    >>> resolve("this week", "2013-04-03"), resolve("earlier this week", "2013-04-03")
    (('2013-04-01', '2013-04-07'), ('2013-04-01', '2013-04-03'))
    >>> resolve("later this year", "2015-04-20")
    ('2015-04-20', '2015-12-31')
    >>> resolve("last week", "2017-02-04"), resolve("last week", "2017-02-05")
    (('2017-01-23', '2017-01-29'), ('2017-01-30', '2017-02-05'))
    """
    text = " ".join(text.split())
    if not text or not any(c.isalnum() for c in text):
        return None
    if _DECADE_WORD.search(text):
        return decade(text, base)
    if _WEEKEND.match(text):
        return weekend(text, base, prefer)
    if _RECENT.match(text):
        return recent(text, base)
    if _PART_OF_PERIOD.match(text):
        return _part_of_period(text, base, prefer)
    if _LAST_WEEK.match(text) and base is not None and dt.date.fromisoformat(base[:10]).weekday() == 6:
        return _span(dt.date.fromisoformat(base[:10]), "week")  # on a Sunday, the week ending that day
    if (m := _OF_YEAR.match(text)) and base is not None:  # "August of last year": dateparser reads none
        year = int(base[:4]) + {"last": -1, "this": 0, "next": 1}[m.group(2).lower()]
        return resolve(f"{m.group(1)} {year}", None, prefer)
    if _A_YEAR_AGO.match(text) and base is not None:  # the month a year before, as news means it
        day = dt.date.fromisoformat(base)
        return _span(dt.date(day.year - 1, day.month, 1), "month")
    probes = [_period(text, b, prefer) for b in _PROBES]
    if probes[0] is not None and probes[1] is not None and _span(*probes[0]) == _span(*probes[1]):
        return _span(*probes[0])  # absolute: "Sept. 3, 2015", "in 2003"
    if base is None:
        return None
    day = dt.datetime.fromisoformat(base)
    got = _period(text, day, prefer)
    if got is None:
        return None
    if got[1] in ("day", "time", "part_of_day") and text.split()[0].casefold() in _WEEKDAYS:
        # a bare weekday: "on Tuesday" (or "will meet Tuesday") in a Tuesday's report is that
        # Tuesday, not the one a week before (after); "last Tuesday" / "next Tuesday" keep theirs
        step = dt.timedelta(days=1 if prefer == "past" else -1)
        other = _period(text, day + step, prefer)
        if other is not None and abs((other[0] - got[0]).days) == 7 and other[0] == day.date():
            got = other
    return _span(*got)


def _part_of_period(text: str, base: str | None, prefer: str) -> Span | None:
    """"earlier this week": the week up to the base, not later in it; "later this month": from the
    base to the month's last day, not before it."""
    word, period = text.split(None, 1)
    span = resolve(period, base, prefer) if base else None
    if span is None or span[1] is None or not span[0] <= base[:10] <= span[1]:
        return span
    return (span[0], base[:10]) if word.lower() == "earlier" else (base[:10], span[1])


_PART_OF_PERIOD = re.compile(r"^(?:earlier|later)\s+this\s+(?:week|month|year)$", re.IGNORECASE)
_LAST_WEEK = re.compile(r"^(?:this\s+)?(?:last|past)\s+week$", re.IGNORECASE)


_OF_YEAR = re.compile(r"^(.+?)\s+of\s+(last|this|next)\s+year$", re.IGNORECASE)
_RECENT = re.compile(r"^the\s+(?:past|last)\s+(?:(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                     r"twelve)\s+)?(hour|day|week|month|year)s?$", re.IGNORECASE)
_NUMBERS = {w: n for n, w in enumerate(("one two three four five six seven eight nine ten eleven twelve").split(), 1)}


def recent(text: str, base: str | None) -> Span | None:
    """The days up to the report that "the past month", "the last two weeks", "the past 72 hours"
    cover: from that long before the ISO date ``base`` to it (dateparser reads none of them, and a
    plural of length is otherwise a duration); None for anything else or without a base.

    >>> recent("the past month", "2013-04-26"), recent("the last two weeks", "2013-04-26")
    (('2013-03-26', '2013-04-26'), ('2013-04-12', '2013-04-26'))
    >>> recent("the past 72 hours", "2014-10-08"), recent("the past year", "2016-02-29")
    (('2014-10-05', '2014-10-08'), ('2015-02-28', '2016-02-29'))
    """
    m = _RECENT.match(" ".join(text.split()))
    if m is None or base is None:
        return None
    count = m.group(1) or "1"
    n = int(count) if count.isdigit() else _NUMBERS[count.lower()]
    day = dt.date.fromisoformat(base[:10])
    unit = m.group(2).lower()
    if unit in ("hour", "day", "week"):
        days = {"hour": -(-n // 24), "day": n, "week": 7 * n}[unit]
        first = day - dt.timedelta(days=days)
    else:
        months = n * (12 if unit == "year" else 1)
        y, mo = divmod(day.year * 12 + day.month - 1 - months, 12)
        first = dt.date(y, mo + 1, min(day.day, calendar.monthrange(y, mo + 1)[1]))
    return first.isoformat(), day.isoformat()


_A_YEAR_AGO = re.compile(r"^(?:just\s+|about\s+)?(?:a|one)\s+year\s+ago$", re.IGNORECASE)
_WEEKEND = re.compile(r"^(?:(the|this|last|past|next|coming)\s+)?weekend$", re.IGNORECASE)


def weekend(text: str, base: str | None, prefer: str = "past") -> Span | None:
    """The Saturday and Sunday "the weekend", "last weekend" or "next weekend" names from the ISO
    date ``base`` (dateparser reads none of them): in the past, the latest weekend that has begun
    ("last weekend" on a Sunday is the one before); in the future or with "next"/"coming", the
    next one.

    >>> weekend("the weekend", "2018-12-06"), weekend("next weekend", "2018-12-06")
    (('2018-12-01', '2018-12-02'), ('2018-12-08', '2018-12-09'))
    >>> weekend("this weekend", "2018-12-06", "future"), weekend("last weekend", "2018-12-09")
    (('2018-12-08', '2018-12-09'), ('2018-12-01', '2018-12-02'))
    """
    m = _WEEKEND.match(" ".join(text.split()))
    if m is None or base is None:
        return None
    day = dt.date.fromisoformat(base)
    word = (m.group(1) or "").lower()
    if word in ("next", "coming") or prefer == "future" and word not in ("last", "past"):
        saturday = day + dt.timedelta(days=(5 - day.weekday()) % 7 or 7)
    else:
        saturday = day - dt.timedelta(days=(day.weekday() - 5) % 7)
        if word in ("last", "past") and day.weekday() >= 5:
            saturday -= dt.timedelta(days=7)
    return saturday.isoformat(), (saturday + dt.timedelta(days=1)).isoformat()


_DECADE = re.compile(r"(?:the\s+)?['’]?(\d{1,3})0s", re.IGNORECASE)
_DECADE_WORD = re.compile(r"\d0s\b", re.IGNORECASE)


def decade(text: str, base: str | None) -> Span | None:
    """The years of a decade: "the 1950s" -> 1950-01-01..1959-12-31; "the '90s" the last such decade
    up to the base's year (none without a base); None for anything else ("the 1990s and 2000s").

    >>> decade("the 1950s", None)
    ('1950-01-01', '1959-12-31')
    >>> decade("the '90s", "2016-12-27")
    ('1990-01-01', '1999-12-31')
    """
    m = _DECADE.fullmatch(" ".join(text.split()))
    if m is None:
        return None
    digits = m.group(1)
    if len(digits) == 3:
        first = int(digits) * 10
    elif len(digits) == 1 and base is not None:
        year = int(base[:4])
        first = year // 100 * 100 + int(digits) * 10
        first -= 100 if first > year else 0
    else:
        return None
    return dt.date(first, 1, 1).isoformat(), dt.date(first + 9, 12, 31).isoformat()


# English weekday names (dateparser is set to English); not calendar.day_name, which follows the locale
_WEEKDAYS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))


@lru_cache(maxsize=1 << 12)
def parse_date(value: str) -> str | None:
    """A document's date field as an ISO date ("2016-09-20", "Tue, 20 Sep 2016 10:00:00 GMT",
    "Sept. 20, 2016"), or None when it names no one day of the calendar by itself."""
    iso = iso_date(value)
    if iso is not None:
        return iso
    span = resolve(value, None)
    return span[0] if span is not None and span[0] == span[1] else None


def iso_date(value: str) -> str | None:
    """``value`` when it is (or starts with) an ISO date "YYYY-MM-DD", else None."""
    head = value.strip()[:10]
    try:
        return dt.date.fromisoformat(head).isoformat() if len(head) == 10 else None
    except ValueError:
        return None


@lru_cache(maxsize=4)
def thirds_of(entries: frozenset[str]) -> dict[str, int]:
    """``period_thirds`` entries ("late|3") as a table of word -> third."""
    return {w: int(n) for w, _, n in (e.rpartition("|") for e in entries)}


def third_of(span: Span, third: int) -> Span:
    """The first, middle or last third (1, 2, 3) of a month's or a year's span ("late July": its
    21st to its last day; "early 2015": January to April); any other span as it is.

    >>> third_of(("2015-07-01", "2015-07-31"), 3), third_of(("2015-01-01", "2015-12-31"), 1)
    (('2015-07-21', '2015-07-31'), ('2015-01-01', '2015-04-30'))
    """
    first, last = span
    if last is None:
        return span
    a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    if a.day == 1 and (a.year, a.month) == (b.year, b.month) and b.day == calendar.monthrange(b.year, b.month)[1]:
        start = dt.date(a.year, a.month, 10 * (third - 1) + 1)
        end = b if third == 3 else dt.date(a.year, a.month, 10 * third)
        return start.isoformat(), end.isoformat()
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and a.year == b.year:
        start = dt.date(a.year, 4 * (third - 1) + 1, 1)
        end = dt.date(a.year, 4 * third, calendar.monthrange(a.year, 4 * third)[1])
        return start.isoformat(), end.isoformat()
    return span
