"""The guards of the trigger constructions (``guards`` of ``lexicon/patterns.toml``): small named
checks of what a pattern cannot say, (view, anchor, trigger) -> may the construction read here?
Used by :mod:`kg.extract.relations.triggers`."""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Token

from kg.extract.mentions.records import QUOTE_MARKS
from kg.extract.relations.clauses import has_theme, verb_matches
from kg.extract.relations.view import DocView
from kg.resources import Trigger

__all__ = ["GUARDS"]


def _words(v: DocView, anchor: Token, trig: Trigger) -> bool:
    """A trigger of several words needs the others among the verb's dependents ("step up"); a
    one-word trigger does not match a verb + particle phrase of its own meaning (relations.toml
    particle_verbs: "gave up his weapons", "fired back at Y", the particle maybe parsed an adverb); a vow
    (``vow_verbs``) only with a harmful act as its complement ("vowed to destroy Y", not "to support Y")."""
    if trig.lemma in v.words.companion_verbs and _in_an_act(anchor):
        return False  # "X joined Y in condemning Z": Y is X's companion in an act (``companion_verbs``)
    if trig.lemma in v.words.call_verbs and not _a_call(v, anchor):
        return False  # "called Y a liar", "called on Y", "called Y to testify": no phone call
    if trig.lemma in v.words.conquest_verbs and not _place_taken(v, anchor, trig.prep):
        return False  # "seized the tanker", "captured the suspect": no attack on a place
    if trig.lemma in v.words.departure_verbs and not (anchor.dep_ in ("xcomp", "ccomp") and (
            anchor.head.lemma_.lower() in v.words.pending_heads or anchor.head.lower_ in v.words.pending_heads)):
        return False  # "left the EU", "left Paris": only "set to leave the EU" keeps a member in
    if not verb_matches(anchor, trig) or trig.lemma in v.words.vow_verbs:  # not "pledged to never attack Y"
        return verb_matches(anchor, trig) and any(c.dep_ == "xcomp" and c.lemma_.lower() in v.words.harm_verbs and not any(
            g.dep_ == "neg" or g.lower_ in ("never", "not") for g in v.doc[anchor.i:c.i + 1]) for c in anchor.children)
    return " " in trig.lemma or not any(f"{trig.lemma} {c.lower_}" in v.words.particle_verbs for c in anchor.children
                                        if c.dep_ == "prt" or c.dep_ == "advmod" and c.i == anchor.i + 1)


def _place_taken(v: DocView, verb: Token, prep: str | None = None) -> bool:
    """Is what ``verb`` takes a place: its object ("captured Ramadi", "the city of Ramadi", "advanced on
    Aden"), its passive subject ("Ramadi was retaken") or the noun a participle describes ("the captured
    town of X")?"""
    targets = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    targets += [o for c in verb.children if prep and c.dep_ == "prep" and c.lower_ == prep
                for o in c.children if o.dep_ == "pobj"]
    targets += [verb.head] if verb.dep_ in ("acl", "amod") else []
    targets += [o for t in list(targets) for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                for o in c.children if o.dep_ == "pobj"]
    return any(v.is_a(a.key, "Place") for t in targets for a in v.direct(t))


def _in_an_act(verb: Token) -> bool:
    """Does an "in" + gerund hang on ``verb`` ("joined Y in condemning Z", "in calling for")?"""
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(g.tag_ == "VBG" for g in c.children)
               for c in verb.children)


_QUOTES = QUOTE_MARKS | {"'", "‘", "’"}  # single quotes too: "a documentary called 'No More Mr Nasty'"


def _a_call(v: DocView, verb: Token) -> bool:
    """Is "X called Y" a phone call: one object, a person, and nothing that makes the verb name,
    judge, summon or demand ("called Y a thug", "called Y reckless", "called on Y", "called Y to testify")?"""
    kids = list(verb.children)
    objs = [c for c in kids if c.dep_ in ("dobj", "dative", "oprd")]  # "oprd": the parser's reading of a name
    if len(objs) != 1 or any(c.dep_ in ("attr", "acomp", "ccomp", "prt") for c in kids):
        return False
    if any(c.dep_ == "prep" and (c.lower_ in ("off", "out", "up", "as") or c.lower_ in ("on", "for") and c.i < objs[0].i)
           for c in kids):
        return False
    if any(c.dep_ in ("appos", "amod", "acl", "relcl") and c.i > objs[0].i for c in objs[0].children):
        return False  # "called Y a thug" read as an apposition
    if any(c.dep_ == "xcomp" and c.lemma_.lower() in v.words.summons_purposes for c in kids):
        return False
    if verb.dep_ == "acl" or any(c.dep_ in ("auxpass", "nsubjpass") for c in kids):
        return False  # "a documentary called 'No More Mr Nasty'": a title, no call
    first, after = objs[0].left_edge.i, objs[0].right_edge.i + 1
    if first > 0 and v.doc[first - 1].text in _QUOTES or after < len(v.doc) and (
            v.doc[after].text in _QUOTES or v.doc[after].lower_ in ("a", "an", "the")):
        return False  # "called him 'Mr Nasty'", "called Y a \"weak person\"": a name or a judgement given
    key = v.r.token_keys.get(objs[0].i)
    return key is not None and v.cls(key) == "Person"


def _unpunctuated(v: DocView, anchor: Token, trig: Trigger) -> bool:
    """"X called Y a thug" read as an apposition: no comma before the judgement ("called Y, an old
    friend," is a phone call); an opening quote mark is no comma ("called Y 'a thug'")."""
    complement = anchor.head if anchor.dep_ == "amod" else anchor
    first = complement.left_edge.i
    return first == 0 or not v.doc[first - 1].is_punct or v.doc[first - 1].is_quote


def _agreement(v: DocView, anchor: Token, obj: Token) -> bool:
    """Is ``obj`` (a direct object of ``anchor``) an agreement of relations.toml
    ``collective_objects``?  Read through "a range of agreements" and a relative pronoun ("a deal
    that A and B could sign")."""
    words = v.res.relations.words.collective_objects
    if obj.tag_ in ("WDT", "WP") and anchor.dep_ == "relcl":
        obj = anchor.head
    heads = [obj, *(g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)]
    return any(h.lemma_.lower() in words or h.lower_ in words for h in heads)


def _opinion(v: DocView, anchor: Token, trig: Trigger) -> bool:
    """A shared view, no agreement: "X agreed with Y's assessment" (relations.toml opinion_nouns),
    or "X agrees with Y" in the simple present with no matter agreed on ("on", "over", "to")."""
    if any(o.dep_ == "pobj" and o.lemma_.lower() in v.res.relations.words.opinion_nouns
           for c in anchor.children if c.dep_ == "prep" for o in c.children):
        return True
    return anchor.tag_ in ("VBZ", "VBP") and trig.kind == "verbs" and not any(
        c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ in ("on", "over", "to") for c in anchor.children)


def _bare_verbs(res) -> frozenset[tuple[str, str]]:
    """(property, lemma) of the verb triggers without a preposition ("visit" of visited)."""
    cached = _BARE.get(id(res))
    if cached is None:
        cached = _BARE[id(res)] = frozenset((t.prop, t.lemma) for t in res.relations.triggers.get("verbs", ())
                                            if t.prep is None)
    return cached


_BARE: dict[int, frozenset[tuple[str, str]]] = {}


GUARDS: dict[str, Callable[[DocView, Token, Trigger], bool]] = {
    "words": _words,
    # a property with theme words needs one near the trigger (weapons for suppliesArmsTo)
    "theme": lambda v, a, t: t.prop not in v.res.relations.themes or has_theme(a, v.res.relations.themes[t.prop]),
    # "X returned the cars to Y": with a direct object, a motion verb's preposition moves the object
    # (not a reporting verb's: "X told reporters in Y" addresses them there)
    # nor a verb of the property without a preposition: "visited troops in Y" was in Y
    "intransitive": lambda v, a, t: not (t.prep and t.prop in v.res.relations.intransitive
                                         and any(c.dep_ == "dobj" for c in a.children)
                                         and a.lemma_.lower() not in v.res.relations.words.reporting
                                         and (t.prop, t.lemma) not in _bare_verbs(v.res)),
    "unpunctuated-complement": _unpunctuated,
    # "visited the Acme factory in Riverton": a place where the object is tells where the subject was
    "place-objects": lambda v, a, t: t.prop.lower() in v.words.place_object_properties,
    # "pounded militant sites in X": an unnamed target of force (force_nouns); not "struck the Acme embassy
    # in X" (the embassy), nor a person's "attacked the policy in X"
    "place-targets": lambda v, a, t: t.prop.lower() in v.words.place_target_properties and any(
        c.dep_ == "dobj" and c.i not in v.r.token_keys and c.lower_ in v.words.force_nouns for c in a.children),
    # "X's threats to wage war against Y": a harm's target is the object of a threat, not of aid or a trip
    "harm-target": lambda v, a, t: t.prop.lower() in v.words.harm_target_properties,
    "no-direct-object": lambda v, a, t: not any(c.dep_ == "dobj" for c in a.children),
    # "X told activists in Y": a speaker addresses an audience where it is (not "X arrested three men in Y";
    # not "told ABC News in Y", an outlet's bureau there)
    "speech": lambda v, a, t: a.lemma_.lower() in v.res.relations.words.reporting | v.words.speaking_verbs
    and not any(c.dep_ == "dobj" and c.i in v.r.token_keys and v.is_a(v.r.token_keys[c.i], "Organization")
                for c in a.children),
    "act-verb": lambda v, a, t: a.lemma_.lower() in v.words.act_verbs,  # "threatened sanctions against X"
    # "his Asia trip", "his Helsinki press conference" (a city is no topic), not "his China policy address"
    "journey-noun": lambda v, a, t: a.lemma_.lower() in v.words.journey_nouns or any(
        c.dep_ == "compound" and c.i in v.r.token_keys and v.cls(v.r.token_keys[c.i]) == "City" for c in a.children),
    "call-verb": lambda v, a, t: t.lemma in v.words.call_verbs,  # "called X on Sunday" parsed with X an oprd
    # "A agreed with B" is the verb's own construction, not a collective one
    "no-with": lambda v, a, t: not any(c.dep_ == "prep" and c.lower_ == "with" for c in a.children),
    # "Riverton, where the county's clerk says ...": a saying in the present tense is no occasion
    # (the speaker's own town, an interview), unlike "Riverton, where X said ..."
    "no-present-speech": lambda v, a, t: not (a.lemma_.lower() in v.res.relations.words.reporting
                                              and a.tag_ in ("VBZ", "VBP")),
    # "A and B reached the brink of war": a collective verb's direct object must be an agreement
    "collective-object": lambda v, a, t: all(_agreement(v, a, c) for c in a.children if c.dep_ == "dobj") and (
        a.lemma_.lower() not in v.res.relations.words.object_collective_verbs
        or any(c.dep_ == "dobj" for c in a.children)),
    # "the Ruritanian National Alliance": a name, no alliance between two parties
    "not-a-name": lambda v, a, t: a.i not in v.r.token_keys,
    # "took control of X": the trigger's second word is the verb's object, the preposition hangs on it
    "object-of-trigger": lambda v, a, t: len(w := t.lemma.split()) == 2 and any(
        c.dep_ == "dobj" and c.lemma_.lower() == w[1] for c in a.children),
    "not-an-opinion": lambda v, a, t: t.prop.lower() not in v.res.relations.words.opinion_properties
    or not _opinion(v, a, t),
    # "A and B agreed that the risk was small": a clause with a subject of its own is a shared view,
    # unless a modal makes it a decision ("agreed that the summit should be held")
    "no-opinion-clause": lambda v, a, t: t.prop.lower() not in v.res.relations.words.opinion_properties or not any(
        c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
        and not any(g.dep_ == "aux" and g.lower_ in v.res.relations.words.decision_modals for g in c.children)
        for c in a.children),
}
