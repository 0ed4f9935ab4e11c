"""Modality of a reading: asserted, hedged or negated, from the clause it hangs on.

A relation under negation ("not", "never", "no talks", "denied meeting") is ``negated``; under a
modal (may, might, could, would, should), a hedging verb (consider, plan to, hope, seek, ...), a
condition ("if"), a plan ("is to launch", "visits Y next week") or a content noun ("a plot to
kill X"), a clause of time in the present under a modal ("will act once he meets X") or an
infinitive under a negated noun ("in no rush to finalize a deal") it is ``hedged``.  Neither is
asserted as a plain triple.  The word lists are in the lexicon (``hedges``, ``hedge_modals``,
``hedge_nouns``, ``negators``, ``future_markers``, ...).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.resources.words import RelationWords

__all__ = ["modality", "urged_objects"]


def modality(w: RelationWords, tok: Token, event: bool = False, stance: bool = False) -> str:
    """The modality of a reading anchored at ``tok``: climbs at most six heads (one for a noun
    subject, two when the property is an event's: "sanctions on Y would ratchet up tensions" is a
    hypothesis, "an alliance of A and B will act" is no planned alliance), stopping at a reporting
    verb, a relative clause or an apposition.  For a ``stance`` property (``advocacy_properties``),
    urging people at large ("urged voters to back X": ``follower_nouns``) is the urger's own stance,
    not a request."""
    if tok.tag_ == "VBG" and tok.lemma_.lower() in w.en_route_verbs \
            and any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children):
        return "hedged"  # "X is heading to Y": on the way, not there
    t = tok
    came_from: Token | None = None
    subject_noun = tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass")
    for step in range((2 if event else 1) if subject_noun else 6):  # "an alliance of A and B will act": the alliance is
        reluctant = came_from is not None and came_from.dep_ in ("xcomp", "advcl") and _to_infinitive(came_from) \
            and t.lemma_.lower() in w.reluctance_verbs
        # a participle clause beside a negated verb happened ("X, speaking in Y, did not know ...")
        participle = came_from is not None and came_from.dep_ == "advcl" and came_from.tag_ == "VBG" \
            and not any(c.dep_ == "mark" for c in came_from.children)
        found = _marked(w, t, step, negation=not (reluctant or participle))
        if reluctant and found is None and not any(c.dep_ == "neg" for c in t.children):
            found = "hedged"  # "X hesitated to criticize Y"; "did not hesitate to criticize Y" says X did
        if found is None and came_from is not None and not (stance and _urges_followers(w, t, came_from)):
            found = _governed(w, t, came_from, stance)
        if found == "stop":
            break
        if found is not None:
            return found
        if event and t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("acomp", "oprd") and c.lower_ in w.hedges for c in t.children):
            return "hedged"  # "X is likely to ... at a speech in Y", "a deal ... appeared possible"; not a post
        if t.tag_ in ("VBZ", "VBP") and _future_clause_of_time(w, t):
            return "hedged"
        if t.pos_ == "ADJ" and t.lower_ in w.hedges and step > 0:
            return "hedged"
        if t.dep_ == "relcl" and t.head.lemma_.lower() in w.hedge_nouns and any(c.dep_ == "mark" for c in t.children):
            return "hedged"  # "a report that A had agreed with B" (a content clause parsed as relative)
        if t.dep_ == "relcl" and t.head.lemma_.lower() in w.fiction_nouns:
            return "hedged"  # "a film in which A kills B": the plot
        if t.head.i == t.i or t.dep_ in ("relcl", "appos"):
            break  # a relative clause or an apposition has its own modality ("X, who met Y, may resign")
        if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            break  # a conjoined clause with its own subject too ("A gave no details, but B confirmed X met Y")
        came_from, t = t, t.head
    for c in tok.children:
        if c.dep_ == "amod" and c.lower_ in w.hedges:
            return "hedged"
        if c.dep_ == "compound" and c.pos_ == "VERB" and c.lemma_.lower() in w.hedges:
            return "hedged"  # a title-case headline "A Urges Sanctions on B": parsed as a compound
    return "asserted"


def _marked(w: RelationWords, t: Token, step: int, negation: bool = True) -> str | None:
    """Negation (unless ``negation`` is False: "did not hesitate to"), a modal, a condition, a
    hedging adverb among ``t``'s children, or a future time."""
    for c in t.children:
        if negation and (c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no" and step == 0)):
            return "negated"
        if step == 0 and c.dep_ in ("nsubj", "nsubjpass") and any(
                g.dep_ == "det" and g.lower_ in w.negation_words for g in c.children):
            return "negated"  # "no Iranian had attacked the West"
        if c.dep_ == "aux" and c.lower_ in w.hedge_modals:
            return "hedged"
        if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
            return "hedged"
        if c.dep_ == "advmod" and c.lower_ in w.hedges:
            return "hedged"
    if w.future_markers and t.tag_ in ("VBZ", "VBP", "VBG") and _future_time(t, w.future_markers):
        return "hedged"  # "X visits Y next week": planned, not done
    return None


def _to_infinitive(tok: Token) -> bool:
    """``tok`` heads a "to" infinitive ("a plan to meet", "is to launch")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _future_clause_of_time(w: RelationWords, t: Token) -> bool:
    """``t`` (present tense) heads a clause of time whose governing verb has a modal: "will raise
    tariffs once he meets Xi", "could act by the time he meets Xi" (a future event told in the
    present, as English does after "when", "once", "by the time")."""
    if t.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in w.temporal_marks for c in t.children):
        governor = t.head
    elif t.dep_ == "relcl" and t.head.lemma_.lower() in w.temporal_nouns:
        governor = t.head
    else:
        return False
    for _ in range(6):  # up to the verb the clause of time modifies
        infinitive = governor.tag_ == "VB" and _to_infinitive(governor)
        if governor.pos_ in ("VERB", "AUX") and not infinitive:  # "in a position to act by the time ...": on up
            return any(c.dep_ == "aux" and c.lower_ in w.hedge_modals for c in governor.children)
        if governor.head.i == governor.i:
            return False
        governor = governor.head
    return False


def _governed(w: RelationWords, t: Token, came_from: Token, stance: bool = False) -> str | None:
    """What the head ``t`` of the clause we came from says of it ("refused to meet", "a plot to
    kill", "is to launch", "called on X to act"); "stop" at a reporting verb.  A call for a stance
    (``advocacy_calls``: "called for a push against X") is the caller's own stance, asserted."""
    hedges = w.hedges
    to_clause = came_from.dep_ == "relcl" and _to_infinitive(came_from)
    if t.pos_ == "NOUN" and t.lemma_.lower() in w.negotiation_nouns and came_from.dep_ == "prep" \
            and came_from.lower_ in ("on", "over", "about", "for", "toward", "towards"):
        return "hedged"  # "negotiations on a security agreement": not reached yet
    taken = t.dep_ == "dobj" and t.head.lemma_.lower() in w.taking_verbs  # "took the chance to ..."
    content = to_clause or came_from.dep_ in ("acl", "ccomp") or (came_from.dep_ == "prep" and came_from.lower_ in ("of", "for"))
    if t.pos_ == "NOUN" and t.lemma_.lower() in w.hedge_nouns and not taken and content:
        return "hedged"  # "a plot to kill X", "a report that A had agreed with B", "the threat of an attack on X"
    if t.pos_ == "NOUN" and came_from.dep_ == "acl" and _to_infinitive(came_from) \
            and any(c.dep_ == "det" and c.lower_ in w.negation_words for c in t.children):
        return "hedged"  # "in no rush to finalize a deal", "no plan to meet": not done, perhaps later
    if t.lemma_ == "be" and came_from.dep_ == "xcomp" \
            and _to_infinitive(came_from):
        return "hedged"  # "X is to launch Y": planned
    if t.pos_ == "ADJ" and came_from.dep_ == "xcomp" and t.lower_ in w.negators:
        return "negated"  # "was unable to return to X"
    if t.pos_ not in ("VERB", "AUX"):
        return None
    lemma = t.lemma_.lower()
    if came_from.dep_ == "xcomp" and any(f"{lemma} {c.lower_}" in hedges for c in t.children
                                         if c.dep_ in ("prep", "prt") and c.i < came_from.i):
        return "hedged"  # "called on X to act": asked for, not done
    if came_from.dep_ == "prep" and f"{lemma} {came_from.lower_}" in hedges \
            and not (stance and f"{lemma} {came_from.lower_}" in w.advocacy_calls):
        return "hedged"  # "X set for visit to Y": planned; "X called for the killing of Y": asked for
    if came_from.dep_ == "nsubjpass" and (lemma in hedges or t.lower_ in hedges) and any(
            c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in t.children):
        return "hedged"  # "the visit is scheduled to include ...", "talks are expected" (not "was planned")
    if came_from.dep_ == "conj" and came_from.i == t.i + 2 and t.nbor(1).lower_ == "and" and lemma in hedges:
        return "hedged"  # "try and reach a deal"
    if lemma in w.reporting:  # "X claimed that A and B agreed": a claim, not a plain report
        return "hedged" if came_from.dep_ == "ccomp" and lemma in hedges else "stop"
    # only a verb whose complement we came from ("refused to meet", "consider making")
    if came_from.dep_ in ("xcomp", "ccomp", "dobj", "pcomp") or (
            came_from.dep_ == "prep" and came_from.lower_ in ("of", "about", "with", "from")):
        if lemma in w.negators:
            return "negated"
        if lemma in hedges or came_from.dep_ == "xcomp" and t.lower_ in hedges:
            return "hedged"  # "was scheduled to meet X": planned, whether or not it then happened
    return None


def urged_objects(head: Token, comp: Token) -> list[Token]:
    """Whom ``head`` asks to do its complement ``comp``, in text order: its object ("urged X to
    act") or the first object of its "on" ("called on X to act"), written before the complement."""
    out = []
    for c in head.children:
        if c.i < comp.i and c.dep_ == "dobj":
            out.append(c)
        elif c.i < comp.i and c.dep_ == "prep" and c.lower_ in ("on", "upon"):
            out += [p for p in c.children if p.dep_ == "pobj"][:1]
    return out


def _urges_followers(w: RelationWords, t: Token, came_from: Token) -> bool:
    """Does ``t`` urge people at large to do ``came_from`` ("urged supporters to vote for X",
    "called on voters to reject Y")?"""
    if came_from.dep_ != "xcomp" or t.pos_ != "VERB":
        return False
    urged = urged_objects(t, came_from)
    return bool(urged) and all(u.lower_ in w.follower_nouns or u.lemma_.lower() in w.follower_nouns for u in urged)


def _future_time(verb: Token, future: frozenset[str], depth: int = 0) -> bool:
    """A time modifier of ``verb`` (or of its open complement) that points ahead: "next week"."""
    for c in verb.children:
        if c.dep_ in ("npadvmod", "advmod", "prep", "tmod") and any(
                x.lower_ in future and x.nbor(1).lower_ != "to" if x.i + 1 < len(x.doc) else x.lower_ in future
                for x in c.subtree):  # "next week", not "next to"
            return True
        if depth == 0 and c.dep_ == "xcomp" and _future_time(c, future, 1):
            return True
    return False
