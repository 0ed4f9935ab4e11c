"""The small immutable records the relation rules exchange.

A rule reads a :class:`~kg.extract.relations.view.DocView` and returns a :class:`RuleResult`:
the :class:`Reading`\\ s it found and what it learned about persons (job titles, affiliations).
Rules never change shared state: the engine folds each result into the :class:`Learned` record
that the next rule receives.

>>> a = Learned().plus(RuleResult(affiliations=(("person/ana lind", "country/rur"),)))
>>> a.affiliation("person/ana lind")
'country/rur'
>>> a.plus(RuleResult(affiliations=(("person/ana lind", "org/acme"),))).affiliation("person/ana lind")
'country/rur'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

__all__ = ["Arg", "Reading", "RuleResult", "Learned", "NOTHING", "result_of"]


@dataclass(frozen=True, slots=True)
class Arg:
    """An entity an argument token stands for, with the factor its reading costs (coreference,
    a demonym, a climbed clause: each makes the fact a little less certain); ``via`` is "forces"
    when it was read through its troops or arms ("<demonym> troops"), which only some properties
    admit (``force_properties``)."""

    key: str
    factor: float = 1.0
    via: str = ""

    def times(self, factor: float) -> Arg:
        """The same argument at ``factor`` times its cost (a clause climbed, an 'of'-phrase)."""
        return Arg(self.key, self.factor * factor, self.via)


@dataclass(frozen=True, slots=True)
class Reading:
    """One fact a rule read: property, subject, object, the rule's id and the token it hangs on
    (its sentence is the evidence; its clause decides the modality unless ``modality`` is set)."""

    prop: str
    subject: Arg
    object: Arg
    rule: str
    anchor: int
    modality: str | None = None
    status: str | None = None  # role status of a post reading (kg.extract.relations.status)


@dataclass(frozen=True, slots=True)
class RuleResult:
    """What one rule returns for one unit (a token, a mention or a match)."""

    readings: tuple[Reading, ...] = ()
    titles: tuple[tuple[str, str], ...] = ()  # (person key, job title as written)
    affiliations: tuple[tuple[str, str], ...] = ()  # (person key, country/organisation key)


NOTHING = RuleResult()


def result_of(readings) -> RuleResult:
    """A result holding the readings that are not None (a rule's candidate readings)."""
    kept = tuple(r for r in readings if r is not None)
    return RuleResult(kept) if kept else NOTHING


@dataclass(frozen=True, slots=True)
class Learned:
    """What the rules so far learned about persons: their job titles and the country or
    organisation a title ties them to (the first one read wins, as in the text's order)."""

    titles: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    affiliations: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def affiliation(self, key: str) -> str | None:
        return self.affiliations.get(key)

    def plus(self, result: RuleResult) -> "Learned":
        """This record with ``result``'s titles and (new) affiliations added."""
        if not result.titles and not result.affiliations:
            return self
        titles = dict(self.titles)
        for key, title in result.titles:
            titles[key] = titles.get(key, frozenset()) | {title}
        aff = dict(self.affiliations)
        for key, owner in result.affiliations:
            aff.setdefault(key, owner)
        return Learned(MappingProxyType(titles), MappingProxyType(aff))
