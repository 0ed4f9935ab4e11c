"""The trigger rules: the constructions of ``lexicon/patterns.toml`` run over one document.

The DependencyMatcher finds every construction's matches at once.  For each anchor token and
each trigger it carries, the constructions of that trigger's kind are taken tier by tier: the
first tier that reads an argument (or, with ``fallback = "unmatched"``, that matches at all)
gives the readings.  Readers and guards are the small named functions below: what a pattern
cannot say (climbing to a clause's subject, coreference, the owner of "X's bid", a phrase that
only sets the scene).
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from itertools import combinations, permutations
from typing import Callable

from spacy.tokens import Token

from kg.extract.relations.clauses import (
    described_people,
    fronted,
    has_theme,
    is_passive,
    noun_matches,
    possessor,
    prep_objects,
    subjects,
    verb_matches,
)
from kg.extract.relations.patterns import KIND_LOOKUP, Construction, Constructions, compiled, load_constructions
from kg.extract.relations.records import Arg, Reading
from kg.extract.relations.registry import RULES
from kg.extract.relations.view import DocView, dedupe, word_in
from kg.resources import Resources, Trigger

__all__ = ["trigger_readings", "constructions_of", "READERS", "GUARDS"]

Match = dict[str, Token]  # node name -> matched token


# -- readers: (view, anchor, trigger, node token or None) -> arguments ------------------------------
def _verb_agent(v: DocView, anchor: Token, trig: Trigger, _node: Token | None) -> list[Arg]:
    """The agents of a verb; for a passive verb with a prepositional trigger ("X was born in Y")
    its passive subject, else the subject of the clause it describes."""
    subs, passive = subjects(v, anchor)
    if not (passive and trig.prep and trig.prep != "by"):
        return subs
    subs = [a for c in anchor.children if c.dep_ == "nsubjpass" for a in v.deep(c)]
    if not subs:
        head = anchor.head
        subs = subjects(v, head)[0] if anchor.dep_ in ("acl", "relcl", "conj") and head.pos_ == "VERB" else []
        if anchor.dep_ in ("acl", "relcl") and not subs:
            subs = v.direct(head)
    return subs


_NO_AGENT_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})  # "by mid-October"


def _noun_agent(v: DocView, anchor: Token, trig: Trigger, _node: Token | None) -> list[Arg]:
    """The agent of a nominalisation: its possessor, a modifier before it, a "by" phrase, else
    the subject of the clause that governs it (not through "against", a stance verb or a reported
    "during")."""
    subs = [a for c in anchor.children if c.dep_ == "poss" for a in v.direct(c)]
    if not subs:
        bodies = trig.prop.lower() not in v.words.no_body_agents  # "a Cabinet meeting in Y": no visitor
        subs = [a for c in anchor.children if c.dep_ in ("compound", "amod", "nmod") and c.i < anchor.i
                for a in v.direct(c) if bodies or not (v.is_a(a.key, "Organization") or v.is_a(a.key, "Group"))]
    if not subs:  # "the killing of X by Y": the agent of the nominalisation
        pobjs = prep_objects(anchor, trig.prep) if trig.prep else []
        subs = [a for h in (anchor, *pobjs) for p in prep_objects(h, "by") for a in v.deep(p)]
    if subs:
        return subs
    late_by = [p for p in prep_objects(anchor.head, "by") if p.i > anchor.i and p.ent_type_ not in _NO_AGENT_ENTS] \
        if anchor.dep_ == "dobj" and not is_passive(anchor.head) else []
    if late_by:  # "to address the assault on Y by the Z regime": a "by" the parser hung on the active verb is the noun's
        return [a for p in late_by for a in v.deep(p)]
    if word_in(anchor, v.words.people_nouns) and (described := described_people(v, anchor)) is not None:
        return described
    gov, crossed = anchor.head, {anchor.head.lower_} if anchor.dep_ == "pobj" else set()
    while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i and gov.dep_ in ("pobj", "prep", "dobj", "conj"):
        gov = gov.head
        crossed |= {gov.lower_, gov.lemma_.lower()}  # "investigations into the killing": an investigation
    # "X warned against visits to Y", "X declared that Y was winning during a visit to Z": not said to be X's
    reported = gov.dep_ == "ccomp" and "during" in crossed and gov.head.lemma_.lower() in v.words.reporting
    # not X's: another occasion ("X launched wars before the creation of Y"), thing ("X vowed a response to an attack")
    other_occasion = bool(crossed & v.words.unshared_preps) and trig.prop.lower() not in v.words.shared_occasion_properties \
        or bool(crossed & v.words.agentless_nouns)
    if gov.pos_ in ("VERB", "AUX") and "against" not in crossed and not reported and not other_occasion \
            and gov.lemma_.lower() not in v.words.stance_verbs:
        return subjects(v, gov)[0]
    return []


def _argument(v: DocView, anchor: Token, trig: Trigger, node: Token | None) -> list[Arg]:
    return v.deep(node)


def _argument_owned(v: DocView, anchor: Token, trig: Trigger, node: Token | None) -> list[Arg]:
    """A direct object; for a property of "no_owner_objects" ("headed X's preparations") not the
    owner of the thing, nor a name followed by a possessive."""
    owners = trig.prop.lower() not in v.words.no_owner_objects
    if not owners and possessor(v, node):
        return []
    return v.deep(node, owners=owners)


def _argument_not_fronted(v: DocView, anchor: Token, trig: Trigger, node: Token | None) -> list[Arg]:
    return [] if fronted(node, anchor) else v.deep(node)


def _argument_or_antecedent(v: DocView, anchor: Token, trig: Trigger, node: Token | None) -> list[Arg]:
    """The passive subject; a relative pronoun stands for the noun it follows ("X, who was shot")."""
    got = v.deep(node)
    if not got and anchor.dep_ == "relcl" and node.lower_ in ("who", "that", "which"):
        return v.direct(anchor.head, conjuncts=False)
    return got


def _name(v: DocView, anchor: Token, trig: Trigger, node: Token | None) -> list[Arg]:
    return v.direct(node)


def _referent(v: DocView, anchor: Token, trig: Trigger, node: Token | None) -> list[Arg]:
    """A name or a personal pronoun, not "it"/"this"/"that" ("It is a disgrace" judges no one)."""
    return [] if node.lower_ in v.words.empty_subjects else v.direct(node)


def _name_after_anchor(v: DocView, anchor: Token, trig: Trigger, node: Token | None) -> list[Arg]:
    return v.direct(node) if node.i > anchor.i and node.i in v.r.token_keys else []


def _complement_argument(v: DocView, anchor: Token, trig: Trigger, node: Token | None) -> list[Arg]:
    """The object of the verb a trigger governs ("threatened to sink X's carrier", "to block the
    confirmation of X"), looked through as any argument is."""
    return [a.times(0.95) for a in v.deep(node)]


def _place_antecedent(v: DocView, anchor: Token, trig: Trigger, node: Token | None) -> list[Arg]:
    """"Riverton, where X was born": the place "where" stands for (not "Ruritania, where he met
    with X": "where" stands for "in", not for "with")."""
    return [a for a in v.direct(node, conjuncts=False) if v.is_a(a.key, "Place")]


def _conjunct_object(v: DocView, anchor: Token, trig: Trigger, _node: Token | None) -> list[Arg]:
    """"develop and produce X": the object of a later conjunct verb of the same property."""
    same = {t.lemma.split()[0] for t in v.res.relations.triggers["verbs"] if t.prop == trig.prop}
    for conj in anchor.conjuncts:
        if conj.i > anchor.i and conj.lemma_.lower() in same:
            objs = [a for c in conj.children if c.dep_ == "dobj" for a in v.deep(c)]
            if objs:
                return objs
    return []


def _verb_subject(v: DocView, anchor: Token, trig: Trigger, _node: Token | None) -> list[Arg]:
    """The subject of the verb whose object the anchor is ("Z drew opposition from A": Z, or the
    owner of Z)."""
    targets: list[Arg] = []
    if anchor.dep_ == "dobj":
        for c in anchor.head.children:
            if c.dep_ == "nsubj":
                targets = v.direct(c) or [a for p in c.children if p.dep_ == "poss" for a in v.direct(p)]
    return targets


def _node_agent(v: DocView, anchor: Token, trig: Trigger, node: Token | None) -> list[Arg]:
    """The agents of the verb matched as the node ("X called Y a thug", "X said Y was reckless": X)."""
    return subjects(v, node)[0]


def _modifier_pair(v: DocView, anchor: Token, trig: Trigger, _node: Token | None) -> list[Arg]:
    """The two agents named before a compound head ("the A-B alliance"), or none: not the owner
    of the phrase ("Ruritania's A-B tension"), and exactly two."""
    owners = {t.i for c in anchor.children if c.dep_ == "poss" for t in c.subtree}
    keys: list[Arg] = []
    for t in anchor.subtree:
        if t.i >= anchor.i:
            break
        if t.dep_ == "det" or t.i in owners:
            continue
        keys += v.direct(t)
        if t.i not in v.r.token_keys and "-" in t.text:
            keys += v.hyphen_parts(t.text)
    keys = [a for a in dedupe(keys) if v.is_a(a.key, "Agent")]
    return keys if len(keys) == 2 else []


READERS: dict[str, Callable] = {
    "verb-agent": _verb_agent, "noun-agent": _noun_agent, "argument": _argument, "argument-owned": _argument_owned,
    "argument-not-fronted": _argument_not_fronted, "argument-or-antecedent": _argument_or_antecedent,
    "name": _name, "name-after-anchor": _name_after_anchor, "complement-argument": _complement_argument,
    "place-antecedent": _place_antecedent, "conjunct-object": _conjunct_object, "verb-subject": _verb_subject,
    "modifier-pair": _modifier_pair, "node-agent": _node_agent, "referent": _referent,
}


# -- guards: (view, anchor, trigger) -> may the construction read here? ----------------------------
def _words(v: DocView, anchor: Token, trig: Trigger) -> bool:
    """A trigger of several words needs the others among the verb's dependents ("step up"); a
    one-word trigger does not match a verb + particle phrase of its own meaning (relations.toml
    particle_verbs: "gave up his weapons", "fired back at Y", the particle maybe parsed an adverb); a vow
    (``vow_verbs``) only with a harmful act as its complement ("vowed to destroy Y", not "to support Y")."""
    if not verb_matches(anchor, trig) or trig.lemma in v.words.vow_verbs:  # not "pledged to never attack Y"
        return verb_matches(anchor, trig) and any(c.dep_ == "xcomp" and c.lemma_.lower() in v.words.harm_verbs and not any(
            g.dep_ == "neg" or g.lower_ in ("never", "not") for g in v.doc[anchor.i:c.i + 1]) for c in anchor.children)
    return " " in trig.lemma or not any(f"{trig.lemma} {c.lower_}" in v.words.particle_verbs for c in anchor.children
                                        if c.dep_ == "prt" or c.dep_ == "advmod" and c.i == anchor.i + 1)


def _unpunctuated(v: DocView, anchor: Token, trig: Trigger) -> bool:
    """"X called Y a thug" read as an apposition: no comma before the judgement ("called Y, an old
    friend," is a phone call)."""
    complement = anchor.head if anchor.dep_ == "amod" else anchor
    first = complement.left_edge.i
    return first == 0 or not v.doc[first - 1].is_punct


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


GUARDS: dict[str, Callable[[DocView, Token, Trigger], bool]] = {
    "words": _words,
    # a property with theme words needs one near the trigger (weapons for suppliesArmsTo)
    "theme": lambda v, a, t: t.prop not in v.res.relations.themes or has_theme(a, v.res.relations.themes[t.prop]),
    # "X returned the cars to Y": with a direct object, a motion verb's preposition moves the object
    # (not a reporting verb's: "X told reporters in Y" addresses them there)
    "intransitive": lambda v, a, t: not (t.prep and t.prop in v.res.relations.intransitive
                                         and any(c.dep_ == "dobj" for c in a.children)
                                         and a.lemma_.lower() not in v.res.relations.words.reporting),
    "unpunctuated-complement": _unpunctuated,
    # "visited the Acme factory in Riverton": a place where the object is tells where the subject was
    "place-objects": lambda v, a, t: t.prop.lower() in v.words.place_object_properties,
    "no-direct-object": lambda v, a, t: not any(c.dep_ == "dobj" for c in a.children),
    "act-verb": lambda v, a, t: a.lemma_.lower() in v.words.act_verbs,  # "threatened sanctions against X"
    # "A agreed with B" is the verb's own construction, not a collective one
    "no-with": lambda v, a, t: not any(c.dep_ == "prep" and c.lower_ == "with" for c in a.children),
    # "Riverton, where the county's clerk says ...": a saying in the present tense is no occasion
    # (the speaker's own town, an interview), unlike "Riverton, where X said ..."
    "no-present-speech": lambda v, a, t: not (a.lemma_.lower() in v.res.relations.words.reporting
                                              and a.tag_ in ("VBZ", "VBP")),
    # "A and B reached the brink of war": a collective verb's direct object must be an agreement
    "collective-object": lambda v, a, t: all(_agreement(v, a, c) for c in a.children if c.dep_ == "dobj"),
    # "the Ruritanian National Alliance": a name, no alliance between two parties
    "not-a-name": lambda v, a, t: a.i not in v.r.token_keys,
    "not-an-opinion": lambda v, a, t: t.prop.lower() not in v.res.relations.words.opinion_properties
    or not _opinion(v, a, t),
    # "A and B agreed that the risk was small": a clause with a subject of its own is a shared view,
    # unless a modal makes it a decision ("agreed that the summit should be held")
    "no-opinion-clause": lambda v, a, t: t.prop.lower() not in v.res.relations.words.opinion_properties or not any(
        c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
        and not any(g.dep_ == "aux" and g.lower_ in v.res.relations.words.decision_modals for g in c.children)
        for c in a.children),
}


@lru_cache(maxsize=8)
def _load(path: str) -> Constructions:
    from pathlib import Path

    return load_constructions(Path(path), rules=frozenset(RULES), guards=frozenset(GUARDS),
                              readers=frozenset(READERS))


def constructions_of(res: Resources) -> Constructions:
    """The constructions of ``res``'s data folder (``lexicon/patterns.toml``), validated."""
    return _load(str(res.folder / "lexicon" / "patterns.toml"))


# -- the run ---------------------------------------------------------------------------------------
def _lookup(v: DocView, kind: str, tok: Token) -> list[Trigger]:
    table = getattr(v.lex, {"collective_verbs": "collective", "compounds": "compounds"}.get(kind, kind))
    lemma, low = tok.lemma_.lower(), tok.lower_
    how = KIND_LOOKUP[kind]
    if how == "lemma":
        return table.get(lemma, []) + v.lex.multiword.get(kind, {}).get(lemma, [])
    if how == "word+lemma":
        multi = v.lex.multiword.get(kind, {})
        return (table.get(low, []) + (table.get(lemma, []) if lemma != low else [])
                + [t for t in multi.get(low, []) + (multi.get(lemma, []) if lemma != low else []) if noun_matches(tok, t)])
    return table.get(lemma) or table.get(low) or []  # "lemma|word"


def _matches(v: DocView, cons: Constructions) -> dict[int, dict[str, list[tuple[str | None, Match]]]]:
    """anchor token index -> construction id -> [(preposition, match)], in text order."""
    matcher, names = compiled(v.doc.vocab, v.res.relations, cons)
    nodes = {c.id: [n["RIGHT_ID"] for n in c.pattern] for c in cons.items}
    out: dict[int, dict[str, list[tuple[str | None, Match]]]] = defaultdict(lambda: defaultdict(list))
    for match_id, token_ids in matcher(v.doc):
        cid, prep_name = names[match_id]
        match = {name: v.doc[i] for name, i in zip(nodes[cid], token_ids)}
        out[token_ids[0]][cid].append((match[prep_name].lower_ if prep_name else None, match))
    return out


def _read(v: DocView, c: Construction, anchor: Token, trig: Trigger, found: list[tuple[str | None, Match]],
          cache: dict) -> tuple[list[Arg], list[Arg], bool]:
    """(subjects, objects, matched) of construction ``c`` at ``anchor`` for ``trig``: a node's
    reader reads each match (in text order), a reader without a node reads once."""
    unique: dict[tuple[int, ...], Match] = {}
    for prep, m in found:
        if prep is None or prep == trig.prep:
            unique.setdefault(tuple(sorted(t.i for t in m.values())), m)
    if not unique:
        return [], [], False
    hits = [unique[k] for k in sorted(unique)]
    return _side(v, c.subject, "subject", anchor, trig, hits, cache), \
        _side(v, c.object, "object", anchor, trig, hits, cache), True


def _side(v: DocView, reader: str | None, node: str, anchor: Token, trig: Trigger, hits: list[Match],
          cache: dict) -> list[Arg]:
    if reader is None:
        return []
    if node in hits[0]:
        return [a for m in sorted(hits, key=lambda m: m[node].i) for a in READERS[reader](v, anchor, trig, m[node])]
    key = (reader, trig.prep)
    if key not in cache:
        cache[key] = READERS[reader](v, anchor, trig, None)
    return cache[key]


def _readings(v: DocView, c: Construction, trig: Trigger, anchor: Token, subs: list[Arg], objs: list[Arg],
              swap: bool) -> list[Reading]:
    if c.mode in ("subjects", "objects"):
        pairs = combinations(subs if c.mode == "subjects" else objs, 2)
    elif c.mode == "mutual":  # "A and B exchanged insults": each to the other, both named ("the two leaders",
        pairs = permutations([s for s in subs if s.factor >= 1.0], 2)  # "both sides" are often resolved wrong)
    else:
        subs, objs = (objs, subs) if swap else (subs, objs)
        pairs = ((s, o) for s in subs for o in objs)
    out = []
    for s, o in pairs:
        r = v.reading(trig.prop, s, o, c.rule, anchor)
        if r is not None:
            out.append(r)
    return out


def _tiers(cons: Constructions, kind: str, trig: Trigger) -> list[list[Construction]]:
    tiers: dict[int, list[Construction]] = defaultdict(list)
    for c in cons.items:
        if kind in c.triggers and c.admits_prep(trig.prep):
            tiers[c.tier].append(c)
    return [tiers[t] for t in sorted(tiers)]


def _allowed(v: DocView, c: Construction, anchor: Token, trig: Trigger) -> bool:
    if c.voice != "any" and (c.voice == "passive") != is_passive(anchor):
        return False
    return all(GUARDS[g](v, anchor, trig) for g in c.guards)


def trigger_readings(v: DocView) -> list[Reading]:
    """Every reading of the trigger constructions in the document."""
    cons = constructions_of(v.res)
    out: list[Reading] = []
    for i, by_cons in sorted(_matches(v, cons).items()):
        anchor = v.doc[i]
        for kind in KIND_LOOKUP:
            for trig in _lookup(v, kind, anchor):
                out += _trigger_at(v, cons, kind, trig, anchor, by_cons)
    return out


def _trigger_at(v: DocView, cons: Constructions, kind: str, trig: Trigger, anchor: Token,
                by_cons: dict[str, list[tuple[str | None, Match]]]) -> list[Reading]:
    cache: dict = {}
    for tier in _tiers(cons, kind, trig):
        readings: list[Reading] = []
        stop = False
        for c in tier:
            if c.id not in by_cons or not _allowed(v, c, anchor, trig):
                continue
            subs, objs, matched = _read(v, c, anchor, trig, by_cons[c.id], cache)
            readings += _readings(v, c, trig, anchor, subs, objs, kind in cons.swap_kinds)
            read = subs if c.mode in ("subjects", "mutual") else objs
            stop = stop or (matched if c.fallback == "unmatched" else bool(read))
        if stop:
            return readings
    return []
