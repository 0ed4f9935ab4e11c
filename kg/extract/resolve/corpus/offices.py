"""The office-holder rule: "President Obama" in a text of 2014 is Barack Obama.

Registered just before ``person-short-name`` (:mod:`~kg.extract.resolve.corpus.rules`): the
office-holder tables (``ontologies/offices/``) and the text's date are evidence that a co-mention
count cannot outweigh.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from kg.extract.resolve.corpus.rules import Proposal, View, rule
from kg.resources.offices import Holder, fold_name

__all__ = ["person_office"]


@rule("person-office", before="person-short-name")
def person_office(view: View) -> Iterator[Proposal]:
    """Names of one office holder: full names the table gives as one person's ("Donald Trump",
    "Donald J. Trump") when the corpus titles both with the office; then a surname alone under the
    title ("President Obama") joins the person who held it at the text's date (or, when no one
    did, the one person who held it before); in a text without a date, the one person the table
    ever gives that title and surname.  A surname alone and untitled ("Trump") in a dated text
    that names no one with that surname in full joins the one head of state or government of
    that surname in office on the date.  Full names the table gives one person join also
    untitled.  A name with a generation ("Trump Jr.") joins only a holder of that generation."""
    yield from _full_names(view)
    yield from _surnames(view)


def _full_names(view: View) -> Iterator[Proposal]:
    by_holder: dict[str, set[int]] = defaultdict(set)
    for u in view.units:
        if u.cls == "Person" and not u.short and u.person is not None and u.person.full:
            held = {h.name for t in u.titles_before(u.name) if t for h in view.res.offices.holders(u.name, t, None)}
            if not held and (person := view.res.offices.person(u.name)):  # untitled: a name the table gives one person
                held = {person}
            if len(held) == 1:  # "George Bush" is a name of two presidents: of neither
                by_holder[held.pop()].add(view.clusters.find(u.uid))
    for name, roots in sorted(by_holder.items()):
        first, *others = sorted(roots, key=lambda r: (fold_name(view.units[r].name) != fold_name(name), r))
        for r in others:
            yield Proposal(r, first, "person-office", f"{view.units[r].name!r} and {view.units[first].name!r}, "
                                                     f"both titled, are names of {name!r} (office-holder table)")


def _surnames(view: View) -> Iterator[Proposal]:
    offices, dates = view.res.offices, view.context.dates
    full: dict[str, set[int]] = defaultdict(set)  # folded full name -> roots
    for root in view.clusters.roots():
        for u in view.clusters.cluster(root):
            if u.cls == "Person" and not u.short and u.person is not None and u.person.full:
                full[fold_name(u.name)].add(root)
    named = _surnames_named_in_full(view)
    for u in view.units:
        if not u.short:
            continue
        date = dates.get(u.doc)
        titles = [t for t in u.titles_before(u.person.surname) if t and t.rstrip(".") not in view.kit.address]
        if date is None:  # no date: only a title and surname the table gives one person ever
            held = {h for t in titles for h in offices.sole_holder(u.person.surname, t)}
        elif titles:
            held = {h for t in titles for h in offices.holders(u.person.surname, t, date)} \
                or {h for t in titles for h in offices.holders(u.person.surname, t, date, former=True)}
        elif fold_name(u.person.surname) not in named.get(u.doc, ()):
            # "Trump" alone in a text of 2018 that names no one called Trump in full: the one head
            # of state or government of that surname in office on the text's date (or before it,
            # when the corpus names no one else so: _former_head); a word the NER
            # typed otherwise ("criticizes Trump" as an organisation) only in a text naming the
            # head's country (not the "Sharif" of "Mazar-e Sharif")
            head = offices.head_in_office(u.person.surname, date) or _former_head(view, u.person.surname, date, full)
            if head is not None and u.cls != "Person" and head.country not in view.context.doc_keys.get(u.doc, ()):
                head = None
            held = {head} if head is not None else set()
        else:
            held = set()
        if u.person.suffix:  # "Trump Jr." is no president Trump: only a holder of that generation
            held = {h for h in held if any(getattr(view.kit.person(n), "suffix", "") == u.person.suffix
                                           for n in h.names)}
        roots = {r for h in held for n in h.names for r in full.get(fold_name(n), ())}
        roots = {r for r in roots if view.clusters.conflict(u.uid, r) is None}
        if len({h.name for h in held}) == 1 and len(roots) == 1:
            (root,) = roots
            h = next(iter(held))
            when = (f"({date})" if titles else f"({date}, untitled; the one head in office with that surname)") \
                if date else "(no date; the table's only holder of the title)"
            yield Proposal(u.uid, root, "person-office",
                           f"{u.name!r} in {u.doc} {when} is {h.name!r}, {sorted(h.titles)[0]} "
                           f"from {h.start} (office-holder table)")


def _former_head(view: View, surname: str, date: str, full: dict[str, set[int]]) -> Holder | None:
    """The one head of state or government of that surname before ``date`` (:meth:`Offices.head_named`)
    when the corpus names no one else with that surname in full ("Nixon" in a text of 2018; not
    "the Clinton campaign" of 2016 in a corpus that names Hillary Clinton)."""
    heads = view.res.offices.head_named(surname, date)
    if not heads:
        return None
    own, last = {fold_name(n) for n in heads[0].names}, " " + fold_name(surname)
    others = [n for n in full if n.endswith(last) and n not in own]
    return None if others else heads[0]


def _surnames_named_in_full(view: View) -> dict[str, set[str]]:
    """document -> folded surnames of the persons it names in full.  A name of another generation
    ("Donald Trump Jr.") does not count: news writes "Trump Jr." for him, and "Trump" alone in that
    text is the one in office."""
    out: dict[str, set[str]] = defaultdict(set)
    for u in view.units:
        if u.cls == "Person" and not u.short and u.person is not None and u.person.full and not u.person.suffix:
            for d in u.docs:
                out[d].add(fold_name(u.person.surname))
    return out
