"""The interactive, offline HTML page of a knowledge graph (vis-network, as shipped by pyvis).

Usage::

    from kg.export.viz import render_html
    Path("output/graph.html").write_text(render_html(graph, max_nodes=500), encoding="utf-8")

The page is one self-contained file (works from ``file://``), deterministic (same graph, same
bytes) and treats every name and sentence as text.  It sets ``window.__newskgReady = true`` and
fires a ``newskg:ready`` event on ``window`` once the network is drawn; ``window.__newskg``
exposes the vis-network objects for tests.
"""

from __future__ import annotations

import logging
from typing import Callable, Literal, Sequence

from kg.model import KnowledgeGraph
from kg.export.viz.page import assemble_page
from kg.export.viz.payload import build_payload, script_json
from kg.export.viz.select import Selection, select_subgraph

__all__ = ["render_html", "select_subgraph", "Selection", "PHYSICS_MAX_NODES"]

log = logging.getLogger(__name__)

# Above this many nodes positions are computed in Python and browser physics stays off.
PHYSICS_MAX_NODES = 400


def render_html(
    graph: KnowledgeGraph,
    *,
    title: str = "newskg",
    max_nodes: int | None = None,
    focus: Sequence[str] = (),
    hops: int = 1,
    iri_of: Callable[[str], str] | None = None,
    include_hedged: bool = True,
    layout: Literal["auto", "physics", "fixed"] = "auto",
) -> str:
    """Render ``graph`` as a self-contained interactive HTML page and return it.

    ``max_nodes`` keeps the N most connected entities; ``focus`` keeps the ``hops``-neighbourhood
    of the entities whose name, alias or key matches a term (case-insensitive; ValueError if a
    term matches nothing); ``include_hedged=False`` drops facts with no asserted evidence;
    ``iri_of`` (key -> IRI) adds each entity's IRI to its details.  ``layout`` chooses between
    in-browser physics (small graphs) and a precomputed radial layout (``"auto"``: by size).
    """
    if isinstance(focus, str):
        focus = (focus,)
    if layout not in ("auto", "physics", "fixed"):
        raise ValueError(f"layout must be 'auto', 'physics' or 'fixed', got {layout!r}")
    selection = select_subgraph(
        graph, max_nodes=max_nodes, focus=focus, hops=hops, include_hedged=include_hedged
    )
    fixed = layout == "fixed" or (layout == "auto" and len(selection.keys) > PHYSICS_MAX_NODES)
    payload = build_payload(graph, selection, title=title, fixed_layout=fixed, iri_of=iri_of)
    log.info(
        "HTML graph: %d entities, %d facts, %s layout", len(selection.keys), len(selection.facts),
        "fixed" if fixed else "physics",
    )
    return assemble_page(title=title, data_json=script_json(payload))
