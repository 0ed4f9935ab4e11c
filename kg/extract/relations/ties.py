"""Relations between two agents told by their state: "relations between A and B were fraught", "the
relationship between A and B is hitting new lows", "A-B relations had been frayed", "A strained
relations with B" -> disputesWith; "the bonds between A and B are as strong as ever", "A forged the
closest ties with B" -> allyOf (rule ``relations-state``).

The words are data (``relation_nouns``, ``strained_words`` and ``close_words`` of
lexicon/relations.toml): the relation noun, and the words of its state, read as its modifiers, as the
verb it is the object or subject of, or as that verb's complement ("were fraught", "hitting new
lows").  Words of both kinds, or of neither ("improve ties with B"), say nothing.
"""

from __future__ import annotations

from itertools import combinations

from spacy.tokens import Token

from kg.extract.relations.clauses import prep_objects, subjects
from kg.extract.relations.records import NOTHING, Arg, Learned, RuleResult, result_of
from kg.extract.relations.registry import declare, rule
from kg.extract.relations.view import DocView, word_in

__all__ = ["relations_state"]

declare("relations-state", factor=0.9, family="ties",
        summary='"relations between A and B were strained" -> disputesWith; "A forged close ties with B" -> allyOf')


def _state_words(noun: Token) -> list[Token]:
    """The words that may tell a relation's state: its modifiers, the verb it is the object or the
    subject of, and that verb's complements with their modifiers."""
    words = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i]
    if noun.dep_ in ("dobj", "nsubj", "nsubjpass"):
        verb = noun.head
        comps = [c for c in verb.children if c.dep_ in ("acomp", "attr", "dobj", "oprd") and c.i != noun.i]
        words += [verb, *comps, *(g for c in comps for g in c.children if g.dep_ == "amod")]
    return words


def _property(v: DocView, noun: Token) -> str | None:
    words = _state_words(noun)
    strained = any(word_in(w, v.words.strained_words) for w in words)
    close = any(word_in(w, v.words.close_words) for w in words)
    return None if strained == close else "disputesWith" if strained else "allyOf"


def _agents(v: DocView, toks: list[Token]) -> list[Arg]:
    return [a for t in toks for a in v.direct(t) if v.is_a(a.key, "Agent")]


def _pairs(v: DocView, noun: Token) -> list[tuple[Arg, Arg]]:
    """The two sides: "between A and B"; "A's / <A-demonym> / A-B relations (with B)"; or the subject
    of the verb whose object the noun is ("A strained relations with B")."""
    between = _agents(v, prep_objects(noun, "between"))
    mods = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod", "dep") and c.i < noun.i]
    mods += [g for c in mods for g in c.children if g.dep_ in ("compound", "amod")]  # "A-B relations": A on B
    owners = _agents(v, mods)
    if noun.i > 0 and noun.nbor(-1).dep_ == "dep" and noun.nbor(-1).head.i == noun.head.i:
        owners += v.hyphen_parts(noun.nbor(-1).text)  # "reset U.S.-Ruritanian relations" (the parser's dep)
    others = _agents(v, [p for prep in ("with", "to") for p in prep_objects(noun, prep)])
    if between:
        return list(combinations(between, 2))
    if not others:
        return list(combinations(owners, 2))
    if not owners and noun.dep_ == "dobj":
        owners = [a for a in subjects(v, noun.head)[0] if v.is_a(a.key, "Agent")]
    return [(a, b) for a in owners for b in others]


@rule("relations-state", stage="clauses", unit="token")
def relations_state(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """A relation noun ("relations", "ties") whose state its words tell, between the two sides it names."""
    if tok.pos_ != "NOUN" or tok.i in v.r.token_keys or not word_in(tok, v.words.relation_nouns):
        return NOTHING
    prop = _property(v, tok)
    if prop is None:
        return NOTHING
    pairs = [(a, b) for a, b in _pairs(v, tok)  # "X has close ties to Acme": a person's ties are no alliance
             if prop != "allyOf" or (v.cls(a.key) == "Person") == (v.cls(b.key) == "Person")]
    return result_of([v.reading(prop, a, b, "relations-state", tok) for a, b in pairs])
