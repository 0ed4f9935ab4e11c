"""Elections and appointments as facts (rule ``election``): "X was elected president", "X was re-elected
in May", "since being elected, X ...", "X's election as president", "the election of X", "X won the
election", "X won a fourth term", "X's election victory", "newly elected Prime Minister X",
"President-elect X", "X was appointed to the Senate", "X was named acting secretary", "X's
confirmation" -> X elected the institution of the post.

The institution is the one the clause names ("elected to the Senate", "elected president of
Ruritania", "his election as Ruritanian president"), else the one a title ties the person to in the
text ("Ruritanian President X" anywhere in it), else, for a head of state's post (or none named), the
one country the office-holder tables know the person's full name as the head of.  Without any, no
fact.  The words are data (``election_verbs``, ``appointment_passives``, ``election_nouns``,
``appointment_nouns``, ``election_win_verbs``, ``election_win_objects``, ``election_outcomes``,
``election_modifiers`` of ``lexicon/relations.toml``).  An appointment needs the post it gives ("as
ambassador", "named acting director", "to the Court"): "named after X" and "named as a target" say
nothing of a post.  The event's time and modality ("if elected", "hopes to be re-elected") come from
the clause as for any event fact.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.relations.clauses import is_passive, prep_objects
from kg.extract.relations.records import NOTHING, Arg, Learned, RuleResult, result_of
from kg.extract.relations.registry import declare, rule
from kg.extract.relations.view import DocView

__all__ = ["elections"]

declare("election", factor=0.9, family="elections",
        summary='"X was elected president", "X\'s election", "newly elected President X" -> X elected the post\'s institution')

_INSTITUTIONS = ("Country", "GovernmentBody", "Organization", "PoliticalParty")


@rule("election", stage="closing", unit="token")
def elections(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """A person elected or appointed at ``tok`` (a verb, a noun or a modifier of election) and the
    institution of the post."""
    found = _elected_at(v, tok)
    if found is None:
        return NOTHING
    people, post = found
    readings = []
    for p in people:
        for person in v.direct(p):
            if v.cls(person.key) != "Person":
                continue
            for body in _institutions(v, tok, post, person, learned):
                readings.append(v.reading("elected", person, body, "election", tok))
    return result_of(readings)


def _elected_at(v: DocView, tok: Token) -> tuple[list[Token], Token | None] | None:
    """(the tokens of the people elected, the post noun or None) when ``tok`` states an election."""
    low, lemma, w = tok.lower_, _lemma(tok), v.words
    if tok.pos_ in ("VERB", "AUX") and lemma in w.election_verbs | w.appointment_passives and _passive(tok):
        post = _post(v, tok)
        if lemma in w.appointment_passives and post is None and not _to_body(v, tok):
            return None  # "named by the inspector as a target", "named after X": no post
        return _subjects(tok), post
    if tok.pos_ == "NOUN" and lemma in w.election_nouns | w.appointment_nouns and tok.dep_ != "compound":
        post = _post(v, tok)
        if lemma in w.appointment_nouns and post is None and lemma not in w.election_nouns:
            return None  # "his appointment with the doctor"
        return _owners(tok), post
    if tok.pos_ == "NOUN" and lemma in w.election_outcomes and any(
            c.dep_ == "compound" and c.lemma_.lower() in w.election_nouns for c in tok.children):
        return _owners(tok) or _winner(tok), None  # "X's election victory", "X swept to an election win"
    if tok.pos_ == "VERB" and lemma in w.election_win_verbs and any(
            c.dep_ == "dobj" and c.lemma_.lower() in w.election_win_objects for c in tok.children):
        return [c for c in tok.children if c.dep_ == "nsubj"], None  # "X won the election", "won a second term"
    if low in w.election_modifiers and tok.dep_ in ("amod", "compound"):
        return _titled(tok), tok.head  # "newly elected President X", "President-elect X"
    return None


def _lemma(tok: Token) -> str:
    """"re-elected" split by the tokenizer into "re", "-", "elected" (the parser heads the clause on
    "re"; its "elected" is left out, so the election is read once)."""
    doc = tok.doc
    if tok.lower_ == "re" and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-":
        return f"re-{doc[tok.i + 2].lemma_.lower()}"
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "re":
        return ""
    return tok.lemma_.lower()


def _passive(verb: Token) -> bool:
    """"X was elected", "was re-elected" (an adjective after "be"), "X, appointed in May," (a
    participle after a comma: "X named Y" is active)."""
    if is_passive(verb):
        return True
    if verb.dep_ == "acomp" and verb.tag_ == "VBN" and verb.head.lemma_ == "be":
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.i > 0 and verb.doc[verb.i - 1].text == ","


def _subjects(verb: Token) -> list[Token]:
    """"X was elected", "X, elected in 2014,", "since being elected, X ...": the passive subject, the
    noun the participle describes, or the subject of the clause the participle modifies."""
    subs = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if subs:
        return subs
    if verb.dep_ == "acl":
        return [verb.head]
    head = verb.head.head if verb.dep_ == "pcomp" else verb.head  # "since being elected, X ...": X
    if verb.dep_ in ("acomp", "advcl", "pcomp"):
        subs = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        before = verb.doc[head.i - 1] if verb.dep_ == "acomp" and head.i > 0 else None
        # "after X was re-elected": the parser may hang X on "after"; the name right before "was"
        return subs or ([before] if before is not None and before.pos_ == "PROPN" else [])
    return []


def _post(v: DocView, tok: Token) -> Token | None:
    """The post given: "elected president", "appointed as ambassador", "election as president" (a
    role noun of a post property, not "named as a target")."""
    for c in tok.children:
        if c.dep_ in ("oprd", "attr", "xcomp") and c.pos_ in ("NOUN", "PROPN"):
            return c if _a_post(v, c) else None
        if c.dep_ == "prep" and c.lower_ == "as":
            noun = next((p for p in c.children if p.dep_ == "pobj"), None)
            return noun if noun is not None and _a_post(v, noun) else None
    return None


def _a_post(v: DocView, noun: Token) -> bool:
    triggers = v.roles.get(noun.lower_, []) + v.roles.get(noun.lemma_.lower(), [])
    return any(t.prop in v.onto.posts for t in triggers)


def _to_body(v: DocView, verb: Token) -> bool:
    """"appointed to the Senate", "appointed to the Acme board"."""
    return any(v.r.token_keys.get(t.i) for p in prep_objects(verb, "to") for t in _named(p))


def _named(noun: Token) -> list[Token]:
    """A noun and the names before it ("the Acme board": Acme)."""
    return [noun, *(c for c in noun.children if c.dep_ == "compound")]


def _owners(noun: Token) -> list[Token]:
    """"X's election", "the election of X" (not "the election of 2016": no person); in "Y's
    appointment of X" the possessive is who appointed."""
    return prep_objects(noun, "of") or [c for c in noun.children if c.dep_ == "poss"]


def _winner(noun: Token) -> list[Token]:
    """"X swept to an election victory", "X secured an election win": the subject of the verb it hangs on."""
    head = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "dobj" else None
    return [c for c in head.children if c.dep_ == "nsubj"] if head is not None and head.pos_ == "VERB" else []


def _titled(mod: Token) -> list[Token]:
    """"newly elected Prime Minister X": the name the title is a modifier of, or in apposition to."""
    t = mod.head
    while t.dep_ == "compound" and t.head.i > t.i:
        t = t.head
    return [t, *(c for c in t.children if c.dep_ == "appos")]


def _institutions(v: DocView, tok: Token, post: Token | None, person: Arg, learned: Learned) -> list[Arg]:
    """The institution of the post: named in the clause, else the one the person's title names, else
    the country the office-holder tables know the person as the head of."""
    if post is not None and v.r.token_keys.get(post.i) == person.key:
        post = None  # "President-elect X": the modifier hangs on the name itself
    named = [a for p in prep_objects(tok, "to") for t in _named(p) for a in v.direct(t)]
    if post is not None:
        # "president of Y", "director at Y"; not "ambassador to Y" (the host country)
        named += [a for prep in ("of", "at") for p in prep_objects(post, prep) for t in _named(p) for a in v.direct(t)]
        named += [a for c in post.children if c.dep_ in ("compound", "amod", "poss") for a in v.direct(c)]
    named = [a for a in named if a.key != person.key and v.cls(a.key) in _INSTITUTIONS]
    if named:
        return named[:1]
    owner = learned.affiliation(person.key)
    # the body of the person's title, when the post is that title ("former FBI Director X ... his
    # appointment as special counsel" is no post at the FBI)
    same_post = post is None or any(post.lower_ in t.split() for t in learned.titles.get(person.key, ()))
    if owner and v.cls(owner) in _INSTITUTIONS and same_post:
        return [Arg(owner, 0.9)]
    entity = v.entity(person.key)
    head_post = post is None or post.lower_ in v.words.default_country_titles or post.i == tok.head.i
    led = v.res.offices.led_country(entity.name) if entity is not None and " " in entity.name and head_post else None
    return [Arg(led, 0.9)] if led and v.known(led) else []
