"""A capital and its state: "the capital, Riverton", "the capital of Riverton", or "the Ruritanian
capital" in a text that names Riverton -> Riverton locatedIn Ruritania (rule ``capital``).

Which city is which state's capital is the gazetteer's knowledge (``capitals`` of
ontologies/gazetteer/countries.jsonl); the state must be named in the text (a capital's state is not
brought in from the gazetteer alone).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.relations.clauses import prep_objects
from kg.extract.relations.records import NOTHING, Arg, Learned, RuleResult, result_of
from kg.extract.relations.registry import declare, rule
from kg.extract.relations.view import DocView

__all__ = ["capital_of_state"]

declare("capital", factor=0.85, family="places",
        summary='"the capital, X", "the <demonym> capital" with X named -> X locatedIn the state')


def _capital_state(v: DocView, city: str) -> str | None:
    """The state whose capital the city is, by the gazetteer."""
    ent = v.entity(city)
    return v.res.gazetteer.capitals.get(ent.name) if ent is not None else None


@rule("capital", stage="clauses", unit="token")
def capital_of_state(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """The noun "capital" with its city (apposition, "of") or its state (a demonym, a possessive)."""
    if tok.lemma_.lower() != "capital" or tok.pos_ != "NOUN" or tok.i in v.r.token_keys \
            or tok.dep_ == "pobj" and tok.head.lower_ == "as":
        return NOTHING  # "recognised Riverton as its capital": a claim, not where Riverton lies
    states = {a.key for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "poss")
              for a in v.direct(c) if v.cls(a.key) == "Country"}
    named = ([tok.head] if tok.dep_ == "appos" else []) + [c for c in tok.children if c.dep_ == "appos"]
    named += prep_objects(tok, "of")
    cities = {a.key for t in named for a in v.direct(t, conjuncts=False) if v.cls(a.key) == "City"}
    if not cities and states:  # "the Afghan capital": the state's capital, when the text names it
        cities = {k for k, e in v.r.entities.items() if e.cls == "City" and _capital_state(v, k) in states}
    pairs = [(c, s) for c in cities if (s := _capital_state(v, c)) and s in v.r.entities and (not states or s in states)]
    return result_of([v.reading("locatedIn", Arg(c), Arg(s), "capital", tok, "asserted") for c, s in pairs])
