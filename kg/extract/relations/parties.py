"""Party membership written around a person's name: a legislator's tag ("Sen. Ana Lind, R-Ky.",
"Rep. Ana Lind (D-Calif.)", "Gov. Ana Lind (R)": rule ``party-tag``, the letters in ``party_letters`` of the lexicon),
a party in apposition ("Ana Lind, a Republican,", "Ana Lind, Republican of Ohio,", "Ana Lind, the Ohio
Republican,": rule
``party-apposition``, with the body such a member sits on: "the top Democrat on the X Committee"), members named after the party's plural ("Republicans, including Sen. Ana
Lind": rule ``party-inclusion``) and a party written right before the name ("Labour's Ana Lind", "Democrat
Ana Lind": rule ``party-before-name``), a person's possessive on a party, the one the person leads
("Lind's Labour Party": rule ``party-of-person``), and a party description that refers back to a person ("Sen. Ana
Lind ... The Ohio Republican said": rule ``party-description``).  A party is a gazetteer group with a country (parties,
movements, armed groups); its member is a person."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.mentions.names import member_party
from kg.extract.relations.records import NOTHING, Arg, Learned, RuleResult, result_of
from kg.extract.relations.registry import declare, rule
from kg.extract.relations.view import DocView

__all__ = ["party_tags", "party_appositions", "party_before_name", "party_of_person", "party_inclusions",
           "party_descriptions"]

declare("party-tag", factor=1.0, family="parties",
        summary='"Sen. X, R-Ky.", "Rep. X (D-Calif.)" -> memberOf the party, and livesIn the state it names')
declare("party-apposition", factor=0.95, family="parties", summary='"X, a Republican," -> memberOf the party')
declare("party-before-name", factor=0.9, family="parties",
        summary='"Labour\'s X", "Democrat X" (no title between) -> memberOf the party')
declare("party-description", factor=0.85, family="parties",
        summary='"Sen. X ... The Ohio Republican said" (the description refers back to X) -> memberOf the party')
declare("party-of-person", factor=0.85, family="parties",
        summary='"X\'s Labour Party" (a name\'s possessive on a party) -> leaderOf the party; "his Labour Party" -> memberOf')
declare("party-inclusion", factor=0.9, family="parties",
        summary='"Republicans, including Sen. X", "Democrats such as X" -> memberOf the party')


def _letters(v: DocView) -> dict[str, str]:
    return dict(w.split("|", 1) for w in v.words.party_letters)


@rule("party-tag", stage="clauses", unit="mention")
def party_tags(v: DocView, n: int, learned: Learned) -> RuleResult:
    """A person's name followed by ", R-Ky.", "(D-Calif.)", "(D-CA)", "(D., Mass.)" or "(R)": a member of the
    party the letter names, from the state the tag names ("R-Ky.": the legislator's state, read as where the
    person lives; a two-letter postal code counts only here)."""
    key = v.r.mention_keys[n]
    m = v.mentions[n]
    if not key or v.cls(key) != "Person" or m.end + 2 >= len(v.doc):
        return NOTHING
    doc = v.doc
    opener, letter, dash = doc[m.end], doc[m.end + 1], doc[m.end + 2]
    text = letter.text[:1] if len(letter.text) == 2 and letter.text.endswith(".") and dash.text == "," else letter.text
    party = _letters(v).get(text.lower()) if text.isupper() and len(text) == 1 else None
    alone = opener.text == "(" and dash.text == ")"  # "Gov. Ana Lind (R)"
    if party is None or not alone and (
            opener.text not in (",", "(") or dash.text not in ("-", "–", ",") or m.end + 3 >= len(doc)
            or not doc[m.end + 3].text[:1].isupper()):
        return NOTHING
    out = [v.reading("memberOf", Arg(key), Arg(party), "party-tag", doc[m.start], "asserted")]
    state = None if alone else v.r.token_keys.get(m.end + 3) or v.res.gazetteer.codes.get(doc[m.end + 3].text)
    if state is not None and v.is_a(state, "Place") and v.cls(state) != "Country":
        out.append(v.reading("livesIn", Arg(key), Arg(state), "party-tag", doc[m.start], "asserted"))
    return result_of(out)


@rule("party-apposition", stage="clauses", unit="token")
def party_appositions(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """"Ana Lind, a Republican,": a party of the gazetteer in apposition to a person's name."""
    key = v.r.token_keys.get(tok.i)
    if not key or v.cls(key) != "Person" or v.r.token_keys.get(tok.i + 1) == key:
        return NOTHING
    out = []
    for app in (c for c in tok.children if c.dep_ == "appos" and c.i in v.r.token_keys):
        if any(c.dep_ == "conj" and c.i < app.i for c in tok.children):
            continue  # "A (R-Utah) and B (D-Ore.), perhaps the pivotal Democrat,": B's description
        party = v.r.token_keys[app.i]
        entry = v.res.gazetteer.entries.get(party)
        dets = [c.lower_ for c in app.children if c.dep_ == "det"]  # "a Republican", "Republican of Ohio"
        described = any(c.dep_ in ("compound", "amod") and v.r.token_keys.get(c.i) != party for c in app.children)
        if dets == ["the"] and described:
            dets = []  # "X, the Kentucky Republican,", "X, the top Democrat on ...": one member described
        if entry is not None and entry.cls == "Group" and entry.country and dets in ([], ["a"], ["an"]):
            out.append(v.reading("memberOf", Arg(key), Arg(party, 0.95), "party-apposition", tok))
            out += [v.reading("memberOf", Arg(key), Arg(body, 0.9), "party-apposition", tok)
                    for body in _seat_of(v, app)]
    out += [v.reading("memberOf", Arg(key), Arg(party, 0.9), "party-apposition", tok) for party in _peer_party(v, tok)]
    return result_of(out)


def _peer_party(v: DocView, tok: Token) -> list[str]:
    """"his Democratic rival, Ana Lind": a party named on the noun the name is in apposition to, when
    the noun says what the person is to another (``party_peer_nouns``)."""
    n = v.r.mention_at.get(tok.i)
    start = v.mentions[n].start if n is not None else tok.i
    before = start - 1 - (start > 1 and v.doc[start - 1].text == ",")  # the parser may miss the apposition
    head = tok.head if tok.dep_ == "appos" else v.doc[before] if before >= 0 else tok
    if head.lemma_.lower() not in v.words.party_peer_nouns or head.i > tok.i:
        return []
    keys = [v.r.token_keys.get(c.i) for c in head.children if c.dep_ in ("amod", "compound")]
    return [k for k in keys if k and (e := v.res.gazetteer.entries.get(k)) is not None and e.cls == "Group" and e.country]


def _seat_of(v: DocView, member: Token) -> list[str]:
    """The body a party's member sits on: "the top Democrat on the Senate Foreign Relations Committee"."""
    return [v.r.token_keys[o.i] for c in member.children if c.dep_ == "prep" and c.lower_ == "on"
            for o in c.children if o.dep_ == "pobj" and o.i in v.r.token_keys
            and v.cls(v.r.token_keys[o.i]) in ("GovernmentBody", "Organization")]


@rule("party-before-name", stage="clauses", unit="mention")
def party_before_name(v: DocView, n: int, learned: Learned) -> RuleResult:
    """A party's name right before a person's name and hanging on it, with no title between:
    "Labour's Ana Lind", "Democrat Ana Lind" (the issue's "party word before a name")."""
    key, m, doc = v.r.mention_keys[n], v.mentions[n], v.doc
    if not key or v.cls(key) != "Person" or m.start == 0:
        return NOTHING
    last = doc[m.start - 1]
    word = doc[m.start - 2] if last.text in ("'s", "'", "’s", "’") and m.start >= 2 else last
    party = v.r.token_keys.get(word.i)
    entry = v.res.gazetteer.entries.get(party) if party else None
    if entry is None or entry.cls != "Group" or not entry.country or party == key:
        return NOTHING
    if not m.start <= word.head.i < m.end or word.dep_ not in ("poss", "compound", "amod", "nmod"):
        return NOTHING  # the party word hangs on the name ("Lib Dem Norman Baker": on "Norman")
    # inside the noun phrase: asserted whatever the clause ("may investigate ... against Democrat Ana Lind")
    return result_of([v.reading("memberOf", Arg(key), Arg(party, 0.9), "party-before-name", doc[m.start], "asserted")])


@rule("party-of-person", stage="clauses", unit="token")
def party_of_person(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """"Prime Minister Ana Lind's Acme party", "Lind's Labour Party": the party a person's possessive
    is put on is the one the person leads (the guideline's settled case: news names a party after its
    leader; the last word of the party's name carries the possessive's arc); "his Acme party" says
    only that the person is in it."""
    party = v.r.token_keys.get(tok.i)
    if party is None and tok.lemma_.lower() in v.words.party_nouns:  # "Lind's Acme party"
        party = next((v.r.token_keys[c.i] for c in tok.children if c.dep_ == "compound" and c.i in v.r.token_keys), None)
    called = tok.lemma_.lower() in v.words.party_nouns  # "his Acme party": the text calls a body a party
    if party is None or not (v.cls(party) == "Group" or called and v.cls(party) == "Organization") \
            or v.r.token_keys.get(tok.i + 1) == party:
        return NOTHING
    entry, ent = v.res.gazetteer.entries.get(party), v.entity(party)
    named = ent is not None and ent.name.split()[-1].lower() in v.words.party_nouns
    if not (entry is not None and entry.country or named or tok.i not in v.r.token_keys):
        return NOTHING  # a known party, or one called a party ("the Acme Party", "Lind's Acme party")
    if any(c.dep_ in ("amod", "compound") and (c.lower_ in v.roles or c.lemma_.lower() in v.roles) for c in tok.children):
        return NOTHING  # "his rival Hamas", "his ally Likud": a role between says what the party is to the person
    owners = [(a, c.tag_ == "PRP$") for c in tok.children
              if (c.dep_ == "poss" or c.dep_ == "nmod" and any(g.dep_ == "case" for g in c.children))
              and v.r.token_keys.get(c.i) != party for a in v.direct(c, conjuncts=False) if v.cls(a.key) == "Person"]
    # "his Muslim Brotherhood party": a pronoun's party is as often a member's
    return result_of([v.reading("memberOf" if pronoun else "leaderOf", a, Arg(party, 0.85), "party-of-person", tok)
                      for a, pronoun in owners])


@rule("party-inclusion", stage="clauses", unit="token")
def party_inclusions(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """"Republicans, including Sen. Ana Lind", "Democrats such as Ana Lind", "Other Republicans ...
    were Sens. Ana Lind and Bo Berg": the people a party's plural includes are its members."""
    party = v.r.token_keys.get(tok.i)
    entry = v.res.gazetteer.entries.get(party) if party else None
    if entry is None or entry.cls != "Group" or not entry.country or v.r.token_keys.get(tok.i + 1) == party:
        return NOTHING
    members = [*v.included(tok), *_named_as(v, tok), *_listed_after(v, tok)]
    return result_of([v.reading("memberOf", a, Arg(party, 0.9), "party-inclusion", tok)
                      for a in members if v.cls(a.key) == "Person"])


def _listed_after(v: DocView, noun: Token) -> list[Arg]:
    """"three Republicans: A, B and C", "four Democrats -- A, B --": the names a party's plural
    announces with a colon or a dash, in apposition to it."""
    if noun.tag_ not in ("NNS", "NNPS"):
        return []
    return [a for c in noun.children if c.dep_ == "appos" and c.i > noun.i
            and v.doc[c.left_edge.i - 1].text in (":", "—", "–", "--") for a in v.direct(c)]


def _named_as(v: DocView, noun: Token) -> list[Arg]:
    """The people a party's plural is said to be: "Other Republicans siding against it were Sens. Ana
    Lind of Ohio and Bo Berg of Utah" (the second name may hang on the first one's state)."""
    if noun.tag_ not in ("NNS", "NNPS") or noun.dep_ != "nsubj" or noun.head.lemma_ != "be":
        return []
    out: list[Arg] = []
    for attr in (c for c in noun.head.children if c.dep_ == "attr"):
        key = v.r.token_keys.get(attr.i)
        if key is None or v.cls(key) != "Person":
            continue
        out.append(Arg(key))
        out += [Arg(v.r.token_keys[t.i]) for t in attr.subtree if t.dep_ == "conj" and t.i in v.r.token_keys
                and v.cls(v.r.token_keys[t.i]) == "Person"]
    return out


@rule("party-description", stage="clauses", unit="token")
def party_descriptions(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """"The Ohio Republican said": the person the description refers back to (coreference) is a member
    of the party it names, and lives in the state or town before the party word (not a country: "the
    Ruritanian Socialist" may be one abroad)."""
    got = v.r.coref.get(tok.i, ())
    if tok.i in v.r.token_keys or len(got) != 1 or v.cls(got[0]) != "Person":
        return NOTHING
    party = member_party(tok, v.res.gazetteer)
    if party is None:
        return NOTHING
    readings = [v.reading("memberOf", Arg(got[0]), Arg(party.id), "party-description", tok, "asserted")]
    for c in tok.children:
        key = v.r.token_keys.get(c.i) if c.dep_ in ("compound", "amod", "nmod") else None
        if key is not None and v.cls(key) in ("Place", "City"):
            readings.append(v.reading("livesIn", Arg(got[0]), Arg(key), "party-description", tok, "asserted"))
    return result_of(readings)
