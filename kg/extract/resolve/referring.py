"""Which pronouns refer at all, and to a name after them: an "it" that stands for a clause after it
refers to nobody; "his" in an opening phrase refers to the subject after it ("After his summit
with Y, X said ...").

Read by :mod:`kg.extract.resolve.coreference` before it guesses a referent.

>>> import spacy
>>> from spacy.tokens import Doc
>>> doc = Doc(spacy.blank("en").vocab, words=["It", "was", "hard", "to", "tell"],
...           heads=[1, 1, 1, 4, 1], deps=["nsubj", "ROOT", "acomp", "aux", "xcomp"], lemmas=["it", "be", "hard", "to", "tell"])
>>> expletive(doc[0])
True
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["expletive", "forward_subject"]


def expletive(tok: Token) -> bool:
    """An "it" standing for a clause after it ("It was hard to tell ...", "It is clear that ..."): the
    parser's expl, or the subject of "be" with a predicate and an infinitive or "that" clause."""
    if tok.lower_ != "it" or tok.dep_ == "expl":
        return tok.lower_ == "it"
    if tok.dep_ != "nsubj" or tok.head.lemma_ != "be":
        return False
    preds = [c for c in tok.head.children if c.dep_ in ("acomp", "attr")]
    clauses = [c for h in (tok.head, *(p for p in preds if p.dep_ == "attr")) for c in h.children  # not "able to"
               if c.i > tok.i and c.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl")]
    return bool(preds) and any(g.dep_ == "aux" and g.lower_ == "to" or g.dep_ == "mark" and g.lower_ == "that"
                               for c in clauses for g in c.children)


def forward_subject(tok: Token) -> Token | None:
    """The subject a possessive pronoun in an opening phrase points ahead to: "At a press conference
    after his summit with Y, X appeared to ..." (the pronoun before the subject of the verb its
    phrase hangs on).  None when the pronoun is no possessive or its clause's subject comes first."""
    if tok.dep_ != "poss":
        return None
    verb = tok.head
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects[0] if subjects and subjects[0].i > tok.i else None
