"""What the scorer needs of the ontology, read through the one loader (:mod:`kg.resources`):
relation properties, the symmetric ones, super-properties and sub-classes."""

from __future__ import annotations

from pathlib import Path

from kg.resources import Ontology, data_dir
from kg.resources import load_ontology as _load

__all__ = ["ontology_of", "relation_properties", "symmetric_properties", "super_properties", "subclasses"]

_CACHE: dict[str, Ontology] = {}


def ontology_of(ontology: Ontology | str | Path | None = None) -> Ontology:
    """The ontology: given, read from a path, or the shipped ``newskg.ttl`` (read once)."""
    if isinstance(ontology, Ontology):
        return ontology
    path = str(Path(ontology or data_dir() / "newskg.ttl").resolve())
    if path not in _CACHE:
        _CACHE[path] = _load(Path(path))
    return _CACHE[path]


def relation_properties(ontology: Ontology | str | Path | None = None) -> frozenset[str]:
    """Local names of every (transitive) sub-property of ``kg:relation``."""
    return frozenset(ontology_of(ontology).properties)


def symmetric_properties(ontology: Ontology | str | Path | None = None) -> frozenset[str]:
    """Local names of the relation properties declared ``owl:SymmetricProperty``."""
    return ontology_of(ontology).symmetric


def super_properties(ontology: Ontology | str | Path | None = None) -> dict[str, frozenset[str]]:
    """property -> its strict super-properties among the relation properties."""
    onto = ontology_of(ontology)
    return {p: onto.super_properties(p) for p in onto.properties}


def subclasses(ontology: Ontology | str | Path | None = None) -> dict[str, frozenset[str]]:
    """class -> itself and all its sub-classes."""
    onto = ontology_of(ontology)
    return {c: onto.subclasses(c) for c in onto.classes}
