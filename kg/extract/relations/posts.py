"""What a role noun or a title says about a person's post: who holds it, whose post it is, and
which property that gives (worksFor, leaderOf, memberOf, livesIn).

Shared by the title and role rules, the clause reader (a role noun's holder can be a clause's
subject) and the learned step's guards, so that "the party's Treasury spokesman" or "Secretary
of State for Culture" are read one way everywhere.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.relations.holders import glued_name, hosts, named_after_comma, named_after_owner, person_before_place
from kg.extract.relations.records import Arg
from kg.extract.relations.view import DocView, dedupe, listed, word_in

__all__ = ["role_phrase", "roles_on", "names_a_topic", "role_pair", "party_arena", "of_state", "role_of", "leader_or_member",
           "seat_known_elsewhere", "ROLE_PREPS", "PostReading"]

ROLE_PREPS = ("of", "for", "at", "with", "in")

PostReading = tuple[str, list[Arg], list[Arg], str]  # (property, holders, owners, rule id)


def role_phrase(v: DocView, noun: Token) -> str:
    """The longest known role ending at ``noun``: "prime minister", not "minister"."""
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i
            and c.i not in v.r.token_keys]
    words = [c.lower_ for c in sorted(mods, key=lambda c: c.i)] + [noun.lower_]
    for n in range(len(words)):
        phrase = " ".join(words[n:])
        if phrase in v.roles:
            return phrase
    return noun.lemma_.lower() if noun.lemma_.lower() in v.roles else noun.lower_


def role_pair(v: DocView, noun: Token) -> list[Arg]:
    """Both sides of an allyOf-like role noun ("B is our partner" -> B and us)."""
    got = roles_on(v, noun)
    return dedupe([a for (_p, holder, obj, _r) in got for a in holder + obj]) if got else []


def described_person(v: DocView, noun: Token) -> list[Arg]:
    """The person a list of descriptions is in apposition to, for a later item of the list:
    "X, a professor at A and honorary president of B" (the parser may hang "president" on A),
    "X, leader of A, vice-president of B".  Climbs at most four conj/appos/prep/pobj links (past
    the names of places and organisations) to a person noun in apposition to a person's name;
    [] when there is none."""
    nouns = v.res.person_nouns | frozenset(v.roles)
    h = noun.head
    for _ in range(4):
        if h.i == h.head.i or h.i in v.r.token_keys and v.cls(v.r.token_keys[h.i]) == "Person":
            return []  # the root, or another person's name first
        if h.dep_ == "appos" and h.pos_ == "NOUN" and h.lemma_.lower() in nouns:
            found = [a for a in v.direct(h.head) if v.cls(a.key) == "Person"]
            return [a.times(0.9) for a in found]
        if h.dep_ not in ("conj", "appos", "pobj", "prep"):
            return []
        h = h.head
    return []


def _nearest(noun: Token) -> Token:
    """The conjunct of the list an apposition hangs on that stands last before it."""
    head = noun.head.head if noun.head.dep_ == "conj" else noun.head
    items = [head, *(t for t in head.conjuncts if t.i < noun.i)]
    return max(items, key=lambda t: t.i)


def _titled(v: DocView, name: Token) -> bool:
    """Does a name carry a title of its own before it ("Acme chief Y")?"""
    return any(c.dep_ == "compound" and c.i < name.i and c.lower_ in v.res.title_words for c in name.children)


def _holder(v: DocView, noun: Token) -> tuple[list[Arg], str, set[int]]:
    """Who holds the role ``noun`` names, the rule id that reads it, and the tokens of an
    appointee's name (not owners)."""
    keys, coref = v.r.token_keys, v.r.coref
    if noun.i in coref:  # "the <org> chief said": the person the description denotes
        return [Arg(k, 0.9) for k in coref[noun.i]], "role-apposition", set()
    if noun.dep_ == "appos":  # "Sen. X of Ohio, chairman of Y": the parser hangs the role on the place
        # "X and Y, a minister", "X (a minister), Y and Z": one role in the singular is the nearest name's
        one = noun.tag_ in ("NN", "NNP") and bool(noun.head.conjuncts)
        holder = [] if _name_in_a_clause_between(v, noun.head, noun) else v.direct(_nearest(noun) if one else noun.head,
                                                                                    conjuncts=not one)
        if all(v.is_a(a.key, "Place") for a in holder):
            holder = person_before_place(v, noun.head) or holder
        return holder, "role-apposition", set()
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subj = [c for c in noun.head.children if c.dep_ == "nsubj"]
        if subj and subj[0].tag_ == "WP" and noun.head.dep_ == "relcl":  # "X, who was the Acme spokesman,"
            return v.direct(noun.head.head, conjuncts=False), "role-copula", set()
        return (v.direct(subj[0]) if subj else []), "role-copula", set()
    if noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.dep_ == "prep" and (
            noun.head.head.lemma_.lower() in v.words.post_verbs or noun.head.i == noun.sent.start):
        return _verb_subject(v, noun.head.head), "role-copula", set()  # "X served as envoy to Y", "As Y's ally, X ..."
    if noun.dep_ == "oprd" and any(c.dep_ == "dobj" for c in noun.head.children):
        obj = [c for c in noun.head.children if c.dep_ == "dobj"]
        return v.direct(obj[0]), "role-copula", set()
    if noun.dep_ in ("dobj", "oprd") and noun.head.lemma_.lower() in v.words.appointment_verbs:
        # "made X provisional president of Y": the parser hangs the name on the role
        names = [c for c in noun.children if c.dep_ in ("compound", "nmod") and c.i < noun.i
                 and c.i in keys and v.cls(keys[c.i]) == "Person"]
        if names:
            return (v.direct(names[0], conjuncts=False), "role-appointment",
                    set(range(names[0].left_edge.i, names[0].i + 1)))
        return [], "", set()
    apps = [c for c in noun.children if c.dep_ == "appos"]
    if apps:  # "negotiator X and Acme chief Y": Y's own title is Y's post, not the negotiator's
        return [a for t in (apps[0], *listed(apps[0], v.names_person)) if t is apps[0] or not _titled(v, t)
                for a in v.direct(t, conjuncts=False)], "role-apposition", set()
    fronted = _fronted_holder(v, noun) or named_after_owner(v, noun) or named_after_comma(v, noun)
    if fronted:
        return fronted, "role-apposition", set()
    included = v.included(noun)  # "U.S. allies, including Japan": Japan is one
    if included:
        return included, "role-inclusion", set()
    return [], "", set()


def _name_in_a_clause_between(v: DocView, head: Token, noun: Token) -> bool:
    """"President X named Y, the deputy speaker of Z": an agent named in a clause between a name and
    the description after it is the one described (the parser hung the apposition on X)."""
    keys = v.r.token_keys
    for t in v.doc[head.i + 1: noun.left_edge.i]:
        if t.i in keys and keys[t.i] != keys.get(head.i) and not v.is_a(keys[t.i], "Place") and _verb_above(t, head):
            return True
    return False


def _verb_above(t: Token, head: Token) -> bool:
    """Is there a verb on the way from ``t`` up to ``head`` (``t`` in a clause under it)?"""
    for a in t.ancestors:
        if a.i == head.i:
            return False
        if a.pos_ in ("VERB", "AUX"):
            return any(b.i == head.i for b in a.ancestors)
    return False


def _verb_subject(v: DocView, verb: Token) -> list[Arg]:
    """The subject of ``verb``; a relative pronoun's antecedent ("X, who served as ...")."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj:
        return []
    if subj[0].lower_ in ("who", "that") and verb.dep_ == "relcl":
        return v.direct(verb.head, conjuncts=False)
    return v.direct(subj[0])


def _fronted_holder(v: DocView, noun: Token) -> list[Arg]:
    """A role phrase opening the sentence before the subject it describes: "The head of Y, Ana Lind
    said" (two subjects of one verb, the second after a comma) names the person who holds it."""
    if noun.dep_ != "nsubj" or noun.head.i < noun.i:
        return []
    later = [c for c in noun.head.children if c.dep_ == "nsubj" and c.i > noun.i
             and c.left_edge.i > 0 and v.doc[c.left_edge.i - 1].text == ","]
    return [a for c in later[:1] for a in v.direct(c, conjuncts=False) if v.cls(a.key) == "Person"]


def _owners(v: DocView, noun: Token, appointed: set[int]) -> tuple[list[Arg], bool]:
    """The institutions a role belongs to ("<owner>'s role", "<owner> role", "role of <owner>"),
    and whether a party's arena or brief was among them (see :func:`party_arena`)."""
    objs: list[Arg] = []
    for c in noun.children:
        if names_a_topic(v, c):
            continue  # "a North Korea expert": the subject of the expertise, not a home (unlike "a Korean expert")
        if c.dep_ in ("poss", "compound", "nmod", "amod") and c.i < noun.i and c.i not in appointed:
            nxt = v.doc[c.i + 1]
            if c.i in v.r.token_keys and nxt.i < noun.i and nxt.i not in v.r.token_keys \
                    and nxt.text[:1].isupper() and nxt.pos_ in ("PROPN", "ADJ") \
                    and nxt.lower_ not in v.res.title_words:
                continue  # "Scottish Conservative leader": the owner's name is cut; do not guess
            objs += v.direct(c)
    party_noun = any(c.dep_ == "poss" and c.lemma_.lower() in v.words.party_nouns for c in noun.children)
    objs, in_arena = party_arena(v, objs, party_noun)
    demonyms = {k for c in noun.children if c.dep_ == "amod" and c.pos_ == "ADJ" and c.i < noun.i
                for k in v.r.keys_at(c.i) if v.cls(k) == "Country"}  # "an Israeli columnist for Y": Y still
    modified = any(o.key not in demonyms for o in objs) or of_state(noun) or in_arena \
        or any(c.dep_ == "poss" for c in noun.children)  # "Secretary of State for Culture": a brief; "the charity's head in X"
    before = list(objs)
    for c in sorted(noun.children, key=lambda c: c.lower_ != "of"):
        # "<Party> leader in the <House>": with an owner before the role, "in"/"with" say where
        # and "for" the brief ("the <Party> spokesman for the <Office>"); so with an owner after "of"
        # ("the commander of U.S. forces in Afghanistan")
        if c.dep_ == "prep" and c.lower_ in ROLE_PREPS and not (modified and c.lower_ in ("in", "with", "for")):
            for p in c.children:
                if p.dep_ == "pobj" and not (c.lower_ == "for" and word_in(noun, v.words.brief_roles)
                                             and any(v.is_a(a.key, "Place") for a in v.direct(p))):
                    objs += v.direct(p) or unit_owners(v, p)  # not "special envoy for Ruritania": a brief
            modified = modified or (c.lower_ == "of" and len(objs) > len(before))
    objs += _from_party_or_seat(v, noun)
    if noun.lemma_.lower() == "member" and any(v.cls(o.key) != "Country" for o in objs[len(before):]):
        objs = [o for o in before if v.cls(o.key) != "Country"] + objs[len(before):]  # "a British member of Parliament"
    if any(c.lower_ in v.words.non_state_leaders for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i):
        objs = [o for o in objs if v.cls(o.key) != "Country"]  # "Ruritania's insurgent leader X"
    if not objs and noun.dep_ == "oprd":  # "A called B a partner": A's side
        subj = [c for c in noun.head.children if c.dep_ == "nsubj"]
        if subj:
            objs = [Arg(v.learned.affiliation(a.key) or a.key, a.factor * 0.9) for a in v.direct(subj[0])]
    return objs, in_arena


def _from_party_or_seat(v: DocView, noun: Token) -> list[Arg]:
    """"a lawmaker from the Labour Party", "a member of Parliament from UKIP" (a party the role is
    held for), "a senator from Ohio" (a representative's seat); "from" names nothing else here
    ("a refugee from Syria" is no post)."""
    heads = [noun] + [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for c in c.children
                      if c.dep_ == "pobj"]  # "member of Parliament from UKIP": "from" on Parliament
    out: list[Arg] = []
    for h in heads:
        for p in (p for c in h.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children if p.dep_ == "pobj"):
            out += [a for a in v.direct(p) if v.cls(a.key) == "Group" and a.key in v.res.gazetteer.entries
                    or v.is_locality(a.key) and noun.lower_ in v.words.representative_roles]
    return out


def unit_owners(v: DocView, tok: Token) -> list[Arg]:
    """The bodies a unit noun that names no entity itself belongs to ("the UN office in Geneva",
    "the NRA's lobbying arm", "the Russian mission": ``unit_nouns``): a post there is a post in
    them, not their head."""
    if tok.i in v.r.token_keys or not word_in(tok, v.words.unit_nouns):
        return []
    return [a for c in tok.children if c.dep_ in ("compound", "poss", "amod", "nmod") and c.i < tok.i
            for a in v.direct(c) if v.is_a(a.key, "Agent")]


def names_a_topic(v: DocView, tok: Token) -> bool:
    """Is ``tok`` a place's name before a role of the lexicon's ``topic_roles`` ("a North Korea
    expert", "a Russia analyst")?  It names what the person studies, neither home nor employer
    (a demonym still says where: "a Korean expert"; a body is an employer: "an Acme analyst")."""
    if tok.dep_ != "compound" or tok.pos_ != "PROPN" or tok.i not in v.r.token_keys \
            or not v.is_a(v.r.token_keys[tok.i], "Place"):
        return False
    role = tok.head
    while role.dep_ == "compound" and role.pos_ == "PROPN" and role.head.i != role.i:
        role = role.head  # "North" -> "Korea" -> "expert"
    return role.pos_ == "NOUN" and word_in(role, v.words.topic_roles)


def _part_of_owner(v: DocView, noun: Token) -> bool:
    """"EU foreign policy chief X", "Labour's head of elections strategy X": another noun before
    the role, or "of" + a common noun, names a part of the owner the person heads; he holds a post
    in the owner, he does not lead it (as for a title)."""
    phrase = set(role_phrase(v, noun).split())
    part = any(c.dep_ in ("compound", "amod") and c.i < noun.i and c.i not in v.r.token_keys
               and c.pos_ in ("NOUN", "PROPN") and c.lower_ not in phrase and c.lower_ not in v.res.title_words
               for c in noun.children)
    whole = v.words.role_whole_nouns  # "head of state" is the whole
    return part or _leads_where(v, noun) or any(c.dep_ == "prep" and c.lower_ == "of" and p.dep_ == "pobj" and p.pos_ == "NOUN"
                       and not v.direct(p, conjuncts=False) and p.lower_ not in whole  # not "the agency X"
                       for c in noun.children for p in c.children)


def _leads_where(v: DocView, noun: Token) -> bool:
    """"<Party> leader in the Lords", "the Republican leader in the Senate": a body named before
    the role and "in" after it name a part of the body (its group in a chamber or a region)."""
    owner = any(c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i and c.i in v.r.token_keys
                and v.cls(v.r.token_keys[c.i]) != "Country" for c in noun.children)
    return owner and any(c.dep_ == "prep" and c.lower_ == "in" and any(p.dep_ == "pobj" for p in c.children)
                         for c in noun.children)


def roles_on(v: DocView, noun: Token) -> list[PostReading]:
    """The post readings of a role noun: (property, holders, owners, rule id) per trigger."""
    trigs = v.roles.get(role_phrase(v, noun))
    if not trigs or noun.pos_ not in ("NOUN", "PROPN"):
        return []
    if noun.tag_ in ("NNS", "NNPS") and noun.dep_ in ("appos", "conj") and not (
            noun.dep_ == "appos" and any(c.dep_ == "conj" for c in noun.head.children)):
        return []  # "X, representatives of Y": the plural names other people (not "A and B, members of Y")
    if noun.i in v.r.coref and len(v.r.coref[noun.i]) > 1:
        return []  # "the leaders of the two biggest parties": who leads which is not said
    glued = glued_name(v, noun)
    holder, rule, appointed = (glued[:1], "role-title", set()) if glued else _holder(v, noun)
    if not holder and noun.dep_ in ("conj", "appos"):
        holder, rule = described_person(v, noun), "role-apposition"
    # a legislature or ministry holds no post: "two members in the House of Commons, European
    # Parliament, ..." lists where the members sit (the parser may hang the list on the role)
    holder = [a for a in holder if v.cls(a.key) != "GovernmentBody"]
    if not holder:
        return []
    objs, in_arena = (glued[1:], False) if glued else _owners(v, noun, appointed)
    if rule == "role-inclusion":  # "Arab leaders, including King X": leaders of states, not of a people
        objs = [o for o in objs if v.cls(o.key) != "Group" or o.key in v.res.gazetteer.entries]
    part = _part_of_owner(v, noun)
    at = hosts(v, noun)
    objs = [o for o in objs if o.key not in at]
    out = []
    for t in trigs:
        prop = "worksFor" if (part or in_arena) and t.prop == "leaderOf" else t.prop
        out.append((prop, holder, dedupe(objs), rule))
        if at:
            out.append(("worksFor", holder, [Arg(k) for k in at], rule))
    return out


def party_arena(v: DocView, owners: list[Arg], party_noun: bool) -> tuple[list[Arg], bool]:
    """A party's title names the body where it is held or the brief, not an employer: "the <Party>'s
    <House> leader X", "the party's <Office> spokesman X".  With a party among the owners (or the
    word "party" as one, ``party_noun``), the institutions after it go; returns (owners, whether any
    went).  ``owners`` are in the order of the text."""
    first = 0 if party_noun else next((n for n, o in enumerate(owners) if v.cls(o.key) == "Group"), None)
    if first is None:
        return owners, False
    # the party comes first ("CHP (Republican People's Party) leader X" leads the CHP); a government body
    # before it is the arena too ("Senate Freedom Party leader X": the party's floor leader)
    kept = [o for o in owners[:first] if v.cls(o.key) != "GovernmentBody"] \
        + [o for o in owners[first:] if v.cls(o.key) in ("Group", "Country")]
    return kept, len(kept) < len(owners)


def of_state(noun: Token) -> bool:
    """"Secretary of State", "Minister of State": a title whose "for X" names the brief."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(p.lower_ == "state" for p in c.children)
               for c in noun.children)


def role_of(v: DocView, words: list[str]) -> tuple[str | None, str]:
    """The property and role phrase of a title: the longest known role at the end of it."""
    address = v.res.entities.words.name_titles
    for n in range(len(words)):
        phrase = " ".join(words[n:])
        if phrase in v.lex.role_props:
            if n and " " not in phrase and (phrase.endswith(".") or phrase in address):
                # a rank after a post: "Joint Chiefs Chairman Gen. X", "Joint Chiefs Chairman General X"
                before, role = role_of(v, words[:n])
                if before == "leaderOf":
                    return before, role
            prop = v.lex.role_props[phrase]
            if n and words[n - 1] in v.words.frontbench_prefixes:
                phrase = f"{words[n - 1]} {phrase}"  # "shadow home secretary": the opposition's post
            return prop, phrase
    if len(words) > 1 and words[-1] in address:  # "Supreme Leader Ayatollah X": a form of address after the post
        return role_of(v, words[:-1])
    k = _portfolio_at(words)
    if k and k < len(words) - 1:  # "Secretary of Defense X", "Director of National Intelligence X": a portfolio after the role
        prop, role = role_of(v, words[:k])
        if role and words[k - len(role.split()):k] == role.split():
            return prop, " ".join(words[k - len(role.split()):])
    return None, ""


def _portfolio_at(words: list[str]) -> int:
    """Where a portfolio starts after a role ("secretary *of* defense"), or 0."""
    return next((j for j, w in enumerate(words) if w in ("of", "for")), 0)


def leader_or_member(v: DocView, prop: str, role: str, owner: str) -> str:
    """The property a role gives over its owner.

    An elected representative or any other political post-holder of a party or movement (Group:
    "Tory MP X", "Lib Dem health spokesman X", "UKIP's deputy leader X") is its member: memberOf;
    its leader stays leaderOf, its staff (``party_staff_roles``: "executive director") worksFor.
    Over a country: leaderOf only for heads of state/government ("director general" of a country
    is a post in its government: worksFor); worksFor only for posts in a state; any other role
    ("the <nationality> economist") says where the person is from: livesIn.
    """
    w = v.words
    last = role.split()[-1] if role else ""
    # a known party's or movement's political post (not "Europeans"); its staff work for it ("executive director")
    entry = v.res.gazetteer.entries.get(owner)
    shadow = bool(role) and role.split()[0] in w.frontbench_prefixes  # "Tory shadow home secretary X": a politician
    known_group = prop == "worksFor" and bool(role) and entry is not None \
        and (shadow or role not in w.party_staff_roles and last not in w.party_staff_roles)
    if prop == "leaderOf" and entry is not None and v.cls(owner) == "Group" \
            and (f"{role}|{entry.country}" in w.ministers_by_country or last in w.place_heads):
        return "memberOf"  # "Tory chancellor X", "Ohio's Democratic governor X": the party's member, not its leader
    if v.cls(owner) == "Group" and (known_group or last in w.representative_roles):
        return "memberOf"  # "Tory MP X", "a Labour mayor", "party spokesman": the party's member, not its employee nor head
    if v.cls(owner) == "Country":
        words = role.split()
        k = _portfolio_at(words) or len(words)
        head = words[k - 1] if k else role  # "secretary of homeland security": a secretary
        state = w.state_roles | w.head_of_state
        if role not in state and head not in state:
            return "livesIn"
        if prop == "leaderOf" and role not in w.head_of_state:
            return "worksFor"
        if prop == "leaderOf" and f"{role}|{owner}" in w.ministers_by_country:
            return "worksFor"  # "UK Chancellor X": in that country the title names a minister
    if prop == "leaderOf" and v.cls(owner) == "Group" and role in w.party_officers:
        # "Labour chairman X": a party's chairman runs its office (its leader leads it), a post that
        # makes a known party's member
        return "memberOf" if owner in v.res.gazetteer.entries else "worksFor"
    return prop


def seat_known_elsewhere(v: DocView, org: str, place: str) -> bool:
    """A gazetteer organisation with no country of its own is international ("Ruritania's EU
    membership"), and one with a country (or, for an outlet or company, a seat) is not based in
    another: a place that merely modifies its name is then the organisation's subject matter, not
    its seat ("the Russian news agency Interfax" is based in Russia; "the U.S. Reuters" is not)."""
    entry = v.res.gazetteer.entries.get(org)
    if entry is None or not v.onto.is_a(entry.cls, "Organization"):
        return False
    home = entry.country or entry.seat
    return home is None or (v.cls(place) == "Country" and home != place)
