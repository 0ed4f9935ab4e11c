"""Role nouns: "B, a key A ally", "X, chairman of Y", "B is our partner", "made X president of Y",
and "X's <demonym> counterpart Y" (rules ``role-apposition``, ``role-copula``,
``role-appointment``).  Who holds a role and whose it is: :mod:`kg.extract.relations.posts`."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.relations.posts import leader_or_member, role_of, role_phrase, roles_on, unit_owners
from kg.extract.relations.records import NOTHING, Arg, Learned, RuleResult
from kg.extract.relations.registry import rule
from kg.extract.relations.status import status_of
from kg.extract.relations.view import DocView

__all__ = ["role_nouns", "counterparts", "demonym_roles"]

_POSTS = ("worksFor", "leaderOf")
_STATUSED = (*_POSTS, "memberOf")  # facts that carry the title's status ("a former member of Y")
_ENDS: dict[int, tuple[object, frozenset[str]]] = {}  # id(roles table) -> (the table, the last words of its roles)


def _may_be_role(roles, tok: Token) -> bool:
    """Can ``tok`` end a role of the lexicon (what :func:`~kg.extract.relations.posts.role_phrase`
    looks up)?  Most nouns cannot, and are skipped before any work."""
    hit = _ENDS.get(id(roles))
    if hit is None or hit[0] is not roles:
        hit = _ENDS[id(roles)] = (roles, frozenset(k.split()[-1] for k in roles))
    return tok.lower_ in hit[1] or tok.lemma_.lower() in roles


@rule("role-apposition", "role-copula", "role-appointment", "role-inclusion", stage="roles", unit="token")
def role_nouns(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """A role noun's holder and owner: "X, chairman of Y", "B is A's ally"."""
    if tok.pos_ not in ("NOUN", "PROPN") or not _may_be_role(v.roles, tok):
        return NOTHING
    before = [c.text for c in tok.children if c.i < tok.i and c.dep_ in ("amod", "advmod", "compound", "nmod")]
    after = [c.text for c in tok.children if c.i > tok.i and c.dep_ in ("amod", "advmod")]  # "the minister designate"
    if tok.dep_ == "pobj" and tok.head.lower_ == "as":  # "X formerly served as minister"
        before += [c.text for c in tok.head.head.children if c.dep_ == "advmod"]
    status = status_of([*before, *after], v.res.time)
    if status == "current" and any(c.lower_ in v.words.past_markers for c in tok.children if c.i < tok.i):
        return NOTHING  # a past marker the status lists do not know ("a would-be minister")
    role = role_phrase(v, tok)
    modified = _a_post_not_the_head(v, tok, role, status)
    fronted = tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.i == tok.sent.start  # "As Y's ally, X cannot"
    readings, titles, affiliations = [], [], []
    for prop, holders, objs, rule_id in roles_on(v, tok):
        if prop in _POSTS and rule_id == "role-copula" and not objs:
            continue
        if prop not in _POSTS and any(v.cls(o.key) == "Person" for o in objs):
            objs = [o for o in objs if v.cls(o.key) != "Group"]  # "his Democratic rival X": X's party, not a side
        if prop in _POSTS and status != "current" and len(holders) > 1:
            continue  # "A (former minister), B (commander)": the parse may give the title to the whole list
        for h in holders:
            for o in objs:
                p = "worksFor" if prop == "leaderOf" and modified else prop
                p = leader_or_member(v, p, role, o.key) if prop in _POSTS else p
                if p == "leaderOf" and v.cls(o.key) in ("City", "Place") and role not in v.words.place_heads:
                    continue  # "director of the X Program ... in Berlin": no head of the city
                r = v.reading(p, h, o, rule_id, tok, "asserted" if fronted else None,
                              status=status if prop in _STATUSED else None)
                if r is None:
                    continue
                readings.append(r)
                if prop in _POSTS and status == "current":
                    titles.append((h.key, _as_written(tok, role)))
                    affiliations.append((h.key, o.key))
    return RuleResult(tuple(readings), tuple(titles), tuple(affiliations))


def _a_post_not_the_head(v: DocView, tok: Token, role: str, status: str) -> bool:
    """"X, associate director of Y", "X, a director of Y", "Y's communications director X", "X,
    director for Asian affairs at Y": a post in Y, not its head (a rank word, an indefinite article
    for a current post, a noun of a function before the role, a brief after it, a rank "No. 2").  "A former
    president of Y" was one of its heads."""
    doc, ranks = tok.doc, v.words.rank_markers
    if any(t.like_num and t.i > 1 and (doc[t.i - 1].lower_ in ranks or doc[t.i - 2: t.i].text.lower() in ranks)
           for t in tok.subtree if t.i < tok.i):
        return True  # "the No. 5 Senate Republican leader": a rank below the head
    mods = [v.r.token_keys[c.i] for c in tok.children if c.i < tok.i and c.i in v.r.token_keys]
    if any(v.is_locality(k) for k in mods) and any(v.cls(k) == "Group" for k in mods) and role not in v.words.place_heads:
        return True  # "the Scottish Conservative leader": a branch's head, a member of the party
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            return True
        if c.dep_ == "prep" and c.lower_ == "of" and any(unit_owners(v, p) for p in c.children if p.dep_ == "pobj"):
            return True  # "director of the UN office in Geneva": the head of a unit, a post in the body
        if c.i < tok.i and (c.lower_ in v.words.post_modifiers and c.i not in v.r.token_keys  # not "Foreign" of a name
                            or c.dep_ == "det" and c.lower_ in ("a", "an") and status == "current"
                            or c.dep_ == "compound" and c.pos_ == "NOUN" and c.lower_ not in role.split()):
            return True
    return False


@rule("role-apposition", stage="roles", unit="token")
def counterparts(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """"X's <demonym> counterpart Y": Y holds X's post in the other country."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ not in v.words.counterpart_nouns:
        return NOTHING
    keys = v.r.token_keys
    others = [a for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i
              for a in v.direct(c) if v.cls(a.key) in ("Country", "Organization", "GovernmentBody")]
    named = [Arg(keys[c.i]) for c in (*tok.children, tok.head)
             if (c.dep_ in ("appos", "compound") or c.i == tok.head.i and tok.dep_ == "appos")
             and c.i in keys and v.cls(keys[c.i]) == "Person"]
    owner = [a for c in tok.children if c.dep_ == "poss" for a in v.direct(c) if v.cls(a.key) == "Person"]
    if not others or not named:
        return NOTHING
    prop = "worksFor"
    if owner:
        for title in learned.titles.get(owner[0].key, ()):
            p, role = role_of(v, title.lower().split())
            if p == "leaderOf" and role in v.words.head_of_state:
                prop = "leaderOf"
    readings = (v.reading(prop, person, country, "role-apposition", tok, "asserted")  # in the noun phrase
                for person in named for country in others)
    return RuleResult(tuple(r for r in readings if r is not None))


@rule("role-demonym", stage="roles", unit="token")
def demonym_roles(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """"X's Russian backers", "his Iranian allies": a stance role (no post) owned by X and held by the
    country a demonym before it names, when no one is named as its holder."""
    if tok.pos_ != "NOUN" or tok.tag_ not in ("NNS", "NNPS") or any(c.dep_ == "appos" for c in tok.children):
        return NOTHING
    prop, _ = role_of(v, [tok.lower_])
    if prop is None or prop in _POSTS:
        return NOTHING
    poss = [c for c in tok.children if c.dep_ == "poss"]
    if any(c.pos_ == "PRON" for c in poss):  # "Assad and his Russian backers": the name the list starts with
        named = tok.dep_ == "conj" and tok.head.i in v.r.token_keys  # (not "warned him and his ...": a guess)
        owners = v.direct(tok.head, conjuncts=False) if named else []
    else:
        owners = [a for c in poss for a in v.direct(c)]
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
    mods += [g for c in mods for g in c.conjuncts]  # "his Russian and Iranian backers"
    holders = [a for c in mods for a in v.direct(c, conjuncts=False) if v.cls(a.key) == "Country"]
    readings = (v.reading(prop, h, o, "role-demonym", tok) for h in holders for o in owners if h.key != o.key)
    return RuleResult(tuple(r for r in readings if r is not None))


def _as_written(noun: Token, role: str) -> str:
    """The role phrase ending at ``noun`` as the text writes it ("Prime Minister", not "Minister")."""
    words = noun.doc[max(0, noun.i - len(role.split()) + 1): noun.i + 1]
    return words.text if " ".join(t.lower_ for t in words) == role else noun.text
