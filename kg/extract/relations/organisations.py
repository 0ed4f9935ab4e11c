"""Where organisations are and whom people work for, read from noun phrases: "the Riverton-based
Acme", "the Ruritanian company Acme", "Acme Inc. of Riverton", "Acme, a Riverton construction
firm", "Ana Lind of Acme", "the Daily Planet's Ana Lind", and the source lines of monitoring
services (rules ``possessive-place``, ``place-in``, ``org-of-place``, ``org-apposition``,
``person-of-place``, ``person-of-org``, ``source-line``), and an author's credit on a line of its
own, "Ana Lind, Daily Planet" (``credit-line``)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.relations.clauses import is_dateline, peer_name, prep_objects
from kg.extract.relations.holders import base_or_part, surely_a_body
from kg.extract.relations.posts import seat_known_elsewhere
from kg.extract.relations.records import NOTHING, Arg, Learned, RuleResult, result_of
from kg.extract.relations.registry import rule
from kg.extract.relations.view import DocView, word_in

__all__ = ["organisation_bases", "person_affiliations", "source_lines", "credit_lines"]


def _modifiers(v: DocView, tok: Token) -> list[Token]:
    """The modifiers before an organisation's name (and before the noun it is in apposition to)."""
    doc, n = v.doc, v.r.mention_at.get(tok.i)
    span = doc[v.mentions[n].start:v.mentions[n].end] if n is not None else doc[tok.i:tok.i + 1]
    mods = [c for t in span for c in t.children if c.i < span.start and c.dep_ in ("compound", "nmod", "amod")]
    if tok.dep_ in ("appos", "compound") and tok.head.pos_ == "NOUN":  # "Iran's ISNA news agency" (not "X's Y section")
        poss = ("poss",) if word_in(tok.head, v.words.org_description_nouns) else ()
        mods += [c for c in tok.head.children if c.dep_ in ("compound", "nmod", "amod", *poss) and c.i < tok.head.i
                 and c.i != tok.i]
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.pos_ == "NOUN" and before.i not in v.r.token_keys and before.head.i != span.end - 1 \
            and word_in(before, v.words.org_description_nouns):  # the parser made them siblings: "Chinese tech giant Huawei said"
        mods += [c for c in before.children if c.dep_ in ("compound", "nmod", "amod", "poss") and c.i < before.i]
    # "French bank BNP Paribas", "US chipmaker Qualcomm": the place modifies a describing noun before the name
    mods += [g for c in mods if c.pos_ == "NOUN" and c.i not in v.r.token_keys and word_in(c, v.words.org_description_nouns)
             for g in c.children if g.dep_ in ("compound", "nmod", "amod") and g.i < c.i]
    return mods


@rule("possessive-place", "place-in", "org-of-place", "org-apposition", stage="clauses", unit="token")
def organisation_bases(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """"the Riverton-based Acme", "the Ruritanian company Acme", "Acme Inc. in Riverton", "the Acme
    Institute at Riverton": basedIn."""
    doc, r = v.doc, v.r
    key = r.token_keys.get(tok.i)
    if not key or not v.is_a(key, "Organization") or (tok.i + 1 < len(doc) and r.token_keys.get(tok.i + 1) == key):
        return NOTHING
    out = []
    for c in _modifiers(v, tok):
        if is_dateline(c) or (c.i + 1 < len(doc) and doc[c.i + 1].text == "-"):
            continue  # a dateline; "Ruritania-EU deal": a pair, not a base
        out += [v.reading(base_or_part(v, key, a.key, tok), Arg(key), Arg(a.key, 0.9), "possessive-place", tok)
                for a in v.direct(c) if v.is_a(a.key, "Place") and not seat_known_elsewhere(v, key, a.key)]
    # "seven Marines in Y" are people, not the corps; "a leaflet by X in Y": Y is where the act was
    counted = tok.tag_ in ("NNS", "NNPS") and any(c.dep_ == "nummod" for c in tok.children)
    acting = tok.dep_ == "pobj" and tok.head.lower_ == "by"
    # a research body's or campus's name ("the X Center at West Point", "the Center for X Studies in
    # Riverton": its own head may carry the phrase); not "a meeting of the Commission for Africa in Y"
    # nor "boarding X at Y airport"
    n = r.mention_at.get(tok.i)
    campus = [t for t in (doc[v.mentions[n].start:tok.i + 1] if n is not None else [tok])
              if r.token_keys.get(t.i) == key and v.res.entities.head_classes.get(t.lower_) == "Organization"]
    places = [p for h in dict.fromkeys([tok, *campus]) for p in prep_objects(h, "in")
              + (prep_objects(h, "at") if h in campus else []) if r.token_keys.get(p.i) != key]
    for p in ([] if counted or acting else places):
        if p.lower_ in v.ewords.languages:
            continue  # "Riverton Radio in Ruritanian": a language, not a place
        out += [v.reading("basedIn", Arg(key), Arg(a.key, 0.8), "place-in", tok) for a in v.direct(p)
                if v.is_a(a.key, "Place")]
    for p in prep_objects(tok, "of"):  # "Acme Trust Co. of Riverton"
        out += [v.reading("basedIn", Arg(key), a, "org-of-place", tok) for a in v.direct(p, conjuncts=False)
                if v.is_a(a.key, "Place")]
    # "Acme, a Riverton construction firm" (a hyphenated "Riverton-backed" is not a base)
    for app in (c for c in tok.children if c.dep_ == "appos" and c.i not in r.token_keys
                and c.pos_ == "NOUN" and c.lemma_.lower() in v.words.org_description_nouns):
        for c in app.children:
            if c.dep_ not in ("compound", "nmod", "amod") or c.i > app.i or c.i + 1 >= len(doc) \
                    or doc[c.i + 1].text == "-":
                continue
            out += [v.reading("basedIn", Arg(key), a, "org-apposition", tok) for a in v.direct(c, conjuncts=False)
                    if v.is_a(a.key, "Place")]
    return result_of(out)


def _has_title(v: DocView, tok: Token) -> bool:
    n = v.r.mention_at.get(tok.i)
    if n is None:
        return False
    start = v.mentions[n].start
    return start > 0 and v.doc[start - 1].lower_ in v.lex.role_props


@rule("possessive-place", "person-of-place", "person-of-org", stage="clauses", unit="token")
def person_affiliations(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """"X of Place" for a person without a title ("President X of Ruritania" is a title), "Ana Lind
    of Acme", "Lind at Acme", "the Daily Planet's Ana Lind"."""
    r = v.r
    key = r.token_keys.get(tok.i)
    if not key or v.cls(key) != "Person" or r.token_keys.get(tok.i + 1) == key or _has_title(v, tok):
        return NOTHING
    out = [v.reading("worksFor", Arg(key), Arg(r.token_keys[c.i], 0.85), "possessive-place", tok)
           for c in tok.children  # "the Daily Planet's Ana Lind": she works there
           if c.dep_ == "poss" and c.i in r.token_keys and v.is_a(r.token_keys[c.i], "Organization")]
    owner = _plural_possessor(v, tok)
    if owner is not None and not any(c.dep_ == "poss" for c in tok.children):
        out.append(v.reading("worksFor", Arg(key), Arg(owner, 0.85), "possessive-place", tok))
    described = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i not in r.token_keys]
    froms = [p for d in described for p in prep_objects(d, "from")]  # "Ana Lind, a secretary from Riverton"
    for p in ([] if peer_name(v, tok) else prep_objects(tok, "of")) + prep_objects(tok, "from") + froms:
        # inside the name's noun phrase: asserted whatever the clause ("may free X, a lawyer from Riverton")
        out += [v.reading("livesIn", Arg(key), a, "person-of-place", tok, "asserted")
                for a in v.direct(p) if v.is_a(a.key, "Place")]
    people = _people_of(v, tok)  # "Two other Americans, Ana Lind and Bo Berg, ...": nationals of the country
    if people is not None:
        out.append(v.reading("livesIn", Arg(key), Arg(people, 0.9), "person-of-place", tok, "asserted"))
    for p in prep_objects(tok, "of") + prep_objects(tok, "at") + _shared_of(v, tok):  # "Ana Lind of Acme"
        out += [v.reading("worksFor", Arg(key), a, "person-of-org", tok) for a in v.direct(p, conjuncts=False)
                if v.is_a(a.key, "Organization") and surely_a_body(v, a.key, p)]
    return result_of(out)


def _shared_of(v: DocView, tok: Token) -> list[Token]:
    """"Ana Lind and Bo Berg of Acme": the last of two or more people without titles lends the
    others its "of" (the parser hangs it on the last name)."""
    people = [c for c in tok.children if c.dep_ == "conj"]
    if not people or tok.dep_ == "conj" or any(v.r.token_keys.get(c.i) is None or v.cls(v.r.token_keys[c.i]) != "Person"
                                              or _has_title(v, c) for c in people):
        return []
    return prep_objects(people[-1], "of")


def _people_of(v: DocView, tok: Token) -> str | None:
    """The country whose people a plural demonym names when the person's name is in apposition to
    it ("two Americans, Ana Lind and Bo Berg,"), else None."""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    head = t.head
    if t.dep_ != "appos" or head.tag_ not in ("NNPS", "NNS"):
        return None
    # a counted plural ("two Americans") is no mention: the gazetteer's demonyms name the country
    country = v.r.token_keys.get(head.i) or v.res.gazetteer.demonyms.get(head.text)
    if country is None or v.entity(country) is None or v.cls(country) != "Country":
        return None
    return country if head.lower_ != v.entity(country).name.lower() else None


def _plural_possessor(v: DocView, tok: Token) -> str | None:
    """"Fox News' Ana Lind": an organisation whose name ends in "s", an apostrophe glued to it, then
    the name (the parser often reads the apostrophe as a closing quote and loses the possessive)."""
    n = v.r.mention_at.get(tok.i)
    start = v.mentions[n].start if n is not None else -1
    if start < 2 or v.doc[start - 1].text not in ("'", "’") or v.doc[start - 2].whitespace_:
        return None
    owner = v.r.token_keys.get(start - 2)
    if not owner or not v.doc[start - 2].lower_.endswith("s") or not v.is_a(owner, "Organization"):
        return None
    if any(t.text in ("'", "‘") for t in v.doc[v.doc[start - 1].sent.start:start - 1]):
        return None  # a closing quote: "... called it 'Fox News' Ana Lind said"
    return owner


@rule("source-line", stage="closing", unit="mention")
def source_lines(v: DocView, n: int, learned: Learned) -> RuleResult:
    """"Riverton RADIO RIVERTON in Ruritanian 1700 GMT": the outlet (a "source-line" mention, see
    kg.extract.mentions.lines.source_line) is based in the place named right before it."""
    m = v.mentions[n]
    if m.source != "source-line" or m.start == 0:
        return NOTHING
    place, outlet = v.r.token_keys.get(m.start - 1), v.r.mention_keys[n]
    if not (place and outlet):
        return NOTHING
    return result_of([v.reading("basedIn", Arg(outlet), Arg(place), "source-line", v.doc[m.start], "asserted")])


def _line_break(tok: Token) -> bool:
    return tok.is_space and "\n" in tok.text or "\n" in tok.whitespace_


@rule("credit-line", stage="clauses", unit="mention")
def credit_lines(v: DocView, n: int, learned: Learned) -> RuleResult:
    """"Ana Lind, Daily Planet" or "By Ana Lind, The Daily Planet" as a whole line (an author's
    credit under an excerpt or above an article): Lind works for the outlet."""
    key, m, doc = v.r.mention_keys[n], v.mentions[n], v.doc
    if not key or v.cls(key) != "Person" or m.end + 1 >= len(doc) or doc[m.end].text != ",":
        return NOTHING
    before = m.start - 1 - (m.start > 0 and doc[m.start - 1].lower_ == "by")
    if before >= 0 and not _line_break(doc[before]):
        return NOTHING
    j = m.end + 1 + (doc[m.end + 1].lower_ == "the")
    org = v.r.token_keys.get(j)
    if not org or not v.is_a(org, "Organization") or v.is_a(org, "Place"):
        return NOTHING
    k = j
    while k < len(doc) and v.r.token_keys.get(k) == org:
        k += 1
    if k < len(doc) and not _line_break(doc[k]) and not _line_break(doc[k - 1]):
        return NOTHING
    return result_of([v.reading("worksFor", Arg(key), Arg(org), "credit-line", doc[m.start], "asserted")])
