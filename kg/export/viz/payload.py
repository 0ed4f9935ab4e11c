"""The JSON document embedded in the HTML page, and its script-safe serialisation.

The page script builds vis-network items from this payload; nothing here is markup.  Strings
stay plain text: the page inserts them with ``textContent`` only.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from typing import Any, Callable

from kg.model import Evidence, KnowledgeGraph
from kg.export.viz.layout import community_layout
from kg.export.viz.select import Selection
from kg.export.viz.style import style_of

__all__ = ["build_payload", "script_json", "STATUS_CODES"]

STATUS_CODES: dict[str, int] = {"asserted": 0, "hedged": 1, "negated": 2}
_QID = re.compile(r"(Q[1-9][0-9]*)$")
_WEB_URL = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)
_SCRIPT_UNSAFE = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def script_json(value: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">`` (no ``</script>``, ``<!--``)."""
    from kg.export.rdf import clean_text

    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return clean_text(text).translate(_SCRIPT_UNSAFE)


def wikidata_qid(value: str | None) -> str | None:
    """``Q42`` from ``Q42``, ``wd:Q42`` or a Wikidata entity URL; None if it is not one."""
    if not value:
        return None
    match = _QID.search(value.strip())
    return match.group(1) if match else None


def web_url(value: str | None) -> str | None:
    """The URL if it is an http(s) URL (anything else, e.g. ``javascript:``, is dropped)."""
    if value and _WEB_URL.match(value.strip()):
        return value.strip()
    return None


def _status(evidence: list[Evidence]) -> int:
    modalities = {e.modality for e in evidence}
    for name in ("asserted", "hedged", "negated"):
        if name in modalities:
            return STATUS_CODES[name]
    return STATUS_CODES["negated"]


def _evidence_key(e: Evidence) -> tuple:
    return (e.doc_id, e.start, e.end, e.rule, e.modality, -e.confidence, e.sentence)


def build_payload(
    graph: KnowledgeGraph,
    selection: Selection,
    *,
    title: str,
    fixed_layout: bool,
    iri_of: Callable[[str], str] | None = None,
) -> dict[str, Any]:
    """The page data for ``selection``: nodes, edges, documents, classes, properties."""
    keys = selection.keys
    node_index = {k: i for i, k in enumerate(keys)}
    degree: dict[str, int] = defaultdict(int)
    for s, _p, o in selection.facts:
        degree[s] += 1
        degree[o] += 1

    class_names = sorted({graph.entities[k].cls for k in keys})
    class_index = {c: i for i, c in enumerate(class_names)}
    class_count: dict[str, int] = defaultdict(int)
    for k in keys:
        class_count[graph.entities[k].cls] += 1
    prop_names = sorted({p for _s, p, _o in selection.facts})
    prop_index = {p: i for i, p in enumerate(prop_names)}
    prop_count: dict[str, int] = defaultdict(int)
    for _s, p, _o in selection.facts:
        prop_count[p] += 1

    doc_ids = sorted(
        {d for k in keys for d in graph.entities[k].docs}
        | {e.doc_id for f in selection.facts for e in graph.facts[f]}
    )
    doc_index = {d: i for i, d in enumerate(doc_ids)}
    docs = []
    for d in doc_ids:
        meta = graph.documents.get(d)
        docs.append({
            "id": d,
            "title": meta.title if meta else None,
            "date": meta.date if meta else None,
            "url": web_url(meta.url) if meta else None,
            "source": meta.source if meta else None,
        })

    positions = community_layout(keys, ((s, o) for s, _p, o in selection.facts)) if fixed_layout else {}
    focus = set(selection.focus)
    nodes = []
    for i, k in enumerate(keys):
        ent = graph.entities[k]
        node: dict[str, Any] = {
            "id": i,
            "key": k,
            "name": ent.name,
            "c": class_index[ent.cls],
            "aliases": sorted(ent.aliases),
            "jobs": sorted(ent.job_titles),
            "mentions": ent.mentions,
            "docs": sorted(doc_index[d] for d in ent.docs if d in doc_index),
            "wd": wikidata_qid(ent.wikidata),
            "size": round(min(42.0, 10.0 + 3.0 * math.sqrt(ent.mentions + 2 * degree[k])), 1),
        }
        if iri_of is not None:
            node["iri"] = iri_of(k)
        if k in focus:
            node["focus"] = True
        if fixed_layout:
            node["x"], node["y"] = positions[k]
        nodes.append(node)

    pair_seen: dict[tuple[int, int], int] = defaultdict(int)
    edges = []
    for i, (s, p, o) in enumerate(selection.facts):
        evidence = sorted(graph.facts[(s, p, o)], key=_evidence_key)
        a, b = node_index[s], node_index[o]
        pair = (min(a, b), max(a, b))
        nth = pair_seen[pair]
        pair_seen[pair] += 1
        edges.append({
            "id": i,
            "from": a,
            "to": b,
            "p": prop_index[p],
            "st": _status(evidence),
            "bend": nth,
            "conf": graph.confidence((s, p, o)),
            "ev": [
                [doc_index[e.doc_id], e.sentence, e.rule, round(e.confidence, 4), STATUS_CODES[e.modality]]
                for e in evidence
            ],
        })

    return {
        "title": title,
        "layout": "fixed" if fixed_layout else "physics",
        "classes": [
            {"name": c, "shape": style_of(c).shape, "color": style_of(c).color, "count": class_count[c]}
            for c in class_names
        ],
        "props": [
            {"name": p, "sym": p in graph.symmetric, "count": prop_count[p]} for p in prop_names
        ],
        "docs": docs,
        "nodes": nodes,
        "edges": edges,
        "total": {"entities": len(graph.entities), "facts": len(graph.facts)},
    }
