"""Load and validate the data files the extractor reads: ontology, lexicons, gazetteer.

Everything the extractor knows about the world or about English lives in ``ontologies/``:

* ``newskg.ttl``               classes and relation properties (domain, range, symmetry)
* ``lexicon/relations.toml``   triggers per relation property (verbs, nouns, roles, ...)
* ``lexicon/entities.toml``    head words, titles-independent word lists, entity patterns
* ``lexicon/time.toml``        role status, time-expression and attribution words
* ``gazetteer/*.jsonl``        countries, organisations, cities with aliases
* ``offices/*.jsonl``          heads of state and government, ministers, with their terms

Files are validated on load; a bad file raises :class:`kg.errors.DataFileError` naming the file
and the entry.  Nothing here depends on spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from kg.errors import DataFileError
from kg.resources.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from kg.resources.lexicon import (
    PREPOSITIONS,
    TRIGGER_KINDS,
    EntityLexicon,
    RelationLexicon,
    Trigger,
    load_entity_lexicon,
    load_relation_lexicon,
    load_time_words,
)
from kg.resources.offices import Offices, load_offices
from kg.resources.ontology import Ontology, PropertyDef, load_ontology
from kg.resources.words import TimeWords

__all__ = [
    "data_dir",
    "Ontology",
    "PropertyDef",
    "RelationLexicon",
    "Trigger",
    "GazetteerEntry",
    "Gazetteer",
    "EntityLexicon",
    "Resources",
    "load_resources",
    "load_ontology",
    "load_relation_lexicon",
    "load_entity_lexicon",
    "load_gazetteer",
    "TRIGGER_KINDS",
    "PREPOSITIONS",
]


def data_dir() -> Path:
    """The ``ontologies`` folder: inside the installed wheel, or at the repository root."""
    here = Path(__file__).resolve().parent.parent  # the kg package
    for candidate in (here / "ontologies", here.parent / "ontologies"):
        if (candidate / "newskg.ttl").is_file():
            return candidate
    raise DataFileError(
        "cannot find the newskg data folder (ontologies/newskg.ttl) next to the kg package; "
        "reinstall newskg (`pip install -e .` from the repository)."
    )


@dataclass(frozen=True)
class Resources:
    """Everything the extractor reads, loaded once per build."""

    ontology: Ontology
    relations: RelationLexicon
    entities: EntityLexicon
    gazetteer: Gazetteer
    folder: Path
    time: TimeWords  # lexicon/time.toml: role status, time expressions, attribution
    offices: Offices  # offices/holders.jsonl: heads of state and government with their terms

    @property
    def ontology_path(self) -> Path:
        return self.folder / "newskg.ttl"

    @cached_property
    def title_words(self) -> frozenset[str]:
        """Words that belong in a job title, not in a name: honorifics, forms of address and their
        modifiers, portfolios ("Defence" of "Defence Secretary") and the role triggers."""
        ew, rw = self.entities.words, self.relations.words
        return frozenset().union(ew.honorifics, ew.name_titles, ew.title_modifiers,
                                 rw.portfolios, self.relations.by_lemma("roles"))

    @cached_property
    def person_nouns(self) -> frozenset[str]:
        """Nouns that denote a person only: the occupations word list and the roles of worksFor,
        livesIn and killed (one-word roles and the last word of longer ones).  Roles of leaderOf are
        left out: an organisation is "the market leader" or "the owner of" something too."""
        out = set(self.relations.words.occupations)
        for t in self.relations.triggers.get("roles", ()):
            if t.prop in ("worksFor", "livesIn", "killed"):
                out.add(t.lemma.split()[-1])
        return frozenset(out)


@lru_cache(maxsize=4)
def load_resources(folder: Path | None = None) -> Resources:
    """Load and validate the data folder (default: the shipped ``ontologies/``)."""
    folder = Path(folder) if folder else data_dir()
    onto = load_ontology(folder / "newskg.ttl")
    gazetteer = load_gazetteer(folder / "gazetteer", onto)
    countries = frozenset(k for k, e in gazetteer.entries.items() if e.cls == "Country")
    return Resources(
        ontology=onto,
        relations=load_relation_lexicon(folder / "lexicon" / "relations.toml", onto),
        entities=load_entity_lexicon(folder / "lexicon" / "entities.toml", onto),
        gazetteer=gazetteer,
        folder=folder,
        time=load_time_words(folder / "lexicon" / "time.toml"),
        offices=load_offices(folder / "offices", countries),
    )
