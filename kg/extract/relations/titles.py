"""Job titles written before a person's name: "<Country/Org>('s) <Title words> <Person>".

"Ruritanian Foreign Minister Ana Lind" gives Lind worksFor Ruritania (rule ``role-title``) and the
title "Foreign Minister"; "President Lind" with no country before it gives leaderOf the country
the office-holder tables (``ontologies/offices/``) have Lind lead under that title at the report's
date (``office-holder``; "Defence Secretary Lind" likewise gives worksFor), else the nearest
country named before the title in its clause (``title-default``); "the Ruritanian novelist X" says
where X comes from (livesIn).  Also "<X> Forces <Place>": a unit named after where it is
stationed (``name-structure``).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.relations.clauses import prep_objects
from kg.extract.relations.departments import headed_departments, title_state
from kg.extract.relations.posts import leader_or_member, party_arena, role_of
from kg.extract.relations.records import NOTHING, Arg, Learned, Reading, RuleResult
from kg.extract.relations.registry import rule
from kg.extract.relations.status import status_markers, status_of
from kg.extract.relations.view import DocView

__all__ = ["titles_before_names", "units_named_after_places", "office_country", "beat"]


def _walk_back(v: DocView, start: int, end: int, key: str) -> tuple[list[Token], list[Arg], int]:
    """The title words and owners right before the name ``[start, end)`` inside its noun phrase,
    and the index where the walk stopped."""
    doc, r = v.doc, v.r
    i = start - 1
    title_toks: list[Token] = []
    owners: list[Arg] = []
    sent_by = -1  # the role before "to <destination>"
    while i >= 0:
        t = doc[i]
        if t.text == " " and i > 0:  # "[Ruritanian] President Lind": a blanked bracket (not a line break or a gap)
            i -= 1
            continue
        if t.is_punct and t.text not in ("'s", "’s", "-"):
            break
        if t.text in ("'s", "’s"):
            i -= 1
            continue
        if t.lower_ in ("and", "&") and title_toks and not owners and i > 0 and doc[i - 1].lower_ in v.lex.role_props:
            i -= 2  # "<Org> President and CEO X": the last title stands for both
            continue
        if t.lower_ in ("of", "for") and title_toks and i > 0 and doc[i - 1].pos_ in ("PROPN", "NOUN") \
                and doc[i - 1].tag_ != "NNS":  # not "House allies of President X": other people
            title_toks.insert(0, t)  # "Secretary of State", "Minister for Europe"
            i -= 1
            continue
        if t.lower_ == "of" and owners and not title_toks and i > 0 and doc[i - 1].lower_ in v.lex.role_props:
            title_toks = list(doc[i: start])  # "Secretary of Homeland Security X": the body is the portfolio
            i -= 1
            continue
        if t.lower_ in ("to", "for") and owners and not title_toks and i > 0 and doc[i - 1].lower_ in v.lex.role_props:
            owners, sent_by = [], i - 1  # "U.S. Ambassador to the United Nations X", "UN Envoy for Syria X": where the post is sent
            i -= 1
            continue
        if t.lower_ == "the" and i > 0 and doc[i - 1].lower_ in ("to", "for") and owners and not title_toks:
            i -= 1
            continue
        portfolio = bool(title_toks) and title_toks[0].lower_ in ("of", "for") and t.lower_ in v.lex.role_props
        if (not (start - 10 <= t.head.i < end) or t.head.i == t.i) and t.i != sent_by \
                and not _split_title(v, t, start, end) and not portfolio:
            break  # the title is part of the name's noun phrase (the parser may hang the name on "to")
        if t.i in r.token_keys and r.token_keys[t.i] != key:
            # the walk meets every owner of the title; a conjunct outside it is not one
            # ("... Morgan in Riverton and Ruritania Minister X": not Riverton's minister)
            owners = v.direct(t, conjuncts=False) + owners
        elif t.pos_ in ("PROPN", "NOUN", "ADJ") or t.lower_ in ("vice", "prime", "deputy", "foreign", "chief"):
            if owners and not portfolio:
                break
            title_toks.insert(0, t)
        else:
            break
        i -= 1
    return title_toks, owners, i


def _split_title(v: DocView, t: Token, start: int, end: int) -> bool:
    """A capitalised title word right before the name that the parser made the name's sibling
    ("Saudi Foreign Minister Adel al-Jubeir said": "Minister" and "Jubeir" both subjects of "said"),
    or the head of the name as its apposition ("by Republican Senators Ana Lind and Bo Berg")."""
    last = v.doc[end - 1]
    return (t.i == start - 1 and t.text[:1].isupper() and _word(v, t) in v.res.title_words
            and (t.head.i == last.head.i and t.dep_ == last.dep_ or last.dep_ == "appos" and last.head.i == t.i))


def _trim_owners(v: DocView, title_toks: list[Token], owners: list[Arg], i: int) -> list[Arg]:
    """Owners a name word the NER left out makes doubtful ("Liberal Democrat chairman X": the
    owner's name is cut; "Jewish Chronicle editor X": not "Jewish"; "rebel leader": no state)."""
    doc = v.doc
    if owners and i >= 0 and doc[i].pos_ in ("PROPN", "ADJ") and doc[i].text[:1].isupper() \
            and doc[i].i not in v.r.token_keys and v.r.token_keys.get(doc[i].head.i) == owners[0].key:
        owners = owners[1:]
    first = title_toks[0]
    if owners and first.pos_ in ("PROPN", "ADJ") and first.text[:1].isupper() and _word(v, first) not in v.res.title_words \
            and " ".join(t.lower_ for t in title_toks) not in v.lex.role_props:  # not "<Org> Press Secretary X"
        owners = []
    if {t.lower_ for t in title_toks} & v.words.non_state_leaders:
        owners = [o for o in owners if v.cls(o.key) != "Country"]  # "Ruritanian rebel leader X"
    if any(v.cls(o.key) == "Country" for o in owners):  # "Ruritania's Europe Director X": a portfolio, not a post
        owners = [o for o in owners if v.cls(o.key) != "Place" or o.key in v.res.gazetteer.entries]
    return [o for o in owners if not _adjective_group(v, o.key)]


def _adjective_group(v: DocView, key: str) -> bool:
    """A group the gazetteer does not know, named only by adjectives ("Parisian dance professor X": a
    city's people, no employer)."""
    if v.cls(key) != "Group" or key in v.res.gazetteer.entries:
        return False
    return all(v.doc[i].pos_ == "ADJ" for i, k in v.r.token_keys.items() if k == key)


@rule("role-title", "title-default", "office-holder", stage="titles", unit="mention")
def titles_before_names(v: DocView, n: int, learned: Learned) -> RuleResult:
    """Job titles before a person's name: "<Country/Org>('s) <Title words> <Person>"."""
    key, m = v.r.mention_keys[n], v.mentions[n]
    if not key or v.cls(key) != "Person":
        return NOTHING
    title_toks, owners, i = _walk_back(v, m.start, m.end, key)
    if not title_toks:
        title_toks, owners, i = _plural_title_of_first(v, m)
    if not title_toks:
        return NOTHING
    owners = _trim_owners(v, title_toks, owners, i)
    while title_toks and title_toks[0].lower_ in ("of", "for"):
        title_toks.pop(0)
    if not title_toks:
        return NOTHING  # "... of Lord X": no title left
    words = [t.lower_ for t in title_toks[:-1]] + [_word(v, title_toks[-1])]
    if words[-1] in v.words.beat_roles:  # "White House correspondent X": the beat, not the employer
        owners = [o for o in owners if not beat(v, o.key)]
    prop, role = role_of(v, words)
    owners = [o for o in owners if role not in v.words.delegate_roles or not v.body_of_states(o.key)]  # "U.N. Ambassador X"
    while role and len(title_toks) > 1 and _word(v, title_toks[-1]) != role.split()[-1]:
        title_toks.pop()  # "Treasurer Lord X", "Chairman Gen. X": a form of address or rank after the post is no title
    title_toks = _after_governing_noun(v, title_toks, role)
    past = v.words.past_markers
    if (prop == "livesIn" or prop is None and words[-1] in v.words.occupations | v.words.staff_occupations) \
            and not any(v.doc[j].lower_ in past for j in range(max(0, i), m.start)):
        return _occupation(v, key, words[-1], owners, v.doc[m.start], resident=prop == "livesIn")
    if prop not in ("worksFor", "leaderOf"):
        return NOTHING
    lo = i - 1 if i > 0 and v.doc[i].text == "-" else i  # "Ex-Labour MP X"
    status = status_of((v.doc[j].text for j in range(max(0, lo), m.start)), v.res.time)
    markers = status_markers(v.res.time) | past
    if role in markers and owners and all(v.cls(o.key) == "Group" for o in owners):
        status, markers = "current", markers - {role}  # "Republican presidential nominee X": the party's, now
    title_toks = [t for t in title_toks if t.lower_.strip("-") not in markers and t.lower_ not in past]
    title = _title_text(v, title_toks)
    before_role = title_toks[: max(0, len(title_toks) - len(role.split()))]
    extra = [t for t in before_role if t.pos_ in ("NOUN", "PROPN") and t.lower_ not in v.res.title_words]
    if prop == "leaderOf" and (extra or any(t.lower_ in v.words.portfolios for t in title_toks[:-1])
                               or any(v.doc[j].lower_ in v.words.post_modifiers and j not in v.r.token_keys
                                      for j in range(max(0, lo), m.start))):  # not "Foreign" of "<House Foreign Affairs Committee>"
        prop = "worksFor"  # "<Org> foreign policy chief X", "<Senate> majority leader X", "<Org> communications
        # director X": a post, not the head
    if extra and (role.endswith(".") or role + "." in v.res.entities.words.honorifics):
        return NOTHING  # "<Group> detainee Sgt. X": the rank is not the owner's; the noun between says what X is to it
    if prop == "leaderOf" and role not in v.words.place_heads \
            and any(v.cls(o.key) in ("Group", "Organization", "GovernmentBody") for o in owners):
        # "Scottish Conservative Party leader X": a regional branch's head, a post in the party (its member)
        prop = "worksFor" if any(v.is_locality(o.key) for o in owners) else prop
        owners = [o for o in owners if not v.is_locality(o.key)]
    # "former minister X": the post is kept with its status (docs/time.md), and the title is no
    # current job title of X
    got = _posts(v, key, m.start, m.end, prop, role, owners, title, status)
    first = title_toks[0].i if title_toks else m.start
    named = owners + [Arg(v.r.token_keys[j]) for j in range(max(0, first - 3), first)  # "New York Attorney General X"
                      if j in v.r.token_keys and first <= v.doc[j].head.i < m.end]
    heads = _headed_bodies(v, key, title, role, named, v.doc[m.start], status)
    if heads:
        got = RuleResult(got.readings + heads, got.titles, got.affiliations)
    return got if status == "current" else RuleResult(got.readings, titles=((key, title),) if title else ())  # "Supreme Court nominee X": no title left


def _headed_bodies(v: DocView, key: str, title: str, role: str, owners: list[Arg], anchor: Token,
                   status: str) -> tuple[Reading, ...]:  # owners: also the names just before the title
    """"Homeland Security Secretary X", or "Secretary of State X" in a text that names the State
    Department: X heads a body of the text whose gazetteer entry lists the title among its
    ``heads`` (as written, or its last word after the body's own name), unless the title has
    another owner ("New York Attorney General X", "Ruritanian Defence Secretary X")."""
    written = title.lower()
    out = []
    # "Committee Chairman X" (the NER may make "Committee" a name of its own): the text's one committee
    named = {o.key: (v.entity(o.key).name.lower() if v.entity(o.key) else "") for o in owners}
    words = [*named.values(), *written.split()] if len(named) == 1 else written.split()
    if len(words) == 2 and words[0] in v.words.chaired_bodies and all(n == words[0] for n in named.values()) \
            and v.lex.role_props.get(words[1]) == "leaderOf":
        bodies = [b for b, e in v.r.entities.items() if len(e.name.split()) > 1 and e.name.split()[-1].lower() == words[0]]
        r = v.reading("leaderOf", Arg(key), Arg(bodies[0], 0.9), "role-title", anchor, "asserted", status) \
            if len(bodies) == 1 else None
        out += [r] if r is not None else []
    for body in v.r.entities:
        entry = v.res.gazetteer.entries.get(body)
        if entry is None or not entry.heads or any(o.key not in (body, entry.country) for o in owners):
            continue
        if written in entry.heads or any(o.key == body for o in owners) and any(
                h.split()[-1] == role for h in entry.heads):
            r = v.reading("leaderOf", Arg(key), Arg(body, 0.95), "role-title", anchor, "asserted", status)
            out += [r] if r is not None else []
    for body in headed_departments(v, title, owners):  # "Defence Secretary X" with "the Defence Ministry"
        r = v.reading("leaderOf", Arg(key), Arg(body, 0.9), "role-title", anchor, "asserted", status)
        out += [r] if r is not None else []
    return tuple(out)


def beat(v: DocView, key: str) -> bool:
    """Is ``key`` a body a reporter covers rather than works for: a government body, a force or a
    party ("the White House", "the Pentagon"), not a plain organisation (a company, an outlet) nor a
    state ("Canadian reporter X" says where X is from)?"""
    return v.is_a(key, "Institution") and v.cls(key) not in ("Organization", "Country")


def _occupation(v: DocView, key: str, word: str, owners: list[Arg], anchor: Token,
                resident: bool = False) -> RuleResult:
    """"the Ruritanian novelist X", "Riverton businessman X", "Ruritanian national X" (a livesIn role):
    where X lives or comes from; "Daily Planet columnist X" (``staff_occupations``, an owner of class
    Organization): X works for it."""
    out = []
    for o in owners:
        if v.is_a(o.key, "Place") and (resident or word in v.words.occupations):
            out.append(v.reading("livesIn", Arg(key), Arg(o.key, o.factor * 0.9), "role-title", anchor, "asserted"))
        elif v.cls(o.key) == "Organization" and word in v.words.staff_occupations:
            out.append(v.reading("worksFor", Arg(key), o, "role-title", anchor, "asserted"))
    return RuleResult(tuple(r for r in out if r is not None))


def _plural_title_of_first(v: DocView, m) -> tuple[list[Token], list[Arg], int]:
    """"Republican Sens. A of X and B of Y": a later conjunct shares the plural title of the first
    name (``plural_roles`` of relations.toml), with its owners."""
    head = v.doc[m.end - 1]
    while head.dep_ == "compound" and head.head.i < m.end and head.head.i != head.i:
        head = head.head
    if head.dep_ != "conj":
        return [], [], -1
    first = head.head
    if first.dep_ == "pobj" and first.head.lower_ in ("of", "from") and first.head.dep_ == "prep":
        first = first.head.head  # "A of X and B of Y": the parser hangs B on the place X
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    okey = v.r.token_keys.get(first.i)
    other = next((o for o in v.mentions if o.start <= first.i < o.end), None)
    if other is None or not okey or v.cls(okey) != "Person":
        return [], [], -1
    toks, owners, i = _walk_back(v, other.start, other.end, okey)
    plural = toks and (toks[-1].lower_ in v.words.plural_roles or _word(v, toks[-1]) != toks[-1].lower_)
    return (toks, owners, i) if plural else ([], [], -1)


def _title_text(v: DocView, toks: list[Token]) -> str:
    """The title as written, its last word in the singular ("Presidents" of "Presidents A and B")."""
    return " ".join([t.text for t in toks[:-1]] + [toks[-1].text[:len(_word(v, toks[-1]))]]) if toks else ""


def _word(v: DocView, t: Token) -> str:
    """The last word of a title as a role: the plural of a known role stands for it ("Presidents A
    and B": each a president; "Sens." is a role of its own, ``plural_roles``)."""
    w = t.lower_
    if w.endswith("s") and w not in v.lex.role_props and w[:-1] in v.lex.role_props:
        return w[:-1]
    return w


def _after_governing_noun(v: DocView, title_toks: list, role: str | None) -> list:
    """"a fierce critic of President X", "every aspect of President X's policy": the words before
    "of"/"for" govern the title, they are not part of it (a title word before them is: "Secretary
    of State X" is one role)."""
    n = len(role.split()) if role else 0
    if not n or n >= len(title_toks) or [t.lower_ for t in title_toks[-n:]] != role.split():
        return title_toks
    prefix = title_toks[:-n]
    if prefix[-1].lower_ in ("of", "for") and (len(prefix) < 2 or prefix[-2].lower_ not in v.res.title_words):
        return title_toks[-n:]
    return title_toks


def _posts(v: DocView, key: str, start: int, end: int, prop: str, role: str, owners: list[Arg],
           title: str, status: str = "current") -> RuleResult:
    """The readings of a current title over its owners (or the nearest country)."""
    anchor = v.doc[start]
    owners = owners + [a for p in prep_objects(v.doc[end - 1], "of") for a in v.direct(p)]  # "President X of Ruritania"
    owners, in_arena = party_arena(v, owners, False)
    if in_arena and prop == "leaderOf":
        prop = "worksFor"  # "the <Party>'s <House> leader X": leads its group there, not the party
    readings: list[Reading] = []
    affiliations: list[tuple[str, str]] = []
    # "Holyrood's Chamber Office chief X": the body named last is the one led, the ones before own it
    bodies = [o.key for o in owners if not v.is_a(o.key, "Place")]
    for o in owners:
        if prop == "leaderOf" and len(set(bodies)) > 1 and o.key in bodies[:-1] and o.key != bodies[-1]:
            r = v.reading(leader_or_member(v, "worksFor", role, o.key), Arg(key), o, "role-title", anchor,
                          "asserted", status)
            readings += [r] if r is not None else []
            affiliations += [(key, o.key)] if r is not None else []
            continue
        # "<City> union leader X", "<Region> Sen. X": X lives (or is from) there; "<City> Mayor X" leads it;
        # "<Region> Secretary X" holds a portfolio of a state's government, no home
        if (v.cls(o.key) == "City" or v.cls(o.key) == "Place" and role.split()[-1:] and role.split()[-1]
                in v.words.representative_roles) and role not in v.words.place_heads:
            r = v.reading("livesIn", Arg(key), Arg(o.key, 0.85), "role-title", anchor, "asserted")
        else:
            r = v.reading(leader_or_member(v, prop, role, o.key), Arg(key), o, "role-title", anchor, "asserted",
                          status)
            if r is not None:
                affiliations.append((key, o.key))
        if r is not None:
            readings.append(r)
    if not affiliations and prop in ("leaderOf", "worksFor"):
        words = title.lower().split()
        country, how, status, held = office_country(v, key, [" ".join(words[n:]) for n in range(len(words))] + [role],
                                                    status)
        if country is None and prop == "leaderOf" and role in v.words.default_country_titles:
            country, how, held = _nearest_country(v, anchor), "title-default", prop
        elif country is None and prop == "worksFor":
            country, how, held = title_state(v, words, anchor), "title-default", prop  # "Foreign Minister X", no state
        r = v.reading(held, Arg(key), Arg(country, 1.0), how, anchor, "asserted", status) if country else None
        if r is not None:
            readings.append(r)
            affiliations.append((key, country))
    return RuleResult(tuple(readings), ((key, title),), tuple(affiliations))


def office_country(v: DocView, key: str, titles: list[str], status: str) -> tuple[str | None, str, str, str]:
    """The country whose post ``key`` holds under one of ``titles`` (longest first) by the
    office-holder tables (``ontologies/offices``), with the rule id, the role status and the
    property of the post: "President Obama" in a text of 2014 (leaderOf, current), "former
    President Obama" or "President Obama" in a text of 2019 (former), "Foreign Secretary Jack
    Straw" (worksFor).  None when the tables do not know the name under a title, or when it fits
    two countries or two posts."""
    ent = v.r.entities.get(key)
    if ent is None or status not in ("current", "former"):
        return None, "office-holder", status, ""
    names = {_untitled(v, n) for n in (ent.name, *ent.aliases)} - {""}
    full = {n for n in names if len(n.split()) >= 2}
    names = sorted(full or names)  # a person named in full is that name, not any holder of the surname
    for title in dict.fromkeys(t for t in titles if t):
        for former in ((False, True) if status == "current" else (True,)):
            found = {(h.country, h.prop) for n in names for h in v.res.offices.holders(n, title, v.date, former=former)}
            if len(found) == 1 and v.known(next(iter(found))[0]):
                country, prop = next(iter(found))
                return country, "office-holder", "former" if former and v.date else status, prop
            if found:
                return None, "office-holder", status, ""
    return None, "office-holder", status, ""


def _untitled(v: DocView, name: str) -> str:
    """``name`` without the titles before it ("President Lind" -> "Lind")."""
    words = name.split()
    while len(words) > 1 and words[0].lower().strip(".") in v.res.title_words:
        words.pop(0)
    return " ".join(words)


def _nearest_country(v: DocView, tok: Token) -> str | None:
    """The closest country named before a head-of-state title in its sentence (12 tokens at most)."""
    for t in reversed(tok.sent[: tok.i - tok.sent.start]):
        if tok.i - t.i > 12 or t.text in (",", ";", ":", "(", "--", "—"):
            break  # another clause: "a vote on the Ruritanian budget, President X said"
        k = v.r.token_keys.get(t.i)
        n = v.r.mention_at.get(t.i)
        m = v.mentions[n] if n is not None else None
        root = v.doc[m.start:m.end].root if m is not None else t
        if k and v.cls(k) == "Country" and not (m is not None and m.role == "demonym") \
                and root.dep_ not in ("nsubj", "nsubjpass", "dobj") \
                and not (root.dep_ == "pobj" and root.head.lower_ not in ("in", "of", "with", "across", "throughout")) \
                and not (root.dep_ == "pobj" and root.head.lower_ == "of"
                         and any(c.dep_ == "acl" for c in root.head.head.children)):
            # not a demonym of another noun ("a Ruritanian pullout"), nor an actor ("Ruritania attacked"),
            # nor a target or end point after "on", "to", "against", "from" ("the attacks on Ruritania
            # forced Prime Minister X's government"): those do not name the title's country; nor the
            # actor of a nominalised act ("the determination of Ruritania to build arms ... President X")
            return k
    return None


@rule("name-structure", stage="titles", unit="mention")
def units_named_after_places(v: DocView, n: int, learned: Learned) -> RuleResult:
    """"<X> Forces <Place>": a unit named after where it is stationed."""
    m, key = v.mentions[n], v.r.mention_keys[n]
    if not key or m.source != "pattern" or v.cls(key) != "MilitaryUnit":
        return NOTHING
    toks = list(v.doc[m.start:m.end])
    readings = []
    for k, t in enumerate(toks[:-1]):
        if t.lower_ in ("forces", "force", "command"):
            place = v.gazetteer_key(" ".join(x.text for x in toks[k + 1:]))
            if place and v.known(place):
                r = v.reading("locatedIn", Arg(key), Arg(place), "name-structure", v.doc[m.start])
                if r is not None:
                    readings.append(r)
    return RuleResult(tuple(readings))
