"""Rule-based coreference inside a document.

he/she/his/her -> the most salient person (subject, recent, frequent; not the speaker of the
quotation it is in); it/its -> the subject of the clause or the most recent non-person agent;
"the two sides", "both countries", "the ministers" -> the two most salient agents of that kind;
"the minister", "the <org> chief", "Turkey's president" -> the person whose title or affiliation the
description names; "the <adjective> country" -> the most recent country outside the phrase itself,
"the government" -> the state the text is about; "the bill", "the trade deal" -> the law or agreement
named last (kg.extract.resolve.descriptions).  Salience is counted as the text is read, token by token."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from spacy.tokens import Doc, Token

from kg.extract.mentions.records import QUOTE_MARKS, Mention
from kg.extract.resolve.descriptions import (
    body_description,
    country_description,
    is_law_description,
    law_description,
    member_description,
    owned_by_body,
    person_description,
)
from kg.extract.resolve.person_titles import person_titles
from kg.extract.resolve.plurals import plural_referents
from kg.extract.resolve.records import Resolution
from kg.extract.resolve.referring import expletive, forward_subject
from kg.resources import Resources
from kg.resources.names import load_name_lexicon

__all__ = ["coreference"]


@dataclass
class _Salience:
    """What the text has said so far (updated token by token while reading)."""

    r: Resolution
    res: Resources
    seen: Counter = field(default_factory=Counter)  # mentions so far
    last_seen: dict[str, int] = field(default_factory=dict)
    subj_seen: dict[str, int] = field(default_factory=dict)
    as_actor: set[str] = field(default_factory=set)  # named at least once other than as a location ("in X", "to X")
    named: set[str] = field(default_factory=set)  # named at least once by more than a demonym ("a Ruritanian soldier")

    def is_person(self, k: str) -> bool:
        return self.r.entities[k].cls == "Person"

    def is_agent_nonperson(self, k: str) -> bool:
        return self.res.ontology.is_a(self.r.entities[k].cls, "Agent") and not self.is_person(k)

    def note(self, tok: Token, key: str, mentions: list[Mention]) -> None:
        """A mention token of ``key``."""
        r, i = self.r, tok.i
        if self.is_person(key) and _modifier_of_thing(tok, r):
            return  # "the Obama administration", "the Trump campaign": a body is named, not the person
        if r.mention_at.get(i - 1) != r.mention_at.get(i) or i == 0:
            self.seen[key] += 1
        self.last_seen[key] = i
        n = r.mention_at.get(i)
        if n is None or mentions[n].role != "demonym":
            self.named.add(key)
        if tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass")):
            self.subj_seen[key] = i  # "X's entry shows ... He also declares": X is what the sentence is about
        inner = tok.head.i != i and r.mention_at.get(tok.head.i, -1) == r.mention_at.get(i)
        if not inner and not (tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE):
            self.as_actor.add(key)  # the mention's root is no "in X", "to X"

    def refer(self, tok: Token, key: str) -> None:
        """A pronoun or description resolved to ``key``: it keeps ``key`` salient, as a name would."""
        self.seen[key] += 1
        self.last_seen[key] = tok.i
        if tok.dep_ in ("nsubj", "nsubjpass"):
            self.subj_seen[key] = tok.i

    def best(self, pred: Callable[[str], bool], tok: Token, exclude=frozenset(), k: int = 1, recency: bool = False,
             banned: frozenset[str] = frozenset(), unlikely: frozenset[str] = frozenset(),
             likely: frozenset[str] = frozenset()) -> tuple[str, ...]:
        cands = [key for key in self.last_seen if pred(key) and self.last_seen[key] not in exclude and key not in banned]
        if not cands:
            return ()
        sent_start = tok.sent.start
        prev_start = tok.doc[sent_start - 1].sent.start if sent_start else 0
        if recency:
            return tuple(sorted(cands, key=lambda key: -self.last_seen[key])[:k])

        def score(key: str) -> tuple:
            # what the text is about now outweighs how often it was named: the subject of this or
            # the last sentence ("Y said ... But he accused": Y, even if X was named ten times)
            recent = self.last_seen[key]
            in_sent = recent >= sent_start
            in_prev = recent >= prev_start
            subj_at = self.subj_seen.get(key, -1)
            subj = 4 if subj_at >= sent_start else 2.5 if subj_at >= prev_start else 0
            return (min(self.seen[key], _FREQUENT) * 0.3 + (3 if in_sent else 0) + (1 if in_prev else 0)
                    + subj - (_UNLIKELY if key in unlikely else 0) + (_UNLIKELY if key in likely and in_sent else 0)
                    + recent / 10000.0,)

        return tuple(sorted(cands, key=score, reverse=True)[:k])


def coreference(doc: Doc, mentions: list[Mention], r: Resolution, res: Resources) -> None:
    """Fill ``r.coref`` (token index -> the entity keys a pronoun or description stands for)."""
    words = res.entities.words
    titles, affiliations = person_titles(doc, mentions, r, res)
    female, male = _sexes(titles, r, res)  # told by titles, then by resolved pronouns: sure
    guessed_female, guessed_male = _guessed_sexes(r, res)  # by given names: a guess
    sal = _Salience(r, res)
    for tok in doc:
        key = r.token_keys.get(tok.i)
        if key:
            sal.note(tok, key, mentions)
            continue
        low = tok.lower_
        if low in words.reflexive_pronouns:  # "killing himself": the clause's own subject or no one
            own = _clause_subject_key(tok, r)
            if own:
                r.coref[tok.i] = (own,)
        elif low in words.person_pronouns:
            banned = _quoting_speakers(tok, r, res.relations.words.reporting) | _own_subject(tok, r) \
                | (female if low in _MALE_PRONOUNS else male if low in _FEMALE_PRONOUNS else set())
            unlikely = guessed_female if low in _MALE_PRONOUNS else guessed_male if low in _FEMALE_PRONOUNS else set()
            # most people news names are men: "she" is a woman of the same sentence the text showed as
            # one rather than a person of unknown sex, even the subject ("X called Ana Lind wrong in her ...")
            likely = female | guessed_female if low in _FEMALE_PRONOUNS else set()
            ahead = forward_subject(tok)  # "after his summit with Y, X said": X
            ahead_keys = r.keys_at(ahead.i) if ahead is not None else ()
            got = (tuple(ahead_keys) if len(ahead_keys) == 1 and sal.is_person(ahead_keys[0])
                   and ahead_keys[0] not in banned else None) \
                or sal.best(sal.is_person, tok, banned=frozenset(banned), unlikely=frozenset(unlikely),
                            likely=frozenset(likely))
            if got:
                r.coref[tok.i] = got
                # "he" told the reader this person's sex (unless a title said otherwise, or the given
                # name says the other: then the resolution was the guess, and it must not bar the name's sex)
                if low in _MALE_PRONOUNS and got[0] not in female and got[0] not in guessed_female:
                    male.add(got[0])
                elif low in _FEMALE_PRONOUNS and got[0] not in male and got[0] not in guessed_male:
                    female.add(got[0])
        elif low in words.thing_pronouns:
            _thing_pronoun(tok, r, sal, doc)
        elif low in words.plural_pronouns:
            got = plural_referents(tok, r, sal.last_seen, lambda k: res.ontology.is_a(r.entities[k].cls, "Agent"),
                                   res.entities.words.plural_names)
            if got:
                r.coref[tok.i] = got
        elif tok.pos_ == "NOUN" and tok.i > 0:
            _description(tok, r, res, sal, titles, affiliations)
        elif tok.pos_ == "PROPN" and tok.text in res.gazetteer.names:  # "the Ohio Democrat"
            member_description(tok, r, res, sal, titles, affiliations)
        if len(r.coref.get(tok.i, ())) == 1:
            sal.refer(tok, r.coref[tok.i][0])


def _thing_pronoun(tok: Token, r: Resolution, sal: _Salience, doc: Doc) -> None:
    """it/its: "X and its Y" -> X; the clause's subject if a non-person agent; else the most
    salient non-person agent named so far, unless an unnamed subject comes between."""
    ents, i = r.entities, tok.i
    owner = tok.head if tok.dep_ == "poss" else None
    if owner is not None and owner.dep_ == "conj" and owner.head.i in r.token_keys \
            and sal.is_agent_nonperson(r.token_keys[owner.head.i]) or (
            owner is not None and owner.dep_ == "conj" and owner.head.i in r.token_keys
            and ents[r.token_keys[owner.head.i]].cls in ("Country", "Place", "City")):
        r.coref[i] = (r.token_keys[owner.head.i],)
        return
    # "The group ... said it": a subject that names no entity blocks a guess
    subj_tok = _clause_subject_token(tok)
    if subj_tok is not None and subj_tok.i not in r.token_keys and subj_tok.i not in r.coref \
            and subj_tok.pos_ == "NOUN":
        return
    if tok.dep_ in ("dobj", "pobj") and tok.lower_ == "it":
        return  # an object "it" is mostly a thing ("opposed extending it"): no guess
    if expletive(tok):
        return
    subj = _clause_subject_key(tok, r)
    if subj and sal.is_agent_nonperson(subj):
        r.coref[i] = (subj,)
    else:  # "it" is no state named only by a demonym so far ("a Ruritanian soldier")
        got = sal.best(lambda k: sal.is_agent_nonperson(k) and k in sal.named, tok)
        if got and not _unnamed_subject_between(doc, r, sal.last_seen[got[0]], i):
            r.coref[i] = got


def _description(tok: Token, r: Resolution, res: Resources, sal: _Salience, titles, affiliations) -> None:
    """"the two sides", "the minister", "the Asian country", "the government" ("the leaders of A and B" are A and B)."""
    words, rwords = res.entities.words, res.relations.words
    low, i = tok.lower_, tok.i
    person_desc = words.person_descriptions
    dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "predet")}
    if low in rwords.pair_nouns and (dets & rwords.pair_determiners or ("the" in dets and tok.tag_ == "NNS")) \
            and not any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.i in r.token_keys
                                                                    for g in c.children) for c in tok.children):
        pred = sal.is_person if low in person_desc or low.rstrip("s") in person_desc else sal.is_agent_nonperson
        cls = dict(w.split("|", 1) for w in rwords.pair_classes).get(low)
        if cls is not None:  # "both the big parties" are two parties, "the two countries" two states
            pred = lambda k, cls=cls: sal.is_agent_nonperson(k) and r.entities[k].cls.lower() == cls
        mine = _subject_keys(tok, r)  # "X, the U.N. envoy, faulted both sides": neither X nor the U.N.
        got = sal.best(lambda k: pred(k) and k not in mine, tok, k=2)
        if len(got) == 2:
            r.coref[i] = got
    elif ("the" in dets or owned_by_body(tok, r)) and (low in person_desc or _two_word(tok) in person_desc) \
            and tok.tag_ == "NN":
        if (tok.dep_ == "compound" and tok.head.i in r.token_keys) or any(
                c.dep_ == "appos" and c.i in r.token_keys for c in tok.children):
            return  # "the party chairman Ana Lind": a title before her name, no description
        if not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            got = person_description(tok, r, titles, affiliations, res, sal.seen, sal.last_seen, "the" not in dets)
            if got:
                r.coref[i] = (got,)
    elif "the" in dets and low in words.country_descriptions and tok.tag_ == "NN":
        country_description(tok, r, sal, low in words.government_nouns)
    elif "the" in dets and tok.tag_ == "NN" and low in (bodies := _body_classes(words.body_descriptions)):
        body_description(tok, r, sal, bodies[low], res.relations.words.reporting)
    elif is_law_description(tok, res):
        law_description(tok, r, res, sal)


@lru_cache(maxsize=8)
def _body_classes(pairs: frozenset[str]) -> dict[str, frozenset[str]]:
    """``body_descriptions`` as {noun: the classes it may refer to}."""
    return {noun: frozenset(classes.split()) for noun, classes in (w.split("|", 1) for w in pairs)}


def _unnamed_subject_between(doc: Doc, r: Resolution, start: int, end: int) -> bool:
    """A proper-noun subject the NER did not name between a candidate and a pronoun ("... of the X
    Association. But Acme Concern argued ... Its director"): "its" may be that one, so no guess."""
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN" and t.i not in r.token_keys
               and t.text[:1].isupper() and not t.is_sent_start  # a capital that is no sentence's first
               for t in doc[start + 1:end])


_FREQUENT = 6  # mentions beyond this add no salience
_UNLIKELY = 5.0  # what a given name of the other sex costs a candidate
_MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
_FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
_LOCATIVE = frozenset({"in", "at", "to", "from", "into", "across", "throughout", "inside", "near", "around"})


def _sexes(titles: dict[str, set[str]], r: Resolution, res: Resources) -> tuple[set[str], set[str]]:
    """The women and the men of the text as far as a title tells ("Mrs X", "Sir X", "chairwoman");
    coreference adds those a resolved pronoun tells."""
    words = res.entities.words
    female = {k for k, ts in titles.items() if any(set(t.split()) & words.female_titles for t in ts)}
    male = {k for k, ts in titles.items() if any(set(t.split()) & words.male_titles for t in ts)}
    return female - male, male - female  # both: the title words say nothing sure


def _guessed_sexes(r: Resolution, res: Resources) -> tuple[set[str], set[str]]:
    """The people whose given name is of clear sex in the US census (lexicon/given_names.tsv:
    "Nikki Haley"): a guess that makes a pronoun of the other sex unlikely, never impossible (the
    census says little of names from elsewhere: "Vivian Balakrishnan" is a man)."""
    names = load_name_lexicon(res.folder)
    female: set[str] = set()
    male: set[str] = set()
    for key, ent in r.entities.items():
        parts = ent.name.split()
        if ent.cls != "Person" or len(parts) < 2 or parts[0].casefold() in names.surname_first:
            continue  # "Kim Jong Un": the first word is the family name
        sex = names.given_sex.get(parts[0].casefold())
        (female if sex == "f" else male if sex == "m" else set()).add(key)
    return female, male


def _own_subject(tok: Token, r: Resolution) -> frozenset[str]:
    """An object "him"/"her" is not the subject of its own clause: "X urged Y to act, calling on him"
    (X calls; "him" is Y), "X called Y and told him"."""
    if tok.dep_ not in ("dobj", "dative", "pobj") or tok.lower_ not in ("him", "her"):
        return frozenset()
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for _ in range(3):  # a participle or conjunct borrows the subject of the verb it hangs on
        subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subs:
            return frozenset(r.keys_at(subs[0].i))
        if verb.dep_ not in ("advcl", "conj") or verb.head.i == verb.i:
            break
        verb = verb.head
    return frozenset()


def _quoting_speakers(tok: Token, r: Resolution, reporting: frozenset[str]) -> frozenset[str]:
    """Inside a direct quotation a speaker says "I", not "he": '"He is coming," said X' is not X."""
    sent = tok.sent
    if sum(1 for t in sent[: tok.i - sent.start] if t.text in QUOTE_MARKS) % 2 == 0:
        return frozenset()
    out = set()
    inside = False
    for t in sent:
        if t.text in QUOTE_MARKS:
            inside = not inside
            continue
        if not inside and t.pos_ == "VERB" and t.lemma_.lower() in reporting:
            out.update(r.token_keys[c.i] for c in t.children if c.dep_ == "nsubj" and c.i in r.token_keys)
    return frozenset(out)


def _modifier_of_thing(tok: Token, r: Resolution) -> bool:
    """Is ``tok``'s mention a modifier of a common noun ("the Obama administration", "the Trump campaign")?"""
    n = r.mention_at.get(tok.i)
    root = tok
    while root.dep_ == "compound" and r.mention_at.get(root.head.i) == n and root.head.i != root.i:
        root = root.head
    return root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i not in r.token_keys


def _two_word(tok: Token) -> str:
    prev = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i == tok.i - 1]
    return f"{prev[0].lower_} {tok.lower_}" if prev else tok.lower_


def _clause_subject_token(tok: Token) -> Token | None:
    """The nearest subject before ``tok`` in the clauses above it."""
    head = tok
    for _ in range(6):
        if head.pos_ in ("VERB", "AUX"):
            subs = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
            if subs:
                return subs[0]
        if head.head.i == head.i:
            break
        head = head.head
    return None


def _clause_subject_key(tok: Token, r: Resolution) -> str | None:
    head = tok
    for _ in range(6):
        if head.pos_ in ("VERB", "AUX"):
            for c in head.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i and c.i in r.token_keys:
                    return r.token_keys[c.i]
        if head.head.i == head.i:
            break
        head = head.head
    # the main clause of the sentence
    root = tok.sent.root
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i and c.i in r.token_keys:
            return r.token_keys[c.i]
    return None


def _subject_keys(tok: Token, r: Resolution) -> frozenset[str]:
    """The named subject of the clause that governs ``tok`` and the keys of its appositions."""
    head = next((h for h in (tok, *tok.ancestors) if h.pos_ in ("VERB", "AUX")), None)
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in r.token_keys] if head else []
    return frozenset(r.token_keys[t.i] for c in subjects for t in c.subtree if t.i in r.token_keys)
