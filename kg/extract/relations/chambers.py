"""A legislator's title makes the legislator a member of the chamber the text names: "Sen. Ana Lind"
in a text about the Senate is a member of it (rule ``chamber-title``).

The titles and their chambers are data (``chamber_titles`` of ``lexicon/relations.toml``:
"sen.|senate", "mep|european parliament"); the chamber must be an entity of the document, and
only one of that name ("the Senate" of one text, not a state senate beside it).  A floor leader's
title (``chamber_leader_titles``: "Senate Majority Leader X", "Senate Freedom Party Leader X") makes X a
member of the chamber named right before it (and of the party between).  A title after
"former" or "ex-" gives a former membership (docs/time.md).
"""

from __future__ import annotations

from kg.extract.relations.records import NOTHING, Arg, Learned, RuleResult, result_of
from kg.extract.relations.registry import declare, rule
from kg.extract.relations.status import status_of
from kg.extract.relations.view import DocView
from kg.extract.resolve.names import fold

__all__ = ["chamber_titles"]

declare("chamber-title", factor=0.95, family="chambers",
        summary='"Sen. X" in a text that names the Senate, "Senate Majority Leader X" -> memberOf the Senate')

_INSTITUTIONS = ("GovernmentBody", "Organization")


@rule("chamber-title", stage="closing", unit="mention")
def chamber_titles(v: DocView, n: int, learned: Learned) -> RuleResult:
    """A person's name right after a legislator's title: a member of the chamber the document names."""
    key, m, doc = v.r.mention_keys[n], v.mentions[n], v.doc
    if not key or v.cls(key) != "Person" or m.start == 0:
        return NOTHING
    title = doc[m.start - 1]
    chamber = dict(w.split("|", 1) for w in v.words.chamber_titles).get(title.lower_)
    bodies = [k for k, e in v.r.entities.items() if e.cls in _INSTITUTIONS and _names(e, chamber)] if chamber else []
    parties: list[str] = []
    if chamber is None:
        bodies, parties = _named_before_leader(v, m.start)
    if len(bodies) != 1:
        return NOTHING
    status = status_of((doc[j].text for j in range(max(0, m.start - 4), m.start - 1)), v.res.time)
    return result_of([v.reading("memberOf", Arg(key), Arg(b), "chamber-title", title, "asserted", status=status)
                      for b in bodies[:1] + parties])


def _named_before_leader(v: DocView, start: int) -> tuple[list[str], list[str]]:
    """"Senate Majority Leader X", "House Minority Whip X": the chamber named right before a floor
    leader's title (``chamber_leader_titles``), of which X is a member (the guideline's settled case);
    "Senate Freedom Party Leader X": the party's floor leader, a member of the chamber and of the party
    (returns the chambers and the parties)."""
    doc = v.doc
    if start < 3:
        return [], []
    parties: list[str] = []
    if f"{doc[start - 2].lower_} {doc[start - 1].lower_}" in v.words.chamber_leader_titles:
        before = start - 3
    elif doc[start - 1].lower_ in {t.split()[-1] for t in v.words.chamber_leader_titles} \
            and (party := v.r.token_keys.get(start - 2)) and v.cls(party) == "Group":
        before = start - 2
        while before > 0 and v.r.token_keys.get(before - 1) == party:  # "Senate Liberal Democrat Leader X"
            before -= 1
        before, parties = before - 1, [party]
    else:
        return [], []
    key = v.r.token_keys.get(before) if before >= 0 else None
    return ([key], parties) if key and v.cls(key) in _INSTITUTIONS else ([], [])


def _names(entity, chamber: str) -> bool:
    """Is ``chamber`` ("senate") the entity's name, or the last words of it ("United States Senate")?"""
    for name in (entity.name, *entity.aliases):
        f = fold(name)
        if f == chamber or f.endswith(f" {chamber}") and not f.startswith("state "):
            return True
    return False
