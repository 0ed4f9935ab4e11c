"""What a name span is: cut to its name (no article, title or punctuation), typed by its head word,
and the tell-tale contexts that retype what the NER found ("Lowmark, a small town in Idaho",
"MP for Riverton East", "Lind, a professor of law", "thousands of Ruritanians")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.resources import Resources

__all__ = ["strip_span", "without_tail", "class_by_head", "placed_like_a_town", "constituency", "after_town_noun",
           "described_as_person", "named_after_person_noun", "outlet_before_staff",
           "outlet_of_staff", "counted_people", "joined_names", "one_member", "member_party"]


def strip_span(doc: Doc, start: int, end: int, honorifics: frozenset[str], person: bool) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
        start += 1
    if end - start >= 3 and len(doc[start].text) == 1 and doc[start].is_upper and doc[start + 1].text in ("-", "–") \
            and not doc[start].whitespace_ and start > 0 and doc[start - 1].text in (",", "("):
        start += 2  # "Ana Lind, D-Ore.,": a party's letter before the state, no part of its name
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"'s", "’s", "'", "and", "or"}
                           or doc[end - 1].is_space):
        end -= 1  # a list's conjunction the NER took in ("Riverton and" of "Lowmark, Riverton and Tarn")
    if person:
        while end - start > 1 and doc[start].lower_ in honorifics:
            start += 1
    else:  # "Marine Brig." before "Gen. X": a rank the NER glued to a body's name is the person's
        while end - start > 1 and doc[end - 1].text.endswith(".") and doc[end - 1].lower_ in honorifics:
            end -= 1
    return start, end


def class_by_head(doc: Doc, start: int, end: int, res: Resources) -> str | None:
    heads = res.entities.head_classes
    if end - start >= 2 and doc[start].lower_ in res.entities.words.ship_prefixes:
        return "WeaponSystem"  # "USS Ronald Reagan"
    last = doc[end - 1].lower_
    two = f"{doc[end - 2].lower_} {last}" if end - start >= 2 else None
    if two and two in heads:
        return heads[two]
    # the word before an inner "for"/"on" heads the name ("Center for Strategic Studies", "Council on
    # Foreign Relations", "Institute for the Study of War": not an event); before "of", only an
    # organisation's head does ("University of Alberta"; not "Islamic State of Iraq")
    inner = next((t.i for t in doc[start + 1:end - 1] if t.lower_ in ("for", "on", "of")), None)
    if inner is not None:
        cls = heads.get(f"{doc[inner - 2].lower_} {doc[inner - 1].lower_}") if inner - start >= 2 else None
        cls = cls or heads.get(doc[inner - 1].lower_)
        if cls and (doc[inner].lower_ != "of" or cls == "Organization"):
            return cls
    return heads.get(last)


def placed_like_a_town(doc: Doc, start: int, end: int, res: Resources) -> str | None:
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
            return "City" if c.lemma_.lower() in res.entities.words.town_nouns else "Place"
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lemma_.lower() == "mayor":
        return "City"
    if after_town_noun(doc, start, place_nouns, res.entities.words.town_nouns):
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


def constituency(doc: Doc, start: int, end: int, roles: frozenset[str], directions: frozenset[str]) -> bool:
    """An electoral district: "MP for X", "the senator from X", or a name ending in a compass word
    that a person represents ("he represented Riverton East"). A seat is a place, not an employer."""
    if start >= 2 and doc[start - 1].lower_ in ("for", "from") and doc[start - 2].lower_ in roles:
        return True
    root = doc[start:end].root
    return root.dep_ == "dobj" and root.head.lemma_.lower() == "represent" and end - start >= 2 \
        and doc[end - 1].lower_ in directions


def after_town_noun(doc: Doc, start: int, place_nouns: frozenset[str], town_nouns: frozenset[str]) -> bool:
    """"the Red Sea port city of X", "the town of X", "in district X": the text itself says X is a
    town (or district)."""
    if start < 2:
        return False
    if doc[start - 1].lower_ in place_nouns and doc[start - 1].pos_ == "NOUN" \
            and doc[start - 2].lower_ in ("in", "of", "at"):
        return True  # "in district X"
    if doc[start - 1].lower_ != "of" or doc[start - 2].lower_ not in town_nouns:
        return False
    return any(c.lower_ == "the" for c in doc[start - 2].children)


def without_tail(doc: Doc, start: int, end: int, person: bool, byline_roles: frozenset[str],
                 day_words: frozenset[str] = frozenset()) -> int:
    """The end of a name without what the NER ran on into: a byline's role ("By Ana Lind
    Correspondent of The Daily Planet"), what the person owns ("Ana Lind's Unity"), a day ("called
    President Lind Sunday"), a score ("beat Riverton 2-0"), another person's name after a hyphen ("the
    Ana Lind-Roe talks") or after "of" ("complimentary of one another, especially Lind of Roe")."""
    while person and end - start > 2 and doc[end - 1].lower_ in byline_roles:
        end -= 1
    owned = next((t.i for t in doc[start + 1:end - 1] if t.lower_ in ("'s", "’s")), None)
    if person and owned is not None:
        end = owned  # "Ana Lind's Unity Party" read as one person's name: the owner is the person
    while person and end - start >= 2 and doc[end - 1].lower_ in day_words and doc[end - 1].text[:1].isupper():
        end -= 1
    if end - start > 3 and doc[end - 1].is_digit and doc[end - 2].text in ("-", "–") and doc[end - 3].is_digit:
        end -= 3
    if person and end - start >= 3 and doc[end - 2].text in ("-", "–") and not doc[end - 3].whitespace_ \
            and doc[end - 3].text[:1].isupper() \
            and _another_persons_word(doc, end - 1, {t.lower_ for t in doc[start:end - 2]}):
        end -= 2  # "the Donald Trump-Kim summit": Trump's name and Kim's, not one name
    of = next((t.i for t in doc[start + 1:end - 1] if t.lower_ == "of"), None)
    if person and of is not None and _another_persons_word(doc, end - 1, {t.lower_ for t in doc[start:of]}):
        end = of  # "Lind of Roe": two people ("Catherine of Aragon" names a place after "of")
    return end


def _another_persons_word(doc: Doc, i: int, before: set[str]) -> bool:
    """Is ``doc[i]`` the first or last word of another person's name the NER found in the text (one
    that shares no word with ``before``, the words before the hyphen: not "Kim Jong-Un" and "Kim Jong Un")?"""
    word = doc[i].text
    return any(e.label_ == "PERSON" and len(e) >= 2 and word in (e[0].text, e[-1].text)
               and not before & {t.lower_ for t in e} and not any(t.text in ("-", "–") for t in e) for e in doc.ents)


def outlet_before_staff(doc: Doc, start: int, end: int, res: Resources) -> bool:
    """A name right before a role of a publication's staff and a person's name ("Riverton Post writer
    Ana Lind", "Lowmark Monthly editor Bo Berg"): the outlet, not a person."""
    return end + 1 < len(doc) and doc[end].lower_ in res.entities.words.outlet_staff_roles \
        and doc[end + 1].ent_type_ == "PERSON" and doc[end + 1].text[:1].isupper() \
        and all(t.text[:1].isupper() for t in doc[start:end])


def outlet_of_staff(doc: Doc, start: int, res: Resources) -> bool:
    """A name after a publication's staff role and "for", "at" or "with" ("a writer for The Lowmark",
    "a columnist at the X"): the outlet the staff works for."""
    i = start - 1 - (start > 0 and doc[start - 1].lower_ == "the")
    return i >= 1 and doc[i].lower_ in ("for", "at", "with") and doc[i - 1].lower_ in res.entities.words.outlet_staff_roles


def described_as_person(doc: Doc, start: int, end: int, res: Resources) -> bool:
    """A short capitalised name with a person noun in apposition: "Lind, a professor of law",
    "Lind, 53, a former Acme engineer" (the noun heads the apposition, right after the name)."""
    if not 1 <= end - start <= 3 or end >= len(doc) or doc[end].text != ",":
        return False
    if not all(t.text[:1].isupper() and t.is_alpha for t in doc[start:end]):
        return False
    root = doc[start:end].root
    return any(c.dep_ == "appos" and c.i > root.i and c.lemma_.lower() in res.person_nouns and not c.ent_type_
               for c in root.children)


def named_after_person_noun(doc: Doc, start: int, end: int, res: Resources) -> bool:
    """A short capitalised name in apposition to a person noun before it: "Ruritania's ambassador, Ana
    Lind, said" (the parser may hang the name on the noun's "to"/"of" object: "the ambassador to the
    United States, Ana Lind")."""
    if not 2 <= end - start <= 3 or not all(t.text[:1].isupper() and t.is_alpha for t in doc[start:end]):
        return False
    root = doc[start:end].root
    if root.dep_ != "appos" or start == 0 or doc[start - 1].text != ",":
        return False
    head = root.head
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ in ("to", "of"):
        head = head.head.head
    return head.i < start and head.pos_ == "NOUN" and head.lemma_.lower() in res.person_nouns


def counted_people(tok: Token, counts: frozenset[str], qualified: bool = True) -> bool:
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


def joined_names(doc: Doc, heads: frozenset[str], honorifics: frozenset[str] = frozenset()) -> list[Span]:
    """The NER's entities, with an organisation's name it cut at "and" made whole again: "the
    Public and Commercial Services Union" (ORG "Public" + ORG "Commercial Services Union").
    Joined only after "the", when the second part ends in an organisation head word and the first
    does not ("the Acme and Zenith Union", not "Acme and the Zenith Union" nor "the Senate and
    House Committee").  Also a person's name cut after its honorific ("Treasurer Lord" + "Lind":
    the honorific belongs to the name after it)."""
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
        if b is not None and a.label_ == b.label_ == "PERSON" and b.start == a.end \
                and doc[a.end - 1].lower_ in honorifics and len(a) > 1:
            out.append(Span(doc, a.start, b.end, label=a.label_))
            n += 2
            continue
        out.append(a)
        n += 1
    return out


def one_member(span: Span, entry, gaz) -> bool:
    """"The Kentucky Republican said": a group's member noun (a name of the group whose plural is a
    name of it too: "Republican"/"Republicans", "Tory"/"Tories") heading a noun phrase with "the",
    not in apposition, is one member - a description of a person - and not the group.  "a Democrat"
    ("X, a Democrat,"), "X was the last Republican", "the Republican senator" and "the Democrat's
    probes" (a misspelt plural as often as not) stay the party."""
    tok = span[-1]
    if entry.cls != "Group" or tok.dep_ in ("compound", "amod", "nmod", "appos", "poss", "attr") or len(span) > 2:
        return False
    text = span.text
    plural = text[:-1] + "ies" if text.endswith("y") else text + "s"
    if text.endswith("s") or not any(e.id == entry.id for e in gaz.lookup(plural)):
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def member_party(tok: Token, gaz):
    """The party ``tok`` describes one member of ("the Ohio Republican": the Republican Party's
    gazetteer entry; :func:`one_member`), or None."""
    party = next((e for e in gaz.lookup(tok.text) if e.cls == "Group"), None)
    return party if party is not None and one_member(tok.doc[tok.i: tok.i + 1], party, gaz) else None
