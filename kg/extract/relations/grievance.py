"""Is one agent's attack on another verbal?  A reason or a judgement after the attack word says so
("X attacked Y over the budget", "... as vacuous", "... for failing to act")."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["grievance_after"]


def grievance_after(anchor: Token, words, *, armed_ok: bool = True) -> bool:
    """"X attacked Y over the budget", "... as vacuous", "... for failing to act", "X renewed her
    attacks on Y, calling him weak": a reason or a judgement after the verb (``grievance_preps``, a
    participle of ``naming_verbs`` or of the reporting verbs) makes one person's attack on another verbal.
    Not ``armed_ok``: for a group's or a state's attack, whose reason may be an armed one ("over the
    rocket fire"), only a judgement ("as", "calling it") or a failing ("for missing its target") counts."""
    verb = anchor.head if anchor.pos_ == "NOUN" and anchor.dep_ in ("dobj", "pobj") else anchor
    if any(c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG" and c.i > anchor.i
           and (c.lemma_.lower() in words.naming_verbs or c.lemma_.lower() in words.reporting) for c in verb.children):
        return True
    for c in anchor.children:
        if c.dep_ == "prep" and c.lower_ in words.grievance_preps and (armed_ok or c.lower_ != "over"):
            if c.lower_ != "for" or any(p.dep_ == "pcomp" and p.tag_ == "VBG" for p in c.children):
                return True
    return False
