"""Office holders (``ontologies/offices/*.jsonl``): heads of state and of government
(``holders.jsonl``) and senior ministers (``ministers.jsonl``) with their terms, so that "President
Obama" in an article dated 2014 is read as the head of the United States, and "Foreign Secretary
Jack Straw" as a member of the British government, although the text never names the country.

One JSON object per line: ``name``, ``surname`` (the word news use alone), ``aliases`` (other
full-name spellings), ``country`` (a gazetteer country id), ``titles`` (lower-case title words for
this office), ``start`` and ``end`` (ISO dates; ``end`` null while in office), ``wikidata`` and
``property`` (``leaderOf``, the default, or ``worksFor``).
Validated on load: a bad line raises :class:`~kg.errors.DataFileError` naming the file and line.

>>> from kg.resources import load_resources
>>> offices = load_resources().offices
>>> [h.country for h in offices.holders("Barack Obama", "president", "2014-05-01")]
['country/usa']
>>> offices.holders("Obama", "president", None)  # a lone surname needs a date
()
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from kg.errors import DataFileError

__all__ = ["Holder", "Offices", "load_offices", "offices_from_rows", "fold_name"]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_KEYS = ("name", "surname", "aliases", "country", "titles", "start", "end", "wikidata", "property")
_POSTS = ("leaderOf", "worksFor")


@lru_cache(maxsize=1 << 17)
def fold_name(name: str) -> str:
    """The form names are compared in: "Kim Jong-un" == "kim jong un", "Erdoğan" == "erdogan"."""
    s = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[.\-‐'’]", " ", s).casefold().split())


@dataclass(frozen=True, slots=True)
class Holder:
    """One term of one office."""

    name: str
    surname: str
    country: str
    titles: frozenset[str]
    start: str
    end: str | None
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    prop: str = "leaderOf"  # the post's property: leaderOf (heads) or worksFor (ministers)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def covers(self, date: str) -> bool:
        """Is ``date`` (ISO, day precision) inside the term?"""
        return self.start <= date[:10] and (self.end is None or date[:10] < self.end)

    def ended_before(self, date: str) -> bool:
        return self.end is not None and self.end <= date[:10]


@dataclass(frozen=True)
class Offices:
    """The table, indexed by folded full name and by folded surname."""

    by_name: dict[str, tuple[Holder, ...]]
    by_surname: dict[str, tuple[Holder, ...]]

    def holders(self, name: str, title: str, date: str | None, *, former: bool = False) -> tuple[Holder, ...]:
        """The terms that ``title`` + ``name`` can denote in a text of ``date``.

        A full name (or an alias) matches its terms; with a date only the term that covers it
        (``former``: the terms that ended before it).  A lone surname matches only with a date,
        and only when exactly one term of that title covers the date (two Presidents Bush never
        overlap, but a surname is no identity without a date)."""
        title = title.casefold()
        full = [h for h in self.by_name.get(fold_name(name), ()) if title in h.titles]
        pool = full or ([h for h in self.by_surname.get(fold_name(name), ()) if title in h.titles] if date else [])
        if date:
            pool = [h for h in pool if (h.ended_before(date) if former else h.covers(date))]
        countries = {h.country for h in pool}
        if len(countries) != 1 or (not full and len({h.name for h in pool}) != 1):
            return ()
        return tuple(pool)

    def head_in_office(self, surname: str, date: str) -> Holder | None:
        """The one head of state or government (a ``leaderOf`` term) with this surname in office
        on ``date``, whatever the title; None when none or several people are.  Used to join a
        lone surname of a dated text that names no one with it in full, never to state a post.

        >>> t = offices_from_rows([("x", {"name": "Ana Lind", "surname": "Lind", "country": "country/fra",
        ...                              "titles": ["president"], "start": "2001-05-01", "end": "2006-05-01"})],
        ...                       frozenset({"country/fra"}))
        >>> t.head_in_office("Lind", "2003-01-01").name, t.head_in_office("Lind", "2007-01-01")
        ('Ana Lind', None)
        """
        pool = [h for h in self.by_surname.get(fold_name(surname), ()) if h.prop == "leaderOf" and h.covers(date)]
        return pool[0] if len({h.name for h in pool}) == 1 else None

    def head_named(self, surname: str, date: str | None) -> tuple[Holder, ...]:
        """The terms of the one head of state or government (a ``leaderOf`` term) with this surname
        that a text of ``date`` can mean by "the <surname> administration": of the heads whose first
        term began by then (any, without a date), the only one, else the only one in office on the
        date; empty when none or several.  Used to join names, never to state a post.

        >>> t = offices_from_rows([(str(i), {"name": n, "surname": "Lind", "country": "country/fra",
        ...                                  "titles": ["president"], "start": a, "end": b})
        ...                        for i, (n, a, b) in enumerate([("Ana Lind", "2001-05-01", "2006-05-01"),
        ...                                                       ("Bo Lind", "2011-05-01", None)])],
        ...                       frozenset({"country/fra"}))
        >>> [h.name for h in t.head_named("Lind", "2008-01-01")], [h.name for h in t.head_named("Lind", "2012-01-01")]
        (['Ana Lind'], ['Bo Lind'])
        >>> t.head_named("Lind", None), t.head_named("Lind", "1999-01-01")
        ((), ())
        """
        pool = [h for h in self.by_surname.get(fold_name(surname), ()) if h.prop == "leaderOf"
                and (date is None or h.start <= date[:10])]
        if len({h.name for h in pool}) > 1 and date:
            now = {h.name for h in pool if h.covers(date)}
            pool = [h for h in pool if h.name in now]
        return tuple(pool) if len({h.name for h in pool}) == 1 else ()

    def person(self, name: str) -> str | None:
        """The one person the table gives this full name or alias ("Donald J. Trump" -> "Donald
        Trump"); None when it gives none or several ("George Bush")."""
        names = {h.name for h in self.by_name.get(fold_name(name), ())}
        return names.pop() if len(names) == 1 else None

    def may_lead(self, name: str, country: str, date: str | None) -> bool:
        """Can the person called ``name`` head ``country`` as far as the table knows?  Not when the
        table knows that full name (or lone surname) only as the head of other states, nor when the text's ``date``
        falls in the term of a head of ``country`` of another name (then the head is known, and it
        is not this person; a lone surname of that head passes).

        >>> t = offices_from_rows([("x", {"name": "Ana Lind", "surname": "Lind", "country": "country/fra",
        ...                              "titles": ["president"], "start": "2001-05-01", "end": "2006-05-01"})],
        ...                       frozenset({"country/fra", "country/deu"}))
        >>> t.may_lead("Ana Lind", "country/deu", None), t.may_lead("Lind", "country/deu", None)
        (False, False)
        >>> t.may_lead("Tom Holm", "country/fra", "2003-01-01")
        False
        >>> t.may_lead("Lind", "country/fra", "2003-01-01"), t.may_lead("Tom Holm", "country/fra", "2009-01-01")
        (True, True)
        """
        known = [h for h in self.by_name.get(fold_name(name), ()) if h.prop == "leaderOf"]
        if not known and len(name.split()) == 1:  # a lone surname: the heads who bear it
            known = [h for h in self.by_surname.get(fold_name(name), ()) if h.prop == "leaderOf"]
        if known and all(h.country != country for h in known):
            return False
        if date:
            heads = [h for hs in self.by_name.values() for h in hs
                     if h.country == country and h.prop == "leaderOf" and h.covers(date)]
            folded = fold_name(name)
            last = folded.split()[-1] if folded else ""
            if heads and not any(folded in {fold_name(n) for n in h.names} or last == fold_name(h.surname)
                                 for h in heads):
                return False  # ("Vladimir V. Putin" is Putin: the surname decides)
        return True

    def led_country(self, name: str) -> str | None:
        """The one country whose head of state or government the table knows by this full name (or
        this lone surname) at any time: "the Obama administration" is that country's government.

        >>> t = offices_from_rows([("x", {"name": "Ana Lind", "surname": "Lind", "country": "country/fra",
        ...                              "titles": ["president"], "start": "2001-05-01", "end": "2006-05-01"})],
        ...                       frozenset({"country/fra"}))
        >>> t.led_country("Lind"), t.led_country("Ana Lind"), t.led_country("Bo Berg")
        ('country/fra', 'country/fra', None)
        """
        folded = fold_name(name)
        pool = self.by_name.get(folded, ()) or (self.by_surname.get(folded, ()) if " " not in folded else ())
        countries = {h.country for h in pool if h.prop == "leaderOf"}
        return countries.pop() if len(countries) == 1 else None

    def sole_holder(self, surname: str, title: str) -> tuple[Holder, ...]:
        """The terms of the one person the table knows as ``title`` + ``surname`` at any time
        (empty when it knows none or several): the evidence for a text without a date, which
        :meth:`holders` does not read.  Used to join names, never to state a post."""
        title = title.casefold()
        pool = [h for h in self.by_surname.get(fold_name(surname), ()) if title in h.titles]
        return tuple(pool) if len({h.name for h in pool}) == 1 else ()


def load_offices(folder: Path, countries: frozenset[str]) -> Offices:
    """Read and validate every ``*.jsonl`` table of ``folder``; ``countries`` are the gazetteer's
    country ids (no folder: an empty table)."""
    rows = []
    for path in sorted(folder.glob("*.jsonl")) if folder.is_dir() else ():
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    rows.append((f"{path}:{lineno}", json.loads(line)))
                except json.JSONDecodeError as exc:
                    raise DataFileError(f"{path}:{lineno}: not a JSON object ({exc}); one office term per line.") from exc
    return offices_from_rows(rows, countries)


def offices_from_rows(rows: Iterable[tuple[str, object]], countries: frozenset[str]) -> Offices:
    """The table from ``(where, row)`` pairs (``where`` names the row in errors).

    >>> t = offices_from_rows([("x", {"name": "Ana Lind", "surname": "Lind", "country": "country/fra",
    ...                              "titles": ["president"], "start": "2001-05-01", "end": "2006-05-01"})],
    ...                       frozenset({"country/fra"}))
    >>> [h.country for h in t.holders("Lind", "president", "2003-01-01")], t.holders("Lind", "president", "2007-01-01")
    (['country/fra'], ())
    """
    by_name: dict[str, list[Holder]] = defaultdict(list)
    by_surname: dict[str, list[Holder]] = defaultdict(list)
    for where, row in rows:
        holder, names = _holder(row, where, countries)
        for n in names:
            by_name[fold_name(n)].append(holder)
        by_surname[fold_name(holder.surname)].append(holder)
    return Offices({k: tuple(v) for k, v in by_name.items()}, {k: tuple(v) for k, v in by_surname.items()})


def _holder(row: object, where: str, countries: frozenset[str]) -> tuple[Holder, list[str]]:
    if not isinstance(row, dict) or set(row) - set(_KEYS) or not {"name", "surname", "country", "titles", "start"} <= set(row):
        raise DataFileError(f"{where}: an office term needs the keys {', '.join(_KEYS)} (end, aliases and "
                            f"wikidata may be null or absent).")
    if row["country"] not in countries:
        raise DataFileError(f"{where}: unknown country {row['country']!r}; use an id of ontologies/gazetteer/countries.jsonl.")
    start, end = row["start"], row.get("end")
    if not (isinstance(start, str) and _DATE.match(start)) or not (end is None or isinstance(end, str) and _DATE.match(end)) \
            or (end is not None and end < start):
        raise DataFileError(f"{where}: start and end must be YYYY-MM-DD dates with start <= end (end null while in office).")
    titles = row["titles"]
    if not isinstance(titles, list) or not titles or any(not isinstance(t, str) or t != t.lower() for t in titles):
        raise DataFileError(f"{where}: titles must be a non-empty list of lower-case title words.")
    aliases = row.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise DataFileError(f"{where}: aliases must be a list of names.")
    prop = row.get("property") or "leaderOf"
    if prop not in _POSTS:
        raise DataFileError(f"{where}: property must be one of {', '.join(_POSTS)}, got {prop!r}.")
    holder = Holder(row["name"], row["surname"], row["country"], frozenset(titles), start, end, row.get("wikidata"),
                    tuple(aliases), prop)
    return holder, list(holder.names)
