"""Where a person acts: "X told activists in Riverton", "X spoke at the Old Fort in Riverton", "X
was in Riverton on Monday" -> X visited the town (rule ``verb-scene``).

A verb's own "in"/"at" phrase naming a town, a region or a site (not a country: "X intervened in
Ruritania" is no presence) is where its person subject was.  Verbs whose "in" is no place of presence
("born in", "invested in", "won in") are ``sceneless_verbs`` of the lexicon; a phrase put before
the subject ("In Riverton, X said") sets the scene of the whole sentence and is read the same way.
A verb of speaking places its speaker in a country too ("Speaking in Ruritania, X said"); an event
noun of ``presence_nouns`` carries the scene ("X said during a briefing in Riverton"), and so does
the person met ("X met with Y in Riverton").  A passive places its subject only when it is spoken to or
received in person (``audience_passives``: "X was asked during a briefing in Riverton"); "X was held in
Riverton" is no visit."""

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


def _scene_phrases(v: DocView, tok: Token, own: bool) -> list[Token]:
    """The objects of ``tok``'s own "in"/"at" phrases (and "from" for a verb of saying: "spoke by
    phone from Y"), of the "in"/"at" of an event it happens at or during or has as its object ("said
    during a briefing in Riyadh", "attended a summit in Y": ``presence_nouns``), and, for a meeting
    verb, of the "in"/"at" the parser hung on the person met ("met with Y in Paris")."""
    out = [p for prep in _PREPS for p in prep_objects(tok, prep)] if own else []
    if _speaking(v, tok):  # "spoke by phone from Y", "reports from Y" (no trigger reads "from"); not a range
        out += [p for p in prep_objects(tok, "from") if not prep_objects(p, "to") and not prep_objects(tok, "to")]
    events = [n for prep in ("during", "at", "after") for n in prep_objects(tok, prep)]
    if tok.lemma_.lower() in v.words.attendance_verbs:  # "attended a summit in Y", not "skipped a summit in Y"
        events += [c for c in tok.children if c.dep_ == "dobj"]
    for noun in events:
        if noun.pos_ == "NOUN" and noun.lemma_.lower() in v.words.presence_nouns:
            out += [p for inner in _PREPS for p in prep_objects(noun, inner)]
        elif _named_venue(v, noun):
            out += prep_objects(noun, "in")  # "spoke at the Asia Society in New York", "at the Forum in Davos"
    if any(t.prop == "metWith" for t in v.lex.verbs.get(tok.lemma_.lower(), ())):
        met = [c for c in tok.children if c.dep_ == "dobj"] + prep_objects(tok, "with")
        out += [p for m in met if m.i in v.r.token_keys and v.cls(v.r.token_keys[m.i]) == "Person"
                for p in prep_objects(m, "in")]
    return out


def _named_venue(v: DocView, noun: Token) -> bool:
    """A name one can be at: a body, a site, an event (not a person, a state or a people)."""
    key = v.r.token_keys.get(noun.i) if noun.pos_ == "PROPN" else None
    return key is not None and v.cls(key) not in ("Person", "Country", "Group")


def _speaking(v: DocView, tok: Token) -> bool:
    return tok.lemma_.lower() in v.words.reporting or tok.lemma_.lower() in v.words.speaking_verbs


@rule("verb-scene", stage="clauses", unit="token")
def scenes(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """A person subject of ``tok`` and the towns or sites of its own "in"/"at" phrases."""
    being = tok.lemma_ == "be" and tok.dep_ in ("ROOT", "ccomp", "conj", "advcl", "relcl") \
        and not any(c.dep_ in ("acomp", "attr", "auxpass") for c in tok.children) \
        and (tok.dep_ != "relcl" or any(c.lower_ == "who" for c in tok.children))  # not "ships, which were in Y"
    if not (tok.pos_ == "VERB" or being):
        return NOTHING  # "X was in Y" is a presence (a country too: "X was in Ruritania"); "X was well known in Y" is not
    # a trigger of visited ("tour", "meet in"): the trigger rules read its own "in"; only what it
    # does not reach is read here
    own = not any(t.prop == "visited" for t in v.lex.verbs.get(tok.lemma_.lower(), ()))
    if tok.lemma_.lower() in v.words.sceneless_verbs or any(
            c.dep_ in ("prt", "neg") and f"{tok.lemma_.lower()} {c.lower_}" in v.words.sceneless_verbs for c in tok.children):
        return NOTHING
    audience = tok.lemma_.lower() in v.words.audience_passives and is_passive(tok)
    speaking = _speaking(v, tok) or audience  # spoken to in person: a country places one too
    places = [a for p in _scene_phrases(v, tok, own)
              for a in v.direct(p, conjuncts=True) if (v.is_locality(a.key) or (speaking or being) and v.cls(a.key) == "Country")
              and v.cls(a.key) != "GovernmentBody" and v.entity(a.key).name.lower() not in v.words.world_regions]
    if not places:
        return NOTHING
    agents, passive = subjects(v, tok)
    if audience:  # "X was asked during a briefing in Y": the one spoken to was there
        agents = [a for c in tok.children if c.dep_ == "nsubjpass" for a in v.deep(c)]
    elif passive or tok.dep_ == "conj" and is_passive(tok.head):
        return NOTHING  # "X was arrested and held in Y": kept there; "received in Y": the agent's visit
    people = [a for a in agents if v.cls(a.key) == "Person"]
    return result_of([v.reading("visited", person, place, "verb-scene", tok) for person in people for place in places])
