"""The analyst's page: one self-contained, offline HTML file drawn from a knowledge graph.

Usage (what ``kg build`` does, and what ``kg render`` can do from the store without NLP)::

    from kg.export.viz import render_html
    Path("output/graph.html").write_text(render_html(graph), encoding="utf-8")

Two steps, for callers that want the data itself::

    payload = page_payload(graph, budget=300)      # a JSON-able dict, schema in payload.py
    html = render_page(payload)                    # the page around it

The page is deterministic (same graph and options, same bytes), loads nothing from the network
(a Content-Security-Policy forbids it) and inserts every name and sentence as text.  It opens on
a budgeted, connected core of the graph; the lists, filters and "expand" reach the rest.  See
docs/page.md for what a user sees.  For tests it sets ``window.__newskgReady = true`` and fires
``newskg:ready`` on ``window`` once the first view is drawn; ``window.__newskg`` exposes its
state and the vis-network objects.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Sequence

from kg.export.viz.dates import Span, evidence_date
from kg.export.viz.page import assemble_page
from kg.export.viz.payload import DEFAULT_BUDGET, SCHEMA, build_payload, script_json
from kg.export.viz.select import Selection, select_subgraph
from kg.model import Evidence, KnowledgeGraph

__all__ = ["render_html", "render_page", "page_payload", "select_subgraph", "Selection", "DEFAULT_BUDGET",
           "MAX_BUDGET", "SCHEMA"]

log = logging.getLogger(__name__)

MAX_BUDGET = 2000  # the most entities the page will lay out and draw at once


def page_payload(
    graph: KnowledgeGraph,
    *,
    title: str = "newskg",
    max_nodes: int | None = None,
    focus: Sequence[str] = (),
    hops: int = 1,
    include_hedged: bool = True,
    budget: int = DEFAULT_BUDGET,
    iri_of: Callable[[str], str] | None = None,
    date_of: Callable[[Evidence], Span | None] = evidence_date,
) -> dict[str, Any]:
    """The page's data for ``graph``; every input is explicit.

    * ``max_nodes``: embed only the N most connected entities (None: all of them).
    * ``focus`` / ``hops``: embed only the ``hops``-neighbourhood of the entities whose name,
      alias or key matches a term (case-insensitive; ValueError if a term matches nothing).
    * ``include_hedged``: False leaves out facts with no asserted evidence.
    * ``budget``: how many entities the page draws when it opens (1 to ``MAX_BUDGET``); the
      others stay in the lists and are drawn on demand.
    * ``iri_of``: key -> IRI, shown in each entity's details.
    * ``date_of``: evidence -> (first, last) ISO days of the event it reports, or None.
    """
    if isinstance(focus, str):
        focus = (focus,)
    if not 1 <= budget <= MAX_BUDGET:
        raise ValueError(f"budget must be between 1 and {MAX_BUDGET} entities, got {budget!r}")
    selection = select_subgraph(
        graph, max_nodes=max_nodes, focus=focus, hops=hops, include_hedged=include_hedged
    )
    options = {"maxNodes": max_nodes, "focus": list(focus), "hops": hops, "includeHedged": include_hedged}
    payload = build_payload(graph, selection, title=title, budget=budget, iri_of=iri_of, date_of=date_of,
                            options=options)
    log.info("HTML page: %d entities, %d facts embedded; %d drawn at first", len(selection.keys),
             len(selection.facts), min(budget, len(selection.keys)))
    return payload


def render_page(payload: dict[str, Any]) -> str:
    """The HTML document around a payload made by :func:`page_payload`."""
    if payload.get("schema") != SCHEMA:
        raise ValueError(f"the page expects a {SCHEMA} payload, got schema {payload.get('schema')!r}; "
                         "build it with kg.export.viz.page_payload")
    return assemble_page(title=payload["title"], data_json=script_json(payload))


def render_html(
    graph: KnowledgeGraph,
    *,
    title: str = "newskg",
    max_nodes: int | None = None,
    focus: Sequence[str] = (),
    hops: int = 1,
    include_hedged: bool = True,
    budget: int = DEFAULT_BUDGET,
    iri_of: Callable[[str], str] | None = None,
    date_of: Callable[[Evidence], Span | None] = evidence_date,
) -> str:
    """The whole page as a string: :func:`render_page` of :func:`page_payload` (same options)."""
    return render_page(page_payload(
        graph, title=title, max_nodes=max_nodes, focus=focus, hops=hops, include_hedged=include_hedged,
        budget=budget, iri_of=iri_of, date_of=date_of,
    ))
