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
* everything else: family + normalised text;
* coreference: he/she/his/her -> the most salient person (subject, recent, frequent);
  it/its -> the subject of the clause or the most recent non-person agent; "the two sides",
  "both countries", "the ministers" -> the two most salient agents of that kind;
  "the minister", "the <org> chief" -> the most salient person;
  "the <adjective> country" -> the most recent country outside the phrase itself.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from kg.extract.mentions.records import QUOTE_MARKS, Mention, family_of, make_key, normalise
from kg.model import Entity
from kg.resources import Resources

log = logging.getLogger(__name__)

__all__ = ["Resolution", "resolve"]

_SPECIFIC = {  # a more specific class wins a vote between members of one cluster
    "WeaponSystem": 3, "MilitaryUnit": 3, "GovernmentBody": 3, "Country": 4, "City": 3,
    "Person": 2, "Organization": 1, "Group": 1, "Place": 1, "Product": 1, "Event": 1, "Law": 1,
}
_LOCATIVE_PREPS = {"in", "at", "to", "into", "near", "from", "across", "outside", "inside", "around",
                   "through", "via", "toward", "towards", "on"}
_ACTOR_PREPS = {"with", "by", "against", "between", "for"}


@dataclass
class Resolution:
    entities: dict[str, Entity]
    mention_keys: list[str]  # aligned with mentions
    token_keys: dict[int, str] = field(default_factory=dict)  # token index -> entity key
    coref: dict[int, tuple[str, ...]] = field(default_factory=dict)  # pronoun/description -> keys
    mention_at: dict[int, int] = field(default_factory=dict)  # token index -> mention index

    def keys_at(self, i: int) -> tuple[str, ...]:
        if i in self.token_keys:
            return (self.token_keys[i],)
        return self.coref.get(i, ())

    def cls(self, key: str) -> str:
        return self.entities[key].cls


def _is_actor(tok: Token, place_verbs: frozenset[str] = frozenset(),
              place_heads: frozenset[str] = frozenset()) -> bool:
    """Is a capital used for its government ("X said", "criticised X", "talks with X")?"""
    if any(c.dep_ == "appos" and c.lemma_.lower() in ("capital", "city", "town") for c in tok.children):
        return False  # "from X-capital, the capital of Y": the text itself calls it a city
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
    if tok.dep_ == "pobj" and tok.head.lower_ == "from" and (
            tok.head.head.pos_ == "NOUN" or tok.head.head.lemma_.lower() in ("draw", "receive", "hear", "get", "face")):
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
        if entry is None or not entry.country or entry.cls in ("Country", "City", "Place"):
            continue
        root = doc[m.end - 1]
        heads = [root]
        if root.dep_ == "compound" and root.head.i == m.end:
            heads.append(root.head)  # "Labour" of "Israel's Labour party"
        for c in (c for h in heads for c in h.children):
            other = country_at.get(c.i)
            if c.i < m.start and c.dep_ in ("poss", "amod", "compound", "nmod") and other \
                    and other != entry.country:
                out.setdefault(entry.id, other)
    return out


def resolve(doc: Doc, mentions: list[Mention], res: Resources, doc_id: str) -> Resolution:
    gaz = res.gazetteer
    place_verbs = res.entities.words.place_verbs
    place_heads = frozenset(h for h, c in res.entities.head_classes.items() if c in ("Place", "City")) \
        | res.entities.words.city_offices  # "X-capital's mayor": the city's
    foreign = _foreign_owned(doc, mentions, res)
    keys: list[str | None] = [None] * len(mentions)
    names: dict[str, Counter] = {}
    classes: dict[str, Counter] = {}
    counts: Counter = Counter()

    def assign(n: int, key: str, cls: str, name: str, weight: int = 2) -> None:
        keys[n] = key
        names.setdefault(key, Counter())[name] += weight
        classes.setdefault(key, Counter())[cls] += 1
        counts[key] += 1

    # -- persons: full names and the short forms that join them --------------------------
    persons = [m for m in mentions if m.cls == "Person"]
    full = {}
    for m in persons:
        toks = m.text.split()
        if len(toks) >= 2:
            full.setdefault(normalise(m.text), toks)

    def person_for(text: str) -> str | None:
        norm = normalise(text)
        if norm in full:
            return norm
        words = norm.split()
        if not words:
            return None
        hits = [k for k in full if k != norm and (k.split()[-len(words):] == words or
                                                   (len(words) == 1 and k.split()[0] == words[0]))]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:  # "Ana Lind" and "Ana B. Lind" are one person; "Ana Lind" and "Bo Lind" are not
            if len({(h.split()[0], h.split()[-1]) for h in hits}) == 1:
                return sorted(hits, key=lambda h: (-len(h), h))[0]
        return None

    # longest full name wins as canonical for its sub-names
    canonical_full: dict[str, str] = {}
    for norm in sorted(full, key=lambda k: (-len(k), k)):
        target = person_for(norm) if norm not in canonical_full else None
        canonical_full[norm] = canonical_full.get(target, norm) if target and target != norm and len(target) > len(norm) else norm

    # a one-word name the NER calls an organisation in one place: no first name makes it a person elsewhere
    org_names = {normalise(m.text): m.cls for m in mentions
                 if family_of(m.cls) == "org" and not m.gaz_id and len(m.text.split()) == 1}
    for n, m in enumerate(mentions):
        if m.role == "acronym" and m.acronym_of is not None:
            continue  # later
        if m.gaz_id and m.role != "demonym" and m.end - m.start == 1 and person_for(m.text):
            canon = canonical_full.get(person_for(m.text), person_for(m.text))
            assign(n, make_key("person", canon), "Person", " ".join(full[canon]) if canon in full else m.text)
            names[make_key("person", canon)][m.text] += 1
            continue
        if m.gaz_id:
            entry = gaz.entries[m.gaz_id]
            tok = doc[m.end - 1]
            if m.role == "capital":
                dateline = m.text.isupper() and len(m.text) > 3
                if not dateline and _is_actor(tok, place_verbs, place_heads):
                    assign(n, entry.id, "Country", entry.name, weight=0)
                    names[entry.id][m.text] += 0
                    continue
                surface = m.text.title() if dateline else m.text
                city = [e for e in gaz.lookup(surface) if e.cls == "City"]
                if city:
                    assign(n, city[0].id, "City", city[0].name)
                    names[city[0].id][m.text] += 0
                else:
                    assign(n, make_key("city", m.text), "City", m.text)
                continue
            if m.role == "demonym":
                assign(n, entry.id, entry.cls, entry.name, weight=0)
                names[entry.id][m.text] += 0
                continue
            if entry.id in foreign:  # "Israel's Labour party" is not the UK's: a body of its own
                # named as the text names it ("Pakistani Foreign Office"), a bare short form as the
                # gazetteer does ("Ruritania's Labour" -> "Labour Party (Ruritania)")
                own = m.text if len(m.text.split()) > 1 else entry.name
                name = f"{own} ({gaz.entries[foreign[entry.id]].name})"
                key = make_key(family_of(entry.cls), name)
                assign(n, key, entry.cls, name, weight=5)
                names[key][m.text] += 1
                continue
            assign(n, entry.id, entry.cls, entry.name, weight=5)
            names[entry.id][m.text] += 1
            continue
        # persons and NER type errors on surnames
        if m.cls in ("Person", "Organization", "Place", "Product") and m.source == "ner":
            target = person_for(m.text) if (m.cls == "Person" or len(m.text.split()) <= 2) else None
            if target:
                canon = canonical_full.get(target, target)
                assign(n, make_key("person", canon), "Person", " ".join(full[canon]) if canon in full else m.text)
                names[make_key("person", canon)][m.text] += 1
                continue
            if m.cls == "Person" and len(m.text.split()) == 1 and normalise(m.text) in org_names:
                org = org_names[normalise(m.text)]  # "Russia's Yukos does not ..." after "the Yukos oil giant":
                assign(n, make_key(family_of(org), m.text), org, m.text)  # one company, not a person
                continue
        key = make_key(family_of(m.cls), m.text)
        if normalise(m.text) == "":
            continue
        # an all-capitals dateline place is named as news writes it elsewhere: "DES MOINES" -> "Des Moines"
        assign(n, key, m.cls, m.text.title() if m.source == "dateline" and m.text.isupper() else m.text)

    # "the Kyoto Protocol ... backing Kyoto": a place's name standing as argument for a treaty or
    # an event named after it in the same text is that treaty's short form
    named_after = {}
    for n, m in enumerate(mentions):
        words = m.text.split()
        if keys[n] and m.cls in ("Law", "Event") and len(words) >= 2:
            named_after.setdefault(normalise(words[0]), keys[n])
    for n, m in enumerate(mentions):
        target = named_after.get(normalise(m.text))
        if target and keys[n] and m.cls in ("City", "Place") and m.end - m.start == 1 \
                and doc[m.start].dep_ in ("nsubj", "nsubjpass", "dobj"):
            counts[keys[n]] -= 1
            if not counts[keys[n]]:  # no other mention left: no node for the place
                del names[keys[n]], classes[keys[n]], counts[keys[n]]
            keys[n] = target
            names[target][m.text] += 0
            counts[target] += 1

    # acronyms join their long forms
    for n, m in enumerate(mentions):
        if m.role == "acronym" and m.acronym_of is not None and keys[m.acronym_of]:
            key = keys[m.acronym_of]
            keys[n] = key
            names[key][m.text] += 0
            counts[key] += 1

    entities: dict[str, Entity] = {}
    for key in sorted(names):
        cnt = names[key]
        gaz_entry = gaz.entries.get(key)
        if gaz_entry:
            name = gaz_entry.name
        else:
            best = max(cnt.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))
            name = best[0]
        cls_votes = classes[key]
        cls = max(cls_votes, key=lambda c: (cls_votes[c] + _SPECIFIC.get(c, 0), c))
        if gaz_entry and cls_votes.get(gaz_entry.cls) and cls != "Country":
            cls = gaz_entry.cls
        aliases = {s.strip() for s in cnt if s.strip() and s.strip() != name}
        entities[key] = Entity(
            key=key, cls=cls, name=name, aliases=aliases, mentions=counts[key], docs={doc_id},
            wikidata=gaz_entry.wikidata if gaz_entry else None,
        )

    resolution = Resolution(entities=entities, mention_keys=[k or "" for k in keys])
    for n, m in enumerate(mentions):
        if keys[n]:
            for i in range(m.start, m.end):
                resolution.token_keys[i] = keys[n]
                resolution.mention_at[i] = n
    _surface_aliases(doc, mentions, resolution, res)
    _coreference(doc, mentions, resolution, res)
    return resolution


# --------------------------------------------------------------------------------------------
def _surface_aliases(doc: Doc, mentions: list[Mention], r: Resolution, res: Resources) -> None:
    """Keep two written forms that the canonical names leave out, as aliases (never as names, so
    they play no part in choosing a name or in merging entities):

    * a person's name with the title of address written before it: "President X", "Sen. X",
      "U.S. Sen. X" (the canonical name stays title-less; job titles are ``schema:jobTitle``);
    * a town followed by ", <region>": "Riverton, Mass." for the town (the town and the region
      stay two entities, related by ``locatedIn``).
    """
    words = res.entities.words
    titles = words.name_titles
    chain_words = titles | words.title_modifiers
    for m, key in zip(mentions, r.mention_keys):
        if not key or key not in r.entities:
            continue
        ent = r.entities[key]
        if ent.cls == "Person" and titles:
            for form in _titled_forms(doc, m, key, r, titles, chain_words):
                form = " ".join(form.split())
                if form != ent.name:
                    ent.aliases.add(form)
        elif ent.cls in ("City", "Place"):
            form = _town_region_form(doc, m, key, r)
            form = " ".join(form.split()) if form else None
            if form and form != ent.name:
                ent.aliases.add(form)


def _titled_forms(doc: Doc, m: Mention, key: str, r: Resolution, titles: frozenset[str],
                  chain_words: frozenset[str]) -> list[str]:
    """"Sen. X" and "<Affiliation> Sen. X" for a person mention X preceded by capitalised titles."""
    start = m.start
    prev = doc[start - 1] if start > 0 else None
    if prev is None or prev.i in r.token_keys or prev.lower_ not in titles or not prev.text[:1].isupper():
        # a title kept inside the name ("Archduke X") still takes an affiliation before it
        if not (doc[start].lower_ in titles and doc[start].text[:1].isupper() and m.end - start >= 2):
            return []
    else:
        start -= 1
        while start > 0 and m.start - start < 4:
            t = doc[start - 1]
            if t.i in r.token_keys or t.lower_ not in chain_words or not t.text[:1].isupper():
                break
            start -= 1
    forms = []
    if start < m.start:
        forms.append(doc[start:m.end].text)
    # an affiliation written right before the title: "U.S. Sen. X", "Ruritanian Archduke X"
    j = start - 1
    if j >= 0 and j in r.token_keys and r.token_keys[j] != key and doc[j].text[:1].isupper():
        other = r.entities.get(r.token_keys[j])
        if other is not None and other.cls != "Person" and j in r.mention_at:
            forms.append(doc[_mention_start(r, j):m.end].text)
    return forms


def _mention_start(r: Resolution, j: int) -> int:
    """First token of the mention that covers token ``j``."""
    n = r.mention_at[j]
    while j > 0 and r.mention_at.get(j - 1) == n:
        j -= 1
    return j


def _town_region_form(doc: Doc, m: Mention, key: str, r: Resolution) -> str | None:
    """"Town, Region" when the town mention is followed by ", <place>" and then by the end of the
    sentence, punctuation or a line break (the same reading as the ``place-apposition`` rule; a
    list "A, B, C" is not one)."""
    j = m.end
    if j + 1 >= len(doc) or doc[j].text != "," or r.token_keys.get(j) == key:
        return None
    other = r.token_keys.get(j + 1)
    if not other or other == key or other not in r.entities:
        return None
    container = ("Country", "Place") if r.entities[key].cls == "City" else ("Country", "City", "Place")
    if r.entities[other].cls not in container:
        return None
    end = j + 1
    region = r.mention_at.get(j + 1)
    while end + 1 < len(doc) and r.token_keys.get(end + 1) == other and r.mention_at.get(end + 1) == region:
        end += 1
    after = doc[end + 1] if end + 1 < len(doc) else None
    if after is not None and not ((after.is_punct and after.text not in ("'s", "’s")) or after.is_space):
        return None
    if after is not None and after.text == "," and end + 2 < len(doc) and r.token_keys.get(end + 2):
        return None  # a list "A, B, C"
    if doc[m.start].sent.start != doc[end].sent.start:
        return None
    return doc[m.start:end + 1].text


# --------------------------------------------------------------------------------------------
def _coreference(doc: Doc, mentions: list[Mention], r: Resolution, res: Resources) -> None:
    words = res.entities.words
    rwords = res.relations.words
    person_pro = words.person_pronouns
    thing_pro = words.thing_pronouns
    plural_pro = words.plural_pronouns
    person_desc = words.person_descriptions
    country_desc = words.country_descriptions
    pair_nouns = rwords.pair_nouns
    pair_dets = rwords.pair_determiners
    ents = r.entities
    titles, affiliations = _person_titles(doc, mentions, r, res)
    seen: Counter = Counter()  # salience so far
    last_seen: dict[str, int] = {}
    subj_seen: dict[str, int] = {}
    as_actor: set[str] = set()  # named at least once other than as a location ("in X", "to X")
    named: set[str] = set()  # named at least once by more than a demonym ("a Ruritanian soldier")

    def is_person(k: str) -> bool:
        return ents[k].cls == "Person"

    def is_agent_nonperson(k: str) -> bool:
        return res.ontology.is_a(ents[k].cls, "Agent") and not is_person(k)

    def best(pred, tok: Token, exclude: set[int] = frozenset(), k: int = 1, recency: bool = False,
             banned: frozenset[str] = frozenset()) -> tuple[str, ...]:
        cands = [key for key in last_seen if pred(key) and last_seen[key] not in exclude and key not in banned]
        if not cands:
            return ()
        sent_start = tok.sent.start
        if recency:
            return tuple(sorted(cands, key=lambda key: -last_seen[key])[:k])

        def score(key: str) -> tuple:
            recent = last_seen[key]
            in_sent = recent >= sent_start
            subj = key in subj_seen and subj_seen[key] >= sent_start - 60
            return (seen[key] * 1.0 + (3 if in_sent else 0) + (2 if subj else 0) + recent / 10000.0,)

        return tuple(sorted(cands, key=score, reverse=True)[:k])

    for tok in doc:
        i = tok.i
        key = r.token_keys.get(i)
        if key:
            if r.mention_at.get(i - 1) != r.mention_at.get(i) or i == 0:
                seen[key] += 1
            last_seen[key] = i
            n = r.mention_at.get(i)
            if n is None or mentions[n].role != "demonym":
                named.add(key)
            if tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass")):
                subj_seen[key] = i  # "X's entry shows ... He also declares": X is what the sentence is about
            inner = tok.head.i != i and r.mention_at.get(tok.head.i, -1) == r.mention_at.get(i)
            if not inner and not (tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE):
                as_actor.add(key)  # the mention's root is no "in X", "to X"
            continue
        low = tok.lower_
        if low in person_pro:
            got = best(is_person, tok, banned=_quoting_speakers(tok, r, rwords.reporting))
            if got:
                r.coref[i] = got
        elif low in thing_pro:
            # "X and its Y": X
            owner = tok.head if tok.dep_ == "poss" else None
            if owner is not None and owner.dep_ == "conj" and owner.head.i in r.token_keys \
                    and is_agent_nonperson(r.token_keys[owner.head.i]) or (
                    owner is not None and owner.dep_ == "conj" and owner.head.i in r.token_keys
                    and ents[r.token_keys[owner.head.i]].cls in ("Country", "Place", "City")):
                r.coref[i] = (r.token_keys[owner.head.i],)
                continue
            # "The group ... said it": a subject that names no entity blocks a guess
            subj_tok = _clause_subject_token(tok)
            if subj_tok is not None and subj_tok.i not in r.token_keys and subj_tok.i not in r.coref \
                    and subj_tok.pos_ == "NOUN":
                continue
            if tok.dep_ in ("dobj", "pobj") and tok.lower_ == "it":
                continue  # an object "it" is mostly a thing ("opposed extending it"): no guess
            # the subject of this clause, if it is a non-person agent
            subj = _clause_subject_key(tok, r)
            if subj and is_agent_nonperson(subj):
                r.coref[i] = (subj,)
            else:  # "it" is no state named only by a demonym so far ("a Ruritanian soldier")
                got = best(lambda k: is_agent_nonperson(k) and k in named, tok)
                if got and not _unnamed_subject_between(doc, r, last_seen[got[0]], i):
                    r.coref[i] = got
        elif tok.pos_ == "NOUN" and tok.i > 0:
            dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "predet")}
            if low in pair_nouns and (dets & pair_dets or ("the" in dets and tok.tag_ == "NNS")):
                pred = is_person if low in person_desc or low.rstrip("s") in person_desc else is_agent_nonperson
                got = best(pred, tok, k=2)
                if len(got) == 2:
                    r.coref[i] = got
            elif "the" in dets and (low in person_desc or _two_word(tok) in person_desc) and tok.tag_ == "NN":
                if (tok.dep_ == "compound" and tok.head.i in r.token_keys) or any(
                        c.dep_ == "appos" and c.i in r.token_keys for c in tok.children):
                    continue  # "the party chairman Ana Lind": a title before her name, no description
                if not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
                    got = _described_person(tok, r, titles, affiliations, res, seen, last_seen)
                    if got:
                        r.coref[i] = (got,)
            elif "the" in dets and low in country_desc and tok.tag_ == "NN":
                if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
                    continue
                mods = [r.token_keys[c.i] for c in tok.children if c.dep_ in ("amod", "compound", "nmod")
                        and c.i in r.token_keys and ents[r.token_keys[c.i]].cls == "Country"]
                if mods:  # "the Ruritanian government"
                    r.coref[i] = (mods[0],)
                    continue
                anc = tok.head
                while anc.pos_ not in ("NOUN", "PROPN", "VERB") and anc.head.i != anc.i:
                    anc = anc.head
                exclude = {t.i for t in anc.subtree} if anc.pos_ in ("NOUN", "PROPN") else set()
                # "the Asian country" is the country just named; "the government" is the state the
                # text is about (most mentioned, in this sentence, a subject), not the last one named
                government = low in words.government_nouns
                got = best(lambda k: ents[k].cls == "Country" and (not government or k in as_actor), tok,
                           exclude=exclude, recency=not government)  # "the war in X ... the government": not X
                if got:
                    r.coref[i] = got


def _unnamed_subject_between(doc: Doc, r: Resolution, start: int, end: int) -> bool:
    """A proper-noun subject the NER did not name between a candidate and a pronoun ("... of the X
    Association. But Acme Concern argued ... Its director"): "its" may be that one, so no guess."""
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN" and t.i not in r.token_keys
               and t.text[:1].isupper() and not t.is_sent_start  # a capital that is no sentence's first
               for t in doc[start + 1:end])


_LOCATIVE = frozenset({"in", "at", "to", "from", "into", "across", "throughout", "inside", "near", "around"})


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


def _person_titles(doc: Doc, mentions: list[Mention], r: Resolution, res: Resources):
    """Title words and affiliations written before each person's name ("<Country> Defence Minister X")."""
    titles: dict[str, set[str]] = {}
    affiliations: dict[str, set[str]] = {}
    gaz = res.gazetteer
    for m, key in zip(mentions, r.mention_keys):
        if not key or r.entities[key].cls != "Person":
            continue
        i = m.start - 1
        words: list[str] = []
        while i >= 0 and m.start - i <= 6:
            t = doc[i]
            if t.i in r.token_keys:
                other = r.token_keys[t.i]
                entry = gaz.entries.get(other)
                affiliations.setdefault(key, set()).add(entry.country if entry and entry.country else other)
            elif t.pos_ in ("PROPN", "NOUN", "ADJ") and not t.is_punct:
                words.insert(0, t.lower_)
            elif t.text not in ("'s", "’s"):
                break
            i -= 1
        if words:
            titles.setdefault(key, set()).add(" ".join(words))
    return titles, affiliations


def _described_person(tok: Token, r: Resolution, titles, affiliations, res: Resources, seen, last_seen) -> str | None:
    """The person a role description ("the foreign minister", "the <org> chief") denotes, or None.

    A person qualifies when a title written before their name ends with the description's head
    ("the minister" -> "... Minister X"), or when the description names an organisation or country
    the person is affiliated with ("the <org> chief" -> "<country of org> ... X").  The most
    salient qualifying person wins; without one the description stays unresolved.
    """
    gaz = res.gazetteer
    lesser = res.entities.words.title_modifiers | {"former", "shadow", "ex", "acting"}
    head = tok.lower_
    phrase = " ".join(c.lower_ for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i
                      and c.i not in r.token_keys)
    mods = {r.token_keys[c.i] for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")
            and c.i in r.token_keys}
    mod_countries = {(gaz.entries[k].country if k in gaz.entries and gaz.entries[k].country else k) for k in mods}
    cands = []
    for key in last_seen:
        if r.entities[key].cls != "Person" or last_seen[key] > tok.i:
            continue
        # "the prime minister" is not the deputy prime minister: a title with a modifier the
        # description lacks ("deputy", "vice", "shadow", "former") is another post
        person_titles = {t for t in titles.get(key, set())
                         if not (set(t.split()) & lesser) or set(t.split()) & lesser & set(phrase.split())}
        title_match = any(t.split()[-1] == head for t in person_titles)
        exact = any(t.endswith(f"{phrase.strip()} {head}".strip()) for t in person_titles) if phrase.strip() else False
        affil = bool(mod_countries & affiliations.get(key, set()))
        if mods and not affil:
            continue
        if not (title_match or affil):
            continue
        cands.append(((exact, affil, title_match, seen[key], last_seen[key]), key))
    if not cands:
        return None
    return max(cands)[1]


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
