"""How names vary: people's names parsed into given names and surname, when two of them can be one
person (and by which rule), and the forms an organisation's name takes (acronym, short form).

The knowledge is data (``ontologies/lexicon/names.toml``, :mod:`kg.resources.names`; titles from
``lexicon/entities.toml``); this module only reads it.  Everything works on *folded* text: accents
removed, case folded, full stops and apostrophes dropped, hyphens as spaces.

>>> from kg.resources import load_resources
>>> from kg.resources.names import load_name_lexicon
>>> kit = NameKit.of(load_resources(), load_name_lexicon())
>>> kit.match(kit.person("George W. Bush"), kit.person("George Bush"))
'person-middle-name'
>>> kit.match(kit.person("Vince Cable"), kit.person("Vincent Cable"))
'person-given-variant'
>>> kit.match(kit.person("Kim Jong Il"), kit.person("Kim Jong-un")) is None
True
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from kg.resources import Resources
from kg.resources.names import NameLexicon

_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")  # initials written together: "H.W."

__all__ = ["fold", "PersonName", "NameKit", "is_acronym", "RULE_STRENGTH", "NEEDS_EVIDENCE"]

_DROP = re.compile(r"[.'’‘`´]")
_SPACE = re.compile(r"[\s\-‐–—_/]+")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")

# Rules that compare two full names, weakest last (a pair takes its weakest difference).
RULE_STRENGTH = ("person-same-name", "person-transliteration", "person-middle-name", "person-suffix",
                 "person-initial", "person-given-variant")
# Rules that need evidence beyond the names (two people may be "Tom Jones" and "Tommy Lee Jones").
NEEDS_EVIDENCE = frozenset({"person-middle-name", "person-suffix", "person-initial", "person-given-variant"})


@lru_cache(maxsize=1 << 18)  # a corpus of 100,000 articles folds ~270,000 distinct names
def fold(text: str) -> str:
    """Comparison form of a name: "Kim Jong-un" -> "kim jong un", "Kilroy-Silk" -> "kilroy silk"."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = re.sub(r"(?:'s|’s)$", "", s.strip())
    s = _DROP.sub("", s)
    return _SPACE.sub(" ", s).strip()


def is_acronym(name: str) -> bool:
    """"PCS", "UKIP", "U.N." (full stops aside): two to eight capitals or digits, starting with a letter."""
    return bool(_ACRONYM.match(name.replace(".", "").strip()))


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name: folded given names (initials as one letter) and folded surname.

    ``given`` is empty for a one-word name (then ``surname`` is that word, which may also be a
    given name); ``sex`` comes from a title written with the name ("Mrs", "Lord")."""

    given: tuple[str, ...]
    surname: str
    sex: str | None = None
    titled: bool = False
    suffix: str = ""  # "jr", "sr", "iii": another generation
    address: bool = False  # the title is a form of address ("Mr", "Dr", "Lord"), not a rank

    @property
    def full(self) -> bool:
        return bool(self.given)

    @property
    def form(self) -> str:
        return " ".join((*self.given, self.surname))


@dataclass(frozen=True)
class NameKit:
    """The word lists name comparison needs, taken once from the resources and the name lexicon."""

    lex: NameLexicon
    titles: frozenset[str]  # folded titles of address and honorifics ("mr", "president")
    female: frozenset[str]
    male: frozenset[str]
    # parsed names by text: a corpus writes the same names again and again (at 100,000 articles
    # corpus resolution parsed 650,000 names, 12 s); PersonName is frozen, so sharing is safe
    _parsed: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, res: Resources, lex: NameLexicon) -> "NameKit":
        w = res.entities.words
        titles = {fold(t) for t in w.name_titles | w.honorifics | w.female_titles | w.male_titles}
        return cls(lex, frozenset(t for t in titles if t), frozenset(fold(t) for t in w.female_titles),
                   frozenset(fold(t) for t in w.male_titles))

    @property
    def address(self) -> frozenset[str]:
        return self.lex.address_titles

    # -- people -------------------------------------------------------------------------------
    def person(self, text: str) -> PersonName | None:
        """Parse a person's name ("Mr Tony Blair", "Kim Jong-un", "Osama bin Laden"); None if
        nothing but titles is left."""
        try:
            return self._parsed[text]
        except KeyError:
            parsed = self._parsed[text] = self._parse(text)
            return parsed

    def _parse(self, text: str) -> PersonName | None:
        words = [w for w in text.replace(",", " ").split() if fold(w)]
        words = [i for w in words for i in (re.findall(r"[A-Z]\.", w) if _INITIALS.fullmatch(w) else [w])]  # "H.W."
        sex, titled, address, suffix = None, False, False, ""
        while len(words) > 1 and fold(words[0]) in self.titles:
            t = fold(words.pop(0))
            titled, address = True, address or t in self.lex.address_titles
            sex = sex or ("female" if t in self.female else "male" if t in self.male else None)
        while len(words) > 1 and fold(words[-1]) in self.lex.suffixes:
            suffix = suffix or fold(words.pop())
        if not words or (len(words) == 1 and fold(words[0]) in self.titles):
            return None
        if len(words) == 1:
            return PersonName((), fold(words[0]), sex, titled, suffix, address)
        if fold(words[0]) in self.lex.surname_first and self._surname_first(words):
            given = tuple(p for w in words[1:] for p in fold(w).split())
            return PersonName(given, fold(words[0]), sex, titled, suffix, address)
        cut = len(words) - 1
        while cut > 1 and fold(words[cut - 1]) in self.lex.particles:
            cut -= 1  # "Osama bin Laden": the particle belongs to the surname
        given = tuple(p for w in words[:cut] for p in fold(w).split())
        return PersonName(given, fold(" ".join(words[cut:])), sex, titled, suffix, address)

    def _surname_first(self, words: list[str]) -> bool:
        """"Kim Jong Un", "Moon Jae-in", "Xi Jinping" (but not "Lee Smith", a given name first)."""
        return len(words) >= 3 or "-" in words[1] or not self.lex.given_groups(fold(words[1]))

    def core(self, surname: str) -> str:
        """The surname without particles: "bin laden" -> "laden", "al zarqawi" -> "zarqawi"."""
        parts = [p for p in surname.split() if p not in self.lex.particles]
        return " ".join(parts) or surname

    def same_part(self, a: str, b: str) -> str | None:
        """How two name parts (a given name or a surname) are one: equal, transliterations."""
        if a == b:
            return "person-same-name"
        if all(self.lex.transliteration_groups(x) & self.lex.transliteration_groups(y)
               for x, y in _aligned(a, b)):
            return "person-transliteration"
        return None

    def same_given(self, a: str, b: str) -> str | None:
        """How two given names are one: equal, initial, variants ("Vince"/"Vincent"), transliterations."""
        same = self.same_part(a, b)
        if same:
            return same
        if (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
            return "person-initial"
        if self.lex.given_groups(a) & self.lex.given_groups(b):
            return "person-given-variant"
        return None

    def surname_matches(self, name: PersonName, word: str) -> bool:
        """Is ``word`` (folded) this person's surname, or a transliteration of it?"""
        return self.same_part(self.core(name.surname), self.core(word)) is not None \
            or self.same_part(name.surname, word) is not None

    def match(self, a: PersonName | None, b: PersonName | None) -> str | None:
        """The rule that makes two *full* names one person (see :data:`RULE_STRENGTH`), or None
        when they name two people ("Gordon Brown"/"Nick Brown", "Kim Jong Il"/"Kim Jong Un",
        "George H W Bush"/"George W Bush", "Mr"/"Mrs")."""
        if a is None or b is None or not a.full or not b.full:
            return None
        if a.sex and b.sex and a.sex != b.sex:
            return None
        if a.suffix and b.suffix and a.suffix != b.suffix:
            return None  # "Douglas Fairbanks Sr" / "Douglas Fairbanks Jr"
        found = [self.same_part(self.core(a.surname), self.core(b.surname))]
        if a.suffix != b.suffix:
            found.append("person-suffix")
        found.append(self.same_given(a.given[0], b.given[0]))
        ma, mb = a.given[1:], b.given[1:]
        if ma and mb:
            if len(ma) != len(mb):
                return None
            found += [self.same_given(x, y) for x, y in zip(ma, mb)]
        elif ma or mb:
            if found[1] != "person-same-name":
                return None  # two differences at once: "Tom Jones" / "Tommy Lee Jones"
            found.append("person-middle-name")
        if None in found:
            return None
        return max(found, key=RULE_STRENGTH.index)

    # -- organisations --------------------------------------------------------------------------
    def initials(self, name: str) -> str:
        """The letters an acronym of ``name`` takes: "Public and Commercial Services Union" -> "PCSU"."""
        out = []
        for w in name.split():
            for part in w.split("-"):
                f = fold(part)
                if is_acronym(part):
                    out.append(part.replace(".", ""))  # "UK Independence Party" -> "UKIP"
                elif f and f not in self.lex.connectors and part[:1].isalpha():
                    out.append(part[0].upper())
        return "".join(out)

    def acronyms(self, name: str) -> frozenset[str]:
        """The acronyms that abbreviate ``name``: its initials in full, and all but a last head word
        ("PCS" for "Public and Commercial Services Union")."""
        letters = self.initials(name)
        words = [w for w in name.split() if w[:1].isalpha() and not is_acronym(w) and fold(w) not in self.lex.connectors]
        if len(letters) < 2 or len(words) < 2:
            return frozenset()  # "BBC 1", "BBC News": an acronym with a word added is no expansion of it
        out = {letters}
        if len(letters) >= 3 and fold(name.split()[-1]) in _ORG_TAILS:
            out.add(letters[:-1])
        return frozenset(out)

    def acronym_fits(self, acronym: str, name: str) -> bool:
        """Does ``acronym`` abbreviate ``name`` (see :meth:`acronyms`)?"""
        return acronym.replace(".", "").upper() in self.acronyms(name)


_ORG_TAILS = frozenset({"union", "party", "association", "organisation", "organization", "group", "movement",
                        "front", "council", "committee"})


def _aligned(a: str, b: str) -> list[tuple[str, str]]:
    """Word pairs of two name parts of the same length (else one pair of the wholes)."""
    wa, wb = a.split(), b.split()
    return list(zip(wa, wb)) if len(wa) == len(wb) else [(a, b)]
