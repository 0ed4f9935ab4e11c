"""Entity resolution inside a document, and rule-based coreference.

Input: a parsed Doc and its mentions.  Output: a :class:`Resolution` that maps every mention
and every resolvable pronoun or description token to an entity key, plus the document's
entities.  Keys are stable across documents (gazetteer ids, or family + normalised name), so
the graph merges the same entity found in two documents.

Rules, in order:

* gazetteer mentions take the gazetteer id; a capital used as an actor ("X-capital said",
  "disputes with X-capital") stands for its country, a capital as a location stays the city;
* persons: a short name ("Surname") joins the one full name in the document that ends or starts
  with it, whatever label the NER gave it (NER often types a bare surname as ORG);
* acronyms defined in the text join their long form;
* everything else: family + normalised text ("oil giant X" keeps X a body: :func:`_person_names`);
* a lone surname titled with an office its holder had on the text's date ("President Trump") is
  not the relative the text names in full ("first lady Melania Trump"): shortnames.held_surnames;
  nor is a royal's given name ("Prince Charles" beside "Charles Kennedy"): shortnames.royal_names;
* names that stand for another entity of the text: "backing Kyoto" for the Kyoto Protocol named
  before, "Parliament" for the text's (or its home country's) parliament (:mod:`.standins`);
* coreference: pronouns and descriptions (:mod:`kg.extract.resolve.coreference`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from kg.extract.mentions.records import Mention, family_of, make_key, normalise
from kg.extract.resolve import shortnames
from kg.extract.resolve.aliases import surface_aliases
from kg.extract.resolve.coreference import coreference
from kg.extract.resolve.names import is_acronym
from kg.extract.resolve.records import Resolution
from kg.extract.resolve.standins import generic_bodies, known_as, named_after, short_forms
from kg.model import Entity
from kg.resources import Resources
from kg.resources.names import load_name_lexicon

__all__ = ["Resolution", "resolve"]

_SPECIFIC = {  # a more specific class wins a vote between members of one cluster
    "WeaponSystem": 3, "MilitaryUnit": 3, "GovernmentBody": 3, "Country": 4, "City": 3,
    "Person": 2, "Organization": 1, "Group": 1, "Place": 1, "Product": 1, "Event": 1, "Law": 1,
}
_ACTOR_PREPS = {"with", "by", "against", "between", "for"}


def _is_actor(tok: Token, place_verbs: frozenset[str] = frozenset(),
              place_heads: frozenset[str] = frozenset()) -> bool:
    """Is a capital used for its government ("X said", "criticised X", "talks with X")?"""
    # "from X-capital, the capital of Y", "X-capital is the capital of Y": the text itself calls it a city
    described = [c for c in tok.children if c.dep_ == "appos"] + \
        ([c for c in tok.head.children if c.dep_ == "attr"] if tok.dep_ == "nsubj" else [])
    if any(c.lemma_.lower() in ("capital", "city", "town") for c in described):
        return False
    if tok.dep_ == "conj":
        return _is_actor(tok.head, place_verbs, place_heads)
    if tok.dep_ == "poss" and tok.head.lower_ in place_heads:
        return False  # "X-capital's Green Zone", "X-capital's main square": a part of the city
    if tok.dep_ in ("nsubj", "nsubjpass", "poss", "agent"):
        return True
    if tok.dep_ in ("dobj", "dative") and tok.head.lemma_.lower() not in place_verbs:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in _ACTOR_PREPS:
        return True
    # "opposition from X-capital", "a warning from X-capital": a source of words or acts
    if tok.dep_ == "pobj" and tok.head.lower_ == "from" and (  # not "a businessman from X-capital": a place
            tok.head.head.pos_ == "NOUN" and tok.head.head.lemma_.lower() not in place_heads
            or tok.head.head.lemma_.lower() in ("draw", "receive", "hear", "get", "face")):
        return True
    return False


def _foreign_owned(doc: Doc, mentions: list[Mention], res: Resources) -> dict[str, str]:
    """Gazetteer bodies of one country that the text gives to another ("Israel's opposition Labour
    party", "the Irish Labour Party": the gazetteer's "Labour Party" is the UK's).  Returns
    {gazetteer id: the other country's id}; the whole document then reads the name that way."""
    gaz = res.gazetteer
    country_at: dict[int, str] = {}
    for m in mentions:
        if m.gaz_id and m.gaz_id.startswith("country/") and m.role in ("name", "demonym"):
            for i in range(m.start, m.end):
                country_at[i] = m.gaz_id
    out: dict[str, str] = {}
    for m in mentions:
        entry = gaz.entries.get(m.gaz_id) if m.gaz_id else None
        if entry is None or not entry.country or entry.cls in ("Country", "City", "Place") \
                or any(gaz.demonyms.get(doc[m.start:j].text) == entry.country for j in range(m.start + 1, m.end)):
            continue  # "the US and South Korean military": the name says whose it is
        root = doc[m.end - 1]
        heads = [root, root.head] if root.dep_ == "compound" and root.head.i == m.end else [root]  # "Israel's Labour party"
        heads.append(doc[m.start:m.end].root)  # "Ruritania's Joint Chiefs of Staff": the possessive is on "Chiefs"
        for c in (c for h in heads for c in h.children):
            other = country_at.get(c.i)
            if c.i < m.start and c.dep_ in ("poss", "amod", "compound", "nmod") and other \
                    and other != entry.country:
                out.setdefault(entry.id, other)
    return out


@dataclass
class _Keys:
    """The key of each mention and the votes for each key's name and class (one document)."""

    keys: list[str | None]
    names: dict[str, Counter] = field(default_factory=dict)
    classes: dict[str, Counter] = field(default_factory=dict)
    counts: Counter = field(default_factory=Counter)

    def assign(self, n: int, key: str, cls: str, name: str, weight: int = 2) -> None:
        self.keys[n] = key
        self.names.setdefault(key, Counter())[name] += weight
        self.classes.setdefault(key, Counter())[cls] += 1
        self.counts[key] += 1

    def move(self, n: int, key: str, cls: str, surface: str) -> None:
        """Mention ``n`` (written ``surface``) stands for ``key``; an old key left without mentions goes."""
        old = self.keys[n]
        if old:
            self.counts[old] -= 1
            if not self.counts[old]:
                del self.names[old], self.classes[old], self.counts[old]
        self.keys[n] = key
        self.names.setdefault(key, Counter())[surface] += 0
        self.classes.setdefault(key, Counter())[cls] += 1
        self.counts[key] += 1


@dataclass
class _Persons:
    """The full names of persons in the document and the short forms that join them."""

    full: dict[str, list[str]]
    canonical: dict[str, str]
    suffixes: frozenset[str] = frozenset()  # generation suffixes ("jr"): "Trump Jr." has no given name
    held: frozenset[str] = frozenset()  # lone surnames that are an office holder's, not a full name's here
    _index: dict[tuple[str, str], list[str]] | None = None

    def _by_word(self) -> dict[tuple[str, str], list[str]]:
        """("first"|"last", word) -> the full names starting or ending with it (a long text has many)."""
        if self._index is None:
            self._index = {}
            for k in self.full:
                w = k.split()
                self._index.setdefault(("last", w[-1]), []).append(k)
                self._index.setdefault(("first", w[0]), []).append(k)
        return self._index

    @classmethod
    def of(cls, mentions: list[Mention], suffixes: frozenset[str] = frozenset(),
           held: frozenset[str] = frozenset()) -> "_Persons":
        full: dict[str, list[str]] = {}
        for m in mentions:
            if m.cls == "Person" and len(m.text.split()) >= 2:
                full.setdefault(normalise(m.text), m.text.split())
        persons = cls(full, {}, suffixes, held)
        # longest full name wins as canonical for its sub-names
        for norm in sorted(full, key=lambda k: (-len(k), k)):
            target = persons.person_for(norm) if norm not in persons.canonical else None
            words = norm.split()
            longer = [k for k in full if len(k.split()) > len(words) and k.split()[-len(words):] == words]
            if target == norm and len(longer) == 1:
                target = longer[0]  # a compound surname: "Peña Nieto" of "Enrique Peña Nieto"
            persons.canonical[norm] = persons.canonical.get(target, norm) \
                if target and target != norm and len(target) > len(norm) else norm
        return persons

    def person_for(self, text: str) -> str | None:
        """The one full name ``text`` stands for ("Lind" -> "ana lind"), or None."""
        norm = normalise(text)
        if norm in self.full:
            return norm
        words = norm.split()
        if not words or (len(words) == 1 and norm in self.held):
            return None
        pool = self._by_word().get(("last", words[-1]), []) + (
            self._by_word().get(("first", words[0]), []) if len(words) == 1 else [])
        hits = [k for k in dict.fromkeys(pool) if k != norm and (k.split()[-len(words):] == words or
                                                                  (len(words) == 1 and k.split()[0] == words[0]
                                                                   and not self._generation(k)))]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:  # "Ana Lind" and "Ana B. Lind" are one person; "Ana Lind" and "Bo Lind" are not
            if len({(h.split()[0], h.split()[-1]) for h in hits}) == 1:
                return sorted(hits, key=lambda h: (-len(h), h))[0]
        return None

    def _generation(self, norm: str) -> bool:
        """A surname and a generation only ("trump jr."): its first word is no given name, and a
        lone "Trump" beside it is the father as often as the son."""
        return all(w.rstrip(".") in self.suffixes for w in norm.split()[1:])

    def assign(self, k: _Keys, n: int, m: Mention, target: str) -> None:
        canon = self.canonical.get(target, target)
        key = make_key("person", canon)
        k.assign(n, key, "Person", " ".join(self.full[canon]) if canon in self.full else m.text)
        k.names[key][m.text] += 1


def resolve(doc: Doc, mentions: list[Mention], res: Resources, doc_id: str, date: str | None = None) -> Resolution:
    """Entities of one document (of ISO ``date``, if known) and the key of every mention (see the module docstring)."""
    k = _Keys([None] * len(mentions))
    persons = _Persons.of(mentions, load_name_lexicon(res.folder).suffixes, shortnames.kept_lone_names(doc, mentions, res, date))
    titled = _person_names(doc, mentions, res)
    # a one-word name the NER calls an organisation in one place: no first name makes it a person
    # elsewhere (unless the text makes it a person: "President Roe ... the Roe administration")
    org_names = {normalise(m.text): m.cls for m in mentions
                 if family_of(m.cls) == "org" and not m.gaz_id and len(m.text.split()) == 1
                 and normalise(m.text) not in titled}
    foreign = _foreign_owned(doc, mentions, res)
    two_sexes = _titled_by_two_sexes(doc, mentions, res)
    compass = _compass_short_forms(mentions, res)
    # lone surnames several full names share: the one the text introduced first, with a title
    bound = shortnames.bind_short_names(((normalise(m.text), m.start) for m in mentions
                              if m.source in ("ner", "repeat") and len(m.text.split()) == 1
                              and persons.person_for(m.text) is None and normalise(m.text) not in persons.held),
                             shortnames.introductions(doc, mentions, res),
                             shortnames.surname_first_words(res))
    for n, m in enumerate(mentions):
        if m.role == "acronym" and m.acronym_of is not None:
            continue  # later
        if shortnames.kin_modifier(doc, m, res):  # "Kim family rule": the family, no mention of a person
            continue
        if n in two_sexes:  # "Mrs Howard" beside "Mr Howard": neither is "Michael Howard" for sure
            k.assign(n, make_key("person", two_sexes[n]), "Person", two_sexes[n])
            continue
        if n in compass:  # "the North" in a text on North and South Korea
            entry = res.gazetteer.entries[compass[n]]
            k.assign(n, entry.id, entry.cls, entry.name, weight=0)
            k.names[entry.id][m.text] += 0
            continue
        if m.gaz_id and m.role != "demonym" and m.end - m.start == 1 and not is_acronym(m.text) \
                and persons.person_for(m.text):  # "Jordan" for Michael Jordan; "U.N." for no Kim Jong Un
            persons.assign(k, n, m, persons.person_for(m.text))
        elif m.gaz_id:
            _gazetteer_mention(doc, n, m, k, res, foreign)
        else:
            _text_mention(n, m, k, persons, org_names, titled, bound)
    for n, (key, cls) in {**short_forms(doc, mentions, k.keys, res), **named_after(doc, mentions, k.keys),
                          **known_as(doc, mentions, k.keys, res),
                          **generic_bodies(mentions, k.keys, k.names, k.classes, res)}.items():
        k.move(n, key, cls, mentions[n].text)
    for n, m in enumerate(mentions):  # acronyms join their long forms
        if m.role == "acronym" and m.acronym_of is not None and k.keys[m.acronym_of]:
            key = k.keys[m.acronym_of]
            k.keys[n] = key
            k.names[key][m.text] += 0
            k.counts[key] += 1
    resolution = Resolution(entities=_entities(k, res, doc_id), mention_keys=[key or "" for key in k.keys])
    for n, m in enumerate(mentions):
        if k.keys[n]:
            for i in range(m.start, m.end):
                resolution.token_keys[i] = k.keys[n]
                resolution.mention_at[i] = n
    surface_aliases(doc, mentions, resolution, res)
    coreference(doc, mentions, resolution, res)
    return resolution


def _titled_by_two_sexes(doc: Doc, mentions: list[Mention], res: Resources) -> dict[int, str]:
    """Lone surnames a text addresses with titles of both sexes ("Mr Howard" and "Mrs Howard": a
    couple, two people): mention index -> the name with its title, its own person.  Which of the two
    the full name ("Michael Howard") is, only a given name's sex could tell; none is guessed."""
    words = res.entities.words
    sex_of = {**{t: "female" for t in words.female_titles}, **{t: "male" for t in words.male_titles}}
    titled: dict[int, tuple[str, str, str]] = {}  # mention -> (surname, sex, title)
    for n, m in enumerate(mentions):
        if m.cls == "Person" and m.end - m.start == 1 and m.start > 0:
            title = doc[m.start - 1].text
            if title.lower() in sex_of:
                titled[n] = (normalise(m.text), sex_of[title.lower()], title)
    sexes: dict[str, set[str]] = {}
    for surname, sex, _ in titled.values():
        sexes.setdefault(surname, set()).add(sex)
    return {n: f"{title} {mentions[n].text}" for n, (surname, _, title) in titled.items() if len(sexes[surname]) > 1}


_COMPASS = ("north", "south", "east", "west")


def _compass_short_forms(mentions: list[Mention], res: Resources) -> dict[int, str]:
    """"The North" / "the South" alone, in a text that names a country called so and its pair
    ("North Korea" with "South Korea", "South Sudan" with "Sudan"): mention index -> that country."""
    entries = res.gazetteer.entries
    named = {entries[m.gaz_id].name for m in mentions if m.gaz_id in entries and entries[m.gaz_id].cls == "Country"}
    by_word: dict[str, list[str]] = {}
    for m in mentions:
        entry = entries.get(m.gaz_id) if m.gaz_id else None
        first, _, rest = entry.name.partition(" ") if entry and entry.cls == "Country" else ("", "", "")
        if first.lower() in _COMPASS and rest and (rest in named or any(f"{w.title()} {rest}" in named
                                                                       for w in _COMPASS if w != first.lower())):
            by_word.setdefault(first.lower(), [])
            if entry.id not in by_word[first.lower()]:
                by_word[first.lower()].append(entry.id)
    return {n: by_word[normalise(m.text)][0] for n, m in enumerate(mentions)
            if not m.gaz_id and len(by_word.get(normalise(m.text), ())) == 1}


def _gazetteer_mention(doc: Doc, n: int, m: Mention, k: _Keys, res: Resources, foreign: dict[str, str]) -> None:
    """A gazetteer name: its id; a capital as an actor is its country, as a place the city; a
    body the text gives to another country is a body of its own."""
    gaz = res.gazetteer
    entry = gaz.entries[m.gaz_id]
    if m.role == "capital":
        place_heads = frozenset(h for h, c in res.entities.head_classes.items() if c in ("Place", "City")) \
            | res.entities.words.city_offices | res.relations.words.occupations  # "X-capital's mayor": the city's
        dateline = m.text.isupper() and len(m.text) > 3
        if not dateline and _is_actor(doc[m.end - 1], res.entities.words.place_verbs, place_heads):
            seat = gaz.entries.get(dict(w.split("|", 1) for w in res.entities.words.seat_actors).get(m.text.lower(), ""))
            entry = seat or entry  # "Brussels said": the EU
            k.assign(n, entry.id, entry.cls, entry.name, weight=0)
            k.names[entry.id][m.text] += 0
            return
        city = [e for e in gaz.lookup(m.text.title() if dateline else m.text) if e.cls == "City"]
        if city:
            k.assign(n, city[0].id, "City", city[0].name)
            k.names[city[0].id][m.text] += 0
        else:
            k.assign(n, make_key("city", m.text), "City", m.text)
        return
    if m.role == "demonym":
        k.assign(n, entry.id, entry.cls, entry.name, weight=0)
        k.names[entry.id][m.text] += 0
        return
    if entry.id in foreign:  # "Israel's Labour party" is not the UK's: a body of its own, named as the text
        # does ("Pakistani Foreign Office"), a short form as the gazetteer ("Labour Party (Ruritania)")
        own = m.text if len(m.text.split()) > 1 or (gaz.entries.get(entry.country or "") or entry).name in entry.name \
            else entry.name  # "Congress (Mexico)", not "United States Congress (Mexico)"
        name = f"{own} ({gaz.entries[foreign[entry.id]].name})"
        key = make_key(family_of(entry.cls), name)
        k.assign(n, key, entry.cls, name, weight=5)
        k.names[key][m.text if len(m.text.split()) > 1 else name] += 1  # a bare "Congress" names the gazetteer's
        return
    k.assign(n, entry.id, entry.cls, entry.name, weight=5)
    k.names[entry.id][m.text] += 1


def _person_names(doc: Doc, mentions: list[Mention], res: Resources) -> frozenset[str]:
    """One-word names that are a person's in this text: after a title or honorific ("Mr Roe"), or
    read as a person by the NER at least twice and more often than as anything else."""
    words = res.entities.words
    titles = words.name_titles | words.honorifics
    one_word = [m for m in mentions if m.source == "ner" and not m.gaz_id and len(m.text.split()) == 1]
    titled = {normalise(m.text) for m in one_word
              if m.cls == "Person" and m.start > 0 and doc[m.start - 1].lower_ in titles}
    as_person = Counter(normalise(m.text) for m in one_word if m.cls == "Person")
    as_other = Counter(normalise(m.text) for m in one_word if m.cls != "Person")
    described = {normalise(m.text) for m in one_word  # "oil giant X"
                 if m.start > 0 and doc[m.start - 1].text in res.relations.words.org_description_nouns}
    return frozenset(titled | {n for n, c in as_person.items() if c >= 2 and c > as_other[n] and n not in described})


def _text_mention(n: int, m: Mention, k: _Keys, persons: _Persons, org_names: dict[str, str],
                  titled: frozenset[str] = frozenset(), bound: dict[str, str] | None = None) -> None:
    """A name found in text: a person's short form joins the full name (whatever the NER typed it:
    "Mattis served" read as a nationality);
    a one-word name that is a person's in this text (:func:`_person_names`) is that person even where
    the NER calls it an organisation or a place ("the Roe administration", "Roe's government"); else
    family + normalised name."""
    if m.source == "ner" and m.cls in ("Organization", "Place") and len(m.text.split()) == 1 \
            and normalise(m.text) in titled:
        m = replace(m, cls="Person")
    if m.cls in ("Person", "Organization", "Place", "Product", "Group") and m.source in ("ner", "repeat"):
        target = persons.person_for(m.text) if (m.cls == "Person" or len(m.text.split()) <= 2) else None
        target = target or (bound or {}).get(normalise(m.text))
        if target:
            persons.assign(k, n, m, target)
            return
        if m.cls == "Person" and len(m.text.split()) == 1 and normalise(m.text) in org_names:
            org = org_names[normalise(m.text)]  # "Russia's Yukos does not ..." after "the Yukos oil giant":
            k.assign(n, make_key(family_of(org), m.text), org, m.text)  # one company, not a person
            return
    if normalise(m.text) == "":
        return
    # an all-capitals dateline place is named as news writes it elsewhere: "DES MOINES" -> "Des Moines"
    k.assign(n, make_key(family_of(m.cls), m.text), m.cls,
             m.text.title() if m.source == "dateline" and m.text.isupper() else m.text)


def _entities(k: _Keys, res: Resources, doc_id: str) -> dict[str, Entity]:
    """One entity per key: its name by vote (the gazetteer's when it has one), its class by vote
    (a more specific class wins), every other written form an alias."""
    gaz = res.gazetteer
    entities: dict[str, Entity] = {}
    for key in sorted(k.names):
        cnt = k.names[key]
        gaz_entry = gaz.entries.get(key)
        name = gaz_entry.name if gaz_entry else max(cnt.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
        cls_votes = k.classes[key]
        cls = max(cls_votes, key=lambda c: (cls_votes[c] + _SPECIFIC.get(c, 0), c))
        if gaz_entry and cls_votes.get(gaz_entry.cls) and cls != "Country":
            cls = gaz_entry.cls
        aliases = {s.strip() for s in cnt if s.strip() and s.strip() != name}
        entities[key] = Entity(key=key, cls=cls, name=name, aliases=aliases, mentions=k.counts[key], docs={doc_id},
                               wikidata=gaz_entry.wikidata if gaz_entry else None)
    return entities
