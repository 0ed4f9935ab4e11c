"""A head named by a government: "the Obama administration", "Merkel's government", "the Assad
regime" (rule function ``administration_heads``; no statement of its own).

A surname that names a government (``headed_government_nouns`` of ``lexicon/relations.toml``) is a head
of state or government's.  When the office-holder tables (``ontologies/offices/``) know one such
head with that surname for the text's date (:meth:`~kg.resources.offices.Offices.head_named`), the
person gets the head's title, so that corpus resolution (``person-office``) joins the lone surname
to the head's full name in other texts; a text that names the person in full needs nothing.
"""

from __future__ import annotations

from kg.extract.relations.records import NOTHING, Learned, RuleResult
from kg.extract.relations.registry import rule
from kg.extract.relations.view import DocView

__all__ = ["administration_heads"]


@rule(stage="titles", unit="mention")
def administration_heads(v: DocView, n: int, learned: Learned) -> RuleResult:
    """The title of the head a lone surname before a government noun names (see the module docstring)."""
    key = v.r.mention_keys[n]
    if not key or v.cls(key) != "Person":
        return NOTHING
    ent = v.entity(key)
    if ent is None or len(ent.name.split()) != 1:
        return NOTHING  # named in full in this text: its own name says who
    last = v.doc[v.mentions[n].end - 1]
    if last.dep_ not in ("compound", "poss") or last.head.lemma_.lower() not in v.words.headed_government_nouns:
        return NOTHING
    terms = v.res.offices.head_named(ent.name, v.date)
    if not terms:
        return NOTHING
    title = max(sorted(terms[0].titles), key=len)  # "prime minister", not "pm"
    return RuleResult(titles=((key, " ".join(w.capitalize() for w in title.split())),))
