"""Choose which entities and facts the HTML page shows.

Selection is pure and deterministic: the same graph and options always give the same
:class:`Selection`, with keys and facts sorted.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from typing import Sequence

from kg.model import KnowledgeGraph

__all__ = ["Selection", "select_subgraph", "match_focus"]

log = logging.getLogger(__name__)

Fact = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Selection:
    """The entity keys and facts to draw (both sorted), and the focus keys matched."""

    keys: tuple[str, ...]
    facts: tuple[Fact, ...]
    focus: tuple[str, ...] = ()


def _visible_facts(graph: KnowledgeGraph, *, include_hedged: bool) -> list[Fact]:
    facts = sorted(graph.facts)
    if include_hedged:
        return [f for f in facts if graph.facts[f]]
    return [f for f in facts if graph.is_asserted(f)]


def match_focus(graph: KnowledgeGraph, terms: Sequence[str]) -> tuple[str, ...]:
    """Entity keys whose name, alias or key equals a focus term (case-insensitive).

    A term with no exact match falls back to substring matching on names and aliases.
    Raises ``ValueError`` naming the terms that match nothing.
    """
    names: dict[str, set[str]] = defaultdict(set)
    for key, ent in graph.entities.items():
        for label in (ent.name, key, *ent.aliases):
            names[label.casefold()].add(key)
    found: set[str] = set()
    missing: list[str] = []
    for term in terms:
        needle = term.strip().casefold()
        if not needle:
            continue
        hits = set(names.get(needle, ()))
        if not hits:
            hits = {k for label, keys in names.items() if needle in label for k in keys}
        if not hits:
            missing.append(term)
        found |= hits
    if missing:
        raise ValueError(
            f"focus term(s) {missing!r} match no entity name, alias or key; "
            "check the spelling or list entities with the graph exports"
        )
    return tuple(sorted(found))


def select_subgraph(
    graph: KnowledgeGraph,
    *,
    max_nodes: int | None = None,
    focus: Sequence[str] = (),
    hops: int = 1,
    include_hedged: bool = True,
) -> Selection:
    """Pick the entities and facts to render.

    ``focus`` keeps the entities within ``hops`` edges of any matching entity; ``max_nodes``
    then keeps the N most connected of the remaining entities (degree, then mentions, then
    key), always keeping focus entities first.  Facts are kept when both ends are kept.
    """
    if max_nodes is not None and max_nodes < 1:
        raise ValueError(f"max_nodes must be a positive integer or None, got {max_nodes!r}")
    if hops < 0:
        raise ValueError(f"hops must be >= 0, got {hops!r}")
    facts = _visible_facts(graph, include_hedged=include_hedged)
    if not focus and (max_nodes is None or max_nodes >= len(graph.entities)):
        ents = graph.entities
        return Selection(tuple(sorted(ents)), tuple(f for f in facts if f[0] in ents and f[2] in ents), ())
    neighbours: dict[str, set[str]] = defaultdict(set)
    degree: dict[str, int] = defaultdict(int)
    for s, _p, o in facts:
        neighbours[s].add(o)
        neighbours[o].add(s)
        degree[s] += 1
        degree[o] += 1

    keys: set[str] = set(graph.entities)
    focus_keys: tuple[str, ...] = ()
    if focus:
        focus_keys = match_focus(graph, focus)
        keys = set(focus_keys)
        frontier = set(focus_keys)
        for _ in range(hops):
            frontier = {n for k in frontier for n in neighbours[k]} - keys
            if not frontier:
                break
            keys |= frontier

    if max_nodes is not None and len(keys) > max_nodes:
        focus_set = set(focus_keys)

        def rank(key: str) -> tuple[int, int, int, str]:
            return (0 if key in focus_set else 1, -degree[key], -graph.entities[key].mentions, key)

        kept = sorted(keys, key=rank)[:max_nodes]
        log.info("showing %d of %d entities (max_nodes=%d)", len(kept), len(keys), max_nodes)
        keys = set(kept)

    kept_facts = tuple(f for f in facts if f[0] in keys and f[2] in keys)
    return Selection(tuple(sorted(keys)), kept_facts, focus_keys)
