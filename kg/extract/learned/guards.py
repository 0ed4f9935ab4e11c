"""Where the rules know better than the classifier: the rules' reading of a clause vetoes a
learned fact (another agent's verb, a stance, a brief, a party's arena, the scene of an act, a
past post).  The classifier sees words and a path; the rules know whose verb it is."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.learned.candidates import Candidate
from kg.extract.relations.clauses import is_dateline, subjects
from kg.extract.relations.lexicon import trigger_tables
from kg.extract.relations.posts import of_state
from kg.extract.relations.status import status_of
from kg.extract.relations.titles import beat
from kg.extract.relations.view import DocView
from kg.model import Entity
from kg.resources import Resources
from kg.resources.words import TimeWords

__all__ = ["rules_name_another_object", "may_head", "list_items", "rules_name_another_agent", "act_on", "a_brief", "a_beat", "a_destination", "party_arena_of", "scene_of_an_act", "past_post", "post_status"]


def _verb_triggers(res: Resources) -> dict[str, frozenset[str]]:
    """verb lemma -> the properties its triggers give."""
    out: dict[str, set[str]] = {}
    for t in res.relations.triggers.get("verbs", ()):
        out.setdefault(t.lemma.split()[0], set()).add(t.prop)
    return {k: frozenset(v) for k, v in out.items()}


def may_head(ent: Entity, obj: str, obj_cls: str, res: Resources) -> bool:
    """May the classifier make the person ``ent`` the head of ``obj``?  Not a lone untitled word
    taken for a person ("Ladakh", "Twitter": the classifier's words and path cannot tell it from a
    misread name) unless the office-holder table knows it as a head's surname ("Blair"); and the
    head of a state or a region only when the text gives the person a head's title (a ``leaderOf`` role:
    "President X", job title "prime minister") or the table knows the person as that state's head
    (the classifier's heads of states without one were mostly officials near the state's name:
    "dispatched her deputy to the Omani capital" is no Clinton leaderOf Oman); a city's head not when the
    text gives the person a deputy's title ("Deputy Mayor X").  The rules, which read the clause, still may."""
    led = res.offices.led_country(ent.name)
    lone = ent.cls == "Person" and " " not in ent.name.strip() and not ent.job_titles \
        and not any(" " in a.strip() for a in ent.aliases)
    if lone and led is None:
        return False
    roles = trigger_tables(res.relations).role_props
    titles = {j.lower() for j in ent.job_titles} | {a.lower()[: -len(ent.name) - 1] for a in ent.aliases
                                                     if a.lower().endswith(" " + ent.name.lower())}
    if obj_cls == "City":  # a city's head: anyone but a deputy ("Deputy Mayor X": the mayor is another)
        return not any(_role_of(t, roles) != "leaderOf" and roles.get(t.split()[-1]) == "leaderOf" for t in titles if t)
    if obj_cls not in ("Country", "Place") or led == obj:
        return True
    return any(_role_of(t, roles) == "leaderOf" and not _of_a_body(t, res)
               for t in titles if t)  # "welsh first minister"


def _role_of(title: str, roles) -> str | None:
    """The property of the longest known role phrase that ends ``title`` ("welsh first minister":
    "first minister"'s; "deputy mayor": its own, not "mayor"'s)."""
    words = title.split()
    return next((roles[p] for p in (" ".join(words[i:]) for i in range(len(words))) if p in roles), None)


def _of_a_body(title: str, res: Resources) -> bool:
    """Does a head's title name the body it heads ("Conservative leader": the party's, not a state's)?"""
    folded, entries, words = res.gazetteer.folded, res.gazetteer.entries, title.split()[:-1]
    spans = (" ".join(words[a:b]) for a in range(len(words)) for b in range(a + 1, len(words) + 1))
    return any(entries[i].cls in ("Group", "Organization", "GovernmentBody") for w in spans for i in folded.get(w, ()))


def list_items(doc: Doc, a: Token, b: Token) -> bool:
    """Two items of a list the parser hung one on the other ("California; Washington, D.C.; Hawaii;
    and Austin": Hawaii in apposition to Washington): a semicolon between them, one the other's
    apposition or conjunct."""
    lo, hi = sorted((a.i, b.i))
    linked = (a.head.i == b.i or b.head.i == a.i) and {a.dep_, b.dep_} & {"appos", "conj"}
    return bool(linked) and any(t.text == ";" for t in doc[lo + 1:hi])


def rules_name_another_agent(ctx: DocView, path: tuple[list[Token], Token, list[Token]], label: str, subject: str,
                              obj: str, res: Resources) -> bool:
    """True when a trigger verb of ``label`` on the dependency path between the pair has, by the rules'
    reading, an agent that is neither of the two ("A said B killed C"), or hangs on a participle of a
    common noun that is its agent ("A, who wed the man convicted of killing C": the man killed C, not
    A).  The classifier sees words and a path; the rules know whose verb it is, and they win."""
    table = _verb_triggers(res)
    for tok in (*path[0], path[1], *path[2]):
        if tok.pos_ != "VERB" or label not in table.get(tok.lemma_.lower(), ()):
            continue
        agents, passive = subjects(ctx, tok)
        keys = {a.key for a in agents}
        if keys and subject not in keys and obj not in keys:
            return True
        if not keys and not passive and _under_participle_of_noun(ctx, tok):
            return True  # the agent is a noun phrase that names no entity ("the man convicted of killing")
    return False


def rules_name_another_object(ctx: DocView, path: tuple[list[Token], Token, list[Token]], label: str, subject: str,
                               obj: str, res: Resources) -> bool:
    """True when a trigger verb of ``label`` on the path, whose agent by the rules is the subject, has a
    direct object naming another entity ("Ruby, who killed JFK assassin Oswald": Ruby killed Oswald,
    the rules read it; JFK is a modifier of the object, no second victim)."""
    table = _verb_triggers(res)
    for tok in (*path[0], path[1], *path[2]):
        if tok.pos_ != "VERB" or label not in table.get(tok.lemma_.lower(), ()):
            continue
        agents, _ = subjects(ctx, tok)
        objects = {a.key for c in tok.children if c.dep_ == "dobj" for a in ctx.direct(c)}
        if subject in {a.key for a in agents} and objects and obj not in objects:
            return True
    return False


def act_on(path: tuple[list[Token], Token, list[Token]], res: Resources) -> bool:
    """The pair is joined by a verb the subject is the agent of, and the lexicon gives that verb to
    a stance property (``stance_properties``): "X backs a veto for members of the Y" is a stance on
    Y, not a post in it; the rules read such verbs and the classifier's guess would misname it."""
    anchor = path[1]
    if anchor.pos_ != "VERB" or not path[0] or path[0][-1].dep_ != "nsubj":
        return False
    lemma = anchor.lemma_.lower()
    props = {t.prop.lower() for t in res.relations.triggers.get("verbs", ()) if t.lemma.split()[0] == lemma}
    return bool(props & res.relations.words.stance_properties)


def a_brief(ctx: DocView, obj: Token) -> bool:
    """"the <Party> spokesman for the <Office>", "Secretary of State for <X>": after a role noun
    that already names its owner, "for X" is the brief the person covers, not an employer (the
    rules read it so; the classifier sees only the words)."""
    prep = obj.head
    role = prep.head
    if obj.dep_ != "pobj" or prep.lower_ != "for" or role.pos_ != "NOUN" or role.i == prep.i:
        return False
    return of_state(role) or any(c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < role.i
                                 and c.i in ctx.r.token_keys for c in role.children)


def a_destination(ctx: DocView, obj: Token) -> bool:
    """"UN Envoy for Syria X", "Ambassador to Ruritania X": a place after "for"/"to" inside the title
    before a name, or the object of an ambassador's "to" ("X, ambassador to the U.N."), is where the
    post is sent, neither a home nor an employer (the rules read it so)."""
    doc = ctx.doc
    i = obj.i - 1 - (obj.i > 0 and doc[obj.i - 1].lower_ == "the")
    if obj.dep_ == "pobj" and obj.head.lower_ == "to" and obj.head.head.lemma_.lower() in ctx.words.delegate_roles:
        return True  # "X, ambassador to the U.N.": where the state's delegate sits
    if obj.dep_ == "compound" and obj.head.lemma_.lower() in ctx.words.delegate_roles \
            and ctx.body_of_states(ctx.r.token_keys.get(obj.i, "")):
        return True  # "U.N. Ambassador X" (the rules read it so)
    return obj.dep_ == "compound" and i > 0 and doc[i].lower_ in ("for", "to") and doc[i - 1].lower_ in ctx.lex.role_props


def a_beat(ctx: DocView, obj: Token) -> bool:
    """"White House correspondent X": a state's body before a reporter's role is the beat, not the
    employer (the rules read it so: ``beat_roles``)."""
    key = ctx.r.token_keys.get(obj.i)
    return key is not None and obj.dep_ in ("compound", "amod", "nmod") and obj.head.i != obj.i \
        and obj.head.lower_ in ctx.words.beat_roles and beat(ctx, key)


def party_arena_of(ctx: DocView, obj: Token) -> bool:
    """"the <Party>'s <House> leader X", "the party's <Office> spokesman X": the institution before
    the role is where or on what the person speaks for a party, as the rules read it."""
    role = obj.head
    if obj.dep_ not in ("compound", "amod", "nmod") or role.i == obj.i:
        return False
    parties = ctx.words.party_nouns
    keys = ctx.r.token_keys
    own = keys.get(obj.i)
    if own is not None and ctx.cls(own) == "Group":
        return False  # "<Party> leader X" itself
    return any(c.i < obj.i and c.dep_ in ("poss", "compound", "amod", "nmod") and (  # the party comes first
        c.lemma_.lower() in parties or c.i in keys and keys[c.i] != own and ctx.cls(keys[c.i]) == "Group")
        for c in role.children)


def scene_of_an_act(ctx: DocView, person: Token, place: Token, res: Resources) -> bool:
    """The place is where the person did something, not where he lives: the dateline the story was
    filed from ("LOURDES, France - The Pope celebrated Mass"), an incident noun between the two
    ("the Ruritania kidnap victim X"), a contest with the person as opponent ("a lead over X in Y"),
    a post's destination ("the envoy to Y"), or a place hung on a verb the person is the agent of
    ("X inaugurated a bridge in southern France", "was inaugurated by X in Y") other than a livesIn
    trigger ("lives in", "was born in")."""
    if is_dateline(place.sent[0]) and place.i < place.sent.start + 6:
        return True
    incidents = res.relations.words.incident_nouns
    if place.i < person.i and any(t.lemma_.lower() in incidents or t.lower_ in incidents
                                  for t in place.doc[place.i + 1:person.i]):
        return True  # "the Ruritania kidnap victim X", "a Riverton crash survivor": where it happened
    if person.dep_ == "pobj" and person.head.lower_ in res.relations.words.opponent_preps:
        return True  # "a lead over X in Y", "ran against X in Y": a contest there, X's opponent
    prep = place.head
    verb = prep.head
    dest = place.head if place.dep_ == "compound" and place.head.dep_ == "pobj" else place  # "envoy to Y X" glued
    if dest.dep_ == "pobj" and dest.head.lower_ == "to" and dest.head.head.pos_ in ("NOUN", "PROPN") \
            and dest.head.head.i != person.i:
        return True  # "the envoy to Y", "ambassador to Y": the post's destination, not a home
    if place.dep_ == "pobj" and prep.dep_ == "prep" and verb.i == person.i and person.dep_ == "pobj" \
            and person.head.dep_ == "agent":
        return True  # "inaugurated by X in Y": the parser hangs the scene on the agent
    if place.dep_ != "pobj" or prep.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX"):
        return False
    homes = {t.lemma.split()[0] for t in res.relations.triggers.get("verbs", ()) if t.prop == "livesIn"}
    if verb.lemma_.lower() in homes:
        return False
    agents, _ = subjects(ctx, verb)
    key = ctx.r.token_keys.get(person.i)
    return key is not None and key in {a.key for a in agents}


def _under_participle_of_noun(ctx: DocView, tok: Token) -> bool:
    """``tok`` hangs (through a preposition) on a participle that modifies a common noun
    naming no entity: "the man convicted of killing B", "soldiers accused of shooting B"."""
    t = tok
    for _ in range(5):
        if t.dep_ == "acl" and t.tag_ in ("VBN", "VBG") and t.head.pos_ == "NOUN" \
                and t.head.i not in ctx.r.token_keys and t.head.dep_ != "appos":
            return True
        if t.dep_ not in ("pcomp", "prep") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _post_window(doc: Doc, cand: Candidate) -> list[int]:
    """The three words before the pair and the words between its mentions."""
    first, second = (cand.s, cand.o) if cand.s.start <= cand.o.start else (cand.o, cand.s)
    sent = doc[first.start].sent
    return list(range(max(sent.start, first.start - 3), first.start)) + list(range(first.end, second.start))


def past_post(doc: Doc, cand: Candidate, past: frozenset[str]) -> bool:
    """A past marker ("former", "ex-") in the three words before the pair or between its mentions
    ("former Acme chief X", "X, a former Acme chief")."""
    return any(doc[i].lower_ in past or doc[i].lower_.rstrip("-") in past for i in _post_window(doc, cand))


_STATUS_GAP = 5  # tokens: a marker further between the pair belongs to another title of a list


def post_status(doc: Doc, cand: Candidate, words: TimeWords) -> str:
    """The role status the words around a post pair give (kg.extract.relations.status): the three
    words before the pair, and the words between its mentions when they are few ("X, a former
    Acme chief"; not "Acme leaders: A (former minister), B (commander)" for B)."""
    first, second = (cand.s, cand.o) if cand.s.start <= cand.o.start else (cand.o, cand.s)
    window = [i for i in _post_window(doc, cand) if i < first.start or second.start - first.end <= _STATUS_GAP]
    return status_of((doc[i].text for i in window), words)


