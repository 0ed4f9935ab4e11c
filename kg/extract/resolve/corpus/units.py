"""What corpus resolution decides about: *units*, each what the documents said about one key.

A unit is an entity key as per-document resolution left it, with everything the documents said
about it (classes with their mention counts, names, every surface form, job titles, Wikidata id).
Most keys make one unit for all their documents.  A *short name* ("Blair", "Mr Farage", a lone
surname the NER typed as an organisation) makes one unit per document: which "Brown" a text
means is decided with that text's own evidence.

The :class:`Context` holds the evidence: which keys each document mentions, how many documents
mention each key (rarer shared neighbours weigh more), and the facts read in each document.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping

from kg.extract.resolve.names import NameKit, PersonName, is_acronym
from kg.model import DocResult
from kg.resources.offices import fold_name

__all__ = ["Unit", "Context", "build_units", "INSTITUTIONS"]

# Classes that can name one body under several names (a party typed Group here, Organization there).
INSTITUTIONS = frozenset({"Organization", "GovernmentBody", "Group", "MilitaryUnit"})
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_SURNAME_TYPES = frozenset({"Organization", "Place", "Product"})  # NER types a lone surname takes


@dataclass(slots=True)
class Unit:
    """What the documents said about one key (or, for a short name, one document's share)."""

    uid: int
    key: str
    doc: str | None  # a short name's one document; None: every document of the key
    classes: Counter = field(default_factory=Counter)  # class -> mentions
    names: Counter = field(default_factory=Counter)  # per-document canonical name -> mentions
    forms: set[str] = field(default_factory=set)  # every surface form (names and aliases)
    mentions: int = 0
    docs: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    wikidata: str | None = None
    gazetteer: bool = False
    person: PersonName | None = None  # the name read as a person's (persons and short names)
    short: bool = False  # a one-word person name or a titled/lone surname typed otherwise

    name: str = ""  # the name most mentions use (ties: the longer, then the last in order)
    cls: str = ""  # the class most mentions have

    def settle(self) -> None:
        """Fix :attr:`name` and :attr:`cls` once every document is absorbed."""
        self.name = max(self.names.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0] if self.names else self.key
        self.cls = max(self.classes.items(), key=lambda kv: (kv[1], kv[0]))[0]

    @property
    def family(self) -> str:
        return self.key.partition("/")[0]

    @property
    def sexes(self) -> frozenset[str]:
        return frozenset({self.person.sex} if self.person is not None and self.person.sex else ())

    def titles_before(self, word: str) -> set[str]:
        """The titles written before ``word`` (a surname or a full name) in this unit's forms, and
        its job titles, folded ("President Trump" -> "president")."""
        word = fold_name(word)
        return {fold_name(t) for t in self.titles} | {fold_name(f)[: -len(word) - 1] for f in self.forms
                                                      if fold_name(f).endswith(" " + word)}

    def absorb(self, ent, doc: str) -> None:
        weight = max(ent.mentions, 1)
        self.classes[ent.cls] += weight
        self.names[ent.name] += weight
        self.forms.add(ent.name)
        if ent.aliases:
            self.forms.update(ent.aliases)
        self.mentions += ent.mentions
        self.docs.add(doc)
        if ent.job_titles:
            self.titles.update(ent.job_titles)
        self.wikidata = self.wikidata or ent.wikidata


@dataclass
class Context:
    """The evidence: keys per document, documents per key, facts per document."""

    doc_keys: dict[str, frozenset[str]]
    df: Counter
    facts: dict[str, list[tuple[str, str, str]]]
    dates: dict[str, str] = field(default_factory=dict)  # document -> its ISO report date, when known

    @property
    def n_docs(self) -> int:
        return max(len(self.doc_keys), 1)

    def idf(self, key: str) -> float:
        return math.log((self.n_docs + 1) / (self.df.get(key, 0) + 1))

    def around(self, docs: Iterable[str], own: set[str]) -> Counter:
        """Keys co-mentioned with a unit in its documents (its own keys aside), with document counts."""
        out: Counter = Counter()
        for d in docs:
            out.update(k for k in self.doc_keys.get(d, ()) if k not in own)
        return out

    def related(self, docs: Iterable[str], own: set[str]) -> Counter:
        """Keys a unit is related to by a fact read in its documents ("memberOf Labour")."""
        out: Counter = Counter()
        for d in docs:
            for s, p, o in self.facts.get(d, ()):
                if s in own and o not in own:
                    out[o] += 1
                elif o in own and s not in own:
                    out[s] += 1
        return out


def _short_name(ent, kit: NameKit, gazetteer: Mapping) -> PersonName | None:
    """A one-word person name ("Blair", "Mr Blair"), or a surname the NER typed otherwise: a titled
    name ("Mr Farage" as an organisation) or one capitalised word that is no acronym and no
    gazetteer entry ("Lindqvist said" as an organisation).  None for anything else."""
    if ent.key in gazetteer:
        return None
    parsed = kit.person(ent.name)
    if parsed is None or parsed.full or (parsed.titled and not parsed.address):
        return None  # "Prince Charles", "General Motors": a rank makes the name whole
    if ent.cls == "Person":
        return parsed
    if ent.cls in _SURNAME_TYPES:
        if parsed.titled:
            return parsed
        word = ent.name.strip()
        if len(word.split()) == 1 and word[:1].isupper() and not is_acronym(word) and not ent.aliases \
                and word[1:].islower():
            return parsed
    return None


def build_units(results: Mapping[str, DocResult], kit: NameKit, gazetteer: Mapping) -> tuple[list[Unit], Context]:
    """Units and evidence from each document's extraction (documents in sorted order: the result
    does not depend on the order documents came in)."""
    by_key: dict[str, Unit] = {}
    shorts: list[Unit] = []
    doc_keys: dict[str, frozenset[str]] = {}
    facts: dict[str, list[tuple[str, str, str]]] = {}
    df: Counter = Counter()
    dates: dict[str, str] = {}
    for doc in sorted(results):
        result = results[doc]
        if result.document.date and _ISO_DATE.match(result.document.date):
            dates[doc] = result.document.date[:10]
        keys = frozenset(e.key for e in result.entities)
        doc_keys[doc] = keys
        df.update(keys)
        facts[doc] = [(r.subject, r.predicate, r.object) for r in result.relations]
        for ent in sorted(result.entities, key=lambda e: e.key):
            short = _short_name(ent, kit, gazetteer)
            if short is not None:
                unit = Unit(0, ent.key, doc, person=short, short=True)
                unit.absorb(ent, doc)
                shorts.append(unit)
                continue
            unit = by_key.get(ent.key)
            if unit is None:
                unit = by_key[ent.key] = Unit(0, ent.key, None, gazetteer=ent.key in gazetteer)
            unit.absorb(ent, doc)
    units = [by_key[k] for k in sorted(by_key)] + shorts
    for n, unit in enumerate(units):
        unit.uid = n
        unit.settle()
        if unit.person is None and unit.cls == "Person":
            unit.person = kit.person(unit.name)
        if unit.person is not None:
            unit.person = _with_sex(unit.person, unit.forms, kit)
    return units, Context(doc_keys, df, facts, dates)


def _with_sex(name: PersonName, forms: Iterable[str], kit: NameKit) -> PersonName:
    """The sex the titled forms tell ("Mrs Lind" among the aliases), when they tell only one."""
    sexes = {p.sex for f in forms if (p := kit.person(f)) is not None and p.sex}
    sex = sexes.pop() if len(sexes) == 1 else None
    return replace(name, sex=sex, titled=name.titled or bool(sexes))

