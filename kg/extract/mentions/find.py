"""Mentions: typed spans of a parsed document, from several sources, without overlaps.

Sources, strongest first:

1. acronyms defined in the text ("the Northern Defence Board, or NDB", "Long Name (LN)"):
   the long form becomes one span and the acronym a mention of the same thing;
2. naming patterns from ``lexicon/entities.toml`` ("X Forces Y", "... Command", "Ministry of ...");
3. the gazetteer (countries with aliases, demonyms and capitals; organisations; cities) and
   weapon designations ("XY-12");
4. spaCy's NER.

Types from NER are corrected by head words ("... Missiles" is a weapon, whatever the NER says)
and by the gazetteer.  Titles and honorifics are not part of a person's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from kg.resources import Resources

__all__ = ["Mention", "extract_mentions", "family_of", "normalise", "make_key"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A typed span: token offsets ``[start, end)`` into the Doc."""

    start: int
    end: int
    text: str
    cls: str
    source: str  # acronym | pattern | gazetteer | designation | ner | dateline | source-line | apposition
    gaz_id: str | None = None
    role: str = "name"  # name | demonym | capital | acronym
    acronym_of: int | None = None  # index (in the mention list) of the long form


_FAMILY = {
    "Person": "person", "Organization": "org", "GovernmentBody": "org", "MilitaryUnit": "org",
    "Country": "country", "City": "place", "Place": "place", "Group": "group", "Product": "product",
    "WeaponSystem": "product", "Event": "event", "Law": "law",
}


def family_of(cls: str) -> str:
    """Coarse family used in entity keys: a Person and a Place never share a key; a town and a
    place of the same name do ("Riverton" typed a city in one sentence and a place in another)."""
    return _FAMILY.get(cls, "entity")


def make_key(family: str, name: str) -> str:
    """Entity key of a name found in text: ``family/normalised-name``."""
    return f"{family}/{normalise(name).replace(' ', '-')}"


_PUNCT_RE = re.compile(r"[^\w\s-]", re.UNICODE)


def normalise(text: str) -> str:
    """Key form of a name: case-folded, 'the' and possessive removed, punctuation dropped."""
    s = text.strip()
    s = re.sub(r"(?:'s|’s|'|’)$", "", s)
    s = _PUNCT_RE.sub("", s.casefold())
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"\s+", " ", s).strip()


# --------------------------------------------------------------------------------------------
_MATCHERS: dict[tuple[int, int], tuple[PhraseMatcher, Matcher]] = {}


def _matchers(vocab, res: Resources) -> tuple[PhraseMatcher, Matcher]:
    key = (id(vocab), id(res))
    if key not in _MATCHERS:
        _MATCHERS[key] = _build_matchers(vocab, res)
    return _MATCHERS[key]


def _build_matchers(vocab, res: Resources) -> tuple[PhraseMatcher, Matcher]:
    phrase = PhraseMatcher(vocab, attr="ORTH")
    gaz = res.gazetteer
    for label, table in (("NAME", gaz.names), ("DEMONYM", gaz.demonyms), ("CAPITAL", gaz.capitals)):
        docs = [_make_doc(vocab, s) for s in sorted(table)]
        phrase.add(label, docs)
    matcher = Matcher(vocab, validate=True)
    for p in res.entities.patterns:
        matcher.add(f"{p['class']}|{p['id']}", [p["pattern"]])
    return phrase, matcher


def _make_doc(vocab, text: str) -> Doc:
    return _tokenizer(vocab)(text)


_TOKENIZERS: dict[int, object] = {}


def _tokenizer(vocab):
    if id(vocab) not in _TOKENIZERS:
        from spacy.lang.en import English

        _TOKENIZERS[id(vocab)] = English(vocab=vocab).tokenizer
    return _TOKENIZERS[id(vocab)]


# --------------------------------------------------------------------------------------------
_CONNECTORS = {"of", "and", "to", "for", "the", "de", "-", "on", "&", "in", "air"}
# Head words that make a bracketed gloss after an acronym its long form even when the letters differ
# (a name translated from another language).
_ORG_HEADS = {"party", "front", "movement", "union", "alliance", "council", "congress", "league", "army",
              "organization", "organisation", "federation", "confederation", "association", "committee"}


def _initials(tokens: list) -> list[str]:
    out: list[str] = []
    for t in tokens:
        for part in re.split(r"-", t.text):
            if part and part[0].isalpha() and (part[0].isupper() or part.lower() not in _CONNECTORS):
                out.append(part[0].upper())
    return out


def _is_subsequence(short: str, letters: list[str]) -> bool:
    it = iter(letters)
    return all(ch in it for ch in short)


def _gloss(doc: Doc, i: int) -> tuple[int, int] | None:
    """The long form of "LF (Long Form)": capitalised words (and connectors) between brackets right
    after the acronym, starting with the acronym's first letter and either containing all its letters
    in order or, for a name translated from another language ("SHP (Social Democrat Populist
    Party)"), ending in an organisation's head word."""
    if i + 3 >= len(doc) or doc[i + 1].text != "(":
        return None
    start = end = i + 2
    while end < len(doc) and doc[end].text != ")" and (
            doc[end].text[:1].isupper() or doc[end].lower_ in _CONNECTORS):
        end += 1
    if end >= len(doc) or doc[end].text != ")" or end - start < 2 or doc[end - 1].lower_ in _CONNECTORS:
        return None
    letters = _initials(list(doc[start:end]))
    letters_acr = [c for c in doc[i].text if c.isalpha()]
    if not letters or not letters_acr or letters[0] != letters_acr[0]:
        return None
    if set(letters_acr) <= set(letters) and len(letters_acr) >= 0.6 * len(letters):
        return start, end  # in any order: "PRD (Party of the Democratic Revolution)" is translated
    if doc[end - 1].lower_ in _ORG_HEADS:
        return start, end
    return None


def _acronyms(doc: Doc) -> list[tuple[int, int, int]]:
    """(long_start, long_end, acronym_token) for "Long Form, or LF", "Long Form (LF)" and
    "LF (Long Form)"."""
    found = []
    for tok in doc:
        text = tok.text
        if not (2 <= len(text) <= 8 and re.fullmatch(r"[A-Z][A-Z0-9&]*[A-Z0-9]", text)):
            continue
        i = tok.i
        reverse = _gloss(doc, i)
        if reverse is not None:
            found.append((*reverse, i))
            continue
        if i >= 2 and doc[i - 1].text == "(":
            end = i - 1
        elif i >= 3 and doc[i - 1].lower_ == "or" and doc[i - 2].text == ",":
            end = i - 2
        else:
            continue
        start = end
        while start > 0:
            prev = doc[start - 1]
            if prev.is_space or prev.is_sent_end:
                break
            if prev.text[:1].isupper() or (prev.lower_ in _CONNECTORS and start - 1 > 0):
                start -= 1
            else:
                break
        while start < end and doc[start].lower_ in _CONNECTORS:
            start += 1
        if end - start < 2:
            continue
        letters = _initials(list(doc[start:end]))
        letters_acr = [c for c in text if c.isalpha()]
        if not letters or not letters_acr:
            continue
        in_order = letters_acr[-1] == letters[-1] and _is_subsequence("".join(letters_acr), letters)
        translated = letters_acr[0] == letters[0] and sorted(letters_acr) == sorted(letters)  # "... Revolution (PRD)"
        if (in_order or translated) and len(letters_acr) >= 0.6 * len(letters):
            # drop leading words the acronym does not cover ("Yesterday World Health ...")
            while (start < end and _initials([doc[start]])[:1] != [letters_acr[0]]
                   and (len(_initials(list(doc[start:end]))) - len(letters_acr) > 1 or doc[start].is_sent_start)):
                start += 1
            if end - start >= 2:
                found.append((start, end, i))
    # later uses of a defined acronym
    defined = {doc[i].text: (s, e, i) for s, e, i in found}
    for tok in doc:
        hit = defined.get(tok.text)
        if hit and tok.i != hit[2]:
            found.append((hit[0], hit[1], tok.i))
    return found


def _headline_sentences(doc: Doc) -> dict[int, bool]:
    """Start indices of sentences written in title case (headlines), each mapped to whether it
    opens a text whose body follows."""
    def title_case(sent: Span) -> bool:
        words = [t for t in sent if t.is_alpha and len(t.text) > 3]
        lower_verb = any(t.pos_ in ("VERB", "AUX") and t.text[:1].islower() for t in sent)
        return not lower_verb and len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.85 * len(words)

    out: dict[int, bool] = {}
    sents = list(doc.sents)
    for n, sent in enumerate(sents):
        if not title_case(sent):
            continue
        # some capitalised word is not part of a name ("Leaves", "Tour", "OKs"): a list of names
        # ("Fire Island, Patchogue, N.Y.;") is no headline ...
        common = any(t.i > sent.start and t.is_alpha and len(t.text) > 1 and not t.is_stop and t.text[0].isupper()
                     and not t.ent_type_ for t in sent)
        # ... unless it opens a text whose body follows in sentence case: there even a headline the
        # NER reads as one name ("Blast Hits Embassy in Riverton") is a headline
        opening = n == 0 and len(sents) > 1 and not title_case(sents[1])
        if common or opening:
            out[sent.start] = opening
    return out


def _strip_span(doc: Doc, start: int, end: int, honorifics: frozenset[str], person: bool) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"'s", "’s", "'"}
                           or doc[end - 1].is_space):
        end -= 1
    if person:
        while end - start > 1 and doc[start].lower_ in honorifics:
            start += 1
    return start, end


def _class_by_head(doc: Doc, start: int, end: int, res: Resources) -> str | None:
    heads = res.entities.head_classes
    last = doc[end - 1].lower_
    two = f"{doc[end - 2].lower_} {last}" if end - start >= 2 else None
    if two and two in heads:
        return heads[two]
    return heads.get(last)


def _agency_credit(doc: Doc, start: int, end: int) -> bool:
    """A news agency's name in a credit position: bracketed, next to a dash, a slash or a colon,
    or alone at the start or end of its sentence ("(Reuters)", "AP -", "... AFP").  Elsewhere it
    is the agency itself: "a correspondent for The Associated Press"."""
    before = doc[start - 1].text if start > doc[start].sent.start else ""
    after = doc[end].text if end < doc[end - 1].sent.end else ""
    return not before or not after.strip(".") or before in ("(", "[", "/", "-", "--", "—") \
        or after in (")", "]", "/", "-", "--", "—", ":", "_")


QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''"})
_CAPS_WORD = re.compile(r"^[A-Z][A-Z'.-]*[A-Z.]$")


def dateline_place(sent: Span) -> tuple[int, int] | None:
    """The all-capitals place that opens a news item: "RIVERTON, Ruritania (AP) --", "PORT
    RIVERTON, March 3 (Reuters) -", "RIVERTON-ON-SEA _ ...".  Up to six all-capitals tokens at the
    start of the sentence (after brackets or "(Text)"; a hyphenated word's parts join), at least
    four characters in all, followed by a comma and a capitalised word, a bracket or a dash.  Returns
    the token range, or None.  The caller decides what the words name: an organisation in the
    gazetteer ("NATO, the alliance") or a news agency is no place."""
    toks = list(sent)
    n = 0
    while n < len(toks) and toks[n].text in ("(", ")", "Text", "[", "]"):
        n += 1
    k = n
    while k < len(toks) and k - n < 6 and _CAPS_WORD.match(toks[k].text) and toks[k].text not in ("--", "-"):
        k += 1
        if k + 1 < len(toks) and toks[k].text == "-" and not toks[k - 1].whitespace_ \
                and not toks[k].whitespace_ and _CAPS_WORD.match(toks[k + 1].text):
            k += 1  # "RIVERTON-ON-SEA"
    if k == n or k >= len(toks) or sum(len(t.text) for t in toks[n:k]) < 4:
        return None
    nxt = toks[k]
    follows = toks[k + 1] if k + 1 < len(toks) else None
    if nxt.text == "," and follows is not None and follows.text[:1].isupper() \
            or nxt.text in ("(", "--", "—", "_", "-"):
        return toks[n].i, toks[k - 1].i + 1
    return None


_MONITOR_ID = re.compile(r"^[A-Z]{2}\d{10}$")  # "LD2804174994": a monitoring service's item number


def source_line(sent: Span, res: Resources) -> tuple[int, int, int, int] | None:
    """A news-monitoring source line: "[item number] <City> <Outlet> in <Language> [1601 GMT ...]",
    or a header line that is only "<City> <OUTLET>" (the outlet in capitals or with a media head
    word: "Riverton Radio").  The city must be a gazetteer city or country.  Returns the token
    ranges (place start, place end, outlet start, outlet end), or None."""
    words = res.entities.words
    languages, heads = words.languages, words.media_heads
    gaz = res.gazetteer
    toks = list(sent)
    ids = [n for n, t in enumerate(toks) if _MONITOR_ID.match(t.text)]
    n = ids[-1] + 1 if ids else 0
    while n < len(toks) and toks[n].text in ("[", "(", "Source", ":"):
        n += 1
    place_end = None
    for size in (3, 2, 1):
        surface = " ".join(t.text for t in toks[n:n + size])
        if len(toks[n:n + size]) == size and (surface.title() if surface.isupper() else surface) in gaz.names:
            place_end = n + size
            break
    if place_end is None:
        return None
    def in_name(i: int) -> bool:
        """Capitalised, or a hyphen/apostrophe/number inside the name ("Kanal-6"; not a "1601" time)."""
        t = toks[i]
        if t.text[:1].isupper():
            return True
        inside = i > place_end and i + 1 < len(toks) and toks[i + 1].text[:1].isalnum()
        return inside and (t.text in ("-", "'") or (t.is_digit and len(t.text) != 4))

    end = place_end
    while end < len(toks) and end - place_end < 6 and in_name(end):
        end += 1
    while end > place_end and not toks[end - 1].text[:1].isalnum():
        end -= 1
    if end == place_end or any(t.text in gaz.names for t in toks[place_end:end]):
        return None
    outlet = toks[place_end:end]
    rest = [t for t in toks[end:] if not t.is_punct]
    if len(rest) >= 2 and rest[0].lower_ == "in" and rest[1].lower_ in languages:
        pass
    elif not rest and (ids or n == 0) and (all(t.text.isupper() for t in outlet if t.is_alpha)
                                            or outlet[-1].lower_ in heads):
        pass
    else:
        return None
    return sent.start + n, sent.start + place_end, sent.start + place_end, sent.start + end


_TOWN_NOUNS = {"city", "town", "village", "capital", "port", "hamlet", "township", "suburb"}


def _placed_like_a_town(doc: Doc, start: int, end: int, res: Resources) -> str | None:
    """The class of a short name the NER took for an organisation when the text treats it as a place
    ("City" or "Place"), else None: a place noun in apposition ("Lowmark, a small town in Idaho"),
    a mayor's seat ("the mayor of Lowmark"), or a name followed by a country or region of the
    gazetteer and nothing more ("Lowmark, Algeria,", "Lowmark, south-east Algeria.")."""
    if not all(t.text[:1].isupper() and t.is_alpha for t in doc[start:end]):
        return None
    root = doc[start:end].root
    place_nouns = res.entities.words.place_nouns
    for c in root.children:
        if c.dep_ == "appos" and c.i > root.i and c.pos_ == "NOUN" and not c.ent_type_ \
                and c.lemma_.lower() in place_nouns:
            return "City" if c.lemma_.lower() in _TOWN_NOUNS else "Place"
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lemma_.lower() == "mayor":
        return "City"
    if _after_town_noun(doc, start, place_nouns):
        return "City"
    directions = res.relations.words.directions
    k = end + 1
    if end < len(doc) and doc[end].text == ",":
        while k < len(doc) and (doc[k].lower_ in directions or doc[k].text == "-"):
            k += 1
        for n in (3, 2, 1):
            if k + n > len(doc):
                continue
            entries = res.gazetteer.lookup(doc[k:k + n].text)
            after = doc[k + n] if k + n < len(doc) else None
            if entries and entries[0].cls in ("Country", "Place") and (
                    after is None or after.text in (",", ".", ";", ")", "--") or after.is_space):
                if after is not None and after.text == "," and k + n + 1 < len(doc) \
                        and doc[k + n + 1].ent_type_ in ("GPE", "ORG", "LOC"):
                    return None  # a list: "Acme, Ruritania, Borduria and ..."
                return "City"
    return None


def _constituency(doc: Doc, start: int, end: int, roles: frozenset[str], directions: frozenset[str]) -> bool:
    """An electoral district: "MP for X", "the senator from X", or a name ending in a compass word
    that a person represents ("he represented Riverton East"). A seat is a place, not an employer."""
    if start >= 2 and doc[start - 1].lower_ in ("for", "from") and doc[start - 2].lower_ in roles:
        return True
    root = doc[start:end].root
    return root.dep_ == "dobj" and root.head.lemma_.lower() == "represent" and end - start >= 2 \
        and doc[end - 1].lower_ in directions


def _after_town_noun(doc: Doc, start: int, place_nouns: frozenset[str]) -> bool:
    """"the Red Sea port city of X", "the town of X", "in district X": the text itself says X is a
    town (or district)."""
    if start < 2:
        return False
    if doc[start - 1].lower_ in place_nouns and doc[start - 1].pos_ == "NOUN" \
            and doc[start - 2].lower_ in ("in", "of", "at"):
        return True  # "in district X"
    if doc[start - 1].lower_ != "of" or doc[start - 2].lower_ not in _TOWN_NOUNS:
        return False
    return any(c.lower_ == "the" for c in doc[start - 2].children)


def _described_as_person(doc: Doc, start: int, end: int, res: Resources) -> bool:
    """A short capitalised name with a person noun in apposition: "Lind, a professor of law",
    "Lind, 53, a former Acme engineer" (the noun heads the apposition, right after the name)."""
    if not 1 <= end - start <= 3 or end >= len(doc) or doc[end].text != ",":
        return False
    if not all(t.text[:1].isupper() and t.is_alpha for t in doc[start:end]):
        return False
    root = doc[start:end].root
    return any(c.dep_ == "appos" and c.i > root.i and c.lemma_.lower() in res.person_nouns and not c.ent_type_
               for c in root.children)


def _counted_people(tok: Token, counts: frozenset[str], qualified: bool = True) -> bool:
    """A plural nationality noun that is counted ("three Ruritanians", "thousands of angry
    Ruritanians", "many Ruritanians") or qualified by another nationality ("Freedonian Ruritanians"):
    people of that country or a group of them, not the country."""
    if tok.tag_ not in ("NNS", "NNPS") or tok.dep_ in ("compound", "amod", "nmod", "poss"):
        return False
    if any(c.dep_ == "nummod" or (c.dep_ == "compound" and c.like_num)  # "Two Ruritanias" too
           or (c.dep_ in ("amod", "det") and c.lower_ in counts) for c in tok.children):
        return True
    if qualified and any(c.dep_ in ("amod", "compound") and c.i == tok.i - 1 and c.ent_type_ == "NORP"
                         for c in tok.children):
        return True
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ == "of" and (
        head.head.like_num or head.head.lower_ in counts or head.head.lemma_.lower() in counts)


def _joined_names(doc: Doc, heads: frozenset[str]) -> list[Span]:
    """The NER's entities, with an organisation's name it cut at "and" made whole again: "the
    Public and Commercial Services Union" (ORG "Public" + ORG "Commercial Services Union").
    Joined only after "the", when the second part ends in an organisation head word and the first
    does not ("the Acme and Zenith Union", not "Acme and the Zenith Union" nor "the Senate and
    House Committee")."""
    ents = list(doc.ents)
    out: list[Span] = []
    n = 0
    while n < len(ents):
        a = ents[n]
        b = ents[n + 1] if n + 1 < len(ents) else None
        if b is not None and a.label_ == b.label_ == "ORG" and b.start == a.end + 1 \
                and doc[a.end].lower_ in ("and", "&") and a.start > 0 and doc[a.start - 1].lower_ == "the" \
                and doc[b.end - 1].lower_ in heads and doc[a.end - 1].lower_ not in heads \
                and all(t.text[:1].isupper() for t in a):
            out.append(Span(doc, a.start, b.end, label=a.label_))
            n += 2
            continue
        out.append(a)
        n += 1
    return out


def extract_mentions(doc: Doc, res: Resources) -> list[Mention]:
    """All entity mentions of ``doc``, sorted by position, without overlaps."""
    lex = res.entities
    gaz = res.gazetteer
    honor = lex.words.honorifics
    portfolios = res.relations.words.portfolios
    title_words = res.title_words
    legal_forms = lex.words.legal_forms
    calendar = lex.words.calendar_words
    counts = lex.words.people_counts
    place_nouns = lex.words.place_nouns
    reps = res.relations.words.representative_roles
    trailing_roles = lex.words.byline_roles
    directions = res.relations.words.directions
    phrase, matcher = _matchers(doc.vocab, res)
    cands: list[tuple[int, int, int, Mention]] = []  # (priority, start, end, mention)

    def add(priority: int, start: int, end: int, cls: str, source: str, **kw) -> None:
        if end <= start:
            return
        cands.append((priority, start, end, Mention(start, end, doc[start:end].text, cls, source, **kw)))

    acr = _acronyms(doc)
    for long_start, long_end, acr_i in acr:
        known = gaz.lookup(doc[long_start:long_end].text) or gaz.lookup(doc[acr_i].text)
        if known:  # "United States of America (USA)", "NATO": the gazetteer's entity, not a new one
            entry = sorted(known, key=lambda e: e.cls == "City")[0]
            add(6, long_start, long_end, entry.cls, "gazetteer", gaz_id=entry.id)
            add(6, acr_i, acr_i + 1, entry.cls, "gazetteer", gaz_id=entry.id, role="acronym")
            continue
        of = next((t.i for t in doc[long_start + 1:long_end - 1] if t.lower_ == "of"), None)
        cls = (of is not None and _class_by_head(doc, long_start, of, res)) \
            or _class_by_head(doc, long_start, long_end, res) or "Organization"  # "Party of the ... Revolution"
        add(6, long_start, long_end, cls, "acronym")
        add(6, acr_i, acr_i + 1, cls, "acronym", role="acronym")

    headline = _headline_sentences(doc)
    person_starts = sorted(e.start for e in doc.ents if e.label_ == "PERSON")
    for match_id, start, end in matcher(doc):
        if headline.get(doc[start].sent.start):
            continue  # "U.S. Forces Push Into Heart of X": in a headline a naming pattern runs on
        cls = doc.vocab.strings[match_id].split("|", 1)[0]
        for ps in person_starts:  # a naming pattern never swallows a person's name
            if start < ps < end:
                end = ps
        start, end = _strip_span(doc, start, end, frozenset(), False)
        # a pattern must not swallow a sentence-initial word or a title
        while start < end and doc[start].lower_ in honor and doc[start].lower_ not in {"air", "defense", "defence"}:
            start += 1
        while end - start > 2 and doc[end - 1].lower_ in title_words and doc[end - 1].lower_ in honor:
            end -= 1  # "Department of Public Utilities Chairman X": the title is not part of the name
        if end - start >= 2:
            add(5, start, end, cls, "pattern")

    gaz_covered: set[int] = set()
    region_covered: set[int] = set()
    matches = list(phrase(doc))
    # all-caps datelines ("KABUL, Afghanistan --"): look the title-cased word up too
    for tok in doc:
        if tok.is_upper and len(tok.text) > 3 and tok.text.isalpha():
            titled = tok.text.title()
            for label, table in (("NAME", gaz.names), ("CAPITAL", gaz.capitals)):
                if titled in table:
                    matches.append((doc.vocab.strings[label], tok.i, tok.i + 1))
                    break
    demonym_at = {(start, end) for match_id, start, end in matches if doc.vocab.strings[match_id] == "DEMONYM"}
    for match_id, start, end in matches:
        label = doc.vocab.strings[match_id]
        surface = doc[start:end].text
        if doc[start:end].text.isupper() and end - start == 1 and len(surface) > 3:
            surface = surface.title()
        gaz_covered.update(range(start, end))
        if label == "NAME":
            for entry in gaz.lookup(surface)[:1]:
                if entry.cls in ("Place", "City"):  # a state's or a city's name is a first name too:
                    region_covered.update(range(start, end))  # "Virginia Lind", "Sydney J. Lind"
                if entry.cls == "City" and surface in gaz.capitals:  # actor or place: resolver decides
                    add(4, start, end, "City", "gazetteer", gaz_id=gaz.capitals[surface], role="capital")
                else:
                    add(4, start, end, entry.cls, "gazetteer", gaz_id=entry.id)
        elif label == "DEMONYM":
            if _counted_people(doc[end - 1], counts):
                continue  # "thousands of Ruritanians protested": people, not their country
            after = [e for s, e in demonym_at if s == end]
            if after:  # "Bosnian Serb", "Turkish Cypriot": a people within a state, neither country
                add(4.6, start, max(after), "Group", "pattern")
            if after or any(e == start for s, e in demonym_at):
                continue
            nxt = doc[end] if end < len(doc) else None
            if nxt is not None and nxt.lower_ in ("government", "govt", "administration", "authorities") \
                    and nxt.text[:1].isupper():  # "Ruritanian Government" is the country
                add(4.6, start, end + 1, "Country", "gazetteer", gaz_id=gaz.demonyms[surface], role="name")
            add(4, start, end, "Country", "gazetteer", gaz_id=gaz.demonyms[surface], role="demonym")
        elif label == "CAPITAL":
            add(3, start, end, "City", "gazetteer", gaz_id=gaz.capitals[surface], role="capital")

    for tok in doc:
        if lex.designation.match(tok.text):
            add(4, tok.i, tok.i + 1, "WeaponSystem", "designation")

    for ent in _joined_names(doc, lex.words.organization_heads | frozenset(
            h for h, c in lex.head_classes.items() if c in ("GovernmentBody", "Group"))):
        cls = lex.ner_classes.get(ent.label_, "")
        if not cls:
            continue
        if ent.sent.start in headline:
            continue  # In A Title-Case Headline every word looks like a name: trust only the gazetteer
        person = cls == "Person"
        start, end = _strip_span(doc, ent.start, ent.end, honor | res.person_nouns if person else honor, person)
        while person and end - start > 2 and doc[end - 1].lower_ in trailing_roles:
            end -= 1  # "By Ana Lind Correspondent of The Daily Planet": a byline's role, not her name
        opened = [t.i for t in doc[start:end] if t.text == "("]
        if opened and not any(t.text == ")" for t in doc[opened[-1]:end]):
            # "Union of Democratic Forces (UDF" : the bracket belongs to what follows the name
            start, end = _strip_span(doc, start, opened[-1], honor, person)
        quote = [t.i for t in doc[start:end] if t.text in QUOTE_MARKS]
        if person and quote:  # 'Tom "Lind': a stray quote mark; the surname after it is the name
            after = _strip_span(doc, quote[-1] + 1, end, honor, person)
            start, end = after if after[1] > after[0] else _strip_span(doc, start, quote[0], honor, person)
        gap = next((t.i for t in doc[start:end] if t.is_space or (
            t.text in ("-", "--", "—", "–", "_") and t.i > 0 and doc[t.i - 1].whitespace_)), None)
        if gap is not None:  # "TOKYO (Reuters) - Economic": a dateline and the first word, not one name
            start, end = _strip_span(doc, start, gap, honor, person)
        if end <= start:
            continue
        if ent.label_ == "NORP" and _counted_people(doc[end - 1], counts, qualified=False):
            continue  # "thousands of Ruritanians": people, no group or country of their own
        if ent.label_ == "NORP" and end - start >= 2 and end - 1 in gaz_covered \
                and not any(t.i in gaz_covered for t in doc[start:end - 1]):
            continue  # "Interim Iraqi": a word before a nationality, no group of its own
        if end - start > 2 and doc[start].lower_ in ("ex", "former") and doc[start + 1].text == "-":
            start += 2  # "Ex-Welsh Office Minister X": the office's name has no "Ex-"
        if end - start >= 2 and doc[end - 1].lower_ in honor \
                and all(t.i in gaz_covered or t.is_punct for t in doc[start:end - 1]):
            continue  # "British FM", "Ruritanian PM": a role, no name
        cut_date = None if person else next(
            (t.i for t in doc[start + 1:end - 1] if t.lower_ in ("on", "in", "at", "last", "next")
             and doc[t.i + 1].lower_ in calendar), None)
        if cut_date is not None:
            start, end = _strip_span(doc, start, cut_date, honor, person)  # "the Commons on Thursday"
            if end <= start:
                continue
        if person and start > 0 and doc[start - 1].lower_ in lex.words.peerages \
                and end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].text[:1].isupper():
            seat = end + 2
            while seat < len(doc) and doc[seat].text[:1].isupper() and doc[seat].pos_ == "PROPN":
                seat += 1
            end = seat  # "Lord Roberts of Riverton": the designation is part of the name
            add(6, start, end, "Person", "ner")
            continue
        if not person:
            cut = next((t.i for t in doc[start + 1:end - 2] if t.lower_ in legal_forms and doc[t.i + 1].lower_ == "of"
                        and all(w.text[:1].isupper() for w in doc[t.i + 2:end])), None)
            if cut is not None:  # "Acme Corp. of Riverton": a company and its seat, not one name
                add(2, cut + 2, end, "Place", "ner")
                end = cut + 1
            elif start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in legal_forms \
                    and not any(t.i in gaz_covered for t in doc[start:end]):
                cls = "Place"  # the NER's own "Acme Co." + "Riverton" (ORG): the seat
        prev = doc[start - 1] if start > 0 else None
        if cls in ("Organization", "Group") and prev is not None and prev.text[:1].isupper() \
                and prev.pos_ in ("PROPN", "ADJ") and prev.dep_ in ("compound", "amod") \
                and start <= prev.head.i < end and not prev.ent_type_ and prev.i not in gaz_covered \
                and prev.lower_ not in honor:
            start -= 1  # "Liberal Democrat": the NER left out the first word of the name
        if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in doc[start:end]):
            continue  # "intifada", "the left": a name has a capital (or a digit)
        if cls != "Person" and doc[start].tag_ in ("VBG", "NN", "NNS") and any(
                t.is_lower and t.is_alpha and len(t) > 3 and not t.is_stop for t in doc[start + 1:end]):
            continue  # "Jailing of HK democrat" (a title-case headline): a phrase, no name
        if cls in ("Organization", "Group") and any(
                c.dep_ == "det" and c.lower_ in ("a", "an") and c.i < start for c in doc[start:end].root.children):
            continue  # "a new Cabinet", "a young Muslim": a description of one, not a name
        if end - start == 1 and cls != "Group" and doc[start].is_sent_start and doc[start].tag_ == "NNS":
            continue  # "Kidnappers in Ruritania seize ...": a plural common noun capitalised by position
        if end - start >= 2 and cls in ("Organization", "Group") \
                and doc[end - 1].lower_ in lex.words.role_heads \
                and not any(t.i in gaz_covered or t.lower_ == "of" for t in doc[start:end]) \
                and (end == len(doc) or doc[end].lower_ == "of" or not doc[end].text[:1].isupper()):
            continue  # "the Roman Catholic Archbishop of X": a title, no organisation
        if end - start == 1 and (cls in ("Organization", "Group") or person and doc[start].lower_.endswith("s")) \
                and any(w in title_words for w in (doc[start].lemma_.lower(), doc[start].lower_.removesuffix("s"))):
            continue  # "MPs", "Ministers": a role, no organisation and nobody's name
        if cls in ("Organization", "Group") and doc[start].lower_ == "state" and start >= 2 \
                and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in title_words:
            continue  # "Secretary of State for Culture": a title, no organisation
        if cls in ("Organization", "Group") and end < len(doc) \
                and (doc[start:end].root.lower_ in portfolios or doc[end - 1].lower_ in portfolios and not any(
                    t.lower_ in ("of", "for") for t in doc[start:end])) \
                and doc[end].lower_ in title_words \
                and not any(t.i in gaz_covered for t in doc[start:end]):
            continue  # "Home Affairs Commissioner X", "Trade Minister X": a portfolio, no organisation
        if cls in ("Organization", "Place", "Product", "Group") and start > 0 and doc[start - 1].lower_ in honor \
                and doc[start - 1].lower_ not in {"the", "state", "new", "party"} and doc[start - 1].pos_ != "ADJ" \
                and end - start <= 3 \
                and all(t.text[:1].isupper() and t.i not in gaz_covered for t in doc[start:end]):
            cls, person = "Person", True  # "Chancellor X", "President X": a title makes X a person
        if cls in ("Organization", "Place", "Product") and 2 <= end - start <= 4 and end + 2 < len(doc) \
                and doc[end].text == "," and doc[end + 1].like_num and doc[end + 2].text == "," \
                and doc[end + 1].text.isdigit() and 0 < int(doc[end + 1].text) < 120 \
                and all(t.text[:1].isupper() and t.i not in gaz_covered for t in doc[start:end]):
            cls, person = "Person", True  # "Ana Maria Lind, 50, of Riverton": a name and an age
        if cls in ("Organization", "Place", "Product") and _described_as_person(doc, start, end, res) \
                and not any(t.i in gaz_covered for t in doc[start:end]):
            cls, person = "Person", True  # "Lind, a professor of law": the NER took a surname for a company
        if person and end - start <= 2 and _after_town_noun(doc, start, place_nouns):
            cls, person = "City", False  # "the Adriatic city of X": the NER took a town for a person
        if cls in ("Organization", "Person") and end - start <= 4 \
                and not any(t.i in gaz_covered for t in doc[start:end]) \
                and _constituency(doc, start, end, reps, directions):
            cls, person = "Place", False  # "MP for Riverton East": an electoral district, no employer
        if cls == "Organization" and end - start <= 3 and not any(t.i in gaz_covered for t in doc[start:end]):
            town = _placed_like_a_town(doc, start, end, res)
            if town:
                cls = town  # "Lowmark, a small town in Idaho", "the mayor of Lowmark", "Lowmark, Algeria"
        head_cls = _class_by_head(doc, start, end, res)
        if head_cls in ("WeaponSystem", "Product") and cls == "Organization" and doc[end - 1].text[:1].isupper() \
                and doc[end - 1].tag_ == "NNPS":
            head_cls = None  # "Acme Systems", "Ruritanian Aerospace Industries": a company's name
        if head_cls and (not person or doc[end - 1].tag_ in ("NNS", "NNPS") or head_cls == "WeaponSystem"):
            cls = head_cls
        elif person and end - start >= 2 and doc[end - 1].lower_ in lex.words.organization_heads \
                and doc[end - 1].text[:1].isupper():
            cls, person = head_cls or "Organization", False  # "Oberlin College": no person's name
        elif person and end - start >= 2 and doc[end - 1].lower_ in lex.words.place_name_heads \
                and doc[end - 1].text[:1].isupper():
            cls, person = head_cls or "Place", False  # "Riverton County": no person's name
        if person and end - start == 1 and not doc[start].text[:1].isupper():
            continue
        if all(t.lower_ in honor or t.is_punct for t in doc[start:end]) and not (
                end - start >= 2 and doc[end - 1].lower_ in lex.words.organization_heads) and not (
                person and end - start == 1 and doc[start].text[:1].isupper() and start == ent.start
                and (start == 0 or doc[start - 1].pos_ not in ("DET", "PRON") and doc[start - 1].tag_ != "POS")):
            continue  # "Defense" of "Defense Secretary" is a title word, not an organisation; but "Labor
            # Party" is a party, and a bare "King" the NER calls a person (no "the") is a surname
        if end - start == 1 and "-" in doc[start].text and all(
                p in gaz.names or p in gaz.demonyms for p in doc[start].text.split("-") if p):
            continue  # "A-B" of two country names: the pair rules read it
        agencies = lex.words.news_agencies
        while end - start > 1 and (doc[start].lower_ in agencies or doc[start].text in ("-", "(", ")")):
            start += 1  # "Agency - Ruritania's President" starts after the credit
        if doc[start:end].text.lower() in agencies and _agency_credit(doc, start, end):
            continue
        priority = 2
        # a longer NER name that contains a gazetteer name ("Bank of Ruritania") beats the
        # gazetteer when it has capitalised words of its own that are not titles
        inner = [t for t in doc[start:end] if t.text[:1].isupper() and t.lower_ not in honor
                 and t.i not in gaz_covered and "-" not in t.text]
        if len(inner) >= 1 and end - start >= 2 and (cls != "Person" or doc[start] in inner
                                                     or start in region_covered
                                                     and doc[start + 1].lower_ not in title_words):
            priority = 4.5
        add(priority, start, end, cls, "ner")

    for sent in doc.sents:
        line = source_line(sent, res)
        if line is not None:
            add(7, line[2], line[3], "Organization", "source-line")  # the outlet, even an agency's name
            surface = doc[line[0]:line[1]].text
            surface = surface.title() if surface.isupper() else surface
            for entry in gaz.lookup(surface):
                if entry.cls == "City":  # the city itself, not its country: "Moscow INTERFAX"
                    add(7, line[0], line[1], "City", "gazetteer", gaz_id=entry.id)
                    break

    for sent in doc.sents:
        span = dateline_place(sent)
        if span is None:
            continue
        start, end = span
        surface = doc[start:end].text.title()
        known = gaz.lookup(surface) or gaz.lookup_caps(doc[start:end].text)  # "PORT-AU-PRINCE"
        entries = sorted((e for e in known if e.cls in ("City", "Country", "Place")),
                         key=lambda e: e.cls != "City")  # "WASHINGTON (AP)" is the city
        if entries:
            add(5.5, start, end, entries[0].cls, "gazetteer", gaz_id=entries[0].id)
        elif not known and doc[start:end].text.lower() not in lex.words.news_agencies:
            add(5.5, start, end, "City", "dateline")  # "RIVERTON, Ruritania (AP)": where the story was filed

    # names the NER missed, described by a person noun in apposition ("Lind, a senior ministry official")
    for head in {t.head for t in doc if t.dep_ == "appos" and t.head.i < t.i}:
        start, end = head.left_edge.i, head.i + 1
        if doc[start:end].ents or any(t.i in gaz_covered or t.lower_ in title_words for t in doc[start:end]):
            continue
        if all(t.pos_ == "PROPN" or t.i == t.sent.start for t in doc[start:end]) \
                and _described_as_person(doc, start, end, res):
            add(1, start, end, "Person", "apposition")

    # greedy non-overlapping selection: priority, then length, then position
    cands.sort(key=lambda c: (-c[0], -(c[2] - c[1]), c[1]))
    taken = [False] * len(doc)
    chosen: list[Mention] = []
    for _prio, start, end, m in cands:
        if any(taken[start:end]):
            continue
        for i in range(start, end):
            taken[i] = True
        chosen.append(m)
    chosen.sort(key=lambda m: m.start)
    # link acronyms to their long forms
    index = {(m.start, m.end): n for n, m in enumerate(chosen)}
    out = list(chosen)
    for long_start, long_end, acr_i in acr:
        n_long = index.get((long_start, long_end))
        n_acr = index.get((acr_i, acr_i + 1))
        if n_long is not None and n_acr is not None:
            m = out[n_acr]
            out[n_acr] = Mention(m.start, m.end, m.text, out[n_long].cls, m.source, m.gaz_id, "acronym", n_long)
    return out


def span_of(doc: Doc, m: Mention) -> Span:
    return doc[m.start:m.end]
