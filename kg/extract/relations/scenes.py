"""Where a person acts: "X told activists in Riverton", "X spoke at the Old Fort in Riverton", "X
was in Riverton on Monday" -> X visited the town (rule ``verb-scene``).

A verb's own "in"/"at" phrase naming a town, a region or a site (not a country: "X intervened in
Ruritania" is no presence) is where its person subject was.  Verbs whose "in" is no place of presence
("born in", "invested in", "won in") are ``sceneless_verbs`` of the lexicon; a phrase put before
the subject ("In Riverton, X said") sets the scene of the whole sentence and is read the same way."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.relations.clauses import is_passive, prep_objects, subjects
from kg.extract.relations.records import NOTHING, Learned, RuleResult, result_of
from kg.extract.relations.registry import declare, rule
from kg.extract.relations.view import DocView

__all__ = ["scenes"]

declare("verb-scene", factor=0.85, family="scenes",
        summary='"X spoke in Riverton", "X was in Riverton" (a person acting at a town or site) -> visited')

_PREPS = ("in", "at")


@rule("verb-scene", stage="clauses", unit="token")
def scenes(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """A person subject of ``tok`` and the towns or sites of its own "in"/"at" phrases."""
    if not (tok.pos_ == "VERB" or tok.lemma_ == "be" and tok.dep_ in ("ROOT", "ccomp", "conj", "advcl")
            and not any(c.dep_ in ("acomp", "attr", "auxpass") for c in tok.children)):
        return NOTHING  # "X was in Y" is a presence; "X was well known in Y" is not
    if any(t.prop == "visited" for t in v.lex.verbs.get(tok.lemma_.lower(), ())):
        return NOTHING  # a trigger of visited ("tour", "speak in"): the trigger rules read it
    if tok.lemma_.lower() in v.words.sceneless_verbs or any(
            c.dep_ in ("prt", "neg") and f"{tok.lemma_.lower()} {c.lower_}" in v.words.sceneless_verbs for c in tok.children):
        return NOTHING
    places = [a for prep in _PREPS for p in prep_objects(tok, prep)
              for a in v.direct(p, conjuncts=True) if v.is_locality(a.key) and v.cls(a.key) != "GovernmentBody"
              and v.entity(a.key).name.lower() not in v.words.world_regions]
    if not places:
        return NOTHING
    agents, passive = subjects(v, tok)
    if passive or tok.dep_ == "conj" and is_passive(tok.head):
        return NOTHING  # "X was arrested and held in Y": kept there; "received in Y": the agent's visit
    people = [a for a in agents if v.cls(a.key) == "Person"]
    return result_of([v.reading("visited", person, place, "verb-scene", tok) for person in people for place in places])
