"""The NER's names as mention candidates: cut to the name, retyped by context (:mod:`.retype`), or dropped.

spaCy's small English NER swallows titles ("Chancellor X"), datelines and credits ("TOKYO
(Reuters) - Economic"), joins a company and its seat ("Acme Corp. of Riverton"), takes a town or a
surname for an organisation, a role for a name ("MPs", "Trade Minister") and a title-case headline
for a name.  Each step below repairs one of those, in a fixed order (a later step sees the span an
earlier one cut); the word lists it reads are in the lexicons.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.extract.mentions.candidates import Candidates
from kg.extract.mentions.lines import agency_credit
from kg.extract.mentions.names import (
    counted_people,
    joined_names,
    strip_span,
    without_tail,
)
from kg.extract.mentions.owners import owner_before_known, owner_before_person
from kg.extract.mentions.records import QUOTE_MARKS
from kg.extract.mentions.retype import NameSpan as _Span
from kg.extract.mentions.retype import retyped
from kg.resources import Resources
from kg.resources.names import load_name_lexicon

__all__ = ["ner_candidates"]


def ner_candidates(found: Candidates, res: Resources, headline: dict[int, bool]) -> None:
    """Add the NER's (repaired) names to ``found``."""
    doc, lex = found.doc, res.entities
    heads = lex.words.organization_heads | frozenset(h for h, c in lex.head_classes.items() if c in ("GovernmentBody", "Group"))
    for ent in joined_names(doc, heads, lex.words.honorifics):
        cls = lex.ner_classes.get(ent.label_, "")
        if not cls or ent.sent.start in headline:
            continue  # In A Title-Case Headline every word looks like a name: trust only the gazetteer
        ent = owner_before_person(found, ent)
        ent, cls = owner_before_known(found, res, ent, cls)
        s = _cut(found, res, ent, cls)
        if s is None:
            continue
        if s.person and _peerage(found, res, s):
            continue
        s = _company_seat(found, res, s)
        if s is None or _no_name(found, res, s):
            continue
        s = retyped(found, res, s)
        s = _name_only(found, res, s, ent)
        if s is not None:
            found.add(_priority(found, res, s), s.start, s.end, s.cls, "ner")




def _cut(found: Candidates, res: Resources, ent: Span, cls: str) -> _Span | None:
    """The name inside the NER's span: no title, byline role, open bracket, stray quote, dateline,
    "Ex-", date; None when nothing of a name is left or it is a count or a role."""
    doc, words = found.doc, res.entities.words
    honor = words.honorifics
    person = cls == "Person"
    start, end = strip_span(doc, ent.start, ent.end,
                            honor | res.person_nouns if person else honor | words.title_modifiers, person)
    end = without_tail(doc, start, end, person, words.byline_roles, res.time.time_day_anchors)
    opened = [t.i for t in doc[start:end] if t.text == "("]
    if opened and not any(t.text == ")" for t in doc[opened[-1]:end]):
        # "Union of Democratic Forces (UDF" : the bracket belongs to what follows the name
        start, end = strip_span(doc, start, opened[-1], honor, person)
    quote = [t.i for t in doc[start:end] if t.text in QUOTE_MARKS]
    if person and quote:  # 'Tom "Lind': a stray quote mark; the surname after it is the name
        after = strip_span(doc, quote[-1] + 1, end, honor, person)
        start, end = after if after[1] > after[0] else strip_span(doc, start, quote[0], honor, person)
    gap = next((t.i for t in doc[start:end] if t.is_space or (
        t.text in ("-", "--", "—", "–", "_") and t.i > 0 and doc[t.i - 1].whitespace_)), None)
    if gap is not None:  # "TOKYO (Reuters) - Economic": a dateline and the first word, not one name
        start, end = strip_span(doc, start, gap, honor, person)
    comma = next((t.i for t in doc[start + 1:end - 1] if t.text == ","), None)
    if ent.label_ == "ORG" and comma is not None and _listed(doc, ent.start) \
            and doc[comma + 1].lower_.rstrip(".") not in {w.rstrip(".") for w in words.legal_forms}:
        # "..., the Football Licensing Authority, Investors in People UK and ...": two names of a
        # list (a name alone may hold a comma: "the law firm of Skadden, Arps")
        start, end = strip_span(doc, start, comma, honor, person)
    if end <= start or _page_control(doc, start, words.page_imperatives):
        return None  # "Follow Ana Lind", "Add Interest": a web page's button spliced into the text, no name
    if ent.label_ == "NORP" and counted_people(doc[end - 1], words.people_counts, qualified=False):
        return None  # "thousands of Ruritanians": people, no group or country of their own
    if end - start >= 2 and doc[start].like_num and doc[end - 1].text in res.gazetteer.demonyms:
        return None  # "Three Britons" (the NER's organisation): counted people
    if ent.label_ == "NORP" and end - start >= 2 and end - 1 in found.gaz_covered \
            and not any(t.i in found.gaz_covered for t in doc[start:end - 1]):
        return None  # "Interim Iraqi": a word before a nationality, no group of its own
    start = _after_participle(doc, start, end)
    if end - start > 2 and doc[start].lower_ in ("ex", "former") and doc[start + 1].text == "-":
        start += 2  # "Ex-Welsh Office Minister X": the office's name has no "Ex-"
    if not person:
        start, cls, person = _person_after_title(found, res, start, end, cls)
    elif start in found.gaz_covered:  # "Lib Dem Norman Baker": a party's name glued before the person's
        k = start
        while k < end and k in found.gaz_covered:
            k += 1
        if end - k >= 2 and all(t.is_alpha and t.text[:1].isupper() for t in doc[k:end]):
            start, end = strip_span(doc, k, end, honor | res.person_nouns, person)  # "Tory Treasurer Lord X"
    if end - start >= 2 and doc[end - 1].lower_ in honor \
            and all(t.i in found.gaz_covered or t.is_punct for t in doc[start:end - 1]):
        return None  # "British FM", "Ruritanian PM": a role, no name
    cut_date = None if person else next(
        (t.i for t in doc[start + 1:end - 1] if t.lower_ in ("on", "in", "at", "last", "next")
         and doc[t.i + 1].lower_ in words.calendar_words), None)
    if cut_date is not None:
        start, end = strip_span(doc, start, cut_date, honor, person)  # "the Commons on Thursday"
        if end <= start:
            return None
    # "The Times via Skype", "Reuters via Getty Images": the name ends before "via"
    end = next((t.i for t in doc[start + 1:end] if t.text == "via"), end)
    return _Span(start, _before_title(doc, res, start, end) if not person and end == ent.end else end, cls, person)


def _page_control(doc: Doc, start: int, imperatives: frozenset[str]) -> bool:
    """Does the name start a line or a sentence with a web page's imperative ("Follow X", "Download X")?"""
    t = doc[start]
    first = t.is_sent_start or start == 0 or "\n" in doc[start - 1].text or "\n" in doc[start - 1].whitespace_
    return bool(first) and t.text[:1].isupper() and t.lower_ in imperatives


def _before_title(doc: Doc, res: Resources, start: int, end: int) -> int:
    """Where a body's name ends when the NER glued to it the first word of the title after it
    ("Pentagon Press" + "Secretary X": "press secretary" is the title)."""
    while end - start >= 2 and end < len(doc) and f"{doc[end - 1].lower_} {doc[end].lower_}" in res.title_words:
        end -= 1
    return end


def _listed(doc: Doc, start: int) -> bool:
    """Does the span starting at ``start`` follow a comma (after its article): an item of a list?"""
    i = start - 1
    while i >= 0 and doc[i].lower_ in ("the", "a", "an"):
        i -= 1
    return i >= 0 and doc[i].text == ","


def _after_portfolio(found: Candidates, res: Resources, start: int, end: int, cls: str) -> tuple[int, str, bool]:
    """"Secretary of Defense Jim Mattis": the NER glues the portfolio of a title written with "of"
    to the name after it ("Defense Jim Mattis" as an organisation); the name is the two or three
    capitalised words after the portfolio, a person's."""
    doc, portfolios = found.doc, res.relations.words.portfolios
    if start < 2 or doc[start - 1].lower_ != "of" or doc[start - 2].lower_ not in res.title_words:
        return start, cls, False
    k = start
    while k < end - 2 and doc[k].lower_ in portfolios:
        k += 1
    rest = doc[k:end]
    # a hyphen inside a double-barrelled name ("Sherwood-Randall") joins two of its words
    words = [t for t in rest if not (t.text == "-" and not doc[t.i - 1].whitespace_ and not t.whitespace_
                                     and k < t.i < end - 1)]
    if k == start or not 2 <= len(words) - (len(rest) - len(words)) <= 3 or any(t.i in found.gaz_covered for t in rest) \
            or not all(t.is_alpha and t.text[:1].isupper() and t.lower_ not in res.title_words for t in words):
        return start, cls, False
    return k, "Person", True


def _person_after_title(found: Candidates, res: Resources, start: int, end: int, cls: str) -> tuple[int, str, bool]:
    """A person's name after a title the NER glued to it: "Secretary of Defense X", "Vice-President X"."""
    after = _after_portfolio(found, res, start, end, cls)
    return after if after[2] else _after_address(found, res, start, end, cls)


def _after_address(found: Candidates, res: Resources, start: int, end: int, cls: str) -> tuple[int, str, bool]:
    """"Vice-President Ana Lind" as an organisation: the NER took a title joined by a hyphen for a
    body's name; the two or three capitalised words after it, the first a given name, are a person."""
    doc, words = found.doc, res.entities.words
    titles = words.honorifics | words.title_modifiers | frozenset(words.name_titles)
    k = start
    while k < end - 2 and (doc[k].lower_ in titles or doc[k].text == "-" and k > start and not doc[k - 1].whitespace_):
        k += 1
    rest = doc[k:end]
    if k == start or not 2 <= len(rest) <= 3 or any(t.i in found.gaz_covered for t in rest) \
            or not all(t.is_alpha and t.text[:1].isupper() and t.lower_ not in res.title_words for t in rest) \
            or doc[k].lower_ not in load_name_lexicon(res.folder).given_sex:
        return start, cls, False
    return k, "Person", True


def _peerage(found: Candidates, res: Resources, s: _Span) -> bool:
    """"Lord Roberts of Riverton": the designation is part of the name (added here)."""
    doc = found.doc
    start, end = s.start, s.end
    if not (start > 0 and doc[start - 1].lower_ in res.entities.words.peerages
            and end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].text[:1].isupper()):
        return False
    seat = end + 2
    while seat < len(doc) and doc[seat].text[:1].isupper() and doc[seat].pos_ == "PROPN":
        seat += 1
    found.add(6, start, seat, "Person", "ner")
    return True


def _company_seat(found: Candidates, res: Resources, s: _Span) -> _Span:
    """"Acme Corp. of Riverton": a company and its seat (the seat added as a place), not one name;
    the NER's own "Acme Co." + "Riverton" (ORG): the seat; "Liberal Democrat": the NER left out the
    first word of the name."""
    doc, words = found.doc, res.entities.words
    start, end, cls = s.start, s.end, s.cls
    legal_forms = words.legal_forms
    if not s.person:
        cut = next((t.i for t in doc[start + 1:end - 2] if t.lower_ in legal_forms and doc[t.i + 1].lower_ == "of"
                    and all(w.text[:1].isupper() for w in doc[t.i + 2:end])), None)
        if cut is not None:
            found.add(2, cut + 2, end, "Place", "ner")
            end = cut + 1
        elif start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in legal_forms \
                and not any(t.i in found.gaz_covered for t in doc[start:end]):
            cls = "Place"
    prev = doc[start - 1] if start > 0 else None
    if cls in ("Organization", "Group") and prev is not None and prev.text[:1].isupper() \
            and prev.pos_ in ("PROPN", "ADJ") and prev.dep_ in ("compound", "amod") \
            and start <= prev.head.i < end and not prev.ent_type_ and prev.i not in found.gaz_covered \
            and prev.lower_ not in words.honorifics and prev.lower_ not in words.quantifiers:
        start -= 1
    return _Span(start, end, cls, s.person)


def _owner_then_portfolio(found: Candidates, portfolios: frozenset[str], start: int, end: int) -> bool:
    """"Canadian Foreign Affairs" before "Minister X", "CNN National Security" before "Analyst X": a known
    owner, then capitalised words of a brief ending with a portfolio word."""
    k = start
    while k < end and k in found.gaz_covered:
        k += 1
    rest = found.doc[k:end]
    return start < k < end and rest[-1].lower_ in portfolios \
        and all(t.lower_ in portfolios or t.is_alpha and t.text[:1].isupper() for t in rest)


def _after_participle(doc: Doc, start: int, end: int) -> int:
    """Where the name starts after a participle the NER took into it ("Praising Celtic and Rangers,
    she said": the participle of a clause, the name its object)."""
    first = doc[start]
    if end - start >= 2 and first.tag_ == "VBG" and first.pos_ == "VERB" and not start <= first.head.i < end \
            and any(t.head.i == start and t.dep_ in ("dobj", "nsubj") for t in doc[start + 1:end]):
        return start + 1
    return start


def _no_name(found: Candidates, res: Resources, s: _Span) -> bool:
    """Phrases the NER takes for names: no capital, a headline phrase, a description, a plural
    common noun, a title, a role or a portfolio."""
    doc, start, end, cls = found.doc, s.start, s.end, s.cls
    title_words, org = res.title_words, cls in ("Organization", "Group")
    portfolios = res.relations.words.portfolios
    covered = any(t.i in found.gaz_covered for t in doc[start:end])
    return (
        not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in doc[start:end])  # "intifada", "the left"
        or end - start == 1 and len(doc[start].text) == 2 and doc[start].text[1] == "."  # "(R., Pa.)": an initial
        or end - start >= 3 and doc[start].text in res.entities.words.stance_prefixes and doc[start + 1].text == "-"
        or cls != "Person" and doc[start].tag_ in ("VBG", "NN", "NNS") and any(  # "Jailing of HK democrat"
            t.is_lower and t.is_alpha and len(t) > 3 and not t.is_stop for t in doc[start + 1:end])
        or org and any(  # "a new Cabinet", "a young Muslim": a description of one, not a name
            c.dep_ == "det" and c.lower_ in ("a", "an") and c.i < start for c in doc[start:end].root.children)
        or end - start == 1 and cls != "Group" and doc[start].is_sent_start and doc[start].tag_ == "NNS"
        or end - start >= 2 and org and doc[end - 1].lower_ in res.entities.words.role_heads  # "the Archbishop of X"
        and not any(t.i in found.gaz_covered or t.lower_ == "of" for t in doc[start:end])
        and (end == len(doc) or doc[end].lower_ == "of" or not doc[end].text[:1].isupper())
        or end - start == 1 and (org or s.person and doc[start].lower_.endswith("s"))  # "MPs", "Ministers"
        and any(w in title_words for w in (doc[start].lemma_.lower(), doc[start].lower_.removesuffix("s")))
        or org and doc[start].lower_ == "state" and start >= 2  # "Secretary of State for Culture"
        and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in title_words
        or org and end < len(doc)  # "Home Affairs Commissioner X", "Trade Minister X": a portfolio
        and (doc[start:end].root.lower_ in portfolios or doc[end - 1].lower_ in portfolios and not any(
            t.lower_ in ("of", "for") for t in doc[start:end]))
        and doc[end].lower_ in title_words and (not covered or _owner_then_portfolio(found, portfolios, start, end))
        or org and end - start == 1 and end < len(doc) and not covered  # "Supreme" of "Supreme Leader X"
        and f"{doc[start].lower_} {doc[end].lower_}" in title_words
        or end - start == 1 and end < len(doc) and doc[start].lower_ in res.entities.words.title_modifiers
        and doc[end].lower_ in title_words  # "Rear" of "Rear Admiral X", "Vice" of "Vice President X"
    )


def _name_only(found: Candidates, res: Resources, s: _Span, ent: Span) -> _Span | None:
    """The last checks: a lower-case one-word person, a title word alone, a pair of country names,
    an agency credit; None drops the span."""
    doc, start, end, person = found.doc, s.start, s.end, s.person
    words, gaz = res.entities.words, res.gazetteer
    if person and end - start == 1 and not doc[start].text[:1].isupper():
        return None
    if person and end - start == 1 and start > 0 and doc[start - 1].lower_ == "the" \
            and doc[start].dep_ not in ("compound", "poss", "amod", "nmod", "npadvmod") \
            and not (end < len(doc) and doc[end].text == "-"):
        return None  # "the Bill was passed": a capitalised common noun, no one's name ("the Lind-funded": a name)
    if end - start == 1 and doc[start].text.isupper() and doc[start].lower_ in words.time_zones:
        return None  # "1700 GMT": a time zone
    if all(t.lower_ in words.honorifics or t.is_punct for t in doc[start:end]) and not (
            end - start >= 2 and doc[end - 1].lower_ in words.organization_heads) and not (
            person and end - start == 1 and doc[start].text[:1].isupper() and start == ent.start
            and (start == 0 or doc[start - 1].pos_ not in ("DET", "PRON") and doc[start - 1].tag_ != "POS")):
        return None  # "Defense" of "Defense Secretary" is a title word, not an organisation; but "Labor
        # Party" is a party, and a bare "King" the NER calls a person (no "the") is a surname
    if end - start == 1 and "-" in doc[start].text and all(
            p in gaz.names or p in gaz.demonyms for p in doc[start].text.split("-") if p):
        return None  # "A-B" of two country names: the pair rules read it
    agencies = words.news_agencies
    while end - start > 1 and (doc[start].lower_ in agencies and doc[start + 1].text in ("-", "(", ")", "—", "--")
                               or doc[start].text in ("-", "(", ")")):
        start += 1  # "Agency - Ruritania's President" starts after the credit (not "Yonhap news agency")
    if doc[start:end].text.lower() in agencies and agency_credit(doc, start, end):
        return None
    if person and end < len(doc) and doc[end].text == "He" and doc[end - 1].whitespace_ == " " \
            and doc[end - 1].is_alpha and doc[end - 1].text[:1].isupper():
        end += 1  # "Vice Premier Liu He": a capitalised "He" right after a name word is a given name
        # (the parser, taking it for a pronoun, may even start a sentence there)
    return _Span(start, end, s.cls, person)


def _priority(found: Candidates, res: Resources, s: _Span) -> float:
    """A longer NER name that contains a gazetteer name ("Bank of Ruritania") beats the gazetteer
    when it has capitalised words of its own that are not titles."""
    doc, start, end = found.doc, s.start, s.end
    last = doc[end - 1].text
    if s.cls == "Person" and any(e.cls == "Country" for e in res.gazetteer.lookup(last)) \
            and doc[start].text.casefold() not in load_name_lexicon().given_sex \
            and not (start > 0 and doc[start - 1].lower_ in res.title_words | res.entities.words.honorifics) \
            and any(t.text == last for t in doc if t.i in found.gaz_covered and not start <= t.i < end):
        return 2  # "Bomb Iran or see Iran with a bomb": no given name, and the text names the country alone
    if s.cls == "Person" and any(2 <= m.end - m.start < end - start and m.end == end and m.gaz_id
                                 and m.cls in ("GovernmentBody", "Organization") for _p, _s, _e, m in found.items):
        return 2  # "the Trump White House": a body named after its head, no one's name
    honor = res.entities.words.honorifics
    inner = [t for t in doc[start:end] if t.text[:1].isupper() and t.lower_ not in honor
             and t.i not in found.gaz_covered and "-" not in t.text]
    if len(inner) >= 1 and end - start >= 2 and (s.cls != "Person" or doc[start] in inner
                                                 or start in found.region_covered
                                                 and doc[start + 1].lower_ not in res.title_words):
        return 4.5
    return 2
