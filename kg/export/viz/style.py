"""Colours and shapes of ontology classes and modality line styles on the HTML page."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ClassStyle", "CLASS_STYLES", "DEFAULT_STYLE", "style_of"]


@dataclass(frozen=True, slots=True)
class ClassStyle:
    """How nodes of one class are drawn: a vis-network shape and a fill colour."""

    shape: str
    color: str


# Shapes group class families (agents, places, products, events); colours tell classes apart.
# Colours are from the Tableau-10/20 palette, readable on white and distinguishable in print.
CLASS_STYLES: dict[str, ClassStyle] = {
    "Person": ClassStyle("dot", "#4e79a7"),
    "Organization": ClassStyle("square", "#f28e2b"),
    "GovernmentBody": ClassStyle("square", "#e15759"),
    "MilitaryUnit": ClassStyle("square", "#9c755f"),
    "Group": ClassStyle("triangleDown", "#b07aa1"),
    "Agent": ClassStyle("dot", "#79706e"),
    "Country": ClassStyle("hexagon", "#59a14f"),
    "City": ClassStyle("diamond", "#86bcb6"),
    "Place": ClassStyle("diamond", "#8cd17d"),
    "Product": ClassStyle("star", "#edc948"),
    "WeaponSystem": ClassStyle("star", "#d37295"),
    "Event": ClassStyle("triangle", "#ff9da7"),
    "Law": ClassStyle("triangle", "#bab0ac"),
    "Document": ClassStyle("square", "#d7b5a6"),
}
DEFAULT_STYLE = ClassStyle("dot", "#9d9d9d")


def style_of(cls: str) -> ClassStyle:
    """Style of a class given as a local name (``Person``) or a prefixed/full IRI."""
    local = cls.rsplit("#", 1)[-1].rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    return CLASS_STYLES.get(local, DEFAULT_STYLE)
