"""Communities of the page's entities: the groups the page lays out together and shades.

The page draws a budgeted core and lays it out in the browser (force-directed, seeded by
community); this module only decides which entities belong together.  Louvain (networkx, fixed
seed) runs on the ``max_nodes`` most connected entities, where it is fast and where the drawing
happens; every other linked entity takes the community of the first community member it is
reached from (breadth-first from the most connected), and a component with no such member
becomes one community of its own.  Everything is deterministic and O(nodes + edges) outside
the Louvain step.
"""

from __future__ import annotations

from collections import deque
from typing import Iterable

__all__ = ["communities", "COMMUNITY_NODES"]

# Louvain runs on at most this many entities (the most connected): the page draws at most 2,000.
COMMUNITY_NODES = 2000


def _adjacency(keys: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Sorted neighbour lists (no self-loops, no duplicates)."""
    nbrs: dict[str, set[str]] = {k: set() for k in keys}
    for a, b in edges:
        if a != b and a in nbrs and b in nbrs:
            nbrs[a].add(b)
            nbrs[b].add(a)
    return {k: sorted(v) for k, v in nbrs.items()}


def _louvain(keys: list[str], adj: dict[str, list[str]]) -> list[list[str]]:
    import networkx as nx

    members = set(keys)
    graph = nx.Graph()
    graph.add_nodes_from(keys)
    graph.add_edges_from((a, b) for a in keys for b in adj[a] if a < b and b in members)
    found = nx.community.louvain_communities(graph, seed=0) if graph.number_of_edges() else []
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))


def communities(
    keys: Iterable[str], edges: Iterable[tuple[str, str]], *, max_nodes: int = COMMUNITY_NODES
) -> dict[str, int]:
    """Community number of every entity with a fact (0 is the largest group); isolated ones get -1.

    ``edges`` are (subject, object) pairs; their direction and property do not matter.
    """
    keys = sorted(set(keys))
    adj = _adjacency(keys, edges)
    ranked = sorted((k for k in keys if adj[k]), key=lambda k: (-len(adj[k]), k))
    result = {k: -1 for k in keys}
    groups = _louvain(ranked[:max_nodes], adj)
    for number, group in enumerate(groups):
        for key in group:
            result[key] = number
    # spread outward from the Louvain part, most connected first
    queue = deque(k for k in ranked if result[k] >= 0)
    next_number = len(groups)
    for start in ranked:
        if result[start] < 0:  # a component Louvain never saw: one community of its own
            result[start] = next_number
            next_number += 1
            queue.append(start)
        while queue:
            node = queue.popleft()
            for n in adj[node]:
                if result[n] < 0:
                    result[n] = result[node]
                    queue.append(n)
    return result
