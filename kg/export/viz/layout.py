"""Cheap, deterministic layouts for graphs too large for in-browser physics.

:func:`community_layout` groups entities by Louvain community (fixed seed) first.  Within a
group, each connected component is drawn as a radial tree: a breadth-first tree from its most
connected entity, every node getting an angular wedge proportional to the size of its subtree
and a ring per depth.  Components are packed in rows, largest first; isolated entities fill a
grid underneath.  Everything is O(nodes + edges) and uses no randomness.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Iterable, Sequence

__all__ = ["radial_layout", "community_layout"]

SPACING = 80.0  # minimal distance between neighbours on a ring / grid (nodes are up to 84 px wide)
RING = 220.0  # minimal distance between rings


def _components(keys: Sequence[str], adj: dict[str, list[str]]) -> list[list[str]]:
    """Components as BFS orders from their most connected node (ties: key order)."""
    order = sorted(keys, key=lambda k: (-len(adj[k]), k))
    seen: set[str] = set()
    comps: list[list[str]] = []
    for root in order:
        if root in seen:
            continue
        seen.add(root)
        comp = [root]
        i = 0
        while i < len(comp):
            for n in adj[comp[i]]:
                if n not in seen:
                    seen.add(n)
                    comp.append(n)
            i += 1
        comps.append(comp)
    return comps


def _radial(comp: list[str], adj: dict[str, list[str]]) -> tuple[dict[str, tuple[float, float]], float]:
    """Radial-tree positions of one component (centred on 0,0) and its radius."""
    root = comp[0]
    parent: dict[str, str | None] = {root: None}
    depth: dict[str, int] = {root: 0}
    children: dict[str, list[str]] = defaultdict(list)
    for node in comp:  # comp is already a BFS order, so parents come first
        for n in adj[node]:
            if n not in parent:
                parent[n] = node
                depth[n] = depth[node] + 1
                children[node].append(n)
    size: dict[str, int] = {}
    for node in reversed(comp):
        size[node] = 1 + sum(size[c] for c in children[node])
    per_depth: dict[int, int] = defaultdict(int)
    for node in comp:
        per_depth[depth[node]] += 1
    radius: dict[int, float] = {0: 0.0}
    for d in range(1, max(per_depth) + 1):
        need = per_depth[d] * SPACING / (2 * math.pi)
        radius[d] = max(radius[d - 1] + RING, need)
    wedge: dict[str, tuple[float, float]] = {root: (0.0, 2 * math.pi)}
    pos: dict[str, tuple[float, float]] = {}
    for node in comp:
        lo, hi = wedge[node]
        angle = (lo + hi) / 2
        r = radius[depth[node]]
        pos[node] = (r * math.cos(angle), r * math.sin(angle))
        kids = children[node]
        total = sum(size[c] for c in kids)
        start = lo
        for c in kids:
            span = (hi - lo) * size[c] / total
            wedge[c] = (start, start + span)
            start += span
    return pos, radius[max(per_depth)] + SPACING


def _pack(blocks: list[tuple[dict[str, tuple[float, float]], float]], singles: list[str]) -> dict[str, tuple[int, int]]:
    """Shelf-pack circular blocks in rows (roughly square overall), singles in a grid below."""
    area = sum((2 * r) ** 2 for _, r in blocks) + len(singles) * (2 * SPACING) ** 2
    row_width = max([2 * r for _, r in blocks] + [math.sqrt(area), 1200.0])
    placed: dict[str, tuple[int, int]] = {}
    x = y = row_height = 0.0
    for pos, r in blocks:
        if x > 0 and x + 2 * r > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + r, y + r
        for node, (px, py) in pos.items():
            placed[node] = (round(cx + px), round(cy + py))
        x += 2 * r
        row_height = max(row_height, 2 * r)
    y += row_height + (2 * SPACING if blocks else 0)
    cols = max(1, int(row_width // (2 * SPACING)))
    for i, node in enumerate(singles):
        placed[node] = (round((i % cols) * 2 * SPACING), round(y + (i // cols) * 2 * SPACING))
    return placed


def _adjacency(keys: list[str], edges: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    nbrs: dict[str, set[str]] = {k: set() for k in keys}
    for a, b in edges:
        if a != b and a in nbrs and b in nbrs:
            nbrs[a].add(b)
            nbrs[b].add(a)
    return {k: sorted(v, key=lambda n: (-len(nbrs[n]), n)) for k, v in nbrs.items()}


def radial_layout(keys: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, tuple[int, int]]:
    """Integer positions: one radial tree per connected component; see the module docstring."""
    keys = sorted(set(keys))
    adj = _adjacency(keys, edges)
    comps = _components(keys, adj)
    blocks = [_radial(c, adj) for c in comps if len(c) > 1]
    return _pack(blocks, [c[0] for c in comps if len(c) == 1])


def community_layout(
    keys: Iterable[str], edges: Iterable[tuple[str, str]], *, max_edges: int = 60_000
) -> dict[str, tuple[int, int]]:
    """Integer positions: Louvain communities (fixed seed), each drawn as radial trees.

    Related entities end up in the same cluster, which reads much better than one big tree.
    Above ``max_edges`` edges community detection gets slow and :func:`radial_layout` is used.
    """
    keys = sorted(set(keys))
    adj = _adjacency(keys, edges)
    n_edges = sum(len(v) for v in adj.values()) // 2
    if n_edges > max_edges:
        return radial_layout(keys, ((a, b) for a in adj for b in adj[a] if a < b))
    import networkx as nx

    graph = nx.Graph()
    linked = [k for k in keys if adj[k]]
    graph.add_nodes_from(linked)
    graph.add_edges_from((a, b) for a in linked for b in adj[a] if a < b)
    communities = nx.community.louvain_communities(graph, seed=0) if linked else []
    communities = sorted((sorted(c) for c in communities), key=lambda c: (-len(c), c[0]))
    blocks = []
    for community in communities:
        members = set(community)
        sub = {k: [n for n in adj[k] if n in members] for k in community}
        blocks.extend(_radial(c, sub) for c in _components(community, sub))
    return _pack(blocks, [k for k in keys if not adj[k]])
