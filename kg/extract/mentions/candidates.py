"""The working list of the mention stage: candidate spans with priorities, and the tokens the
gazetteer already covers; no span may hold a token of a description of one person."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.extract.mentions.records import Mention

__all__ = ["Candidates"]


@dataclass
class Candidates:
    """The candidate spans of one document (the stage's working list, local to one call)."""

    doc: Doc
    items: list[tuple[float, int, int, Mention]] = field(default_factory=list)  # (priority, start, end, mention)
    gaz_covered: set[int] = field(default_factory=set)  # tokens inside a gazetteer name
    region_covered: set[int] = field(default_factory=set)  # tokens inside a region's or a city's name
    described: set[int] = field(default_factory=set)  # tokens of a description of one person ("the Ohio Democrat")

    def add(self, priority: float, start: int, end: int, cls: str, source: str, **kw) -> None:
        if end > start and not self.described.intersection(range(start, end)):
            self.items.append((priority, start, end, Mention(start, end, self.doc[start:end].text, cls, source, **kw)))
