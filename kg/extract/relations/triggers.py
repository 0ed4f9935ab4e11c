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
    is_passive,
    noun_matches,
    possessor,
    prep_objects,
    subjects,
)
from kg.extract.relations.guards import GUARDS
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
    if not subs and anchor.dep_ == "appos" and word_in(anchor, v.words.people_nouns):
        subs = v.direct(anchor.head)  # "X, a leading Acme member and critic of Y": X, not Acme
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
            and (gov.lemma_.lower() not in v.words.stance_verbs or crossed & v.words.occasion_preps):
        # a stance verb's own object is another's act ("condemned attacks on Y"), its occasion is not
        # ("X, on a visit to Japan, condemned ...")
        return subjects(v, gov)[0]
    return []


def _argument(v: DocView, anchor: Token, trig: Trigger, node: Token | None) -> list[Arg]:
    return v.deep(node)


def _argument_owned(v: DocView, anchor: Token, trig: Trigger, node: Token | None) -> list[Arg]:
    """A direct object, or the noun a relative pronoun object follows ("X, whom Y accuses"); for a
    property of "no_owner_objects" ("headed X's preparations") not the owner of the thing, nor a
    name followed by a possessive."""
    owners = trig.prop.lower() not in v.words.no_owner_objects
    if not owners and possessor(v, node):
        return []
    got = v.deep(node, owners=owners)
    if not got and anchor.dep_ == "relcl" and node.lower_ in ("whom", "who") and anchor.head.i in v.r.token_keys:
        # "X, whom the government accuses of ...": the name X ("which" and "that" are left: the parser
        # hangs them on the nearest noun, "talks with Y, which A and B oppose"; nor "a Y aide who ...")
        return v.direct(anchor.head, conjuncts=False)
    return got


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


def _referent_owned(v: DocView, anchor: Token, trig: Trigger, node: Token | None) -> list[Arg]:
    """A referent, or the owner of words or acts ("X said Y's plan was reckless": Y; not "Y's
    economy was weak", nor "it")."""
    if node.lower_ in v.words.empty_subjects:
        return []
    if node.lower_ in v.words.policy_nouns:
        return v.owners(node, named=True)
    return v.direct(node)


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


def _site(v: DocView, anchor: Token, trig: Trigger, node: Token | None) -> list[Arg]:
    """A place below a state ("pounded militant sites in Riverton"; strikes in a state against others
    are no attack on it)."""
    return [a for a in _place_antecedent(v, anchor, trig, node) if v.cls(a.key) != "Country"]


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
        own = [c for c in anchor.head.children if c.dep_ == "nsubj"]
        for c in own:
            targets = v.direct(c) or [a for p in c.children if p.dep_ == "poss" for a in v.direct(p)]
        if not own and not is_passive(anchor.head):  # "X, facing criticism from A, ...": the clause's subject
            targets = subjects(v, anchor.head)[0]
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
    "modifier-pair": _modifier_pair, "node-agent": _node_agent, "referent": _referent, "site": _site,
    "referent-owned": _referent_owned,
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
