"""Calls for someone to go, read as criticism (rule ``demand-to-go``): "A called on B to resign",
"A urged B to step down", "A demanded B's resignation", "A called for B's impeachment", "A, who
called for the ouster of B".  The verbs
of demanding, the verbs of leaving and the nouns of removal are data (``demand_verbs``,
``leave_verbs``, ``removal_nouns`` of ``lexicon/relations.toml``); the one asked to go is a person
or a body of the text, the one asking is the demanding verb's agent."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.relations.records import NOTHING, Learned, RuleResult, result_of
from kg.extract.relations.registry import declare, rule
from kg.extract.relations.view import DocView

__all__ = ["demands_to_go"]

declare("demand-to-go", factor=0.9, family="demands",
        summary='"A called on B to resign", "A demanded B\'s resignation" -> A criticized B')


@rule("demand-to-go", stage="clauses", unit="token")
def demands_to_go(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """A demanding verb whose object (or "on"-object) is told to leave, or whose object (or
    "for"-object) is a removal noun owned by someone."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in v.words.demand_verbs:
        return NOTHING
    subjects = [a for c in tok.children if c.dep_ == "nsubj"
                for a in (v.direct(tok.head, conjuncts=False) if _relative(c, tok) else v.direct(c))]
    targets = [a for t in _asked(tok) if any(_leaves(x, v) for x in tok.children if x.dep_ in ("xcomp", "ccomp"))
               for a in v.direct(t)]
    targets += [a for n in _removals(tok, v) for c in _owners(n) for a in v.direct(c)]
    return result_of([v.reading("criticized", s, t, "demand-to-go", tok) for s in subjects for t in targets
                      if s.key != t.key])


def _relative(subject: Token, verb: Token) -> bool:
    """"X, who has called for ...": the subject is the noun the relative clause follows."""
    return verb.dep_ == "relcl" and subject.lower_ in ("who", "that", "which")


def _owners(noun: Token) -> list[Token]:
    """Whose removal: "B's resignation", "the ouster of B"."""
    return [c for c in noun.children if c.dep_ == "poss"] + [
        p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]


def _asked(verb: Token) -> list[Token]:
    """The one asked: "urged B to ...", "called on B to ..." (the parser may make B the subject of the complement)."""
    out = [c for c in verb.children if c.dep_ == "dobj"]
    out += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children if p.dep_ == "pobj"]
    out += [s for c in verb.children if c.dep_ in ("xcomp", "ccomp") for s in c.children if s.dep_ == "nsubj"]
    return out


def _leaves(comp: Token, v: DocView) -> bool:
    """"resign", "step down", "quit": a verb of leaving (with its particle)."""
    particle = next((c.lower_ for c in comp.children if c.dep_ == "prt"), None)
    word = comp.lemma_.lower() + (f" {particle}" if particle else "")
    return word in v.words.leave_verbs


def _removals(verb: Token, v: DocView) -> list[Token]:
    """"demanded B's resignation", "called for B's impeachment"."""
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    nouns += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children if p.dep_ == "pobj"]
    return [n for n in nouns if n.lemma_.lower() in v.words.removal_nouns]
