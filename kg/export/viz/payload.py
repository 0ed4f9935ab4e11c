"""The JSON document embedded in the HTML page (schema ``newskg-page/2``) and its script-safe text.

The page's script reads only this payload; nothing here is markup, and the page inserts every
string with ``textContent``.  Built from a :class:`kg.model.KnowledgeGraph` by
:func:`build_payload`, so anything that can produce that model (a build, or the store through
``kg render``) can draw the page without NLP.

Top-level keys (lists are indexed by position; ``-1`` or a missing key means "none")::

    schema    "newskg-page/2"
    title     page title
    total     {"documents", "entities", "relations", "facts", "statements"} of the whole graph:
              entities and relations (asserted facts) are the numbers `kg build` prints and
              graph.ttl holds; facts also counts hedged/negated-only facts
    options   {"budget": entities drawn by default, "maxNodes", "focus": [terms], "hops",
              "includeHedged"}
    classes   [{"name", "shape", "color", "count"}]          count: entities in the payload
    props     [{"name", "sym", "count"}]                     count: facts in the payload
    sources   [outlet name]                                  distinct Document.source values
    docs      [{"id", "title", "date", "span", "url", "source"}]
              date as given; span [first, last] ISO days or null; source index into sources or -1
    sentences [text]                                         shared by evidence
    rules     [rule id]
    nodes     [{"id", "key", "name", "c" (class index), "mentions", "docs" [doc indexes],
               "comm" (community, -1 if the entity has no fact), optional "aliases", "jobs",
               "wd" (Wikidata QID), "iri", "focus": true}]
    edges     [{"id", "from", "to" (node indexes), "p" (prop index), "st" (0 asserted,
               1 hedged only, 2 negated only), "conf" (noisy-OR of asserted evidence, 0 if none),
               "ev": [[doc, sentence, rule, confidence, modality code, optional [first, last]
               event days (null when only the next is given), optional {"status": role status,
               "said": speaker's name or an unnamed source's words}]]}]
              evidence sorted by date, document, offsets
    dated     true when some evidence or document has an orderable date
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any, Callable

from kg.export.viz.dates import Span, date_span, evidence_date
from kg.export.viz.layout import communities
from kg.export.viz.select import Selection
from kg.export.viz.style import style_of
from kg.model import Evidence, KnowledgeGraph

__all__ = ["build_payload", "script_json", "STATUS_CODES", "SCHEMA", "DEFAULT_BUDGET"]

SCHEMA = "newskg-page/2"
DEFAULT_BUDGET = 200  # entities drawn when the page opens (the rest is in the lists, and one click away)
STATUS_CODES: dict[str, int] = {"asserted": 0, "hedged": 1, "negated": 2}
_QID = re.compile(r"(Q[1-9][0-9]*)$")
_WEB_URL = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)
# characters escaped in a script element's JSON; no replacement holds any of them, so replacing one
# after the other is the same as a str.translate of them all (which, with the non-ASCII text of a
# page, looks every character up: 4 s for the 24 MB payload of a 108,000-document store)
_SCRIPT_UNSAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def script_json(value: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">`` (no ``</script>``, ``<!--``)."""
    from kg.export.rdf import clean_text

    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    text = clean_text(text)
    for char, escaped in _SCRIPT_UNSAFE:
        text = text.replace(char, escaped)
    return text


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


class _Table:
    """Distinct strings numbered in first-seen order (sentences, rules)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        return self.index.setdefault(text, len(self.index))

    def items(self) -> list[str]:
        return list(self.index)


def _documents(graph: KnowledgeGraph, doc_ids: list[str]) -> tuple[list[dict], list[str]]:
    sources = sorted({m.source for d in doc_ids if (m := graph.documents.get(d)) and m.source})
    source_index = {s: i for i, s in enumerate(sources)}
    docs = []
    for d in doc_ids:
        meta = graph.documents.get(d)
        span = date_span(meta.date) if meta else None
        docs.append({
            "id": d,
            "title": meta.title if meta else None,
            "date": meta.date if meta else None,
            "span": list(span) if span else None,
            "url": web_url(meta.url) if meta else None,
            "source": source_index.get(meta.source, -1) if meta else -1,
        })
    return docs, sources


def _node(graph: KnowledgeGraph, i: int, key: str, doc_index: dict[str, int], comm: int) -> dict[str, Any]:
    ent = graph.entities[key]
    node: dict[str, Any] = {
        "id": i,
        "key": key,
        "name": ent.name,
        "c": 0,  # set by the caller
        "mentions": ent.mentions,
        "docs": sorted(map(doc_index.__getitem__, ent.docs)),
        "comm": comm,
    }
    if ent.aliases:
        node["aliases"] = sorted(ent.aliases)
    if ent.job_titles:
        node["jobs"] = sorted(ent.job_titles)
    qid = wikidata_qid(ent.wikidata)
    if qid:
        node["wd"] = qid
    return node


def _edges(graph, selection, node_index, prop_index, doc_index, docs, date_of):
    """The facts of the payload, their readings in date order, and the shared sentence/rule tables."""
    sentences, rules = _Table(), _Table()
    first_day = {d: (docs[i]["span"] or ("9999",))[0] for d, i in doc_index.items()}
    modality_code = STATUS_CODES.__getitem__
    edges, dated = [], False
    for i, fact in enumerate(selection.facts):
        evidence = graph.facts[fact]
        spans = [date_of(e) for e in evidence]
        if len(evidence) > 1:
            order = sorted(range(len(evidence)), key=lambda j: (
                (spans[j] or (first_day[evidence[j].doc_id],))[0], evidence[j].doc_id, evidence[j].start,
                evidence[j].end, evidence[j].rule, evidence[j].modality, -evidence[j].confidence, evidence[j].sentence))
        else:
            order = (0,)
        readings = []
        for j in order:
            e, span = evidence[j], spans[j]
            reading = [doc_index[e.doc_id], sentences(e.sentence), rules(e.rule), round(e.confidence, 4),
                       modality_code(e.modality)]
            if span:
                reading.append(list(span))
                dated = True
            context = _reading_context(graph, e)
            if context:
                if not span:
                    reading.append(None)  # no event days: the context is still the seventh item
                reading.append(context)
            readings.append(reading)
        s, p, o = fact
        edges.append({"id": i, "from": node_index[s], "to": node_index[o], "p": prop_index[p],
                      "st": _status(evidence), "conf": graph.confidence(fact), "ev": readings})
    return edges, sentences.items(), rules.items(), dated


def _reading_context(graph: KnowledgeGraph, e: Evidence) -> dict[str, str]:
    """A reading's role status (posts), the post's bounds the sentence gives ("held": [from, until],
    "" for an open end) and who the sentence says it ("said": a named speaker, or the words of an
    unnamed source); {} when none is known."""
    out = {}
    status = getattr(e, "role_status", None)
    if status:
        out["status"] = status
    held = (getattr(e, "valid_from", None), getattr(e, "valid_until", None))
    if any(held):  # "since 2013", "until 2003": the post's bounds the sentence gives
        out["held"] = [d or "" for d in held]
    speaker = getattr(e, "attributed_to", None)
    if speaker and speaker in graph.entities:
        out["said"] = graph.entities[speaker].name
    elif getattr(e, "unnamed_source", None):
        out["said"] = e.unnamed_source
    return out


def _nodes(graph: KnowledgeGraph, selection: Selection, doc_index: dict[str, int], class_index: dict[str, int],
           iri_of: Callable[[str], str] | None) -> list[dict[str, Any]]:
    keys = selection.keys
    comm = communities(keys, ((s, o) for s, _p, o in selection.facts))
    focus = set(selection.focus)
    nodes = []
    for i, k in enumerate(keys):
        node = _node(graph, i, k, doc_index, comm[k])
        node["c"] = class_index[graph.entities[k].cls]
        if iri_of is not None:
            node["iri"] = iri_of(k)
        if k in focus:
            node["focus"] = True
        nodes.append(node)
    return nodes


def build_payload(
    graph: KnowledgeGraph,
    selection: Selection,
    *,
    title: str,
    budget: int = DEFAULT_BUDGET,
    iri_of: Callable[[str], str] | None = None,
    date_of: Callable[[Evidence], Span | None] = evidence_date,
    options: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The page data for ``selection`` of ``graph`` (see the module docstring for the schema).

    ``budget`` is how many entities the page draws when it opens; ``iri_of`` (key -> IRI) adds
    each entity's IRI; ``date_of`` reads an event time from a piece of evidence; ``options`` is
    recorded as given (what the selection was made with).
    """
    keys = selection.keys
    node_index = {k: i for i, k in enumerate(keys)}
    class_count = Counter(graph.entities[k].cls for k in keys)
    class_names = sorted(class_count)
    class_index = {c: i for i, c in enumerate(class_names)}
    prop_count = Counter(p for _s, p, _o in selection.facts)
    prop_names = sorted(prop_count)
    prop_index = {p: i for i, p in enumerate(prop_names)}

    doc_ids = sorted(
        {d for k in keys for d in graph.entities[k].docs}
        | {e.doc_id for f in selection.facts for e in graph.facts[f]}
    )
    doc_index = {d: i for i, d in enumerate(doc_ids)}
    docs, sources = _documents(graph, doc_ids)
    dated = any(d["span"] for d in docs)
    nodes = _nodes(graph, selection, doc_index, class_index, iri_of)

    edges, sentences, rules, event_dated = _edges(graph, selection, node_index, prop_index, doc_index, docs, date_of)

    stats = graph.stats()
    return {
        "schema": SCHEMA,
        "title": title,
        "total": {**stats, "facts": sum(1 for evs in graph.facts.values() if evs)},
        "options": {"budget": budget, **(options or {})},
        "classes": [
            {"name": c, "shape": style_of(c).shape, "color": style_of(c).color, "count": class_count[c]}
            for c in class_names
        ],
        "props": [{"name": p, "sym": p in graph.symmetric, "count": prop_count[p]} for p in prop_names],
        "sources": sources,
        "docs": docs,
        "sentences": sentences,
        "rules": rules,
        "nodes": nodes,
        "edges": edges,
        "dated": dated or event_dated,
    }

