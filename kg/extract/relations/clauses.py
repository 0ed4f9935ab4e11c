"""Clause structure the rules share: who a verb's agents are (climbing to the clause it depends
on, object control, relative clauses), a head's prepositional objects, phrases that set the scene
rather than name an argument, and the dateline test."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.relations.holders import person_before_place
from kg.extract.relations.modality import urged_objects
from kg.extract.relations.posts import role_pair
from kg.extract.relations.records import Arg
from kg.extract.relations.view import DocView, word_in
from kg.nlp.text import dateline_word
from kg.resources import Trigger

__all__ = ["CLIMB", "peer_name", "described_people", "subjects", "is_passive", "prep_objects", "fronted", "possessor", "verb_matches", "noun_matches", "has_theme",
           "is_dateline"]

# dependencies a clause's subject is looked for through, from a verb up to the clause it hangs on
CLIMB = ("xcomp", "ccomp", "advcl", "pcomp", "prep", "conj", "acl", "relcl", "dobj", "pobj", "attr",
         "oprd", "acomp", "amod", "npadvmod", "appos")


def is_passive(verb: Token) -> bool:
    """Has ``verb`` a passive subject or a passive auxiliary ("was deterred")?"""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def subjects(v: DocView, verb: Token) -> tuple[list[Arg], bool]:
    """Agents of ``verb`` and whether it is passive: its subject (or the agent of a passive), or
    the subject of the clause it depends on (each clause climbed costs x0.9)."""
    if is_passive(verb):
        for c in verb.children:
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return v.deep(p), True
        return [], True
    factor = 1.0
    t = verb
    for _ in range(6):
        found = _own_subject(v, t)
        if found is not None:
            return [a.times(factor) for a in found], False
        if t.head.i == t.i or t.dep_ not in CLIMB:
            break
        found, stop = _through(v, t, factor)
        if found is not None:
            return found, False
        if stop:
            break
        t = t.head
        factor *= 0.9
    return [], False


def _own_subject(v: DocView, t: Token) -> list[Arg] | None:
    """The subject of ``t`` itself, or None when it has none (a dateline is no subject)."""
    subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and not is_dateline(c)]
    if len(subjects) > 1:  # "staunch Trump ally Rep. Jim Jordan threatened": the name, not the description
        subjects.sort(key=lambda c: c.i not in v.r.token_keys)
    for c in subjects:
        if c.lower_ in ("who", "that", "which") and t.dep_ == "relcl":
            head = t.head
            if c.lower_ == "who" and head.dep_ == "appos" and head.pos_ == "NOUN" and head.i not in v.r.token_keys:
                named = v.direct(head.head, conjuncts=False)  # "X, a general who headed Y": X, not the general's Air Force
                if named:
                    return named
            got = v.direct(head, conjuncts=False) or v.deep(head)
            return (person_before_place(v, t.head) or got) if c.lower_ == "who" and got and all(
                v.is_a(a.key, "Place") for a in got) else got
        return v.deep(c)
    return None


def _through(v: DocView, t: Token, factor: float) -> tuple[list[Arg] | None, bool]:
    """Agents found on the way up from ``t`` to its head (a noun a participle describes, object
    control, the role noun of a prepositional complement), and whether the climb stops here."""
    if t.dep_ in ("acl", "relcl") and t.head.pos_ in ("NOUN", "PROPN"):
        got = v.direct(t.head)
        if got:
            return [a.times(factor) for a in got], False
        if t.head.dep_ == "appos":  # "Sirhan, the man convicted of killing X": Sirhan
            got = v.direct(t.head.head)
            if got:
                return [a.times(factor) for a in got], False
        if t.tag_ in ("VBN", "VBG"):
            return None, True  # "wed the man convicted of killing X": the man did it, not the bride
            # (an infinitive climbs on: "X is obliged under a law to provide Y with arms")
    if t.dep_ == "pcomp" and t.tag_ == "VBG" and (t.head.lower_ == "with" or t.head.lower_ == "from" and any(
            c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ == "to" and c.i > t.i for c in t.head.head.children)):
        # "with fighting corruption and joining the EU the main themes": a topic; "citing the group's
        # brutality, from beheading civilians to mass executions": a range of examples; "banned X from
        # travelling to Y": X's act, kept from happening: no one's act here
        return None, True
    if t.dep_ == "pcomp" and t.head.dep_ == "prep":
        pair = role_pair(v, t.head.head)
        if pair:
            return [a.times(factor * 0.9) for a in pair], False
        if t.tag_ == "VBG" and t.head.head.pos_ in ("NOUN", "PROPN"):
            return None, True  # "the link between arriving in B and ...": a gerund about anyone
    if t.dep_ == "xcomp":
        # object control: "urged X to visit", "called on X to resign": X is the agent; "urged voters
        # to back X": the voters are anyone, the one who urges takes the side (follower_nouns)
        for u in urged_objects(t.head, t):
            if not word_in(u, v.words.follower_nouns):
                return [a.times(factor) for a in v.deep(u)], False
    return None, False


def prep_objects(head: Token, prep: str) -> list[Token]:
    """The objects of ``head``'s prepositional phrases headed by ``prep``."""
    out = []
    for c in head.children:
        if c.dep_ in ("prep", "dative") and c.lower_ == prep:
            out += [p for p in c.children if p.dep_ == "pobj"]
        if c.dep_ == "prep" and c.lower_ == "up" and prep == "up":
            out.append(c)
    return out


def fronted(pobj: Token, verb: Token) -> bool:
    """The object of a phrase put before the verb's subject ("At the X and Y airports, Acme launched
    a review"): a scene-setting adverbial, not the verb's argument.  A relative pronoun ("to which
    X sold arms") is no scene."""
    prep = pobj.head
    return prep.i < verb.i and pobj.tag_ not in ("WDT", "WP") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i > prep.i for c in verb.children)


def possessor(v: DocView, tok: Token) -> bool:
    """The name ``tok`` belongs to is followed by a possessive marker: the noun phrase is about a
    thing of it, however the parser hung it ("launching the Acme Council's plan": the plan)."""
    n = v.r.mention_at.get(tok.i)
    end = v.mentions[n].end if n is not None else tok.i + 1
    return end < len(v.doc) and v.doc[end].tag_ == "POS"


def verb_matches(tok: Token, trig: Trigger) -> bool:
    """Does the verb ``tok`` carry the (possibly several-word) trigger lemma ("step up")?"""
    words = trig.lemma.split()
    if tok.lemma_.lower() != words[0]:
        return False
    if len(words) == 1:
        return True
    kids = {c.lemma_.lower() for c in tok.children if c.dep_ in ("prt", "dobj", "advmod", "prep", "attr", "oprd")}
    return set(words[1:]) <= kids


def noun_matches(tok: Token, trig: Trigger) -> bool:
    """Does the noun ``tok`` end the (several-word) trigger lemma, its other words written just
    before it ("bombing campaign": "campaign" after "bombing")?"""
    words = trig.lemma.split()
    start = tok.i - len(words) + 1
    if start < 0:
        return False
    span = tok.doc[start:tok.i + 1]
    return all(t.lower_ == w or t.lemma_.lower() == w for t, w in zip(span, words))


def has_theme(tok: Token, theme: frozenset[str]) -> bool:
    """Does a theme word occur in ``tok``'s subtree within 12 tokens (weapons for suppliesArmsTo)?"""
    for t in tok.subtree:
        if abs(t.i - tok.i) > 12:
            continue
        if t.lemma_.lower() in theme or t.lower_ in theme:
            return True
    return False


def is_dateline(tok: Token) -> bool:
    """The all-capitals place that opens a news item ("KABUL, Afghanistan --", "ABUJA  The ..."):
    it says where the story was filed, it is no argument of the sentence's verbs. An acronym that
    opens a sentence and runs on into its verb ("RLF captured Riverton", "NDB said") is the subject."""
    if tok.i != tok.sent.start or not dateline_word(tok):
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is None or nxt.is_punct or nxt.is_space or "\n" in tok.whitespace_ or dateline_word(nxt) \
        or len(tok.whitespace_) > 1


def described_people(v: DocView, noun: Token) -> list[Arg] | None:
    """The persons a people noun ("critic", "supporter") describes by its place in the clause, [] for
    none, None when the clause must say (the noun's possessor, the subject of its clause)."""
    if noun.dep_ == "conj" and noun.head.dep_ in ("attr", "appos"):
        first = noun.head  # "X, an advocate of A and a supporter of Y", "X is a friend of A and a critic of Y"
        return v.direct(first.head) if first.dep_ == "appos" else subjects(v, first.head)[0]
    if noun.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
        return []  # "X hit out at critics of Y": the critics are the agents, not X ("X is a critic of Y" is)
    if noun.dep_ == "appos":
        return v.direct(noun.head)  # "X, a critic of Y": X
    return None


def peer_name(v: DocView, tok: Token) -> bool:
    """Is the name ending at ``tok`` a peer's ("Lord X of Riverton": the place is the title's, no home)?"""
    return any(t.lower_ in v.ewords.peerages for t in v.doc[max(tok.left_edge.i, tok.i - 3): tok.i])
