"""Time expressions as spans of days (kg.extract.context.dates): dateparser behind a small policy."""

from __future__ import annotations

import pytest

from kg.extract.context.dates import parse_date, resolve

BASE = "2016-09-20"  # a Tuesday


@pytest.mark.parametrize("text, base, prefer, expected", [
    ("Tuesday", BASE, "past", ("2016-09-20", "2016-09-20")),  # a Tuesday's "on Tuesday" is that day
    ("Monday", BASE, "past", ("2016-09-19", "2016-09-19")),
    # a planned meeting: "will meet Tuesday" in a Tuesday's report is that day too (news style; a
    # blind annotator read "due to meet Friday" in a Friday's report so); "next Tuesday" is not
    ("Tuesday", BASE, "future", ("2016-09-20", "2016-09-20")),
    ("Wednesday", BASE, "future", ("2016-09-21", "2016-09-21")),
    ("next Tuesday", BASE, "future", ("2016-09-27", "2016-09-27")),
    ("last Tuesday", BASE, "past", ("2016-09-13", "2016-09-13")),
    ("Tuesday night", BASE, "past", ("2016-09-20", "2016-09-20")),
    ("Sunday night", "2015-11-15", "past", ("2015-11-15", "2015-11-15")),
    ("last week", BASE, "past", ("2016-09-12", "2016-09-18")),
    # a Sunday's "last week" is the week ending that Sunday, as its reader takes it (GUIDELINE.md)
    ("last week", "2016-09-18", "past", ("2016-09-12", "2016-09-18")),
    ("this past week", "2016-09-18", "past", ("2016-09-12", "2016-09-18")),
    ("last week", "2016-09-17", "past", ("2016-09-05", "2016-09-11")),  # a Saturday's: the week before
    ("later this month", BASE, "future", ("2016-09-20", "2016-09-30")),  # from the report on
    ("later this year", BASE, "future", ("2016-09-20", "2016-12-31")),
    ("in 2003", BASE, "past", ("2003-01-01", "2003-12-31")),
    ("2003", None, "past", ("2003-01-01", "2003-12-31")),  # absolute: no base needed
    ("March", BASE, "past", ("2016-03-01", "2016-03-31")),
    ("next month", BASE, "past", ("2016-10-01", "2016-10-31")),
    ("yesterday", BASE, "past", ("2016-09-19", "2016-09-19")),
    ("Sept. 3, 2015", None, "past", ("2015-09-03", "2015-09-03")),
    ("Tuesday", None, "past", None),  # relative, and no document date
    ("the weekend", BASE, "past", ("2016-09-17", "2016-09-18")),  # the last Saturday and Sunday (dateparser reads none)
    ("next weekend", BASE, "past", ("2016-09-24", "2016-09-25")),
    ("a year ago", BASE, "past", ("2015-09-01", "2015-09-30")),  # the month (gold guideline), not the year
    ("three years ago", BASE, "past", ("2013-01-01", "2013-12-31")),
    # a decade: dateparser alone read "1950s" as 1,950 seconds before the base (the day before)
    ("the 1950s", BASE, "past", ("1950-01-01", "1959-12-31")),
    ("1980s", None, "past", ("1980-01-01", "1989-12-31")),
    ("the '90s", BASE, "past", ("1990-01-01", "1999-12-31")),
    ("the 20s", BASE, "past", ("1920-01-01", "1929-12-31")),  # the last such decade up to the base
    ("the 90s", None, "past", None),  # which century needs a base
    ("the 1990s and 2000s", BASE, "past", None),
    ("", BASE, "past", None),
])
def test_resolve(text, base, prefer, expected):
    assert resolve(text, base, prefer) == expected


@pytest.mark.parametrize("value, expected", [
    ("2016-09-20", "2016-09-20"),
    ("2016-09-20T23:30:00-05:00", "2016-09-20"),  # the day as written, not converted
    ("Tue, 20 Sep 2016 10:00:00 GMT", "2016-09-20"),
    ("Sept. 20, 2016", "2016-09-20"),
    ("Nov. 3", None),  # no year: not one day of the calendar
    ("September 2016", None),  # a month, not a day
    ("soon", None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected
