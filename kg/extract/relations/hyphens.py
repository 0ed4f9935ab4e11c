"""Hyphenated adjectives: "A-backed B", "the Riverton-based group" (rule ``hyphen-adjective``), and
stance prefixes: "the anti-Israel BDS movement", "pro-Kremlin politician X" (rule ``stance-prefix``).

The trigger is the part after the hyphen (``hyphen_adjectives`` in the lexicon); the direction of
the fact comes from the ontology: the reading that the property's domain and range admit.  A stance
prefix (``stance_prefix_properties`` of the lexicon's words: "anti" opposes, "pro" supports) says
what the noun it modifies thinks of the entity after the hyphen.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from kg.extract.relations.records import NOTHING, Arg, Learned, RuleResult
from kg.extract.relations.registry import rule
from kg.extract.relations.view import DocView

__all__ = ["hyphen_adjectives", "stance_prefixes"]


def _first(v: DocView, tok: Token) -> tuple[list, Arg | None]:
    """The triggers and the entity before the hyphen: one token ("Riverton-based") or three
    ("Riverton - based")."""
    doc = v.doc
    if "-" in tok.text and tok.i not in v.r.token_keys:
        prefix, _, suffix = tok.text.rpartition("-")
        trigs = v.lex.hyphen.get(suffix.lower(), [])
        k = v.gazetteer_key(prefix) if trigs else None
        return trigs, (Arg(k, 0.95) if k and v.known(k) else None)
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_:
        trigs = v.lex.hyphen.get(tok.lower_, [])
        firsts = v.direct(doc[tok.i - 2]) if trigs else []
        return trigs, (firsts[0] if firsts else None)
    return [], None


def _described(v: DocView, noun: Token) -> list[Arg]:
    """What an unnamed noun describes: a name in apposition to it ("the Iran-backed militia X"), or
    the name it is in apposition to ("X, a Riverton-born journalist")."""
    apps = [c for c in noun.children if c.dep_ == "appos"]
    if apps:
        return v.direct(apps[0], conjuncts=False)
    if noun.dep_ == "appos":
        return v.direct(noun.head, conjuncts=False)
    return []


def _movement(v: DocView, tok: Token) -> bool:
    """Does ``tok`` name the state of a movement against or inside it ("Syrian" of "Turkish-backed
    Syrian rebels": the rebels are backed, not Syria)?  Heads of ``non_state_leaders``."""
    return tok.dep_ in ("amod", "compound") and tok.head.pos_ == "NOUN" \
        and tok.head.lemma_.lower() in v.words.non_state_leaders


@rule("hyphen-adjective", stage="clauses", unit="token")
def hyphen_adjectives(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """"A-backed B": A -> B, or B -> A where the ontology admits only that direction."""
    trigs, first = _first(v, tok)
    if not trigs or first is None:
        return NOTHING
    doc = v.doc
    head = tok.head
    while not v.direct(head, conjuncts=False) and head.dep_ in ("compound", "amod") and head.head.i != head.i:
        head = head.head  # "Riverton-born painter X": the name the described noun belongs to
    # "the Riverton-based group and the Ruritanian army": the conjunct of an unnamed noun is not described
    targets = v.direct(head) if head.i != tok.i and v.direct(head, conjuncts=False) else []
    if not targets and head.i != tok.i and head.pos_ == "NOUN":
        targets = _described(v, head)  # "the Riverton-born actor X", "X, a Riverton-born journalist"
    if not targets:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        targets = v.direct(nxt, conjuncts=False) if nxt is not None and not _movement(v, nxt) else []
    readings = []
    for trig in trigs:
        for t in targets:
            r = v.reading(trig.prop, first, t, "hyphen-adjective", tok) or \
                v.reading(trig.prop, t, first, "hyphen-adjective", tok)
            if r is not None:
                readings.append(r)
    return RuleResult(tuple(readings))


@lru_cache(maxsize=8)
def _prefix_properties(pairs: frozenset[str]) -> dict[str, str]:
    return dict(w.split("|", 1) for w in pairs)


def _stance_target(v: DocView, tok: Token) -> tuple[Arg | None, int]:
    """The one entity named after "<prefix>-" and the index of its last token."""
    doc = v.doc
    targets = v.direct(doc[tok.i + 2], conjuncts=False)
    if not targets:  # the NER took "anti-Israel" for a name of its own: no mention of Israel
        k = v.gazetteer_key(doc[tok.i + 2].text)
        targets = [Arg(k, 0.95)] if k and v.known(k) else []
    if len(targets) != 1:
        return None, tok.i
    end = tok.i + 2
    while end + 1 < len(doc) and v.r.token_keys.get(end + 1) == targets[0].key:
        end += 1  # "anti-Islamic State": the whole name
    return targets[0], end


def _stance_holders(v: DocView, end: int) -> list[Arg]:
    """Who holds the stance: the modified noun's name, a body noun's compound name ("the anti-A BDS
    movement"), the name in apposition ("X, a pro-A politician") or the owner of an "of" phrase ("the
    anti-A posture of X"); none for a compound ("a pro-Iraq war MP": for the war, not for Iraq)."""
    doc = v.doc
    bodies = v.words.org_description_nouns | {w.split("|")[0] for w in v.ewords.body_descriptions}
    head = doc[end].head if doc[end].head.i > end else doc[end]
    if head.is_lower and head.dep_ in ("compound", "amod") and head.head.i > head.i and head.lemma_ not in bodies:
        return []  # "a pro-A lobby group" is for A
    while head.dep_ in ("compound", "amod", "nmod") and head.head.i > head.i and (
            not v.direct(head, conjuncts=False) or head.head.pos_ == "NOUN"):  # "the pro-A U.N. resolution"
        head = head.head
    role = head.lemma_.lower() in v.roles or head.lower_ in v.roles  # "the pro-A president of B": not B
    return (v.direct(head, conjuncts=False) if head.i > end else []) \
        or [a for c in head.children if c.dep_ in ("compound", "nmod") and end < c.i < head.i
            and head.lemma_.lower() in bodies for a in v.direct(c, conjuncts=False)] \
        or (_described(v, head) if head.tag_ == "NN" else []) \
        or [a for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and not role
            for p in c.children if p.dep_ == "pobj" for a in v.deep(p)]


@rule("stance-prefix", stage="clauses", unit="token")
def stance_prefixes(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """"the anti-Israel BDS movement": BDS opposes Israel; "X, a pro-Kremlin politician": X supports the Kremlin."""
    doc = v.doc
    prop = _prefix_properties(v.words.stance_prefix_properties).get(tok.lower_)
    if prop is None or tok.i + 2 >= len(doc) or doc[tok.i + 1].text != "-" or tok.whitespace_ \
            or doc[tok.i + 1].whitespace_ or tok.i in v.r.token_keys:  # not "the Anti-Defamation League"
        return NOTHING
    target, end = _stance_target(v, tok)
    if target is None:
        return NOTHING
    readings = [v.reading(prop, h, target, "stance-prefix", tok) for h in _stance_holders(v, end) if h.key != target.key]
    return RuleResult(tuple(r for r in readings if r is not None))
