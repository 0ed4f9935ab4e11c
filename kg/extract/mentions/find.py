"""Mentions: typed spans of a parsed document, from several sources, without overlaps.

Sources, strongest first (the priority of a candidate span):

1. source lines of monitoring services (7) and acronyms defined in the text (6: "the Northern
   Defence Board, or NDB", "Long Name (LN)"): the long form becomes one span and the acronym a
   mention of the same thing;
2. datelines (5.5) and naming patterns from ``lexicon/entities.toml`` (5: "X Forces Y",
   "... Command", "Ministry of ...");
3. the gazetteer (4: countries with aliases, demonyms and capitals; organisations; cities) and
   weapon designations ("XY-12"); the full names of the office-holder tables (3: "Theresa May",
   which the small NER misses or calls an organisation), unless a longer name holds them;
4. spaCy's NER (2, or 4.5 for a longer name around a gazetteer name: "Bank of Ruritania"),
   repaired and retyped by :mod:`kg.extract.mentions.ner`;
5. names the NER missed with a person noun in apposition (1), or right after a title (0.5);
6. after the choice, a town's name that names a sports club becomes the club's
   (:mod:`kg.extract.mentions.clubs`), and a full name's surname the NER missed where it stands alone as an argument.

The candidates are then chosen greedily: priority, then length, then position, none overlapping.
Types from NER are corrected by head words ("... Missiles" is a weapon, whatever the NER says)
and by the gazetteer.  Titles and honorifics are not part of a person's name.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.mentions.acronyms import acronyms
from kg.extract.mentions.candidates import Candidates
from kg.extract.mentions.clubs import club_names
from kg.extract.mentions.lines import dateline_place, headline_sentences, source_line
from kg.extract.mentions.matchers import known_people, matchers
from kg.extract.mentions.names import class_by_head, counted_people, described_as_person, one_member, strip_span
from kg.extract.mentions.ner import ner_candidates
from kg.extract.mentions.records import Mention
from kg.resources import Resources
from kg.resources.names import load_name_lexicon

__all__ = ["extract_mentions"]


def extract_mentions(doc: Doc, res: Resources) -> list[Mention]:
    """All entity mentions of ``doc``, sorted by position, without overlaps."""
    found = Candidates(doc)
    acr = acronyms(doc, res.entities.words)
    _acronym_candidates(found, acr, res)
    headline = headline_sentences(doc)
    _pattern_candidates(found, res, headline)
    _gazetteer_candidates(found, res)
    for tok in doc:
        if res.entities.designation.match(tok.text):
            found.add(4, tok.i, tok.i + 1, "WeaponSystem", "designation")
    _known_people(found, res)
    ner_candidates(found, res, headline)
    _line_candidates(found, res)
    _apposition_candidates(found, res)
    _titled_names(found, res)
    chosen = club_names(doc, _choose(found), res.entities.words.club_roles, res.entities.words.sport_words)
    return _link_acronyms(_repeated_surnames(doc, chosen, load_name_lexicon().address_titles), acr)


def _acronym_candidates(found: Candidates, acr: list[tuple[int, int, int]], res: Resources) -> None:
    doc, gaz = found.doc, res.gazetteer
    for long_start, long_end, acr_i in acr:
        known = gaz.lookup(doc[long_start:long_end].text) or gaz.lookup(doc[acr_i].text)
        if known:  # "United States of America (USA)", "NATO": the gazetteer's entity, not a new one
            entry = sorted(known, key=lambda e: e.cls == "City")[0]
            found.add(6, long_start, long_end, entry.cls, "gazetteer", gaz_id=entry.id)
            found.add(6, acr_i, acr_i + 1, entry.cls, "gazetteer", gaz_id=entry.id, role="acronym")
            continue
        of = next((t.i for t in doc[long_start + 1:long_end - 1] if t.lower_ == "of"), None)
        cls = (of is not None and class_by_head(doc, long_start, of, res)) \
            or class_by_head(doc, long_start, long_end, res) or "Organization"  # "Party of the ... Revolution"
        found.add(6, long_start, long_end, cls, "acronym")
        found.add(6, acr_i, acr_i + 1, cls, "acronym", role="acronym")


def _pattern_candidates(found: Candidates, res: Resources, headline: dict[int, bool]) -> None:
    doc = found.doc
    honor, title_words = res.entities.words.honorifics, res.title_words
    _, matcher = matchers(doc.vocab, res)
    person_starts = sorted(e.start for e in doc.ents if e.label_ == "PERSON")
    for match_id, start, end in matcher(doc):
        if headline.get(doc[start].sent.start):
            continue  # "U.S. Forces Push Into Heart of X": in a headline a naming pattern runs on
        cls = doc.vocab.strings[match_id].split("|", 1)[0]
        if _before_place_head(doc, end, res):
            continue  # "Riverton Air Force" of "Riverton Air Force Base": a place named after the force
        for ps in person_starts:  # a naming pattern never swallows a person's name
            if start < ps < end:
                end = ps
        start, end = strip_span(doc, start, end, frozenset(), False)
        # a pattern must not swallow a sentence-initial word or a title
        while start < end and doc[start].lower_ in honor and doc[start].lower_ not in {"air", "defense", "defence"}:
            start += 1
        while end - start > 2 and doc[end - 1].lower_ in title_words and doc[end - 1].lower_ in honor \
                and doc[end - 2].lower_ != "of":  # but "Ministry of Defence" keeps its portfolio
            end -= 1  # "Department of Public Utilities Chairman X", "Air Force Col. X": the title is not the name
        start = _joined_before(doc, start, end)
        if end - start >= 2:
            found.add(5, start, end, cls, "pattern")


def _before_place_head(doc: Doc, end: int, res: Resources) -> bool:
    """Is the word after a pattern's match a capitalised head of a place ("Base", "Airport")?"""
    return end < len(doc) and doc[end].text[:1].isupper() \
        and res.entities.head_classes.get(doc[end].lower_) in ("Place", "City")


def _joined_before(doc: Doc, start: int, end: int) -> int:
    """Where a naming pattern's body really starts: the NER's organisation that ends with it and
    joins capitalised words to it by "and" ("the National Search and Rescue Agency", where the
    pattern, capitalised words before a head word, reads only "Rescue Agency")."""
    if start < 2 or doc[start - 1].lower_ not in ("and", "&"):
        return start
    for ent in doc.ents:
        if ent.label_ == "ORG" and ent.end == end and ent.start < start - 1:
            first = ent.start + (doc[ent.start].lower_ == "the")
            words = [t for t in doc[first:start - 1] if t.lower_ not in ("of", "for")]
            if words and all(t.is_alpha and t.text[:1].isupper() for t in words) and doc[first].text[:1].isupper():
                return first
    return start


def _known_people(found: Candidates, res: Resources) -> None:
    """Full names of the office-holder tables as persons, unless the NER's entity around them is
    longer ("USS Ronald Reagan", "Donald Trump Jr.", "the Ronald Reagan Presidential Library");
    over the NER's own reading of exactly that name as something else, and over its person cut short
    inside the name."""
    doc = found.doc
    for _, start, end in known_people(doc.vocab, res)(doc):
        if any(e.start <= start and end <= e.end and e.end - e.start > end - start for e in doc.ents):
            continue
        if end < len(doc) and doc[end].text.rstrip(".").lower() in ("jr", "sr"):
            continue
        # the NER's other label on exactly that name ("Turkey's Recep Tayyip Erdogan" as a facility) loses
        same = any(e.start == start and e.end == end and e.label_ != "PERSON" for e in doc.ents)
        # and over the NER's person cut short inside it ("Enrique Peña" of "Enrique Peña Nieto")
        cut = any(start <= e.start and e.end <= end and e.end - e.start < end - start and e.label_ == "PERSON"
                  for e in doc.ents)
        found.add(4.6 if same or cut else 3, start, end, "Person", "known-person")


def _phrase_matches(doc: Doc, res: Resources) -> list[tuple[int, int, int]]:
    """Gazetteer phrase matches; an all-capitals word of a dateline ("KABUL, Afghanistan --") is
    looked up title-cased too."""
    gaz = res.gazetteer
    phrase, _ = matchers(doc.vocab, res)
    matches = list(phrase(doc))
    for tok in doc:
        if tok.is_upper and len(tok.text) > 3 and tok.text.isalpha():
            titled = tok.text.title()
            for label, table in (("NAME", gaz.names), ("CAPITAL", gaz.capitals)):
                if titled in table:
                    matches.append((doc.vocab.strings[label], tok.i, tok.i + 1))
                    break
    return matches


def _gazetteer_candidates(found: Candidates, res: Resources) -> None:
    doc, gaz = found.doc, res.gazetteer
    matches = _phrase_matches(doc, res)
    demonym_at = {(start, end) for match_id, start, end in matches if doc.vocab.strings[match_id] == "DEMONYM"}
    for match_id, start, end in matches:
        label = doc.vocab.strings[match_id]
        surface = doc[start:end].text
        if doc[start:end].text.isupper() and end - start == 1 and len(surface) > 3 \
                and surface not in gaz.names and surface not in gaz.capitals:
            surface = surface.title()  # "KABUL" of a dateline; not an acronym the gazetteer has ("ISIS")
        if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ == "non":
            continue  # "non-Sunni Muslims", "non-EU states": everyone but them
        found.gaz_covered.update(range(start, end))
        if label == "NAME":
            for entry in gaz.lookup(surface)[:1]:
                if entry.cls in ("Place", "City", "Event"):  # a state's, a city's or an event's name is a first name too:
                    found.region_covered.update(range(start, end))  # "Virginia Lind", "Sydney J. Lind", "Oscar Lind"
                if entry.cls == "City" and surface in gaz.capitals:  # actor or place: resolver decides
                    found.add(4, start, end, "City", "gazetteer", gaz_id=gaz.capitals[surface], role="capital")
                elif one_member(doc[start:end], entry, gaz):  # "the Kentucky Republican said": one member
                    found.described.update(range(start, end))  # (a description), not the party
                else:
                    found.add(4, start, end, entry.cls, "gazetteer", gaz_id=entry.id)
                    _another_party(found, res, start, end, entry)
        elif label == "DEMONYM":
            _demonym(found, res, start, end, surface, demonym_at)
        elif label == "CAPITAL":
            found.add(3, start, end, "City", "gazetteer", gaz_id=gaz.capitals[surface], role="capital")


def _another_party(found: Candidates, res: Resources, start: int, end: int, entry) -> None:
    """"Christian Democrats", "Sweden Democrats": a word before a party's short name that makes it
    another party's name (``party_name_words``, or a state, demonym or language other than the
    party's own) gives the whole a name of its own, which outranks the gazetteer's party."""
    doc, gaz = found.doc, res.gazetteer
    if entry.cls != "Group" or not entry.country or start == 0 or entry.name.split()[0] == doc[start].text:
        return
    prev = doc[start - 1]
    if not prev.text[:1].isupper() or prev.is_sent_start or gaz.lookup(doc[start - 1:end].text):
        return  # "Liberal Democrat": a name of the gazetteer already
    states = ({gaz.demonyms.get(prev.text)} | {e.id if e.cls == "Country" else e.country
                                                for e in gaz.lookup(prev.text)}) - {None}
    other_state = entry.country not in states and (bool(states) or prev.ent_type_ == "LANGUAGE")
    if prev.lower_ in res.entities.words.party_name_words or other_state:
        found.add(5, start - 1, end, "Group", "pattern")


def _demonym(found: Candidates, res: Resources, start: int, end: int, surface: str,
             demonym_at: set[tuple[int, int]]) -> None:
    doc, gaz = found.doc, res.gazetteer
    if counted_people(doc[end - 1], res.entities.words.people_counts):
        return  # "thousands of Ruritanians protested": people, not their country
    if _language_or_one_person(doc[end - 1]):
        return
    after = [e for s, e in demonym_at if s == end]
    if after:  # "Bosnian Serb", "Turkish Cypriot": a people within a state, neither country
        found.add(4.6, start, max(after), "Group", "pattern")
    if after or any(e == start for s, e in demonym_at):
        return
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.lower_ in ("government", "govt", "administration", "authorities") \
            and nxt.text[:1].isupper():  # "Ruritanian Government" is the country
        found.add(4.6, start, end + 1, "Country", "gazetteer", gaz_id=gaz.demonyms[surface], role="name")
    found.add(4, start, end, "Country", "gazetteer", gaz_id=gaz.demonyms[surface], role="demonym")


def _language_or_one_person(tok) -> bool:
    """A demonym that names a language ("speaking in Spanish") or one person ("by an Egyptian"),
    not the country: the NER's LANGUAGE, a bare object of "in", or a head with "a"/"an"."""
    if tok.ent_type_ == "LANGUAGE" and tok.dep_ not in ("amod", "compound", "nmod"):
        return True  # "speaks Filipino"; not "the Filipino island of Leyte"
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and not any(True for _ in tok.children):
        return True
    return tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)


def _line_candidates(found: Candidates, res: Resources) -> None:
    """Source lines of monitoring services and datelines."""
    doc, gaz = found.doc, res.gazetteer
    agencies = res.entities.words.news_agencies
    for sent in doc.sents:
        line = source_line(sent, res)
        if line is not None:
            found.add(7, line[2], line[3], "Organization", "source-line")  # the outlet, even an agency's name
            surface = doc[line[0]:line[1]].text
            surface = surface.title() if surface.isupper() else surface
            for entry in gaz.lookup(surface):
                if entry.cls == "City":  # the city itself, not its country: "Moscow INTERFAX"
                    found.add(7, line[0], line[1], "City", "gazetteer", gaz_id=entry.id)
                    break
    for sent in doc.sents:
        span = dateline_place(sent)
        if span is None:
            continue
        start, end = span
        known = gaz.lookup(doc[start:end].text.title()) or gaz.lookup_caps(doc[start:end].text)  # "PORT-AU-PRINCE"
        entries = sorted((e for e in known if e.cls in ("City", "Country", "Place")),
                         key=lambda e: e.cls != "City")  # "WASHINGTON (AP)" is the city
        if entries:
            found.add(5.5, start, end, entries[0].cls, "gazetteer", gaz_id=entries[0].id)
        elif not known and doc[start:end].text.lower() not in agencies:
            found.add(5.5, start, end, "City", "dateline")  # "RIVERTON, Ruritania (AP)": where the story was filed


def _apposition_candidates(found: Candidates, res: Resources) -> None:
    """Names the NER missed, described by a person noun in apposition ("Lind, a senior ministry official")."""
    doc, title_words = found.doc, res.title_words
    ent_end = {e.start: e.end for e in doc.ents}  # Span.ents rebuilds doc.ents: once here, not per apposition
    for head in {t.head for t in doc if t.dep_ == "appos" and t.head.i < t.i}:
        start, end = head.left_edge.i, head.i + 1
        if any(ent_end.get(i, end + 1) <= end for i in range(start, end)) \
                or any(t.i in found.gaz_covered or t.lower_ in title_words for t in doc[start:end]):
            continue
        if all(t.pos_ == "PROPN" or t.i == t.sent.start for t in doc[start:end]) \
                and described_as_person(doc, start, end, res):
            found.add(1, start, end, "Person", "apposition")


def _titled_names(found: Candidates, res: Resources) -> None:
    """Names the NER missed right after a title ("House Minority Whip Ana Lindqvist", "Minister Ana
    Lind"): two or three capitalised words that no entity and no gazetteer name covers, then a
    word that is no name (priority 0.5: any other reading wins)."""
    doc, titles = found.doc, res.title_words
    for t in doc[:-2]:
        if not (t.text[:1].isupper() and t.lower_.rstrip(".") in titles) or t.ent_type_ == "PERSON":
            continue
        if not any(w.is_alpha and w.is_lower and len(w) > 3 for w in t.sent):
            continue  # "Ruritania Official Lind Resigns": a headline in title case
        end = t.i + 1
        while end < len(doc) and end - t.i <= 3 and doc[end].pos_ == "PROPN" and doc[end].is_title \
                and not doc[end].ent_type_ and end not in found.gaz_covered and doc[end].lower_ not in titles:
            end += 1
        if 2 <= end - t.i - 1 <= 3 and (end == len(doc) or not doc[end].text[:1].isupper()):
            found.add(0.5, t.i + 1, end, "Person", "ner")


def _choose(found: Candidates) -> list[Mention]:
    """Greedy non-overlapping selection: priority, then length, then position."""
    cands = sorted(found.items, key=lambda c: (-c[0], -(c[2] - c[1]), c[1]))
    taken = [False] * len(found.doc)
    chosen: list[Mention] = []
    for _prio, start, end, m in cands:
        if any(taken[start:end]):
            continue
        for i in range(start, end):
            taken[i] = True
        chosen.append(m)
    chosen.sort(key=lambda m: m.start)
    return chosen


_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos", "dative", "agent"})


def _repeated_surnames(doc: Doc, chosen: list[Mention], address: frozenset[str] = frozenset()) -> list[Mention]:
    """A person's surname the NER missed where it stands alone as an argument ('"...," Lind said.'
    after "Ana Lind"): one proper-noun token (or a subject the tagger made a common noun), written as
    the last word of a full name of the text (one person's only: "Donald J. Trump" and "Donald
    Trump" are one, "Melania Trump" another), outside every entity and every other mention; after a form of address
    (``address``: "Mr Balls", "Mrs May") whatever the tagger made of it; and a surname the NER took
    for a date ("May has no mandate" after "Theresa May") where it is a subject or a possessor with
    no number near it."""
    owners: dict[str, set[str]] = {}
    for m in chosen:
        words = m.text.split()
        if m.cls == "Person" and len(words) >= 2 and words[-1][:1].isupper() and len(words[-1]) > 2:
            owners.setdefault(words[-1], set()).add(words[0])  # "Donald Trump", "Donald J. Trump": one person
    if not owners:
        return chosen
    taken = {i for m in chosen for i in range(m.start, m.end)}
    extra = []
    for tok in doc:
        if len(owners.get(tok.text, ())) != 1 or tok.i in taken:
            continue
        prev = doc[tok.i - 1] if tok.i else None
        addressed = prev is not None and prev.i not in taken and prev.lower_.rstrip(".") in address
        as_date = tok.ent_type_ == "DATE" and tok.dep_ in ("nsubj", "nsubjpass", "poss") \
            and not any(t.like_num for t in doc[max(tok.i - 2, 0):tok.i + 3])
        # a capitalised subject the tagger made a common noun ("Trump personally greeted ...")
        proper = tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass", "poss")
        if addressed or as_date or (not tok.ent_type_ and proper and tok.dep_ in _ARGUMENT_DEPS
                                    and not any(t.pos_ == "PROPN" for t in doc[max(tok.i - 1, 0):tok.i + 2]
                                                if t.i != tok.i)):
            extra.append(Mention(tok.i, tok.i + 1, tok.text, "Person", "repeat"))
    return sorted(chosen + extra, key=lambda m: m.start) if extra else chosen


def _link_acronyms(chosen: list[Mention], acr: list[tuple[int, int, int]]) -> list[Mention]:
    """An acronym mention takes its long form's class and points to it."""
    index = {(m.start, m.end): n for n, m in enumerate(chosen)}
    out = list(chosen)
    for long_start, long_end, acr_i in acr:
        n_long = index.get((long_start, long_end))
        n_acr = index.get((acr_i, acr_i + 1))
        if n_long is not None and n_acr is not None:
            m = out[n_acr]
            out[n_acr] = Mention(m.start, m.end, m.text, out[n_long].cls, m.source, m.gaz_id, "acronym", n_long)
    return out
