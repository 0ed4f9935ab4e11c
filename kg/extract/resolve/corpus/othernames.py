"""The other-name rule: a body one text names in two ways ("WorldCom ... is now known as MCI") is
the body another text names in only one of them.

Registered just before ``org-short-form`` (:mod:`~kg.extract.resolve.corpus.rules`).  Per-document
resolution joins the two names where a text says they are one (:func:`kg.extract.resolve.standins.known_as`);
a body of another text whose name is a written form of exactly one other body, sharing no word with
that body's names and no acronym (acronyms are the ``org-acronym`` rule's), joins it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from kg.extract.resolve.corpus.rules import Proposal, View, is_institution, org_name, rule
from kg.extract.resolve.names import fold, is_acronym

__all__ = ["org_other_name"]


@rule("org-other-name", before="org-short-form")
def org_other_name(view: View) -> Iterator[Proposal]:
    """A body whose name is another body's other name (module docstring)."""
    carriers: dict[str, set[int]] = defaultdict(set)  # folded form -> bodies that carry it beside other names
    for v in view.units:
        if is_institution(v) and not v.gazetteer:
            words = {w for n in v.names for w in fold(n).split()}
            for form in v.forms:
                if not is_acronym(form) and not set(fold(form).split()) & words:
                    carriers[org_name(form)].add(v.uid)
    for u in view.units:
        if not is_institution(u) or is_acronym(u.name):
            continue
        hits = carriers.get(org_name(u.name), set()) - {u.uid}
        if len(hits) == 1:
            (target,) = hits
            yield Proposal(u.uid, target, "org-other-name",
                           f"{u.name!r} is another name of {view.units[target].name!r} in its texts")
