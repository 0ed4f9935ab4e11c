"""Where places are and where people live: "City, Country" and datelines, "X in Y", "the
<demonym> city of X", "X, a small town in Y", "X's Riverton home", "Country's Place",
"X, a Riverton lawyer" (rules ``place-apposition``, ``place-in``, ``place-of``, ``home-of``,
``possessive-place``, ``person-of-place``)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.relations.clauses import is_dateline, peer_name, prep_objects
from kg.extract.relations.holders import base_or_part
from kg.extract.relations.posts import seat_known_elsewhere
from kg.extract.relations.records import NOTHING, Arg, Learned, Reading, RuleResult, result_of
from kg.extract.relations.registry import rule
from kg.extract.relations.view import DocView, word_in

__all__ = ["place_apposition", "place_in_place", "place_of", "place_described", "home_of", "possessive_place",
           "person_from_place"]



def _last_token_of(v: DocView, tok: Token, key: str | None) -> bool:
    return key is not None and (tok.i + 1 == len(v.doc) or v.r.token_keys.get(tok.i + 1) != key)


def _container_after(v: DocView, tok: Token, key: str) -> tuple[str, int] | None:
    """The place named after "<tok>, " ("Riverton, Ruritania", "Riverton, south-east Ruritania")
    and the index of its last token."""
    doc, r = v.doc, v.r
    j = tok.i + 1
    if j < len(doc) and doc[j].text == ",":  # "Riverton, south-east Ruritania": skip the direction
        k = j + 1
        while k < min(len(doc), j + 4) and k not in r.token_keys and (
                doc[k].lower_ in v.words.directions or doc[k].text == "-"):
            k += 1
        if k > j + 1 and k < len(doc) and k in r.token_keys:
            j = k - 1
    if not (j + 1 < len(doc) and (doc[j].text == "," or j > tok.i + 1)):
        return None
    other = r.token_keys.get(doc[j + 1].i)
    # a town lies in a region or a country, a region in any place but a town
    if not other or other == key or not v.is_a(other, "Place") or (v.cls(key) == "City" and v.cls(other) == "City"):
        return None
    end = doc[j + 1].i
    while end + 1 < len(doc) and r.token_keys.get(end + 1) == other:
        end += 1
    return other, end


@rule("place-apposition", stage="clauses", unit="token")
def place_apposition(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """"City, Country" and datelines "CITY, Country --" (not a list "A, B, C")."""
    key = v.r.token_keys.get(tok.i)
    if not _last_token_of(v, tok, key) or not v.is_locality(key):
        return NOTHING
    found = _container_after(v, tok, key)
    if found is None:
        return NOTHING
    other, end = found
    doc, r = v.doc, v.r
    after = doc[end + 1] if end + 1 < len(doc) else None
    if not (after is None or (after.is_punct and after.text not in ("'s", "’s")) or after.is_space
            or after.pos_ == "ADP" and after.tag_ != "POS"  # "in Portland, Oregon on Friday"
            or after.ent_iob_ == "B" and after.ent_type_ in ("DATE", "TIME")):  # "in Kunduz, Afghanistan March 4"
        return NOTHING
    if after is not None and after.lower_ == "in" and end + 2 < len(doc) and r.token_keys.get(end + 2) \
            and v.is_a(r.token_keys[end + 2], "Place"):
        return NOTHING  # "A District in B Province, C District in D Province": a list of places, each placed
    n = r.mention_at.get(tok.i)
    first = v.mentions[n].start if n is not None else tok.i
    before = r.token_keys.get(first - 2) if first >= 2 and doc[first - 1].text == "," else None
    beyond = r.token_keys.get(end + 2) if after is not None and after.text == "," and end + 2 < len(doc) else None
    if other in v.res.gazetteer.entries:  # "Fairfax County, Va., CBS News reports": no list of places
        before, beyond = (k if k and v.is_a(k, "Place") else None for k in (before, beyond))
    if after is not None and after.text == "," and end + 3 < len(doc) and doc[end + 2].dep_ == "cc" \
            and other not in v.res.gazetteer.entries and end + 3 < len(doc) and doc[end + 3].pos_ == "PROPN":
        return NOTHING  # "Fallujah, Ramadi, and Tikrit": a list (not "Burnley, Lancashire, and was"), unless a
        # known region or country closes it
    # a list "A, B, C" is no chain, but "Qingdao, Shandong Province, China" widens at each step
    if before and not _widening(v, before, key, other) or beyond and not _widening(v, key, other, beyond):
        return NOTHING
    return result_of([v.reading("locatedIn", Arg(key), Arg(other), "place-apposition", tok, "asserted")])


def _widening(v: DocView, *keys: str) -> bool:
    """Do the places go from a town to a region to a country, each wider than the one before?"""
    rank = {"City": 0, "Place": 1, "Country": 2}
    ranks = [rank.get(v.cls(k), -1) for k in keys]
    return -1 not in ranks and all(a < b for a, b in zip(ranks, ranks[1:]))


@rule("place-in", stage="clauses", unit="token")
def place_in_place(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """"X in Y" between places: "Basra in southern Ruritania", "the Old Fort in Riverton"; a named event
    where it is held: "the Group of 20 summit in Los Cabos"."""
    r, doc = v.r, v.doc
    key = r.token_keys.get(tok.i)
    if not key or not (v.is_locality(key) or v.cls(key) == "Event") or r.token_keys.get(tok.i + 1) == key:
        return NOTHING
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    # "to Catania, in Sicily": a comma before "in" says where the place is, even for two regions
    comma = nxt is not None and nxt.text == "," and tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ == "in"
    nxt = doc[tok.i + 2] if comma else nxt
    # "from Basra in southern Ruritania" with the "in" phrase hung on the governing noun or verb
    sibling = [nxt] if nxt is not None and nxt.lower_ == "in" and nxt.dep_ == "prep" \
        and tok.dep_ == "pobj" and nxt.head.i in (tok.head.head.i, tok.head.i) else []
    objects = prep_objects(tok, "in") + [c for prep in sibling for c in prep.children if c.dep_ == "pobj"]
    parts = v.words.part_nouns
    objects += [q for p in objects if p.i not in r.token_keys and p.lemma_.lower() in parts
                for q in prep_objects(p, "of")]  # "Basra in the southern part of Ruritania"
    return result_of([v.reading("locatedIn", Arg(key), a, "place-in", tok, "asserted")
                    for p in objects for a in v.direct(p)
                    if a.key != key and v.is_a(a.key, "Place")
                    and (comma or not (v.cls(key) == "Place" and v.cls(a.key) == "Place") or _lower(v, key, a.key)
                         or _in_known_region(v, key, a.key))])


def _in_known_region(v: DocView, place: str, region: str) -> bool:
    """A place the gazetteer does not know "in" a region it knows ("a centre in Riverton in Calif."):
    the unknown one is the smaller."""
    return place not in v.res.gazetteer.entries and region.startswith("region/") \
        and region in v.res.gazetteer.entries


def _lower(v: DocView, place: str, other: str) -> bool:
    """Is ``place`` of a lower administrative level than ``other`` by the last words of their names
    (``admin_levels``: "Dan Sai District" in "Loei Province")?"""
    levels = dict(w.split("|", 1) for w in v.ewords.admin_levels)
    a, b = (v.entity(k) for k in (place, other))
    la, lb = (levels.get(e.name.split()[-1].lower()) if e else None for e in (a, b))
    if la is not None and int(la) < 0:
        return lb is None or int(lb) >= 0  # a site lies in any place that is no site
    return la is not None and lb is not None and int(la) < int(lb)


@rule("place-of", stage="clauses", unit="token")
def place_of(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """"the <demonym> city of X", "Ruritania's capital, Riverton": inside a noun phrase, so asserted
    whatever the clause ("rebels may try to take the Ruritanian city of Riverton")."""
    if tok.lower_ not in v.ewords.place_of_nouns or tok.pos_ != "NOUN":
        return NOTHING
    countries = [a for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                 for a in v.direct(c) if v.is_a(a.key, "Place")]
    places = [a for p in prep_objects(tok, "of") for a in v.direct(p)]
    if not places and tok.dep_ == "appos":
        places = v.direct(tok.head)
    if not places:  # "Ruritania's capital, Riverton"
        places = [a for c in tok.children if c.dep_ == "appos" for a in v.direct(c) if v.cls(a.key) in ("City", "Place")]
    out: list[Reading | None] = []
    for p in places:
        for c in countries:
            if v.cls(p.key) == "Country" and v.cls(c.key) != "Country" and tok.lower_ in v.words.part_nouns \
                    or v.cls(c.key) != "Country" and tok.lower_ in v.ewords.city_part_nouns \
                    and not (c.key in v.res.gazetteer.entries and p.key not in v.res.gazetteer.entries):
                # "the Achin district of Y" (but "the Riverton suburb of Lowtown": a known town holds an unknown part)
                out.append(v.reading("locatedIn", c, p, "place-of", tok, "asserted"))  # "the Riverton region of Ruritania"
                # (but "the Pacific island of Guam": the island is the territory the gazetteer calls a country)
            else:
                out.append(v.reading("locatedIn", p, c, "place-of", tok, "asserted"))
    return result_of(out)


@rule("place-apposition", stage="clauses", unit="token")
def place_described(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """"Riverton, a small town in central Ruritania", "X, an island nation in the Y Ocean", "Riverton
    is the capital of Ruritania"."""
    lemma = tok.lemma_.lower()
    place_noun = lemma in v.ewords.place_nouns
    if tok.pos_ != "NOUN" or tok.i in v.r.token_keys or not (place_noun or lemma in v.ewords.country_descriptions):
        return NOTHING
    described = _described(v, tok)
    if not described:
        return NOTHING
    out = []
    preps = ("in", "of") if place_noun else ("in",)
    wider = [p for prep in preps for p in prep_objects(tok, prep)]  # "Yerevan, the capital of Armenia"
    wider += [c for c in tok.children if c.dep_ == "poss"] if place_noun else []  # "Mosul, Iraq's second city"
    for place in (p for d in described for p in v.direct(d, conjuncts=False)):
        pcls = v.cls(place.key)
        if not v.is_a(place.key, "Place"):
            continue
        for p in wider:
            for a in v.direct(p, conjuncts=False):
                acls = v.cls(a.key)
                if a.key != place.key and v.is_a(a.key, "Place") and not (pcls == "Country" and acls == "Country") \
                        and not (pcls != "City" and acls == "City"):  # no region is in a city
                    out.append(v.reading("locatedIn", place, a, "place-apposition", tok))
    return result_of(out)


def _described(v: DocView, tok: Token) -> list[Token]:
    """The name a place noun describes: its apposition's head, the subject of "is", or the name right
    before the noun phrase's comma when the parser missed the apposition ("entered Mosul, a city in
    Y," with "city" a second object; the phrase must close with a comma or the sentence)."""
    if tok.dep_ == "appos":
        return [tok.head]
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "one" and tok.head.head.i != tok.i:
        return _described(v, tok.head.head)  # "Riverton, one of Ruritania's largest cities"
    if tok.dep_ == "attr" and tok.head.lemma_ == "be":
        return [c for c in tok.head.children if c.dep_ == "nsubj"]
    first, last, doc = tok.left_edge, tok.right_edge, v.doc
    closed = last.i + 1 >= len(doc) or doc[last.i + 1].is_punct
    lead = first.i != tok.i and first.dep_ in ("det", "poss") and first.head.i == tok.i or tok.lower_ == "one"
    if first.i >= 2 and doc[first.i - 1].text == "," and closed and lead and first.i - 2 in v.r.token_keys:
        return [doc[first.i - 2]]
    return []


@rule("home-of", stage="clauses", unit="token")
def home_of(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """"X's Riverton home", "X's hometown of Riverton", "his home in Riverton", "his native Ruritania"."""
    key = v.r.token_keys.get(tok.i)
    if key and v.is_a(key, "Place") and any(c.dep_ == "amod" and c.lower_ == "native" for c in tok.children):
        return result_of([v.reading("livesIn", o, Arg(key), "home-of", tok, "asserted")
                          for c in tok.children if c.dep_ == "poss"
                          for o in v.direct(c, conjuncts=False) if v.cls(o.key) == "Person"])
    if tok.lower_ not in v.words.home_nouns or tok.pos_ != "NOUN" or key:
        return NOTHING
    before = [c for c in tok.children if c.dep_ in ("compound", "nmod", "amod") and c.i < tok.i]
    before += [g for c in before for g in c.children if g.dep_ in ("compound", "nmod") and g.i < c.i]  # "her Augusta, Ga., home"
    owners = [a for c in [*tok.children, *before] if c.dep_ == "poss" or c.dep_ == "nmod" and c.tag_ == "PRP$"
              for a in v.direct(c, conjuncts=False) if v.cls(a.key) == "Person"]
    homes = [a for c in before for a in v.direct(c, conjuncts=False) if v.is_a(a.key, "Place")]
    homes += [a for prep in ("of", "in") for p in prep_objects(tok, prep) for a in v.direct(p, conjuncts=False)
              if v.is_a(a.key, "Place")]
    # inside the owner's noun phrase: asserted whatever the clause ("could look to his hometown of Riverton")
    return result_of([v.reading("livesIn", o, h, "home-of", tok, "asserted") for o in owners for h in homes])


@rule("possessive-place", stage="clauses", unit="token")
def possessive_place(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """"Place's Org" -> basedIn (a state's own body: partOf; not "Ruritania's EU hopes"), "Country's
    Place" -> locatedIn; a
    fact of the noun phrase: "Ruritania's Acme does not ..." denies something else."""
    owner = v.r.token_keys.get(tok.i)
    if not owner or tok.dep_ != "poss" or is_dateline(tok):
        return NOTHING
    if tok.head.dep_ in ("oprd", "attr") and tok.head.head.lemma_.lower() in v.words.naming_verbs:
        return NOTHING  # "X has been dubbed Britain's Guantanamo Bay": a name given, no place in Britain
    out = []
    # "A's X and B's Y": a conjunct with a possessor of its own is not A's
    heads = [tok.head, *(c for c in tok.head.conjuncts if not any(g.dep_ == "poss" for g in c.children))]
    for target in (a for h in heads for a in v.direct(h, conjuncts=False)):
        tcls = v.cls(target.key)
        if v.onto.is_a(tcls, "Organization") and v.is_a(owner, "Place") \
                and tok.head.i in v.r.token_keys and not seat_known_elsewhere(v, target.key, owner):
            # a state's own body is part of the state ("Ruritania's parliament"; the guideline's settled case)
            prop = base_or_part(v, target.key, owner, tok.head)
            out.append(v.reading(prop, target, Arg(owner), "possessive-place", tok, "asserted"))
        elif v.onto.is_a(tcls, "Place") and tcls != "Country" and v.is_a(owner, "Place"):
            out.append(v.reading("locatedIn", target, Arg(owner), "possessive-place", tok, "asserted"))
    return result_of(out)


@rule("person-of-place", stage="clauses", unit="token")
def person_from_place(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """"X, a Riverton lawyer", "X, a Republican from Riverton", "Sen. X of Riverton": where a person lives."""
    r = v.r
    key = r.token_keys.get(tok.i)
    if not key or v.cls(key) != "Person" or r.token_keys.get(tok.i + 1) == key:
        return NOTHING
    out = []
    for app in (c for c in tok.children if c.dep_ == "appos" and (
            c.i not in r.token_keys or v.cls(r.token_keys[c.i]) == "Group")):  # "X, a Republican from Y"
        if app.lemma_.lower() in v.roles or app.lower_ in v.roles or word_in(app, v.words.topic_roles):
            continue  # a post, or a topic ("X, a lifelong Ruritania hawk": no Ruritanian)
        # "X, a Riverton lawyer"; a nationality on an occupation: "X, an Israeli businessman", "the Yemeni-American cleric"
        mods = ("compound", "nmod", "amod") if word_in(app, v.words.occupations) else ("compound", "nmod")
        near = [c for c in app.children if c.dep_ in mods and c.i < app.i and not (  # not "an anti-Y activist"
            c.i >= 2 and v.doc[c.i - 1].text == "-" and v.doc[c.i - 2].lower_ in v.ewords.stance_prefixes)]
        places = [a for c in near + [g for c in near for g in c.children if g.dep_ in mods and g.i < c.i]
                  for a in v.direct(c) if v.is_a(a.key, "Place")]
        places += [a for prep in ("from", "of", "in") for p in prep_objects(app, prep)
                   for a in v.direct(p) if v.is_a(a.key, "Place")]
        # an apposition of the name: asserted whatever the clause ("an effort to free X, a Ruritanian reporter")
        out += [v.reading("livesIn", Arg(key), Arg(a.key, 0.9), "person-of-place", tok, "asserted") for a in places]
    # "Sen. X of Wyoming", "X, of Burnley, said": a person's name followed by "of" a region or town
    # (not a state: "President X of Ruritania" holds a post there; not a peer's title: "Lord X of Riverton")
    homes = [a for p in ([] if peer_name(v, tok) else prep_objects(tok, "of")) if p.i <= tok.i + 3 for a in v.direct(p)
             if v.is_a(a.key, "Place") and v.cls(a.key) != "Country"]
    out += [v.reading("livesIn", Arg(key), Arg(a.key, 0.85), "person-of-place", tok, "asserted") for a in homes]
    return result_of(out)
