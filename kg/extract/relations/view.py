"""A read-only view of one parsed document for the relation rules.

The view answers the questions every rule asks: which entity a token stands for (a mention, a
pronoun resolved by coreference, a role noun in apposition to a name, "the province of X"),
which entities an argument phrase stands for when looked through ("X's bid", "<demonym>
aggression", "such as X"), the class of an entity, and whether a reading is admitted by the
ontology.  It never changes the resolution: an entity the gazetteer knows but the text did not
mention (the country of a demonym inside a hyphenated word) is looked up, and added to the
document's entities by the engine only when a relation uses it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from kg.extract.mentions.records import Mention
from kg.extract.relations.geography import home_ground, lies_on_water, region_known_elsewhere
from kg.extract.relations.grievance import grievance_after
from kg.extract.relations.lexicon import TriggerTables, trigger_tables
from kg.extract.relations.lists import listed
from kg.extract.relations.members import member_or_group
from kg.extract.relations.records import Arg, Learned, Reading
from kg.extract.resolve.records import Resolution
from kg.model import Entity
from kg.resources import Resources

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")

__all__ = ["DocView", "dedupe", "listed", "word_in"]


@dataclass(frozen=True)
class DocView:
    doc: Doc
    mentions: list[Mention]
    r: Resolution
    res: Resources
    doc_id: str
    learned: Learned = field(default_factory=Learned)
    date: str | None = None  # the report's ISO date, when known: office holders are read against it

    @classmethod
    def of(cls, doc: Doc, mentions: list[Mention], r: Resolution, res: Resources, doc_id: str,
           date: str | None = None) -> "DocView":
        iso = date if date and _ISO.match(date) else None
        return cls(doc, mentions, r, res, doc_id, date=iso)

    def knowing(self, learned: Learned) -> "DocView":
        """The same view with what the rules so far learned about persons."""
        return self if learned is self.learned else replace(self, learned=learned)

    # -- shorthands -------------------------------------------------------------------------
    @property
    def onto(self):
        return self.res.ontology

    @property
    def words(self):
        return self.res.relations.words

    @property
    def ewords(self):
        return self.res.entities.words

    @property
    def lex(self) -> TriggerTables:
        return trigger_tables(self.res.relations)

    @property
    def roles(self):
        return self.lex.roles

    # -- entities ---------------------------------------------------------------------------
    def entity(self, key: str) -> Entity | None:
        """The entity of ``key``: one the text mentions, else a gazetteer entry (None if neither)."""
        ent = self.r.entities.get(key)
        if ent is not None:
            return ent
        entry = self.res.gazetteer.entries.get(key)
        if entry is None:
            return None
        return Entity(key=key, cls=entry.cls, name=entry.name, mentions=0, docs={self.doc_id},
                      wikidata=entry.wikidata)

    def known(self, key: str) -> bool:
        return key in self.r.entities or key in self.res.gazetteer.entries

    def cls(self, key: str) -> str:
        ent = self.r.entities.get(key)
        return ent.cls if ent is not None else self.res.gazetteer.entries[key].cls

    def _party(self, key: str) -> bool:
        """A party of the gazetteer (a group with a country)."""
        e = self.res.gazetteer.entries.get(key)
        return e is not None and e.cls == "Group" and bool(e.country)

    def is_a(self, key: str, target: str) -> bool:
        """Is the entity of ``key`` an instance of the ontology class ``target`` (or a sub-class)?"""
        return self.onto.is_a(self.cls(key), target)

    def _an_audience(self, key: str) -> bool:
        """A body one speaks to, not with: a written form ending in an ``audience_heads`` word ("Parliament")."""
        e = self.entity(key)
        forms = (e.name, *e.aliases) if e is not None else ()  # "Parliament of the United Kingdom": "Parliament"
        return any(f.lower().split()[-1:] and f.lower().split()[-1] in self.words.audience_heads for f in forms)

    def _public(self, key: str) -> bool:
        """A person the text gives a post or a title: a public figure, whose "attack" on another is in words."""
        return bool(self.learned.titles.get(key) or self.learned.affiliation(key))

    def is_outlet(self, key: str) -> bool:
        """A news outlet: an organisation named like one ("... Times", "... News", "Radio ...") or a
        news agency or outlet of the credit lists ("Reuters", "CNN")."""
        e = self.entity(key)
        if e is None or not self.is_a(key, "Organization"):
            return False
        name, ew = e.name.lower(), self.ewords
        words = name.split()
        return bool(words) and (words[-1] in ew.media_heads or words[0] in ew.media_heads
                                or name in ew.news_agencies or name in ew.outlet_credits)

    def body_of_states(self, key: str) -> bool:
        """A gazetteer organisation of no one state (the U.N., NATO, the EU; outlets and firms too)."""
        entry = self.res.gazetteer.entries.get(key)
        return entry is not None and entry.cls == "Organization" and entry.country is None

    def is_locality(self, key: str) -> bool:
        """A place that is not a country: a town, a region, a sea, a building."""
        return self.is_a(key, "Place") and not self.is_a(key, "Country")

    def direct(self, tok: Token, *, conjuncts: bool = True, speakers: bool = True) -> list[Arg]:
        """Entities denoted by ``tok`` itself (mention, pronoun or description), with conjuncts."""
        out: list[Arg] = []
        keys, coref = self.r.token_keys, self.r.coref
        for t in (tok, *(listed(tok, self.names_person) if conjuncts else ())):
            if t.i in keys:
                out += [Arg(k) for k in member_or_group(t, keys[t.i], keys, self.is_a)]
            elif t.i in coref and not any(c.dep_ == "appos" and c.i in keys for c in t.children):  # not "the state X"
                out += [Arg(k, 0.9) for k in coref[t.i]]
            elif t.lower_ in self.ewords.speaker_pronouns:
                side = self.speaker_side(t) if speakers else None
                if side:
                    out.append(Arg(side, 0.85))
            elif t.pos_ == "NOUN":  # "the militant group X"; "groups like X and Y"
                out += self._described_by_noun(t) or self.included(t)
        return dedupe(out)

    def names_person(self, t: Token) -> bool | None:
        """Does ``t`` name a person (None: no entity there)?"""
        key = self.r.token_keys.get(t.i)
        return None if key is None else self.cls(key) == "Person"

    def _described_by_noun(self, t: Token) -> list[Arg]:
        keys = self.r.token_keys
        if t.lemma_.lower() in self.roles or t.lower_ in self.roles:
            # "his counterpart Ana Lind", "the leader, Ana Lind": the named person
            return [Arg(keys[c.i], 0.95) for c in t.children
                    if c.dep_ in ("appos", "compound") and c.i in keys and self.cls(keys[c.i]) == "Person"]
        if t.lower_ in self.ewords.place_nouns:
            # "the province of X", "the city of X", "X province" (but "the Red Sea city of X" is X)
            out = [Arg(keys[p.i], 0.95) for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj" and p.i in keys]
            return out or [Arg(keys[c.i], 0.95) for c in t.children if c.dep_ in ("compound", "appos") and c.i in keys
                           and self.is_locality(keys[c.i])]  # "the German state Lower Saxony"
        if t.lemma_.lower() in self.words.org_description_nouns or any(
                c.dep_ == "compound" and f"{c.lower_} {t.lemma_.lower()}" in self.words.org_description_nouns
                for c in t.children):
            # "the police agency X", "the militant group X"; "the X newspaper", "the X think tank" (definite: not "an X agency")
            the = any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
            return [Arg(keys[c.i], 0.95) for c in t.children if c.i in keys and (
                c.dep_ == "appos" and c.i > t.i and self.is_a(keys[c.i], "Group")
                or (c.dep_ == "appos" and c.i > t.i or the and c.dep_ == "compound" and c.i < t.i
                    and not (self.is_a(keys[c.i], "GovernmentBody") and keys[c.i] in self.res.gazetteer.entries))
                and self.is_a(keys[c.i], "Organization"))]  # "the Labour group": a party's part; "the Senate group"
        return []

    def included(self, noun: Token) -> list[Arg]:
        """The entities a plural noun says it includes (``inclusion_preps``): "U.S. allies,
        including Japan and Korea", "officials such as Ana Lind", "Republicans like Sen. Lind"."""
        if noun.tag_ not in ("NNS", "NNPS"):
            return []
        out: list[Arg] = []
        for c in noun.children:
            word = "such as" if c.lower_ == "as" and any(g.lower_ == "such" for g in c.children) else c.lower_
            if c.dep_ == "prep" and word in self.words.inclusion_preps:
                out += [a for p in c.children if p.dep_ == "pobj" for a in self.direct(p)]
        return dedupe(out)

    def deep(self, tok: Token, depth: int = 0, owners: bool = True) -> list[Arg]:
        """Entities an argument token stands for, looking through appositions, 'of'-phrases,
        'such as' lists, gerunds and conduct nouns ("<demonym> aggression")."""
        got = self.direct(tok)
        if got or depth > 3:
            return got
        out: list[Arg] = []
        for t in (tok, *listed(tok, self.names_person)):
            if t.i in self.r.token_keys or t.i in self.r.coref:
                out += self.direct(t)
                continue
            self._deep_one(t, depth, owners, out)
        return dedupe(out)

    def _deep_one(self, t: Token, depth: int, owners: bool, out: list[Arg]) -> None:
        """Add to ``out`` the look-through readings of one conjunct: each kind is tried only while
        nothing was found (for this conjunct or an earlier one)."""
        kids = list(t.children)
        for c in kids:
            if c.dep_ == "appos":
                out += self.deep(c, depth + 1)
        if not out and owners and t.pos_ == "NOUN" and (word_in(t, self.words.policy_nouns)
                                                       or word_in(t, self.words.opinion_nouns)):
            out += self.owners(t, named=True)  # "rejected Acme's criticism of Y", "the Acme plan for Y": Acme
        opaque = self.words.opaque_nouns
        role_noun = t.pos_ == "NOUN" and (t.lemma_.lower() in self.roles or t.lower_ in self.roles) or (
            t.pos_ == "PROPN" and t.lower_ in self.res.title_words)  # "the Archbishop of X backed": not X
        if not out and t.lemma_.lower() not in opaque | self.words.behest_nouns:
            for c in kids:
                if c.dep_ == "prep" and c.lower_ in ("of", "as", "including", "like") \
                        and not (role_noun and c.lower_ == "of"):  # "the director of X accused Y": not X
                    for p in c.children:
                        if p.dep_ == "pobj" and p.pos_ != "VERB":
                            out += [a.times(0.95) for a in self.deep(p, depth + 1)]
        if not out and t.pos_ == "VERB":
            for c in kids:
                if c.dep_ == "dobj":
                    out += self.deep(c, depth + 1)
        if not out and t.pos_ == "NOUN" and (t.lower_ in self.res.entities.head_classes
                                             or t.lower_ in self.ewords.organization_heads):
            # "X's Likud party", "the Acme company": the named body the noun describes, not its owner
            # ("the X trade committee" is a part of X, not X)
            keys = self.r.token_keys
            out += [Arg(keys[c.i]) for c in kids if c.dep_ == "compound" and c.i in keys
                    and all(keys.get(j) == keys[c.i] for j in range(c.i, t.i))
                    and (self.is_a(keys[c.i], "Organization") or self.is_a(keys[c.i], "Group"))]
        if not out and t.pos_ == "NOUN" and word_in(t, self.words.administration_nouns):
            out += [a.times(0.9) for c in kids if c.dep_ in ("compound", "poss") for a in self.led_state(c)]
        if not out and t.tag_ == "NNS" and word_in(t, self.words.delegate_nouns):
            # "met his Japanese and South Korean counterparts", "talks with officials from A and B",
            # "consulted with the leaders of A and B":
            # people named only by their state stand for it
            mods = [m for c in kids if c.dep_ in ("amod", "compound", "nmod") for m in (c, *c.conjuncts)]
            mods += [p for c in kids if c.dep_ == "prep" and c.lower_ in ("from", "of") for p in c.children
                     if p.dep_ == "pobj" for p in (p, *p.conjuncts)]
            out += [a.times(0.9) for c in mods for a in self.deep(c, depth + 1) if self.cls(a.key) == "Country"
                    or t.dep_ == "nsubj" and self._party(a.key)]
            # ... and so do lawmakers named only by their party, as the subject ("Freedom Party senators
            # accused X"; not "X joined Freedom Party lawmakers at a rally")
        if not out and owners and depth == 0 and t.pos_ == "NOUN" and not role_noun \
                and t.lemma_.lower() not in opaque:
            out += self.owners(t)
        if not out and t.lower_ in self.res.entities.head_classes:  # "XY-12 missiles"
            out += [Arg(a.key, a.factor * 0.95) for c in kids if c.dep_ in ("compound", "nmod")
                    for a in self.direct(c) if self.is_a(a.key, "Product")]
        if not out and word_in(t, self.words.force_nouns):
            mods = [c for c in kids if c.dep_ in ("amod", "compound", "poss", "nmod")]
            out += [Arg(a.key, a.factor * 0.9, "forces") for c in mods for a in self.direct(c)
                    if self.is_a(a.key, "Agent")]
        if not out and owners and word_in(t, self.words.conduct_nouns):  # "leads X's programs" leads no X
            mods = [c for c in kids if c.dep_ in ("amod", "compound", "poss", "nmod")]
            agents = [self.owner_country(a) for c in mods for a in self.direct(c) if self.is_a(a.key, "Agent")]
            countries = [a for a in agents if self.cls(a.key) == "Country"]
            out += [a.times(0.9) for a in (countries or agents)]

    def owners(self, t: Token, named: bool = False) -> list[Arg]:
        """The owner of a thing an argument names: "attacked Ruritania's power grid", "backed
        Ruritania's bid", "the comments by X", "the Trump plan"; "attacked his policies": the owner,
        in words (reading()).  ``named``: also a body or a demonym before the noun ("Acme criticism",
        "the Ruritanian decision"), not a country's name ("the Ruritania policy" is about Ruritania)."""
        via = "policy" if word_in(t, self.words.policy_nouns) and not word_in(t, self.words.force_nouns) else ""
        kids = list(t.children)
        out = [Arg(a.key, a.factor * 0.85, via) for c in kids if c.dep_ == "poss" for a in self.direct(c)
               if self.is_a(a.key, "Agent") or self.is_locality(a.key)]
        out += [Arg(a.key, a.factor * 0.85, via) for c in kids if not out and c.dep_ == "prep" and c.lower_ == "by"
                for p in c.children if p.dep_ == "pobj" for a in self.direct(p) if self.is_a(a.key, "Agent")]
        out += [Arg(a.key, a.factor * 0.85, via) for c in kids if via and not out and c.dep_ == "compound"
                for a in self.direct(c) if self.cls(a.key) == "Person"]
        out += [Arg(a.key, a.factor * 0.85, via) for c in kids if named and not out and c.i < t.i
                and c.dep_ in ("amod", "compound") for a in self.direct(c)
                if (self.cls(a.key) == "Country" if c.dep_ == "amod"
                    else self.is_a(a.key, "Agent") and self.cls(a.key) != "Country")]
        return out

    def led_state(self, tok: Token) -> list[Arg]:
        """The country a head of state or government named by ``tok`` leads, by the office-holder
        tables: "the Obama administration", "Donald Trump's administration" are that state's."""
        ent = self.entity(self.r.token_keys.get(tok.i) or (self.r.coref.get(tok.i, ()) + ("",))[0])  # "his government"
        if ent is None or ent.cls != "Person":
            return []
        country = next((c for n in (ent.name, *sorted(ent.aliases)) if (c := self.res.offices.led_country(n))), None) \
            or self.learned.affiliation(ent.key)  # "Israeli Prime Minister X ... his government"
        return [Arg(country)] if country and self.known(country) and self.cls(country) == "Country" else []

    def owner_country(self, arg: Arg) -> Arg:
        """A state body stands for its country in conduct phrases ("<demonym> military aggression")."""
        entry = self.res.gazetteer.entries.get(arg.key)
        if entry is not None and entry.country and self.known(entry.country):
            return Arg(entry.country, arg.factor)
        return arg

    def speaker_side(self, tok: Token) -> str | None:
        """For we/our/us: the affiliation of the sentence's speaker ("..., X said")."""
        reporting = self.words.reporting
        for t in tok.sent:
            if t.lemma_.lower() in reporting and t.pos_ == "VERB":
                for c in t.children:
                    if c.dep_ == "nsubj" and c.i != tok.i:
                        keys = [a.key for a in self.direct(c, speakers=False)]
                        if keys:
                            return self.learned.affiliation(keys[0]) or keys[0]
        return None

    def gazetteer_key(self, surface: str) -> str | None:
        """The gazetteer entry a surface form names (a name, alias or demonym), if any."""
        gaz = self.res.gazetteer
        hits = gaz.lookup(surface)
        if hits:
            return hits[0].id
        return gaz.demonyms.get(surface)

    def hyphen_parts(self, text: str) -> list[Arg]:
        """The gazetteer entities named by the parts of a hyphenated word ("Ruritanian-Freedonian")."""
        out = []
        for part in text.split("-"):
            k = self.gazetteer_key(part)
            if k and self.known(k):
                out.append(Arg(k, 0.95))
        return out

    # -- readings ---------------------------------------------------------------------------
    def reading(self, prop: str, subj: Arg, obj: Arg, rule: str, anchor: Token,
                modality: str | None = None, status: str | None = None) -> Reading | None:
        """The reading of ``prop`` between two arguments, or None when the ontology does not
        admit it (unknown entity, the same entity twice, domain or range, a town "in" a sea, a
        gazetteer region in a place it does not lie in).  A person's act that the lexicon reads
        otherwise on a non-person ("X attacked the party"), or anyone's on an agent's policies ("X
        attacked Y's plans", ``policy_nouns``), takes that property."""
        s, o = subj.key, obj.key
        if s == o or prop not in self.onto.properties or not (self.known(s) and self.known(o)):
            return None
        forces = "forces" in (subj.via, obj.via)
        if forces and prop.lower() not in self.words.force_properties:
            return None
        person_reading = self.res.relations.person_reading
        # a person's attack on troops or targets is armed ("ordered attacks on <demonym> targets"), and so
        # is a strike or a bombing
        armed = obj.via == "forces" or word_in(anchor, self.words.armed_words)
        # a reading limited to some trigger words: "X's fight against Y" is a stance, "X's disagreements with Y" a dispute
        limited = self.res.relations.person_reading_words.get(prop)
        in_scope = limited is None or word_in(anchor, limited)
        if prop in person_reading and not armed and in_scope and (obj.via == "policy" or
                                                     self.cls(s) == "Person" and self.cls(o) != "Person"
                                                     or self.cls(s) == self.cls(o) == "Person" and (self._public(s) or grievance_after(anchor, self.words))
                                                     or self.cls(s) != "Person" and grievance_after(anchor, self.words, armed_ok=False)):
            prop = person_reading[prop]
        if not self.onto.admits(prop, self.cls(s), self.cls(o)):
            return None
        if f"{prop.lower()}|{anchor.lemma_.lower()}" in self.words.post_not_place_triggers and self.is_a(o, "Place"):
            return None  # "served in Iraq": a tour of duty there (visited), no employer
        if prop.lower() in self.words.interview_properties and (self.is_outlet(s) or self.is_outlet(o)):
            return None  # "X spoke with The Times": an interview, no meeting
        if prop.lower() in self.words.interview_properties and word_in(anchor, self.words.speaking_verbs) \
                and (self._an_audience(s) or self._an_audience(o)):
            return None  # "speaking to Parliament": an address, no meeting
        if prop == "locatedIn" and (lies_on_water(self.res, self.cls(s), self.entity(o).name)
                                    or region_known_elsewhere(self.res, s, o)) \
                or prop == "visited" and home_ground(self.res, s, o):
            return None
        return Reading(prop, subj, obj, rule, anchor.i, modality, status)


def word_in(tok: Token, words: frozenset[str]) -> bool:
    """Is the token, as written or by its lemma, one of ``words`` (lists hold both "forces" and "troop")?"""
    return tok.lower_ in words or tok.lemma_.lower() in words


def dedupe(args: list[Arg]) -> list[Arg]:
    """One argument per entity (the best factor), in the order of first appearance."""
    best: dict[str, Arg] = {}
    order: list[str] = []
    for a in args:
        if a.key not in best:
            order.append(a.key)
            best[a.key] = a
        elif a.factor > best[a.key].factor:
            best[a.key] = a
    return [best[k] for k in order]
