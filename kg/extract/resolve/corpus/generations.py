"""Surnames and generations for the person rules: which spellings are one surname, and which texts
tell a father from a son ("Donald Trump" and "Donald Trump Jr.").

A lone surname is never the son a text writes with his generation: news calls him "Trump Jr.", so a
bare "Trump" in a text that names both (or writes "Trump Jr." besides) is the other generation, and a
bare surname in a text that never names the son is not him.  A text that names only the son ("Martin
Luther King Jr. ... King said") keeps its lone surname for him.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from kg.extract.resolve.corpus.clusters import Clusters
from kg.extract.resolve.corpus.units import Unit
from kg.extract.resolve.names import NameKit

__all__ = ["surname_group", "both_generations", "junior"]


def surname_group(kit: NameKit, surname: str) -> str:
    """The surname's core with each word replaced by its transliteration group ("Gaddafi", "Qadhafi":
    one group), the key under which the person rules look surnames up."""
    core = kit.core(surname)
    groups = [min(kit.lex.transliteration_groups(w)) if kit.lex.transliteration_groups(w) else None
              for w in core.split()]
    return " ".join(f"#{g}" if g is not None else w for g, w in zip(groups, core.split()))


def both_generations(units: Iterable[Unit], kit: NameKit) -> set[tuple[str, str]]:
    """(text, surname group) of the texts that name in full a person with a generation and one without."""
    seen: dict[tuple[str, str], set[bool]] = defaultdict(set)
    for u in units:
        if not u.short and u.person is not None and u.person.full:
            for d in u.docs:
                seen[(d, surname_group(kit, u.person.surname))].add(bool(u.person.suffix))
    return {k for k, v in seen.items() if len(v) == 2}


def junior(clusters: Clusters, root: int, doc: str) -> bool:
    """Is the person of cluster ``root`` named with a generation ("Donald Trump Jr.") in texts other
    than ``doc`` only?  A bare surname in another text is the namesake news calls by it, not the son."""
    units = clusters.cluster(root)
    return any(v.person is not None and v.person.suffix for v in units) and all(doc not in v.docs for v in units)
