"""Relations: patterns over the dependency parse, driven by the trigger lexicon.

Every trigger in ``ontologies/lexicon/relations.toml`` belongs to an ontology property; the rules
below are generic and know no property by name, except the role rules, which read the
``worksFor``/``leaderOf`` role lists to recognise job titles (a title is also recorded as the
person's ``schema:jobTitle``).  Candidates are filtered by the property's domain and range.

Rules (``rule`` ids in the provenance) and their confidence factors (multiplied with the
property's base confidence from the lexicon, then capped at 0.99):

=====================  ====  ===============================================================
verb-svo               1.00  subject -verb-> direct object ("A deters B")
verb-prep              1.00  subject -verb prep-> object ("A met with B")
verb-passive           0.95  object was VERBed by subject
verb-xcomp             0.85  object found in a complement clause ("threatened to act on B")
collective             0.90  coordinated or plural subject of a collective verb ("A and B agreed")
noun-prep              0.90  nominalisation ("A's talks with B", "A held talks with B")
noun-between           0.90  "alliance between A and B"
inverse-noun           0.85  "Z drew opposition from A" -> A opposes owner of Z
role-title             1.00  "<org/country> <title> <Person>" -> worksFor / leaderOf
role-apposition        0.95  "B, a key A ally", "X, chairman of Y"
role-copula            0.90  "B is our partner", "called B a partner"
role-appointment       0.90  "made X president of Y", "named X chief executive of Y"
title-default          0.60  "President X" without an explicit country: nearest country
compound-pair          0.85  "the A-B alliance"
hyphen-adjective       0.90  "A-backed B", "B-based A" (direction from the ontology)
name-structure         0.80  "<X> Forces <Place>" -> unit locatedIn Place
place-apposition       0.85  "City, Country" and datelines "CITY, Country --"
place-of               0.85  "the <demonym> city of X" -> X locatedIn country
possessive-place       0.70  "Place's Org" -> basedIn, "Country's Place" -> locatedIn
person-of-place        0.60  "X of Place" (a person) -> livesIn
place-in               0.75  "X in Y" between places -> locatedIn
person-of-org          0.75  "X of Acme", "X at Acme" (a person without a title) -> worksFor
org-of-place           0.75  "Acme Inc. of Riverton" -> basedIn
org-apposition         0.85  "Acme, a Riverton construction firm" -> basedIn
home-of                0.85  "X's Riverton home", "X's hometown of Riverton" -> livesIn
source-line            0.95  "Riverton RADIO RIVERTON in Ruritanian 1700 GMT" -> outlet basedIn city
chain                  p*q   an owl:propertyChainAxiom of newskg.ttl over two asserted facts of one
                             sentence (kg.extract.infer): the product of their confidences
learned                p     a pair classifier trained on CoNLL04 train (docs/learned-relations.md);
                             its calibrated probability, emitted only above per-property thresholds
=====================  ====  ===============================================================

Factors for the arguments: an argument reached through coreference x0.9, through a demonym or
conduct noun ("<demonym> aggression") x0.9, through subject climbing x0.9 per clause.

Modality: a relation under negation ("not", "never", "no talks", "denied meeting") is
``negated``; under a modal (may, might, could, would, should), a hedging verb (consider, plan to,
hope, seek, ...), or a condition ("if") it is ``hedged``.  Neither is asserted as a plain triple.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from itertools import combinations

from spacy.tokens import Doc, Span, Token

from kg.extract.infer import apply_chains, drop_yielding
from kg.extract.mentions.find import Mention, normalise
from kg.model import Entity, Evidence, Relation
from kg.nlp.text import dateline_word
from kg.extract.resolve.document import Resolution
from kg.resources import Resources, Trigger

log = logging.getLogger(__name__)

__all__ = ["extract_relations", "RULE_FACTORS"]

RULE_FACTORS = {
    "verb-svo": 1.0, "verb-prep": 1.0, "verb-passive": 0.95, "verb-xcomp": 0.85, "collective": 0.9,
    "noun-prep": 0.9, "noun-between": 0.9, "inverse-noun": 0.85, "role-title": 1.0,
    "role-apposition": 0.95, "role-copula": 0.9, "role-appointment": 0.9, "title-default": 0.6, "compound-pair": 0.85,
    "hyphen-adjective": 0.9, "name-structure": 0.8, "place-apposition": 0.85, "place-of": 0.85,
    "possessive-place": 0.7, "person-of-place": 0.6, "place-in": 0.75, "person-of-org": 0.75,
    "org-of-place": 0.75, "org-apposition": 0.85, "home-of": 0.85, "source-line": 0.95,
}
_SUBJ = ("nsubj", "nsubjpass", "csubj")
_CLIMB = ("xcomp", "ccomp", "advcl", "pcomp", "prep", "conj", "acl", "relcl", "dobj", "pobj", "attr",
          "oprd", "acomp", "amod", "npadvmod", "appos")
_ROLE_PREPS = ("of", "for", "at", "with", "in")


@dataclass(frozen=True, slots=True)
class Arg:
    key: str
    factor: float = 1.0


class _Ctx:
    """Per-document state shared by the rules."""

    def __init__(self, doc: Doc, mentions: list[Mention], r: Resolution, res: Resources, doc_id: str):
        self.doc, self.mentions, self.r, self.res, self.doc_id = doc, mentions, r, res, doc_id
        self.onto = res.ontology
        self.words = res.relations.words
        self.ewords = res.entities.words
        self.out: list[Relation] = []
        self.titles: dict[str, set[str]] = {}
        self.affiliation: dict[str, str] = {}  # person key -> country/org key (from titles)
        lex = res.relations
        self.verbs = lex.by_lemma("verbs")
        self.inverse_verbs = lex.by_lemma("inverse_verbs")
        self.collective = lex.by_lemma("collective_verbs")
        self.nouns = lex.by_lemma("nouns")
        self.inverse = lex.by_lemma("inverse_nouns")
        self.roles = lex.by_lemma("roles")
        self.compounds = lex.by_lemma("compounds")
        self.hyphen = lex.by_lemma("hyphen_adjectives")
        self.role_props: dict[str, str] = {}
        for lemma, trigs in self.roles.items():
            # leaderOf beats worksFor when a role is listed under both
            trigs_sorted = sorted(trigs, key=lambda t: (t.prop != "leaderOf", t.prop))
            self.role_props[lemma] = trigs_sorted[0].prop

    # -- entities --------------------------------------------------------------------------
    def cls(self, key: str) -> str:
        return self.r.entities[key].cls

    def ensure_entity(self, key: str) -> bool:
        if key in self.r.entities:
            return True
        entry = self.res.gazetteer.entries.get(key)
        if entry is None:
            return False
        self.r.entities[key] = Entity(key=key, cls=entry.cls, name=entry.name, mentions=0,
                                      docs={self.doc_id}, wikidata=entry.wikidata)
        return True

    def direct(self, tok: Token, *, conjuncts: bool = True, speakers: bool = True) -> list[Arg]:
        """Entities denoted by ``tok`` itself (mention, pronoun or description), with conjuncts."""
        out: list[Arg] = []
        for t in (tok, *(tok.conjuncts if conjuncts else ())):
            if t.i in self.r.token_keys:
                out.append(Arg(self.r.token_keys[t.i]))
            elif t.i in self.r.coref:
                out += [Arg(k, 0.9) for k in self.r.coref[t.i]]
            elif t.lower_ in self.ewords.speaker_pronouns:
                side = self.speaker_side(t) if speakers else None
                if side:
                    out.append(Arg(side, 0.85))
            elif t.pos_ == "NOUN":
                # "his counterpart Ana Lind", "the leader, Ana Lind": the named person
                if t.lemma_.lower() in self.roles or t.lower_ in self.roles:
                    out += [Arg(self.r.token_keys[c.i], 0.95) for c in t.children
                            if c.dep_ in ("appos", "compound") and c.i in self.r.token_keys
                            and self.cls(self.r.token_keys[c.i]) == "Person"]
                # "the province of X", "the city of X", "X province"
                elif t.lower_ in self.ewords.place_nouns:
                    out += [Arg(self.r.token_keys[p.i], 0.95) for c in t.children
                            if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                            if p.dep_ == "pobj" and p.i in self.r.token_keys]
                    out += [Arg(self.r.token_keys[c.i], 0.95) for c in t.children
                            if c.dep_ == "compound" and c.i in self.r.token_keys
                            and self.cls(self.r.token_keys[c.i]) in ("Place", "City")]
        return _dedupe(out)

    def deep(self, tok: Token, depth: int = 0, owners: bool = True) -> list[Arg]:
        """Entities an argument token stands for, looking through appositions, 'of'-phrases,
        'such as' lists, gerunds and conduct nouns ("<demonym> aggression")."""
        got = self.direct(tok)
        if got or depth > 3:
            return got
        out: list[Arg] = []
        for t in (tok, *tok.conjuncts):
            if t.i in self.r.token_keys or t.i in self.r.coref:
                out += self.direct(t)
                continue
            kids = list(t.children)
            for c in kids:
                if c.dep_ == "appos":
                    out += self.deep(c, depth + 1)
            role_noun = t.pos_ == "NOUN" and (t.lemma_.lower() in self.roles or t.lower_ in self.roles) or (
                t.pos_ == "PROPN" and t.lower_ in self.res.title_words)  # "the Archbishop of X backed": not X
            if not out and t.lemma_.lower() not in self.words.opaque_nouns:
                for c in kids:
                    if c.dep_ == "prep" and c.lower_ in ("of", "as", "including", "like") \
                            and not (role_noun and c.lower_ == "of"):  # "the director of X accused Y": not X
                        for p in c.children:
                            if p.dep_ == "pobj" and p.pos_ != "VERB":
                                out += [Arg(a.key, a.factor * 0.95) for a in self.deep(p, depth + 1)]
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
                        and self.cls(keys[c.i]) in ("Organization", "Group", "GovernmentBody", "MilitaryUnit")]
            if not out and owners and depth == 0 and t.pos_ == "NOUN" and not role_noun \
                    and t.lemma_.lower() not in self.words.opaque_nouns:
                # "attacked Ruritania's power grid", "backed Ruritania's bid": the owner
                out += [Arg(a.key, a.factor * 0.85) for c in kids if c.dep_ == "poss" for a in self.direct(c)
                        if self.onto.is_a(self.cls(a.key), "Agent") or self.cls(a.key) in ("Place", "City")]
            if not out and t.lower_ in self.res.entities.head_classes:  # "XY-12 missiles"
                out += [Arg(a.key, a.factor * 0.95) for c in kids if c.dep_ in ("compound", "nmod")
                        for a in self.direct(c) if self.cls(a.key) in ("WeaponSystem", "Product")]
            if not out and t.lemma_.lower() in self.words.conduct_nouns:
                mods = [c for c in kids if c.dep_ in ("amod", "compound", "poss", "nmod")]
                agents = [self.owner_country(a) for c in mods for a in self.direct(c)
                          if self.onto.is_a(self.cls(a.key), "Agent")]
                countries = [a for a in agents if self.cls(a.key) == "Country"]
                out += [Arg(a.key, a.factor * 0.9) for a in (countries or agents)]
        return _dedupe(out)

    def owner_country(self, arg: Arg) -> Arg:
        """A state body stands for its country in conduct phrases ("<demonym> military aggression")."""
        entry = self.res.gazetteer.entries.get(arg.key)
        if entry is not None and entry.country and self.ensure_entity(entry.country):
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
                            k = keys[0]
                            return self.affiliation.get(k, k)
        return None

    # -- clause structure ------------------------------------------------------------------
    def subjects(self, verb: Token) -> tuple[list[Arg], bool]:
        """Agents of ``verb``: its subject, or the subject of the clause it depends on."""
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        if passive:
            for c in verb.children:
                if c.dep_ == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return self.deep(p), True
            return [], True
        factor = 1.0
        t = verb
        for _ in range(6):
            for c in t.children:
                if c.dep_ in ("nsubj", "nsubjpass") and not _is_dateline(c):
                    if c.lower_ in ("who", "that", "which") and t.dep_ == "relcl":
                        got = self.direct(t.head, conjuncts=False) or self.deep(t.head)
                    else:
                        got = self.deep(c)
                    return [Arg(a.key, a.factor * factor) for a in got], False
            if t.head.i == t.i or t.dep_ not in _CLIMB:
                break
            if t.dep_ in ("acl", "relcl") and t.head.pos_ in ("NOUN", "PROPN"):
                got = self.direct(t.head)
                if got:
                    return [Arg(a.key, a.factor * factor) for a in got], False
                if t.head.dep_ == "appos":  # "Sirhan, the man convicted of killing X": Sirhan
                    got = self.direct(t.head.head)
                    if got:
                        return [Arg(a.key, a.factor * factor) for a in got], False
                if t.tag_ in ("VBN", "VBG"):
                    break  # "wed the man convicted of killing X": the man did it, not the bride
                    # (an infinitive climbs on: "X is obliged under a law to provide Y with arms")
            if t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.lower_ == "with":
                break  # "with fighting corruption and joining the EU the main themes": a topic, nobody's act
            if t.dep_ == "pcomp" and t.head.dep_ == "prep":
                pair = self.role_pair(t.head.head)
                if pair:
                    return [Arg(a.key, a.factor * factor * 0.9) for a in pair], False
                if t.tag_ == "VBG" and t.head.head.pos_ in ("NOUN", "PROPN"):
                    break  # "the link between arriving in B and ...": a gerund about anyone
            if t.dep_ == "xcomp":
                # object control: "urged X to visit", "called on X to resign": X is the agent
                for c in t.head.children:
                    if c.i < t.i and c.dep_ == "dobj":
                        return [Arg(a.key, a.factor * factor) for a in self.deep(c)], False
                    if c.i < t.i and c.dep_ == "prep" and c.lower_ in ("on", "upon"):
                        objs = [p for p in c.children if p.dep_ == "pobj"]
                        if objs:
                            return [Arg(a.key, a.factor * factor) for a in self.deep(objs[0])], False
            t = t.head
            factor *= 0.9
        return [], False

    def role_pair(self, noun: Token) -> list[Arg]:
        """Both sides of an allyOf-like role noun ("B is our partner" -> B and us)."""
        got = self._roles_on(noun)
        return _dedupe([a for (_p, holder, obj, _r) in got for a in holder + obj]) if got else []

    def role_phrase(self, noun: Token) -> str:
        """The longest known role ending at ``noun``: "prime minister", not "minister"."""
        mods = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i
                and c.i not in self.r.token_keys]
        words = [c.lower_ for c in sorted(mods, key=lambda c: c.i)] + [noun.lower_]
        for n in range(len(words)):
            phrase = " ".join(words[n:])
            if phrase in self.roles:
                return phrase
        return noun.lemma_.lower() if noun.lemma_.lower() in self.roles else noun.lower_

    def _described_person(self, noun: Token) -> list[Arg]:
        """The person a list of descriptions is in apposition to, for a later item of the list:
        "X, a professor at A and honorary president of B" (the parser may hang "president" on A),
        "X, leader of A, vice-president of B".  Climbs at most four conj/appos/prep/pobj links (past
        the names of places and organisations) to a person noun in apposition to a person's name;
        [] when there is none."""
        nouns = self.res.person_nouns | frozenset(self.roles)
        h = noun.head
        for _ in range(4):
            if h.i == h.head.i or h.i in self.r.token_keys and self.cls(self.r.token_keys[h.i]) == "Person":
                return []  # the root, or another person's name first
            if h.dep_ == "appos" and h.pos_ == "NOUN" and h.lemma_.lower() in nouns:
                found = [a for a in self.direct(h.head) if self.cls(a.key) == "Person"]
                return [Arg(a.key, a.factor * 0.9) for a in found]
            if h.dep_ not in ("conj", "appos", "pobj", "prep"):
                return []
            h = h.head
        return []

    def _roles_on(self, noun: Token):
        trigs = self.roles.get(self.role_phrase(noun))
        if not trigs or noun.pos_ not in ("NOUN", "PROPN"):
            return []
        holder: list[Arg] = []
        rule = ""
        appointed: set[int] = set()
        if noun.tag_ in ("NNS", "NNPS") and noun.dep_ in ("appos", "conj"):
            return []  # "X, representatives of Y": the plural names other people
        if noun.i in self.r.coref and len(self.r.coref[noun.i]) > 1:
            return []  # "the leaders of the two biggest parties": who leads which is not said
        if noun.i in self.r.coref:  # "the <org> chief said": the person the description denotes
            holder, rule = [Arg(k, 0.9) for k in self.r.coref[noun.i]], "role-apposition"
        elif noun.dep_ == "appos":
            holder, rule = self.direct(noun.head), "role-apposition"
        elif noun.dep_ == "attr" and noun.head.lemma_ == "be":
            subj = [c for c in noun.head.children if c.dep_ == "nsubj"]
            holder, rule = (self.direct(subj[0]) if subj else []), "role-copula"
        elif noun.dep_ == "oprd" and any(c.dep_ == "dobj" for c in noun.head.children):
            obj = [c for c in noun.head.children if c.dep_ == "dobj"]
            holder, rule = self.direct(obj[0]), "role-copula"
        elif noun.dep_ in ("dobj", "oprd") and noun.head.lemma_.lower() in self.words.appointment_verbs:
            # "made X provisional president of Y": the parser hangs the name on the role
            names = [c for c in noun.children if c.dep_ in ("compound", "nmod") and c.i < noun.i
                     and c.i in self.r.token_keys and self.cls(self.r.token_keys[c.i]) == "Person"]
            if names:
                holder, rule = self.direct(names[0], conjuncts=False), "role-appointment"
                appointed = set(range(names[0].left_edge.i, names[0].i + 1))
        else:
            apps = [c for c in noun.children if c.dep_ == "appos"]
            if apps:
                holder, rule = self.direct(apps[0]), "role-apposition"
        if not holder and noun.dep_ in ("conj", "appos"):
            holder, rule = self._described_person(noun), "role-apposition"
        if not holder:
            return []
        objs: list[Arg] = []
        for c in noun.children:
            if c.dep_ in ("poss", "compound", "nmod", "amod") and c.i < noun.i and c.i not in appointed:
                nxt = self.doc[c.i + 1]
                if c.i in self.r.token_keys and nxt.i < noun.i and nxt.i not in self.r.token_keys \
                        and nxt.text[:1].isupper() and nxt.pos_ in ("PROPN", "ADJ") \
                        and nxt.lower_ not in self.res.title_words:
                    continue  # "Scottish Conservative leader": the owner's name is cut; do not guess
                objs += self.direct(c)
        party_noun = any(c.dep_ == "poss" and c.lemma_.lower() in self.words.party_nouns
                         for c in noun.children)
        objs, in_arena = _party_arena(self, objs, party_noun)
        modified = bool(objs) or of_state(noun) or in_arena  # "Secretary of State for Culture": a brief
        for c in noun.children:
            # "<Party> leader in the <House>": with an owner before the role, "in"/"with" say where
            # and "for" the brief ("the <Party> spokesman for the <Office>")
            if c.dep_ == "prep" and c.lower_ in _ROLE_PREPS and not (modified and c.lower_ in ("in", "with", "for")):
                for p in c.children:
                    if p.dep_ == "pobj":
                        objs += self.direct(p)
        non_state = self.words.non_state_leaders
        if any(c.lower_ in non_state for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i):
            objs = [o for o in objs if self.cls(o.key) != "Country"]  # "Ruritania's insurgent leader X"
        if not objs and noun.dep_ == "oprd":  # "A called B a partner": A's side
            subj = [c for c in noun.head.children if c.dep_ == "nsubj"]
            if subj:
                objs = [Arg(self.affiliation.get(a.key, a.key), a.factor * 0.9) for a in self.direct(subj[0])]
        # "EU foreign policy chief X": another noun before the role names a part of the owner he
        # heads; he holds a post in the owner, he does not lead it (as for a title, _titles)
        phrase = set(self.role_phrase(noun).split())
        part = any(c.dep_ in ("compound", "amod") and c.i < noun.i and c.i not in self.r.token_keys
                   and c.pos_ in ("NOUN", "PROPN") and c.lower_ not in phrase and c.lower_ not in self.res.title_words
                   for c in noun.children)
        # "Labour's head of elections strategy X": "of" + a common noun names the part he heads
        whole = self.words.role_whole_nouns  # "head of state" is the whole
        part = part or any(c.dep_ == "prep" and c.lower_ == "of" and p.dep_ == "pobj" and p.pos_ == "NOUN"
                           and p.i not in self.r.token_keys and p.i not in self.r.coref and p.lower_ not in whole
                           for c in noun.children for p in c.children)
        out = []
        for t in trigs:
            prop = "worksFor" if (part or in_arena) and t.prop == "leaderOf" else t.prop
            out.append((prop, holder, _dedupe(objs), rule))
        return out

    # -- modality --------------------------------------------------------------------------
    def modality(self, tok: Token) -> str:
        w = self.words
        neg_words, hedges, negators = w.negation_words, w.hedges, w.negators
        hedge_modals = w.hedge_modals
        reporting = w.reporting
        future = w.future_markers
        hedge_nouns = w.hedge_nouns
        if tok.tag_ == "VBG" and tok.lemma_.lower() in w.en_route_verbs \
                and any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children):
            return "hedged"  # "X is heading to Y": on the way, not there
        t = tok
        came_from: Token | None = None
        subject_noun = tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass")
        for step in range(1 if subject_noun else 6):  # "an alliance of A and B will act": the alliance is
            for c in t.children:
                if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no" and step == 0):
                    return "negated"
                if c.dep_ == "aux" and c.lower_ in hedge_modals:
                    return "hedged"
                if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                    return "hedged"
                if c.dep_ == "advmod" and c.lower_ in hedges:
                    return "hedged"
            if future and t.tag_ in ("VBZ", "VBP", "VBG") and _future_time(t, future):
                return "hedged"  # "X visits Y next week": planned, not done
            if came_from is not None and t.pos_ == "NOUN" and came_from.dep_ in ("acl", "ccomp") \
                    and t.lemma_.lower() in hedge_nouns:
                return "hedged"  # "a plot to kill X", "a report that A had agreed with B"
            if came_from is not None and t.lemma_ == "be" and came_from.dep_ == "xcomp" \
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in came_from.children):
                return "hedged"  # "X is to launch Y": planned
            if came_from is not None and t.pos_ in ("VERB", "AUX"):
                lemma = t.lemma_.lower()
                if came_from.dep_ == "xcomp" and any(f"{lemma} {c.lower_}" in hedges for c in t.children
                                                     if c.dep_ in ("prep", "prt") and c.i < came_from.i):
                    return "hedged"  # "called on X to act": asked for, not done
                if came_from.dep_ == "prep" and f"{lemma} {came_from.lower_}" in hedges:
                    return "hedged"  # "X set for visit to Y": planned
                if lemma in reporting:
                    break
                # only a verb whose complement we came from ("refused to meet", "consider making")
                if came_from.dep_ in ("xcomp", "ccomp", "dobj", "pcomp") or (
                        came_from.dep_ == "prep" and came_from.lower_ in ("of", "about", "with")):
                    if lemma in negators:
                        return "negated"
                    if lemma in hedges:
                        return "hedged"
            if t.pos_ == "ADJ" and t.lower_ in hedges and step > 0:
                return "hedged"
            if t.dep_ == "relcl" and t.head.lemma_.lower() in hedge_nouns and any(c.dep_ == "mark" for c in t.children):
                return "hedged"  # "a report that A had agreed with B" (a content clause parsed as relative)
            if t.head.i == t.i or t.dep_ in ("relcl", "appos"):
                break  # a relative clause or an apposition has its own modality ("X, who met Y, may resign")
            came_from, t = t, t.head
        for c in tok.children:
            if c.dep_ == "amod" and c.lower_ in hedges:
                return "hedged"
            if c.dep_ == "compound" and c.pos_ == "VERB" and c.lemma_.lower() in hedges:
                return "hedged"  # a title-case headline "A Urges Sanctions on B": parsed as a compound
        return "asserted"

    # -- output ----------------------------------------------------------------------------
    def emit(self, prop: str, subj: Arg, obj: Arg, rule: str, anchor: Token, modality: str | None = None) -> bool:
        s, o = subj.key, obj.key
        if s == o or prop not in self.onto.properties:
            return False
        if not (self.ensure_entity(s) and self.ensure_entity(o)):
            return False
        if prop in self.res.relations.person_reading and self.cls(s) == "Person" and self.cls(o) != "Person":
            prop = self.res.relations.person_reading[prop]  # "X attacked the party's plans": criticized
        if not self.onto.admits(prop, self.cls(s), self.cls(o)):
            return False
        if prop == "locatedIn" and (lies_on_water(self.res, self.cls(s), self.r.entities[o].name)
                                    or _region_known_elsewhere(self.res, s, o)):
            return False
        base = self.res.relations.confidence.get(prop, 0.7)
        conf = round(min(0.99, base * RULE_FACTORS.get(rule, 0.8) * subj.factor * obj.factor), 3)
        sent: Span = anchor.sent
        ev = Evidence(
            doc_id=self.doc_id, sentence=sent.text.strip(), start=sent.start_char,
            end=sent.start_char + len(sent.text.rstrip()), rule=rule, confidence=conf,
            modality=modality or self.modality(anchor),
        )
        self.out.append(Relation(s, prop, o, ev))
        return True


def _region_known_elsewhere(res: Resources, region: str, place: str) -> bool:
    """A gazetteer region of a country lies in that country only: not in another country, not in a
    town, and not in a sibling region ("Trade barbs in Fla., Ohio" lists two states)."""
    entry = res.gazetteer.entries.get(region)
    other = res.gazetteer.entries.get(place)
    if entry is None or entry.cls != "Place" or entry.country is None or other is None:
        return False
    if other.cls == "Country":
        return other.id != entry.country
    return other.cls == "City" or (other.cls == "Place" and other.country == entry.country)


def lies_on_water(res: Resources, subject_cls: str, object_name: str) -> bool:
    """Is ``object_name`` a body of water that a town can lie on but not in ("the Red Sea city of
    X")?  An island state does lie in an ocean ("Madagascar, an island nation in the Indian Ocean")."""
    words = object_name.split()
    return subject_cls == "City" and bool(words) \
        and words[-1].lower() in res.entities.words.water_heads


def _dedupe(args: list[Arg]) -> list[Arg]:
    best: dict[str, Arg] = {}
    for a in args:
        if a.key not in best or a.factor > best[a.key].factor:
            best[a.key] = a
    return [best[k] for k in sorted(best, key=lambda k: [x.key for x in args].index(k))]


def _verb_matches(tok: Token, trig: Trigger) -> bool:
    words = trig.lemma.split()
    if tok.lemma_.lower() != words[0]:
        return False
    if len(words) == 1:
        return True
    rest = set(words[1:])
    kids = {c.lemma_.lower() for c in tok.children if c.dep_ in ("prt", "dobj", "advmod", "prep", "attr")}
    return rest <= kids


def _possessor(ctx: _Ctx, tok: Token) -> bool:
    """The name ``tok`` belongs to is followed by a possessive marker: the noun phrase is about a
    thing of it, however the parser hung it ("launching the Acme Council's plan": the plan)."""
    n = ctx.r.mention_at.get(tok.i)
    end = ctx.mentions[n].end if n is not None else tok.i + 1
    return end < len(ctx.doc) and ctx.doc[end].tag_ == "POS"


def _fronted(pobj: Token, verb: Token) -> bool:
    """The object of a phrase put before the verb's subject ("At the X and Y airports, Acme launched
    a review"): a scene-setting adverbial, not the verb's argument.  A relative pronoun ("to which
    X sold arms") is no scene."""
    prep = pobj.head
    return prep.i < verb.i and pobj.tag_ not in ("WDT", "WP") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i > prep.i for c in verb.children)


def _prep_objects(head: Token, prep: str) -> list[Token]:
    out = []
    for c in head.children:
        if c.dep_ in ("prep", "dative") and c.lower_ == prep:
            out += [p for p in c.children if p.dep_ == "pobj"]
        if c.dep_ == "prep" and c.lower_ == "up" and prep == "up":
            out.append(c)
    return out


# --------------------------------------------------------------------------------------------
# rules
# --------------------------------------------------------------------------------------------
def _titles(ctx: _Ctx) -> None:
    """Job titles before a person's name: "<Country/Org>('s) <Title words> <Person>"."""
    doc, r = ctx.doc, ctx.r
    for m, key in zip(ctx.mentions, r.mention_keys):
        if not key or ctx.cls(key) != "Person":
            continue
        head = doc[m.start:m.end].root
        # tokens immediately before the name, inside the same noun phrase
        i = m.start - 1
        title_toks: list[Token] = []
        owners: list[Arg] = []
        while i >= 0:
            t = doc[i]
            if t.is_punct and t.text not in ("'s", "’s", "-"):
                break
            if t.text in ("'s", "’s"):
                i -= 1
                continue
            if t.lower_ in ("of", "for") and title_toks and i > 0 and doc[i - 1].pos_ in ("PROPN", "NOUN"):
                title_toks.insert(0, t)  # "Secretary of State", "Minister for Europe"
                i -= 1
                continue
            if not (m.start - 10 <= t.head.i < m.end) or t.head.i == t.i:
                break  # the title is part of the name's noun phrase
            if t.i in r.token_keys and r.token_keys[t.i] != key:
                # the walk meets every owner of the title; a conjunct outside it is not one
                # ("... Morgan in Riverton and Ruritania Minister X": not Riverton's minister)
                owners = ctx.direct(t, conjuncts=False) + owners
            elif t.pos_ in ("PROPN", "NOUN", "ADJ") or t.lower_ in ("vice", "prime", "deputy", "foreign", "chief"):
                if not owners:
                    title_toks.insert(0, t)
                else:
                    break
            else:
                break
            i -= 1
        if not title_toks:
            continue
        if owners and i >= 0 and doc[i].pos_ in ("PROPN", "ADJ") and doc[i].text[:1].isupper() \
                and doc[i].i not in r.token_keys and r.token_keys.get(doc[i].head.i) == owners[0].key:
            owners = owners[1:]  # "Liberal Democrat chairman X": the owner's name is cut; do not guess
        first = title_toks[0]
        if owners and first.pos_ in ("PROPN", "ADJ") and first.text[:1].isupper() \
                and first.lower_ not in ctx.res.title_words:
            owners = []  # "Jewish Chronicle editor X": a name word the NER left out; the owner is not "Jewish"
        while title_toks and title_toks[0].lower_ in ("of", "for"):
            title_toks.pop(0)
        words = [t.lower_ for t in title_toks]
        if set(words) & ctx.words.non_state_leaders:
            owners = [o for o in owners if ctx.cls(o.key) != "Country"]  # "Ruritanian rebel leader X"
        prop, role = _role_of(ctx, words)
        if prop is None and words[-1] in ctx.words.occupations and not any(
                doc[j].lower_ in ctx.words.past_markers for j in range(max(0, i), m.start)):
            # "the Ruritanian novelist X", "Riverton businessman X": where X lives or comes from
            for o in owners:
                if ctx.cls(o.key) in ("Country", "City", "Place"):
                    ctx.emit("livesIn", Arg(key), Arg(o.key, o.factor * 0.9), "role-title", doc[m.start], "asserted")
            continue
        if prop not in ("worksFor", "leaderOf"):
            continue
        n_role = len(role.split())
        past = ctx.words.past_markers
        lo = i - 1 if i > 0 and doc[i].text == "-" else i  # "Ex-Labour MP X"
        former = any(doc[j].lower_ in past for j in range(max(0, lo), m.start))
        title_toks = [t for t in title_toks if t.lower_ not in ctx.words.past_markers]
        title = " ".join(t.text for t in title_toks)
        ctx.titles.setdefault(key, set()).add(title)
        extra = [t for t in title_toks[: max(0, len(title_toks) - len(role.split()))]
                 if t.pos_ in ("NOUN", "PROPN") and t.lower_ not in ctx.res.title_words]
        if prop == "leaderOf" and extra:
            prop = "worksFor"  # "<Org> foreign policy chief X", "<Senate> majority leader X": a post, not the head
        if former:
            continue  # "former minister X": no current post
        anchor = doc[m.start]
        # "President X of Ruritania"
        owners += [a for p in _prep_objects(doc[m.end - 1], "of") for a in ctx.direct(p)]
        owners, in_arena = _party_arena(ctx, owners, False)
        if in_arena and prop == "leaderOf":
            prop = "worksFor"  # "the <Party>'s <House> leader X": leads its group there, not the party
        done = False
        for o in owners:
            if ctx.cls(o.key) == "City":  # "<City> union leader X": X lives there
                ctx.emit("livesIn", Arg(key), Arg(o.key, 0.85), "role-title", anchor, "asserted")
                continue
            p = _leader_or_member(ctx, prop, role, o.key)
            if ctx.emit(p, Arg(key), o, "role-title", anchor, "asserted"):
                ctx.affiliation.setdefault(key, o.key)
                done = True
        if not done and prop == "leaderOf" and role in ctx.words.default_country_titles:
            country = _nearest_country(ctx, anchor)
            if country and ctx.emit(prop, Arg(key), Arg(country, 1.0), "title-default", anchor, "asserted"):
                ctx.affiliation.setdefault(key, country)


def _party_arena(ctx: _Ctx, owners: list[Arg], party_noun: bool) -> tuple[list[Arg], bool]:
    """A party's title names the body where it is held or the brief, not an employer: "the <Party>'s
    <House> leader X", "the party's <Office> spokesman X".  With a party among the owners (or the
    word "party" as one, ``party_noun``), the institutions after it go; returns (owners, whether any
    went).  ``owners`` are in the order of the text."""
    first = 0 if party_noun else next((n for n, o in enumerate(owners) if ctx.cls(o.key) == "Group"), None)
    if first is None:
        return owners, False
    # the party comes first ("CHP (Republican People's Party) leader X" leads the CHP)
    kept = owners[:first] + [o for o in owners[first:] if ctx.cls(o.key) in ("Group", "Country")]
    return kept, len(kept) < len(owners)


def of_state(noun: Token) -> bool:
    """"Secretary of State", "Minister of State": a title whose "for X" names the brief."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(p.lower_ == "state" for p in c.children)
               for c in noun.children)


def _is_dateline(tok: Token) -> bool:
    """The all-capitals place that opens a news item ("KABUL, Afghanistan --", "ABUJA  The ..."):
    it says where the story was filed, it is no argument of the sentence's verbs."""
    return tok.i == tok.sent.start and dateline_word(tok)


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


def _role_of(ctx: _Ctx, words: list[str]) -> tuple[str | None, str]:
    """The property and role phrase of a title: the longest known role at the end of it."""
    for n in range(len(words)):
        phrase = " ".join(words[n:])
        if phrase in ctx.role_props:
            return ctx.role_props[phrase], phrase
    return None, ""


def _leader_or_member(ctx: _Ctx, prop: str, role: str, owner: str) -> str:
    """The property a role gives over its owner.

    An elected representative of a party or movement (Group: "Tory MP X") is its member: memberOf.
    Over a country: leaderOf only for heads of state/government ("director general" of a country
    is a post in its government: worksFor); worksFor only for posts in a state; any other role
    ("the <nationality> economist") says where the person is from: livesIn.
    """
    if ctx.cls(owner) == "Group" and role.split()[-1:] and \
            role.split()[-1] in ctx.words.representative_roles:
        return "memberOf"  # "Tory MP X", "a Labour mayor": the party's member, not its employee nor head
    if ctx.cls(owner) == "Country":
        head = role.split()[-1] if role else role
        state = ctx.words.state_roles | ctx.words.head_of_state
        if role not in state and head not in state:
            return "livesIn"
        if prop == "leaderOf" and role not in ctx.words.head_of_state:
            return "worksFor"
        if prop == "leaderOf" and f"{role}|{owner}" in ctx.words.ministers_by_country:
            return "worksFor"  # "UK Chancellor X": in that country the title names a minister
    if prop == "leaderOf" and ctx.cls(owner) == "Group" and role in ctx.words.party_officers:
        return "worksFor"  # "Labour chairman X": a party's chairman runs its office, its leader leads it
    return prop


def _seat_known_elsewhere(ctx: _Ctx, org: str, place: str) -> bool:
    """A gazetteer organisation with no country of its own is international ("Ruritania's EU
    membership"), and one with a country is not based in another: a place that merely modifies
    its name is then the organisation's subject matter, not its seat."""
    entry = ctx.res.gazetteer.entries.get(org)
    if entry is None or not ctx.onto.is_a(entry.cls, "Organization"):
        return False
    return entry.country is None or (ctx.cls(place) == "Country" and entry.country != place)


def _nearest_country(ctx: _Ctx, tok: Token) -> str | None:
    """The closest country named before a head-of-state title in its sentence (12 tokens at most)."""
    for t in reversed(tok.sent[: tok.i - tok.sent.start]):
        if tok.i - t.i > 12 or t.text in (",", ";", ":", "(", "--", "—"):
            break  # another clause: "a vote on the Ruritanian budget, President X said"
        k = ctx.r.token_keys.get(t.i)
        n = ctx.r.mention_at.get(t.i)
        m = ctx.mentions[n] if n is not None else None
        root = ctx.doc[m.start:m.end].root if m is not None else t
        if k and ctx.cls(k) == "Country" and not (m is not None and m.role == "demonym") \
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


def _verbs(ctx: _Ctx, tok: Token) -> None:
    lemma = tok.lemma_.lower()
    for trig in [*ctx.verbs.get(lemma, ()), *ctx.inverse_verbs.get(lemma, ())]:
        if not _verb_matches(tok, trig):
            continue
        theme = ctx.res.relations.themes.get(trig.prop)
        if theme and not _has_theme(tok, theme):
            continue
        if trig.prep and trig.prop in ctx.res.relations.intransitive and any(c.dep_ == "dobj" for c in tok.children):
            continue  # "X returned the cars to Y": the cars went there, not X
        subs, passive = ctx.subjects(tok)
        objs: list[Arg] = []
        rule = "verb-prep" if trig.prep else "verb-svo"
        if passive and trig.prep and trig.prep != "by":
            # "X was born in Y", "troops were stationed in Y": the passive subject is the subject
            subs = [a for c in tok.children if c.dep_ == "nsubjpass" for a in ctx.deep(c)]
            if not subs:
                subs, _ = ctx.subjects(tok.head) if tok.dep_ in ("acl", "relcl", "conj") and tok.head.pos_ == "VERB" else ([], False)
                if tok.dep_ in ("acl", "relcl") and not subs:
                    subs = ctx.direct(tok.head)
            objs = [a for p in _prep_objects(tok, trig.prep) for a in ctx.deep(p)]
        elif passive and not trig.prep:
            objs = [a for c in tok.children if c.dep_ == "nsubjpass" for a in ctx.deep(c)]
            if not objs and tok.dep_ == "relcl" and any(
                    c.dep_ == "nsubjpass" and c.lower_ in ("who", "that", "which") for c in tok.children):
                objs = ctx.direct(tok.head, conjuncts=False)  # "X, who was shot by Y": X
            rule = "verb-passive"
        elif trig.prep:
            objs = [a for p in _prep_objects(tok, trig.prep) if not _fronted(p, tok) for a in ctx.deep(p)]
        else:
            # "headed X's preparations", "runs X's campaign": no leader of X (the owner look-through
            # is for acts on a thing: "attacked X's power grid")
            owners = trig.prop.lower() not in ctx.words.no_owner_objects
            objs = [a for c in tok.children if c.dep_ in ("dobj", "dative")
                    and (owners or not _possessor(ctx, c)) for a in ctx.deep(c, owners=owners)]
            if not objs:  # a name misparsed as a preposition or modifier ("producing XY-12 missiles")
                objs = [a for c in tok.children if c.dep_ in ("prep", "npadvmod", "advmod") and c.i > tok.i
                        and c.i in ctx.r.token_keys for a in ctx.direct(c)]
            if not objs and not any(c.dep_ == "dobj" for c in tok.children):
                same = {t.lemma.split()[0] for t in ctx.res.relations.triggers["verbs"] if t.prop == trig.prop}
                for conj in tok.conjuncts:  # "develop and produce X": a shared object
                    if conj.i > tok.i and conj.lemma_.lower() in same:
                        objs = [a for c in conj.children if c.dep_ == "dobj" for a in ctx.deep(c)]
                        if objs:
                            break
        if trig.prep in ("in", "at", "inside", "near") and not objs and tok.dep_ == "relcl" and any(
                c.dep_ == "advmod" and c.lower_ == "where" for c in tok.children):
            objs = [a for a in ctx.direct(tok.head, conjuncts=False)  # "Riverton, where X was born"
                    if ctx.onto.is_a(ctx.cls(a.key), "Place")]  # "the university, where he met X": no;
            # nor "Ruritania, where he met with X": "where" stands for "in", not for "with"
        if not objs and not trig.prep:
            for x in tok.children:
                if x.dep_ == "xcomp":
                    for c in x.children:
                        if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("on", "against", "to", "with")):
                            targets = [c] if c.dep_ == "dobj" else [p for p in c.children if p.dep_ == "pobj"]
                            objs += [Arg(a.key, a.factor * 0.95) for p in targets for a in ctx.direct(p)]
                    if objs:
                        rule = "verb-xcomp"
        if trig.kind == "inverse_verbs":
            subs, objs = objs, subs  # "the party elected X": X was elected by the party
        for s in subs:
            for o in objs:
                ctx.emit(trig.prop, s, o, rule, tok)
    for trig in ctx.collective.get(lemma, ()):
        subs, _ = ctx.subjects(tok)
        has_with = any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
        if len(subs) >= 2 and not has_with:
            for a, b in combinations(subs, 2):
                ctx.emit(trig.prop, a, b, "collective", tok)


def _has_theme(tok: Token, theme: frozenset[str]) -> bool:
    for t in tok.subtree:
        if abs(t.i - tok.i) > 12:
            continue
        if t.lemma_.lower() in theme or t.lower_ in theme:
            return True
    return False


def _nouns(ctx: _Ctx, tok: Token) -> None:
    lemma, low = tok.lemma_.lower(), tok.lower_
    trigs = ctx.nouns.get(low, []) + [t for t in ctx.nouns.get(lemma, []) if lemma != low]
    for trig in trigs:
        theme = ctx.res.relations.themes.get(trig.prop)
        if theme and not _has_theme(tok, theme):
            continue
        pobjs = _prep_objects(tok, trig.prep) if trig.prep else []
        if trig.prep == "between":
            members = [a for p in pobjs for a in ctx.direct(p)]
            for a, b in combinations(members, 2):
                ctx.emit(trig.prop, a, b, "noun-between", tok)
            continue
        objs = [a for p in pobjs for a in ctx.deep(p)]
        if not objs:
            continue
        subs = [a for c in tok.children if c.dep_ == "poss" for a in ctx.direct(c)]
        if not subs:
            subs = [a for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i
                    for a in ctx.direct(c)]
        if not subs:  # "the killing of X by Y": the agent of the nominalisation
            subs = [a for h in (tok, *pobjs) for p in _prep_objects(h, "by") for a in ctx.deep(p)]
        if not subs:
            gov, crossed = tok.head, {tok.head.lower_} if tok.dep_ == "pobj" else set()
            while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i and gov.dep_ in ("pobj", "prep", "dobj", "conj"):
                gov = gov.head
                crossed.add(gov.lower_)
            # "X warned against visits to Y", "X defied sanctions on Y": X is not the event's agent
            # "X declared that Y was winning during a visit to Z": whose visit (X's or Y's) is not said
            reported = gov.dep_ == "ccomp" and "during" in crossed \
                and gov.head.lemma_.lower() in ctx.words.reporting
            if gov.pos_ in ("VERB", "AUX") and "against" not in crossed and not reported \
                    and gov.lemma_.lower() not in ctx.words.stance_verbs:
                subs, _ = ctx.subjects(gov)
        for s in subs:
            for o in objs:
                ctx.emit(trig.prop, s, o, "noun-prep", tok)
    for trig in ctx.inverse.get(low, []) + [t for t in ctx.inverse.get(lemma, []) if lemma != low]:
        pobjs = _prep_objects(tok, trig.prep) or (_prep_objects(tok.head, trig.prep) if tok.dep_ == "dobj" else [])
        agents = [a for p in pobjs for a in ctx.direct(p)]
        if not agents:
            continue
        verb = tok.head if tok.dep_ == "dobj" else None
        targets: list[Arg] = []
        if verb is not None:
            for c in verb.children:
                if c.dep_ == "nsubj":
                    targets = ctx.direct(c) or [a for p in c.children if p.dep_ == "poss" for a in ctx.direct(p)]
        for a in agents:
            for t in targets:
                ctx.emit(trig.prop, a, t, "inverse-noun", tok)


def _roles(ctx: _Ctx, tok: Token) -> None:
    if any(c.lower_ in ctx.words.past_markers for c in tok.children if c.i < tok.i):
        return  # "a former minister"
    role = ctx.role_phrase(tok)
    for prop, holders, objs, rule in ctx._roles_on(tok):
        if prop in ("worksFor", "leaderOf") and rule == "role-copula" and not objs:
            continue
        for h in holders:
            for o in objs:
                p = _leader_or_member(ctx, prop, role, o.key) if prop in ("worksFor", "leaderOf") else prop
                if ctx.emit(p, h, o, rule, tok) and prop in ("worksFor", "leaderOf"):
                    ctx.titles.setdefault(h.key, set()).add(tok.text)
                    ctx.affiliation.setdefault(h.key, o.key)


def _counterparts(ctx: _Ctx, tok: Token) -> None:
    """"X's <demonym> counterpart Y": Y holds X's post in the other country."""
    if tok.lower_ not in ctx.words.counterpart_nouns:
        return
    others = [a for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i
              for a in ctx.direct(c) if ctx.cls(a.key) in ("Country", "Organization", "GovernmentBody")]
    named = [Arg(ctx.r.token_keys[c.i]) for c in (*tok.children, tok.head)
             if (c.dep_ in ("appos", "compound") or c.i == tok.head.i and tok.dep_ == "appos")
             and c.i in ctx.r.token_keys and ctx.cls(ctx.r.token_keys[c.i]) == "Person"]
    owner = [a for c in tok.children if c.dep_ == "poss" for a in ctx.direct(c) if ctx.cls(a.key) == "Person"]
    if not others or not named:
        return
    prop = "worksFor"
    if owner:
        for title in ctx.titles.get(owner[0].key, ()):
            p, role = _role_of(ctx, title.lower().split())
            if p == "leaderOf" and role in ctx.words.head_of_state:
                prop = "leaderOf"
    for person in named:
        for country in others:
            ctx.emit(prop, person, country, "role-apposition", tok)


def _compounds(ctx: _Ctx, tok: Token) -> None:
    trigs = ctx.compounds.get(tok.lemma_.lower()) or ctx.compounds.get(tok.lower_)
    if not trigs or tok.i in ctx.r.token_keys:
        return  # "the Ruritanian National Alliance": a name, no alliance between two parties
    owners = {t.i for c in tok.children if c.dep_ == "poss" for t in c.subtree}
    keys: list[Arg] = []
    for t in tok.subtree:
        if t.i >= tok.i:
            break
        if t.dep_ == "det" or t.i in owners:
            continue  # "Ruritania's A-B tension": the owner is not one of the pair
        keys += ctx.direct(t)
        if t.i not in ctx.r.token_keys and "-" in t.text:
            keys += _hyphen_parts(ctx, t.text)
    keys = [a for a in _dedupe(keys) if ctx.onto.is_a(ctx.cls(a.key), "Agent")]
    if len(keys) == 2:
        for trig in trigs:
            ctx.emit(trig.prop, keys[0], keys[1], "compound-pair", tok)


def _gaz_key(ctx: _Ctx, surface: str) -> str | None:
    gaz = ctx.res.gazetteer
    hits = gaz.lookup(surface)
    if hits:
        return hits[0].id
    return gaz.demonyms.get(surface)


def _hyphen_parts(ctx: _Ctx, text: str) -> list[Arg]:
    out = []
    for part in text.split("-"):
        k = _gaz_key(ctx, part)
        if k and ctx.ensure_entity(k):
            out.append(Arg(k, 0.95))
    return out


def _hyphens(ctx: _Ctx, tok: Token) -> None:
    doc = ctx.doc
    if "-" in tok.text and tok.i not in ctx.r.token_keys:
        prefix, _, suffix = tok.text.rpartition("-")
        trigs = ctx.hyphen.get(suffix.lower(), [])
        if not trigs:
            return
        k = _gaz_key(ctx, prefix)
        if not k or not ctx.ensure_entity(k):
            return
        first = Arg(k, 0.95)
    elif tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_:
        trigs = ctx.hyphen.get(tok.lower_, [])
        if not trigs:
            return
        firsts = ctx.direct(doc[tok.i - 2])
        if not firsts:
            return
        first = firsts[0]
    else:
        return
    head = tok.head
    while not ctx.direct(head, conjuncts=False) and head.dep_ in ("compound", "amod") and head.head.i != head.i:
        head = head.head  # "Riverton-born painter X": the name the described noun belongs to
    # "the Riverton-based group and the Ruritanian army": the conjunct of an unnamed noun is not described
    targets = ctx.direct(head) if head.i != tok.i and ctx.direct(head, conjuncts=False) else []
    if not targets:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        targets = ctx.direct(nxt, conjuncts=False) if nxt is not None else []
    for trig in trigs:
        for t in targets:
            if not ctx.emit(trig.prop, first, t, "hyphen-adjective", tok):
                ctx.emit(trig.prop, t, first, "hyphen-adjective", tok)


def _name_structure(ctx: _Ctx) -> None:
    """"<X> Forces <Place>": a unit named after where it is stationed."""
    doc = ctx.doc
    for m, key in zip(ctx.mentions, ctx.r.mention_keys):
        if not key or m.source != "pattern" or ctx.cls(key) != "MilitaryUnit":
            continue
        toks = list(doc[m.start:m.end])
        for n, t in enumerate(toks[:-1]):
            if t.lower_ in ("forces", "force", "command"):
                tail = " ".join(x.text for x in toks[n + 1:])
                place = _gaz_key(ctx, tail)
                if place and ctx.ensure_entity(place):
                    ctx.emit("locatedIn", Arg(key), Arg(place), "name-structure", doc[m.start])


def _places(ctx: _Ctx, tok: Token) -> None:
    r, doc = ctx.r, ctx.doc
    key = r.token_keys.get(tok.i)
    # "City, Country" and datelines
    if key and ctx.cls(key) in ("City", "Place") and (tok.i + 1 == len(doc) or r.token_keys.get(tok.i + 1) != key):
        j = tok.i + 1
        if j < len(doc) and doc[j].text == ",":  # "Riverton, south-east Ruritania": skip the direction
            k = j + 1
            while k < min(len(doc), j + 4) and k not in r.token_keys and (
                    doc[k].lower_ in ctx.words.directions or doc[k].text == "-"):
                k += 1
            if k > j + 1 and k < len(doc) and k in r.token_keys:
                j = k - 1
        if j + 1 < len(doc) and (doc[j].text == "," or j > tok.i + 1):
            other = r.token_keys.get(doc[j + 1].i)
            container = ("Country", "Place") if ctx.cls(key) == "City" else ("Country", "City", "Place")
            if other and other != key and ctx.cls(other) in container:
                end = doc[j + 1].i
                while end + 1 < len(doc) and r.token_keys.get(end + 1) == other:
                    end += 1
                after = doc[end + 1] if end + 1 < len(doc) else None
                if after is None or (after.is_punct and after.text not in ("'s", "’s")) or after.is_space:
                    n = r.mention_at.get(tok.i)
                    first = ctx.mentions[n].start if n is not None else tok.i
                    listed_before = first >= 2 and doc[first - 1].text == "," and r.token_keys.get(first - 2)
                    if not listed_before and not (after is not None and after.text == "," and end + 2 < len(doc)
                                                  and r.token_keys.get(end + 2)):  # a list "A, B, C"
                        ctx.emit("locatedIn", Arg(key), Arg(other), "place-apposition", tok, "asserted")
    # "X in Y" between places: "Basra in southern Ruritania", "the Old Fort in Riverton"
    if key and ctx.cls(key) in ("City", "Place") and r.token_keys.get(tok.i + 1) != key:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        # "from Basra in southern Ruritania" with the "in" phrase hung on the governing noun or verb
        sibling = [nxt] if nxt is not None and nxt.lower_ == "in" and nxt.dep_ == "prep" \
            and tok.dep_ == "pobj" and nxt.head.i == tok.head.head.i else []
        objects = _prep_objects(tok, "in") + [c for prep in sibling for c in prep.children if c.dep_ == "pobj"]
        parts = ctx.words.part_nouns
        objects += [q for p in objects if p.i not in r.token_keys and p.lemma_.lower() in parts
                    for q in _prep_objects(p, "of")]  # "Basra in the southern part of Ruritania"
        for p in objects:
            for a in ctx.direct(p):
                if a.key != key and ctx.cls(a.key) in ("Country", "Place", "City") and not (
                        ctx.cls(key) == "Place" and ctx.cls(a.key) == "Place"):
                    ctx.emit("locatedIn", Arg(key), a, "place-in", tok, "asserted")
    # "the <demonym> city of X"
    if tok.lower_ in ("city", "town", "village", "province", "region", "capital", "port", "island") \
            and tok.pos_ == "NOUN":
        countries = [a for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                     for a in ctx.direct(c) if ctx.cls(a.key) in ("Country", "Place", "City")]
        places = [a for p in _prep_objects(tok, "of") for a in ctx.direct(p)]
        if not places and tok.dep_ == "appos":
            places = ctx.direct(tok.head)
        if not places:  # "Ruritania's capital, Riverton"
            places = [a for c in tok.children if c.dep_ == "appos" for a in ctx.direct(c)
                      if ctx.cls(a.key) in ("City", "Place")]
        for p in places:
            for c in countries:
                if ctx.cls(p.key) == "Country" and ctx.cls(c.key) != "Country":
                    ctx.emit("locatedIn", c, p, "place-of", tok)  # "the Riverton region of Ruritania"
                else:
                    ctx.emit("locatedIn", p, c, "place-of", tok)
    # "Riverton, a small town in central Ruritania", "X, an island nation in the Y Ocean"
    if tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.i not in r.token_keys and (
            tok.lemma_.lower() in ctx.ewords.place_nouns
            or tok.lemma_.lower() in ctx.ewords.country_descriptions):
        for place in ctx.direct(tok.head, conjuncts=False):
            pcls = ctx.cls(place.key)
            if pcls not in ("City", "Place", "Country"):
                continue
            preps = ("in", "of") if tok.lemma_.lower() in ctx.ewords.place_nouns else ("in",)
            for p in (p for prep in preps for p in _prep_objects(tok, prep)):  # "Yerevan, the capital of Armenia"
                for a in ctx.direct(p, conjuncts=False):
                    acls = ctx.cls(a.key)
                    if a.key != place.key and acls in ("Country", "Place", "City") \
                            and not (pcls == "Country" and acls == "Country") \
                            and not (pcls != "City" and acls == "City"):  # no region is in a city
                        ctx.emit("locatedIn", place, a, "place-apposition", tok)
    # "X's Riverton home", "X's hometown of Riverton": where X lives or comes from
    if tok.lower_ in ctx.words.home_nouns and tok.pos_ == "NOUN" and tok.i not in r.token_keys:
        owners = [a for c in tok.children if c.dep_ == "poss" for a in ctx.direct(c, conjuncts=False)
                  if ctx.cls(a.key) == "Person"]
        homes = [a for c in tok.children if c.dep_ in ("compound", "nmod", "amod") and c.i < tok.i
                 for a in ctx.direct(c, conjuncts=False) if ctx.cls(a.key) in ("City", "Place", "Country")]
        homes += [a for prep in ("of", "in") for p in _prep_objects(tok, prep) for a in ctx.direct(p, conjuncts=False)
                  if ctx.cls(a.key) in ("City", "Place", "Country")]  # "his home in Riverton"
        for o in owners:
            for h in homes:
                ctx.emit("livesIn", o, h, "home-of", tok)
    # possessive: "Place's Org" / "Country's Place"
    if key and tok.dep_ == "poss" and not _is_dateline(tok):
        owner = key
        for target in ctx.direct(tok.head):
            tcls = ctx.cls(target.key)
            if ctx.onto.is_a(tcls, "Organization") and ctx.onto.is_a(ctx.cls(owner), "Place") \
                    and tok.head.i in r.token_keys and not _seat_known_elsewhere(ctx, target.key, owner):
                # "Ruritania's Acme", not "Ruritania's EU hopes"
                # (a fact of the noun phrase: "Ruritania's Acme does not ..." denies something else)
                ctx.emit("basedIn", target, Arg(owner), "possessive-place", tok, "asserted")
            elif ctx.onto.is_a(tcls, "Place") and tcls != "Country" and ctx.onto.is_a(ctx.cls(owner), "Place"):
                ctx.emit("locatedIn", target, Arg(owner), "possessive-place", tok, "asserted")
    # "X, a Riverton lawyer", "X, a Republican from Riverton": where a person lives
    if key and ctx.cls(key) == "Person" and r.token_keys.get(tok.i + 1) != key:
        for app in (c for c in tok.children if c.dep_ == "appos" and (
                c.i not in r.token_keys or ctx.cls(r.token_keys[c.i]) == "Group")):  # "X, a Republican from Y"
            if app.lemma_.lower() in ctx.roles or app.lower_ in ctx.roles:
                continue
            places = [a for c in app.children if c.dep_ in ("compound", "nmod") and c.i < app.i
                      for a in ctx.direct(c) if ctx.cls(a.key) in ("City", "Place", "Country")]
            places += [a for prep in ("from", "of", "in") for p in _prep_objects(app, prep)
                       for a in ctx.direct(p) if ctx.cls(a.key) in ("City", "Place", "Country")]
            for a in places:
                ctx.emit("livesIn", Arg(key), Arg(a.key, 0.9), "person-of-place", tok)
    # "the Riverton-based Acme", "the Ruritanian company Acme", "Acme Inc. in Riverton": basedIn
    if key and ctx.onto.is_a(ctx.cls(key), "Organization") and (tok.i + 1 == len(doc) or r.token_keys.get(tok.i + 1) != key):
        n = r.mention_at.get(tok.i)
        span = doc[ctx.mentions[n].start:ctx.mentions[n].end] if n is not None else doc[tok.i:tok.i + 1]
        mods = [c for t in span for c in t.children if c.i < span.start and c.dep_ in ("compound", "nmod", "amod")]
        if tok.dep_ in ("appos", "compound") and tok.head.pos_ == "NOUN":
            mods += [c for c in tok.head.children if c.dep_ in ("compound", "nmod", "amod") and c.i < tok.head.i]
        for c in mods:
            if _is_dateline(c) or (c.i + 1 < len(doc) and doc[c.i + 1].text == "-"):
                continue  # a dateline; "Ruritania-EU deal": a pair, not a base
            for a in ctx.direct(c):
                if ctx.cls(a.key) in ("City", "Country", "Place") and not _seat_known_elsewhere(ctx, key, a.key):
                    ctx.emit("basedIn", Arg(key), Arg(a.key, 0.9), "possessive-place", tok)
        # "seven Marines in Y" are people, not the corps; "a leaflet by X in Y": Y is where the act was
        counted = tok.tag_ in ("NNS", "NNPS") and any(c.dep_ == "nummod" for c in tok.children)
        acting = tok.dep_ == "pobj" and tok.head.lower_ == "by"
        for p in ([] if counted or acting else _prep_objects(tok, "in")):
            if p.lower_ in ctx.ewords.languages:
                continue  # "Riverton Radio in Ruritanian": a language, not a place
            for a in ctx.direct(p):
                if ctx.cls(a.key) in ("City", "Country", "Place"):
                    ctx.emit("basedIn", Arg(key), Arg(a.key, 0.8), "place-in", tok)
        for p in _prep_objects(tok, "of"):  # "Acme Trust Co. of Riverton"
            for a in ctx.direct(p, conjuncts=False):
                if ctx.cls(a.key) in ("City", "Country", "Place"):
                    ctx.emit("basedIn", Arg(key), a, "org-of-place", tok)
        # "Acme, a Riverton construction firm" (a hyphenated "Riverton-backed" is not a base)
        org_nouns = ctx.words.org_description_nouns
        for app in (c for c in tok.children if c.dep_ == "appos" and c.i not in r.token_keys
                    and c.pos_ == "NOUN" and c.lemma_.lower() in org_nouns):
            for c in app.children:
                if c.dep_ not in ("compound", "nmod", "amod") or c.i > app.i or c.i + 1 >= len(doc) \
                        or doc[c.i + 1].text == "-":
                    continue
                for a in ctx.direct(c, conjuncts=False):
                    if ctx.cls(a.key) in ("City", "Country", "Place"):
                        ctx.emit("basedIn", Arg(key), a, "org-apposition", tok)
    # "X of Place" for a person without a title ("President X of Ruritania" is a title)
    if key and ctx.cls(key) == "Person" and r.token_keys.get(tok.i + 1) != key and not _has_title(ctx, tok):
        for c in tok.children:  # "the Daily Planet's Ana Lind": she works there
            if c.dep_ == "poss" and c.i in r.token_keys and ctx.onto.is_a(ctx.cls(r.token_keys[c.i]), "Organization"):
                ctx.emit("worksFor", Arg(key), Arg(r.token_keys[c.i], 0.85), "possessive-place", tok)
        for p in _prep_objects(tok, "of") + _prep_objects(tok, "from"):
            for a in ctx.direct(p):
                if ctx.onto.is_a(ctx.cls(a.key), "Place"):
                    ctx.emit("livesIn", Arg(key), a, "person-of-place", tok)
        for p in _prep_objects(tok, "of") + _prep_objects(tok, "at"):  # "Ana Lind of Acme", "Lind at Acme"
            for a in ctx.direct(p, conjuncts=False):
                if ctx.onto.is_a(ctx.cls(a.key), "Organization") and _named_org(ctx, a.key, p):
                    ctx.emit("worksFor", Arg(key), a, "person-of-org", tok)


def _named_org(ctx: _Ctx, key: str, tok: Token) -> bool:
    """Is ``key`` surely an organisation?  A gazetteer entry, an acronym or a name of several words:
    the NER often types an unknown one-word town as an organisation ("a diver of Riverton")."""
    if key in ctx.res.gazetteer.entries:
        return True
    n = ctx.r.mention_at.get(tok.i)
    if n is None:
        return False
    m = ctx.mentions[n]
    return m.end - m.start >= 2 or m.text.isupper() or m.source != "ner"


def _has_title(ctx: _Ctx, tok: Token) -> bool:
    n = ctx.r.mention_at.get(tok.i)
    if n is None:
        return False
    start = ctx.mentions[n].start
    prev = ctx.doc[start - 1] if start > 0 else None
    return prev is not None and prev.lower_ in ctx.role_props


def _source_lines(ctx: _Ctx) -> None:
    """"Riverton RADIO RIVERTON in Ruritanian 1700 GMT": the outlet (a "source-line" mention, see
    kg.extract.mentions.find.source_line) is based in the place named right before it."""
    for n, m in enumerate(ctx.mentions):
        if m.source != "source-line" or m.start == 0:
            continue
        place, outlet = ctx.r.token_keys.get(m.start - 1), ctx.r.mention_keys[n]
        if place and outlet:
            ctx.emit("basedIn", Arg(outlet), Arg(place), "source-line", ctx.doc[m.start], modality="asserted")


def extract_relations(
    doc: Doc, mentions: list[Mention], resolution: Resolution, res: Resources, doc_id: str,
    *, learned: bool = True,
) -> tuple[list[Relation], dict[str, set[str]]]:
    """All relations of one document, and the job titles found for its persons.

    ``learned=False`` returns the rules' relations alone, before the learned classifier and the
    ontology's property chains (the training script composes those itself, as here)."""
    ctx = _Ctx(doc, mentions, resolution, res, doc_id)
    _titles(ctx)
    _name_structure(ctx)
    for tok in doc:
        if tok.pos_ in ("NOUN", "PROPN"):
            _roles(ctx, tok)
            _counterparts(ctx, tok)
    for tok in doc:
        if tok.pos_ in ("VERB", "AUX"):
            _verbs(ctx, tok)
        if tok.pos_ in ("NOUN", "PROPN"):
            _nouns(ctx, tok)
            _compounds(ctx, tok)
        _hyphens(ctx, tok)
        _places(ctx, tok)
    _source_lines(ctx)
    ctx.out = drop_yielding(ctx.out, res.relations.yields_to)
    if not learned:
        return ctx.out, ctx.titles
    # a learned pair classifier (ontologies/models/relations.json) adds what the rules missed
    from kg.extract.learned import beyond_rules, learned_relations

    ctx.out += beyond_rules(learned_relations(doc, mentions, resolution, res, doc_id), ctx.out)
    ctx.out += apply_chains(ctx.out, res.ontology, ctx.cls)
    return ctx.out, ctx.titles
