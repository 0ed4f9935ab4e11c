"""Who holds a role and where, when the parser hangs the words elsewhere than on the role noun: the
person before a place ("Sen. X of Ohio, chairman of Y"), a name glued after the role's body ("deputy
director of the CIA John Lind"), a name in apposition to the body ("The editor of the Y newspaper, Ana
Lind, said"), a name set off by commas after a named body ("the chairman of the Joint Chiefs, Gen. Ana
Lind,"), and the body "at" which a role's unit sits ("director of the X Centre at the Y School").
Helpers of :mod:`kg.extract.relations.posts`."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.relations.records import Arg
from kg.extract.relations.view import DocView

__all__ = ["person_before_place", "glued_name", "named_after_owner", "named_after_comma", "hosts", "surely_a_body",
           "base_or_part"]


def person_before_place(v: DocView, place: Token) -> list[Arg]:
    """"my friend X of Ruritania, who spoke ...", "President X of Ruritania, who ...": the parser hangs
    the relative clause on the place; "who" is the person the place describes. So with the state of a
    party tag in apposition: "Rep. X, D-Ore., chairman of Y"."""
    if place.dep_ == "appos":
        return [a for a in v.direct(place.head, conjuncts=False) if v.cls(a.key) == "Person"]
    if place.dep_ != "pobj" or place.head.dep_ != "prep" or place.head.lower_ not in ("of", "from"):
        return []
    owner = place.head.head
    named = [owner, *(c for c in owner.children if c.dep_ == "appos")]
    return [a for t in named for a in v.direct(t, conjuncts=False) if v.cls(a.key) == "Person"]


def glued_name(v: DocView, noun: Token) -> list[Arg]:
    """"deputy director of the CIA John Lind": the parser makes the name the object of "of" and the
    body its modifier; returns [holder, owner] (or [])."""
    for c in noun.children:
        for p in (c.children if c.dep_ == "prep" and c.lower_ == "of" else ()):
            key = v.r.token_keys.get(p.i)
            if p.dep_ != "pobj" or key is None or v.cls(key) != "Person":
                continue
            first = min(t.i for t in p.subtree if v.r.token_keys.get(t.i) == key)  # the body right before the name
            owners = [v.r.token_keys[m.i] for m in p.children if m.dep_ == "compound" and m.i == first - 1
                      and m.i in v.r.token_keys and v.cls(v.r.token_keys[m.i]) != "Person"]
            if owners:
                return [Arg(key), Arg(owners[0])]
    return []


def named_after_owner(v: DocView, noun: Token) -> list[Arg]:
    """"The editor of the Y newspaper, Ana Lind, said": the parser hangs the name in apposition on
    the role's owner; a person there is the holder."""
    if noun.dep_ != "nsubj":
        return []
    owners = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj" and p.i not in v.r.token_keys]
    return [a for p in owners for c in p.children if c.dep_ == "appos" and v.doc[c.left_edge.i - 1].text == ","
            for a in v.direct(c, conjuncts=False) if v.cls(a.key) == "Person"]


def named_after_comma(v: DocView, noun: Token) -> list[Arg]:
    """"the chairman of the Joint Chiefs, Gen. Ana Lind,", "Ruritania's envoy to Freedonia, Ana Lind,":
    a person's name set off by commas right after the role's "of"/"to"/"for" body, however the parser
    hung it (on the body, or on the verb); titles before the name are skipped."""
    keys, doc = v.r.token_keys, v.doc
    if noun.tag_ in ("NNS", "NNPS"):
        return []  # "members of Congress, Mr. Lind, and ...": a list
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "to", "for")):
        bodies = [p for p in prep.children if p.dep_ == "pobj" and p.i in keys and v.cls(keys[p.i]) != "Person"]
        if not bodies:
            continue
        end = bodies[0].i
        while end + 1 < len(doc) and keys.get(end + 1) == keys[bodies[0].i]:
            end += 1
        start = end + 2
        while start < len(doc) and start - end <= 4 and start not in keys and doc[start].lower_ in v.res.title_words:
            start += 1
        key = keys.get(start)
        if doc[end + 1: end + 2].text != "," or key is None or v.cls(key) != "Person" or keys.get(start - 1) == key:
            continue
        last = start
        while last + 1 < len(doc) and keys.get(last + 1) == key:
            last += 1
        if last + 1 >= noun.sent.end or doc[last + 1].text in (",", ".", ";", ")"):
            return [Arg(key, 0.9)]
    return []


def hosts(v: DocView, noun: Token) -> list[str]:
    """"director of the X Centre at the Y School": the body "at" which the role's own unit sits;
    the holder leads the unit and works for the host."""
    def pobjs(tok: Token, preps: tuple[str, ...]) -> list[Token]:
        return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
                for p in c.children if p.dep_ == "pobj"]
    # the unit may be a named body or not ("director of Asian Studies at Y"); not a place ("of Ruritania")
    unit_toks = [p for p in pobjs(noun, ("of", "for")) if not any(v.is_a(a.key, "Place") for a in v.direct(p))]
    if not unit_toks:
        return []
    units = {a.key for p in unit_toks for a in v.direct(p)}
    at = pobjs(noun, ("at",)) + [h for p in unit_toks for h in pobjs(p, ("at",))]  # the parser hangs it on either
    return [a.key for p in at for a in v.direct(p) if a.key not in units and not v.is_a(a.key, "Place")
            and surely_a_body(v, a.key, p)]


def surely_a_body(v: DocView, key: str, tok: Token) -> bool:
    """Is ``key`` (named at ``tok``) surely an organisation?  A gazetteer entry, an acronym or a name of
    several words: the NER often types an unknown one-word town as an organisation ("a diver of Riverton",
    "the X camp at Oxford in central Massachusetts")."""
    if key in v.res.gazetteer.entries:
        return True
    n = v.r.mention_at.get(tok.i)
    if n is None:
        return False
    m = v.mentions[n]
    return m.end - m.start >= 2 or m.text.isupper() or m.source != "ner"


def base_or_part(v: DocView, org: str, place: str, phrase: Token) -> str:
    """The property of "<country's> <body>": a state's own body or unit is part of the state ("Ruritania's
    parliament", "the Ruritanian Navy": partOf, the guideline's settled case); an outlet ("Ruritania's
    state news agency") or an opposition body ("Ruritania's opposition council", ``non_state_leaders``)
    is based there, as is any other organisation.  ``phrase``: the head of the noun phrase."""
    if v.cls(org) not in ("GovernmentBody", "MilitaryUnit") or v.cls(place) != "Country":
        return "basedIn"
    ent = v.entity(org)
    words = {w.lower() for w in (ent.name.split() if ent else ())} | {t.lower_ for t in phrase.subtree if t.i < phrase.i}
    media = v.res.entities.words.media_heads
    return "basedIn" if words & media or words & v.words.non_state_leaders else "partOf"

