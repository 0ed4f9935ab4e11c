"""Descriptions that refer back to a named thing: "the Asian country", "the government", "the bill",
"the trade deal".  Called by :mod:`kg.extract.resolve.coreference` while it reads the text; the
candidates are what the text has named so far (its salience record).

"The Kentucky Republican said" is one member of a party (the mention stage made it no name of the
party: :func:`kg.extract.mentions.names.member_party`): the most salient person written with that
party before the name ("Republican Sen. X"); "the Ohio Republican" needs a person written with Ohio
("Ohio Sen. X", or after the name: "X, R-Ohio", "X of Ohio"), of that party or with a politician's title
(``party_member_titles``) and no other party, or a person written with no place whose title is a state's
or town's politician's (``placed_member_titles``: "Rep. X ... the Ohio Republican"); a person in
apposition is the one ("The top Republican on the committee, Rep. X, said").

A law or an agreement is named once and then described: "The Senate passed the Hunting Act ...
Opponents say the law is unclear"; "... signed the Kyoto Protocol. Russia's backing of the
treaty".  The description's noun says which kind (``legislation_descriptions`` and
``agreement_descriptions`` of ``lexicon/entities.toml``; a law whose name ends in one of
``legislation_heads`` is legislation, any other law an agreement), its compound nouns must be words
of the name ("the trade bill" is no "Hunting Act"), and the one named last wins.
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Token

from kg.extract.mentions.names import member_party
from kg.extract.resolve.names import fold
from kg.extract.resolve.records import Resolution
from kg.resources import Resources

__all__ = ["body_description", "country_description", "is_law_description", "law_description", "member_description",
           "owned_by_body", "person_description"]


class Salience(Protocol):
    """What coreference knows of the text read so far (kg.extract.resolve.coreference._Salience)."""

    as_actor: set[str]
    last_seen: dict[str, int]

    def best(self, pred, tok: Token, exclude=frozenset(), k: int = 1, recency: bool = False,
             banned=frozenset(), unlikely=frozenset()) -> tuple[str, ...]: ...


def _of_phrase(tok: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def _own_phrase(tok: Token) -> tuple[Token, set[int]]:
    """The noun or verb a description hangs on, and the tokens of that noun's phrase ("the war in X
    ... the government": the government of the phrase is not X)."""
    anc = tok.head
    while anc.pos_ not in ("NOUN", "PROPN", "VERB") and anc.head.i != anc.i:
        anc = anc.head
    return anc, ({t.i for t in anc.subtree} if anc.pos_ in ("NOUN", "PROPN") else set())


def country_description(tok: Token, r: Resolution, sal: Salience, government: bool) -> None:
    """"the Asian country" is the country just named; "the government" is the state the text is
    about (most mentioned, in this sentence, a subject), not the last one named."""
    ents = r.entities
    if _of_phrase(tok):
        return
    mods = [r.token_keys[c.i] for c in tok.children if c.dep_ in ("amod", "compound", "nmod")
            and c.i in r.token_keys and ents[r.token_keys[c.i]].cls == "Country"]
    if mods:  # "the Ruritanian government"
        r.coref[tok.i] = (mods[0],)
        return
    anc, exclude = _own_phrase(tok)
    got = sal.best(lambda k: ents[k].cls == "Country" and (not government or k in sal.as_actor), tok,
                   exclude=exclude, recency=not government)  # "the war in X ... the government": not X
    if got:
        r.coref[tok.i] = got


_NO_BACK_PREPS = frozenset({"of", "between", "with", "against", "for"})


def body_description(tok: Token, r: Resolution, sal: Salience, classes: frozenset[str],
                     speech: frozenset[str] = frozenset()) -> None:
    """"the group" is the most salient body of one of ``classes`` (lower case) named so far ("The Taliban
    attacked X. The group also ..."), not one in the description's own phrase, nor one last named as
    the medium of a saying (``speech``: reporting verbs; "police said on Twitter"); none for "the
    group of ...", "the French group", or when an unnamed one was brought in since ("... a
    little-known group. The group ...")."""
    ents = r.entities
    if any(c.i in r.token_keys or c.dep_ == "compound" or c.dep_ == "prep" and c.lower_ in _NO_BACK_PREPS
           for c in tok.children) or any(t.pos_ == "PROPN" for t in tok.subtree):
        return  # "the French group", "the Boston-based company X", "the state department", "the alliance between"
    anc, exclude = _own_phrase(tok)
    verb = anc
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    exclude |= {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and tok not in c.subtree
                for t in c.subtree}  # "X quoted the organization's head": not X
    start = tok.sent.start
    for _ in range(2):  # named in this sentence or the two before it
        start = tok.doc[start - 1].sent.start if start else 0
    got = sal.best(lambda k: ents[k].cls.lower() in classes and sal.last_seen[k] >= start
                   and not _medium(tok.doc[sal.last_seen[k]], speech), tok, exclude=exclude)
    if got and not any(t.lower_ == tok.lower_ and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another")
                                                        for c in t.children)
                       for t in tok.doc[sal.last_seen[got[0]] + 1:tok.i]):
        r.coref[tok.i] = got


def _medium(tok: Token, speech: frozenset[str]) -> bool:
    """Is ``tok`` the medium of a saying ("said on Twitter", "announced via Facebook")?"""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("on", "via") and tok.head.head.lemma_.lower() in speech


def is_law_description(tok: Token, res: Resources) -> bool:
    """A singular "the bill", "the trade deal" (not "the act of war", not "a deal", not "the treaty
    organisation").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> from kg.resources import load_resources
    >>> doc = Doc(spacy.blank("en").vocab, words=["X", "opposed", "the", "bill"], heads=[1, 1, 3, 1],
    ...           deps=["nsubj", "ROOT", "det", "dobj"], tags=["NNP", "VBD", "DT", "NN"])
    >>> is_law_description(doc[3], load_resources())
    True
    """
    words = res.entities.words
    low = tok.lower_
    return (tok.tag_ == "NN" and (low in words.legislation_descriptions or low in words.agreement_descriptions)
            and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
            and not _of_phrase(tok) and tok.dep_ != "compound")  # "the treaty organisation": another thing


def law_description(tok: Token, r: Resolution, res: Resources, sal: Salience) -> None:
    """The law or agreement a description ("the bill", "the nuclear pact") stands for: the one named
    last of the kind the noun names, whose name holds the description's compound nouns."""
    words = res.entities.words
    agreement = tok.lower_ in words.agreement_descriptions
    mods = {fold(c.text) for c in tok.children if c.dep_ == "compound" and c.i < tok.i and c.i not in r.token_keys}
    ents = r.entities

    def fits(key: str) -> bool:
        e = ents[key]
        if e.cls != "Law":
            return False
        names = [fold(n) for n in (e.name, *e.aliases)]
        heads = {n.split()[-1] for n in names if n}
        if bool(heads & words.legislation_heads) == agreement:
            return False
        return all(any(m in n.split() for n in names) for m in mods)

    got = sal.best(fits, tok, recency=True)
    if got:
        r.coref[tok.i] = got


def member_description(tok: Token, r: Resolution, res: Resources, sal: Salience, titles, affiliations) -> None:
    """"the Ohio Democrat" -> a person of that party (see the module docstring)."""
    party = member_party(tok, res.gazetteer)
    if party is None:
        return
    ents, described = r.entities, res.entities.words.party_member_titles
    placed = res.entities.words.placed_member_titles
    named = [c for c in tok.children if c.dep_ == "appos" and c.i in r.token_keys
             and ents[r.token_keys[c.i]].cls == "Person"]
    if named:  # "The top Republican on the committee, Rep. X, said": X
        r.coref[tok.i] = (r.token_keys[named[0].i],)
        return
    places = {r.token_keys[c.i] for c in tok.children if c.dep_ in ("compound", "amod", "nmod")
              and c.i in r.token_keys and ents[r.token_keys[c.i]].cls in ("Place", "City", "Country")}
    parties = {k for k in ents if ents[k].cls == "Group"}
    own = {t.i for t in tok.subtree}  # the description's own "Ohio" is no evidence

    def fits(k: str) -> bool:
        if ents[k].cls != "Person" or affiliations.get(k, set()) & parties - {party.id}:
            return False
        if places:  # "the Ohio Republican": a person written with Ohio ("Ohio Sen. X", or after the name: "X, R-Ohio", "X of Ohio")
            near = {p for p in _near(r, k, skip=own) if ents[p].cls in _PLACES}
            if not near:  # written with no place, a state's or town's politician: "Rep. X ... the Utah Republican"
                return _titled(titles.get(k, ()), placed)
            return bool(places & near) and (party.id in affiliations.get(k, ()) or _titled(titles.get(k, ()), described))
        return party.id in affiliations.get(k, ())

    got = sal.best(fits, tok)
    if got:
        r.coref[tok.i] = got


_PLACES = ("Place", "City", "Country")


def _titled(titles, words: frozenset[str]) -> bool:
    """Does one of a person's titles end in one of ``words`` ("U.S. Sen." in "sen")?"""
    return any(t.split()[-1].rstrip(".").lower() in words for t in titles)


def _near(r: Resolution, key: str, window: int = 5, skip: set[int] = frozenset()) -> set[str]:
    """The keys named within ``window`` tokens after a mention of ``key`` (not at ``skip``), up to
    the next other person's name: "X of Ohio", "X, R-Ohio", "X (R-Ohio)"; and the places of the
    two words before it ("Ohio Sen. X")."""
    keys, out = r.token_keys, set()
    for j in (i for i, k in keys.items() if k == key and keys.get(i + 1) != key):
        for i in range(j + 1, j + 1 + window):
            k = keys.get(i)
            if k is not None and k != key and r.entities[k].cls == "Person":
                break
            if k is not None and k != key and i not in skip:
                out.add(k)
    for j in (i for i, k in keys.items() if k == key and keys.get(i - 1) != key):
        out |= {k for i in (j - 1, j - 2) if (k := keys.get(i)) is not None and i not in skip
                and r.entities[k].cls in _PLACES}
    return out


def owned_by_body(tok: Token, r: Resolution) -> bool:
    """"Turkey's president", "Acme's chief executive": a possessive state or body takes the place of
    "the" in a role description (not a person's: "Obama's adviser" names no post of a body)."""
    return any(c.dep_ == "poss" and c.i in r.token_keys and r.entities[r.token_keys[c.i]].cls != "Person"
               for c in tok.children)


def person_description(tok: Token, r: Resolution, titles, affiliations, res: Resources, seen, last_seen,
                       titled: bool = False) -> str | None:
    """The person a role description ("the foreign minister", "the <org> chief", "the Republican
    president") denotes, or None.

    A person qualifies when a title written before their name ends with the description's head
    ("the minister" -> "... Minister X"), or when the description names an organisation or country
    the person is affiliated with ("the <org> chief" -> "<country of org> ... X").  A party before a
    politician's title ("the Republican president"; not "the Labour leader", ``party_owned_titles``)
    is the person's party: one with that title whom the text ties to no other party.  The most
    salient qualifying person wins (one ``titled`` by a possessive, "Iran's envoy", needs the title).
    """
    gaz = res.gazetteer
    lesser = res.entities.words.title_modifiers | {"former", "shadow", "ex", "acting"}
    head = tok.lower_
    generic = res.entities.words.generic_person_descriptions
    rwords = res.relations.words
    not_now = rwords.past_markers | rwords.future_markers
    phrase = " ".join(c.lower_ for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i
                      and c.i not in r.token_keys)
    mods = {r.token_keys[c.i] for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")
            and c.i in r.token_keys}
    # a body or place in the description also names its country: "the Pentagon chief" is "US
    # Defense Secretary X" (but not a person affiliated with another body of that country)
    # "the Republican president": a party before a politician's title is the person's party, not the post's owner
    parties = {k for k in mods if r.entities[k].cls == "Group"} if head in res.entities.words.party_member_titles \
        and head not in res.entities.words.party_owned_titles else set()
    mods -= parties
    mod_countries = mods | {gaz.entries[k].country for k in mods if k in gaz.entries and gaz.entries[k].country}
    cands = []
    for key in last_seen:
        if r.entities[key].cls != "Person" or last_seen[key] > tok.i:
            continue
        # "the prime minister" is not the deputy prime minister: a title with a modifier the
        # description lacks ("deputy", "vice", "shadow", "former") is another post
        person_titles = {t for t in titles.get(key, set())
                         if not (set(t.split()) & lesser) or set(t.split()) & lesser & set(phrase.split())}
        if set(phrase.split()) & not_now and not any(set(t.split()) & not_now for t in person_titles):
            continue  # "the ex-Labour leader", "the next Tory leader": not a person with a current title
        title_match = any(t.split()[-1] == head for t in person_titles)
        exact = any(t.endswith(f"{phrase.strip()} {head}".strip()) for t in person_titles) if phrase.strip() else False
        affil = bool(mod_countries & affiliations.get(key, set()))
        if mods and not affil:
            continue
        if parties and not (title_match and _of_party(key, parties, affiliations, r)):
            continue
        if not (title_match or affil) or titled and not title_match:
            continue
        if person_titles and not title_match and head not in generic:
            continue  # "the Democratic president" is not "Sen. X" of that party
        cands.append(((exact, affil, title_match, seen[key], last_seen[key]), key))
    if not cands:
        return None
    return max(cands)[1]


def _of_party(key: str, parties: set[str], affiliations, r: Resolution) -> bool:
    """May the person ``key`` belong to ``parties`` (the text ties them to no other party)?"""
    return not {k for k in affiliations.get(key, ()) if r.entities[k].cls == "Group"} - parties
