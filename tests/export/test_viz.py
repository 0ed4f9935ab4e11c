"""kg.export.viz without a browser: the payload, its counts and dates, communities, determinism, safety."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from viz_sample import SYMMETRIC, sample_graph, synthetic_graph

from kg.export.viz import SCHEMA, page_payload, render_html, render_page, select_subgraph
from kg.export.viz.dates import date_span, evidence_date
from kg.export.viz.layout import communities
from kg.model import DocResult, Document, Entity, Evidence, KnowledgeGraph, Relation

DATA_SCRIPT = re.compile(r'<script type="application/json" id="newskg-data">(.*?)</script>', re.S)


def page_data(html: str) -> dict:
    match = DATA_SCRIPT.search(html)
    assert match, "the page has no embedded data script"
    return json.loads(match.group(1))


def names(data: dict) -> set[str]:
    return {n["name"] for n in data["nodes"]}


def sentence(data: dict, ev: list) -> str:
    return data["sentences"][ev[1]]


# -- selection (what the payload holds) ----------------------------------------------------------
def test_max_nodes_keeps_the_most_connected_entities():
    graph = sample_graph()
    # Veloria, Ostmark and Coastal Guard all have 6 facts; mentions (12, 10, 5) break the tie
    sel = select_subgraph(graph, max_nodes=2)
    assert sel.keys == ("country/ost", "country/vel")
    assert sel.facts == (("country/ost", "agreedWith", "country/vel"), ("country/ost", "allyOf", "country/vel"))


def test_max_nodes_counts_only_visible_facts_when_hedged_are_excluded():
    sel = select_subgraph(sample_graph(), max_nodes=2, include_hedged=False)
    # Ostmark loses allyOf (hedged) and sanctions (negated): 4 left; Coastal Guard keeps 5
    assert sel.keys == ("country/vel", "militaryunit/coastal guard")
    assert sel.facts == (("militaryunit/coastal guard", "partOf", "country/vel"),)


@pytest.mark.parametrize(
    ("hops", "expected"),
    [
        (0, {"Anna Keller"}),
        (1, {"Anna Keller", "Tomas Brandt", "Veloria"}),
        (2, {"Anna Keller", "Tomas Brandt", "Veloria", "Ostmark", "Halden", "Velorian Parliament", "Coastal Guard"}),
    ],
)
def test_focus_by_alias_keeps_the_neighbourhood(hops, expected):
    data = page_data(render_html(sample_graph(), focus=["PRESIDENT KELLER"], hops=hops))
    assert names(data) == expected
    assert [n["name"] for n in data["nodes"] if n.get("focus")] == ["Anna Keller"]
    assert data["options"]["focus"] == ["PRESIDENT KELLER"] and data["options"]["hops"] == hops


def test_focus_prefers_exact_matches_and_falls_back_to_substrings():
    graph = sample_graph()
    assert select_subgraph(graph, focus=["ostmark"], hops=0).keys == ("country/ost",)
    assert select_subgraph(graph, focus=["trade"], hops=0).keys == (
        "governmentbody/ostmark trade ministry", "organization/coastal trade union",
    )


def test_unknown_focus_and_bad_options_are_errors():
    graph = sample_graph()
    with pytest.raises(ValueError, match="nobody"):
        render_html(graph, focus=["nobody"])
    with pytest.raises(ValueError, match="max_nodes"):
        render_html(graph, max_nodes=0)
    with pytest.raises(ValueError, match="hops"):
        render_html(graph, focus=["Veloria"], hops=-1)
    with pytest.raises(ValueError, match="budget"):
        render_html(graph, budget=0)
    with pytest.raises(ValueError, match="budget"):
        render_html(graph, budget=5000)


def test_include_hedged_false_drops_unasserted_facts():
    data = page_data(render_html(sample_graph(), include_hedged=False))
    assert len(data["edges"]) == 18
    assert {e["st"] for e in data["edges"]} == {0}
    full = page_data(render_html(sample_graph()))
    assert sorted(e["st"] for e in full["edges"]).count(1) == 4
    assert sorted(e["st"] for e in full["edges"]).count(2) == 1


# -- payload -------------------------------------------------------------------------------------
def test_payload_carries_evidence_classes_symmetry_and_the_budget():
    data = page_data(render_html(sample_graph(), budget=60, iri_of=lambda k: "https://example.org/id/" + k))
    assert data["schema"] == SCHEMA and data["options"]["budget"] == 60
    props = {p["name"]: p for p in data["props"]}
    assert props["allyOf"]["sym"] is True and props["leaderOf"]["sym"] is False
    classes = {c["name"]: c for c in data["classes"]}
    assert classes["Country"] == {"name": "Country", "shape": "hexagon", "color": "#59a14f", "count": 3}
    veloria = next(n for n in data["nodes"] if n["name"] == "Veloria")
    assert veloria["wd"] == "Q90000001"
    assert veloria["iri"] == "https://example.org/id/country/vel"
    assert veloria["aliases"] == ["Republic of Veloria"]
    ortiz = next(n for n in data["nodes"] if n["name"] == "Lena Ortiz")
    edge = next(e for e in data["edges"] if e["from"] == ortiz["id"] and data["props"][e["p"]]["name"] == "worksFor")
    [[doc, sent, rule, confidence, modality]] = edge["ev"]
    assert data["docs"][doc] == {"id": "d2", "title": "Ostmark minister criticises port deal", "date": "2031-03-05",
                                 "span": ["2031-03-05", "2031-03-05"], "url": None,
                                 "source": data["sources"].index("Daily Example")}
    assert data["sentences"][sent].startswith("Trade Minister Lena Ortiz criticised")
    assert (data["rules"][rule], confidence, modality) == ("appos:title_of", 0.8, 0)
    assert data["dated"] is True


def test_a_reading_carries_its_role_status_bounds_and_who_said_it():
    from dataclasses import replace

    graph = sample_graph()
    fact = next(f for f in graph.facts if f[1] == "worksFor")
    ev = graph.facts[fact][0]
    speaker = next(k for k in graph.entities if k != fact[0] and graph.entities[k].cls == "Person")
    graph.facts[fact] = [replace(ev, role_status="former", attributed_to=speaker, valid_until="2003-12-31"),
                         replace(ev, start=ev.start + 1, unnamed_source="senior officials",
                                 event_start="2031-03-01", event_end="2031-03-01")]
    data = page_data(render_html(graph))
    edge = next(e for e in data["edges"] if e["ev"][0][0] == data["docs"].index(next(
        d for d in data["docs"] if d["id"] == ev.doc_id)) and data["props"][e["p"]]["name"] == "worksFor"
        and len(e["ev"]) == 2)
    contexts = sorted(((r[5] or [""]), r[6]) for r in edge["ev"])
    assert contexts == [([""], {"status": "former", "held": ["", "2003-12-31"], "said": graph.entities[speaker].name}),
                        (["2031-03-01", "2031-03-01"], {"said": "senior officials"})]


def test_totals_are_the_numbers_the_cli_prints_and_graph_ttl_holds():
    from rdflib import RDF, RDFS, URIRef

    from kg.export.rdf import to_rdf
    from kg.vocab import KG_NS

    graph = synthetic_graph(nodes=300, edges=200, docs=30, linked=0.4)
    data = page_data(render_html(graph, max_nodes=50))
    stats = graph.stats()  # what `kg build` prints: "N entities, M relations"
    assert data["total"] == {**stats, "facts": len(graph.facts)}
    assert len(data["nodes"]) == 50  # the page may hold fewer; its totals still describe the graph

    rdf = to_rdf(graph)
    kg_document = URIRef(KG_NS + "Document")
    entities = {s for s, t in rdf.subject_objects(RDF.type)
                if str(t).startswith(KG_NS) and t != kg_document and (s, RDFS.label, None) in rdf}
    plain = {(s, p, o) for s, p, o in rdf if str(p).startswith(KG_NS) and s in entities and o in entities}
    symmetric = {URIRef(KG_NS + p) for p in SYMMETRIC}
    relations = len({(s, p, o) if p not in symmetric else (min(s, o), p, max(s, o)) for s, p, o in plain})
    assert (len(entities), relations) == (data["total"]["entities"], data["total"]["relations"])


def test_sentences_and_rules_are_stored_once():
    graph = sample_graph()  # _S1 supports five facts, _S4 four
    data = page_data(render_html(graph))
    readings = [ev for e in data["edges"] for ev in e["ev"]]
    assert len(data["sentences"]) == len({e.sentence for evs in graph.facts.values() for e in evs}) < len(readings)
    assert sorted(data["rules"]) == sorted({e.rule for evs in graph.facts.values() for e in evs})


def test_entities_without_facts_are_in_the_payload_without_a_community():
    graph = synthetic_graph(nodes=200, edges=80, docs=20, linked=0.3)
    data = page_data(render_html(graph))
    linked = {n for e in data["edges"] for n in (e["from"], e["to"])}
    assert len(data["nodes"]) == 200
    assert {n["comm"] for n in data["nodes"] if n["id"] not in linked} == {-1}
    assert all(n["comm"] >= 0 for n in data["nodes"] if n["id"] in linked)


def test_communities_put_linked_entities_together_and_are_deterministic():
    # two triangles joined by one edge, a separate pair, an isolated entity
    edges = [("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"), ("d", "e"), ("e", "f"), ("d", "f"), ("x", "y")]
    keys = ["a", "b", "c", "d", "e", "f", "x", "y", "z"]
    found = communities(keys, edges)
    assert found["a"] == found["b"] == found["c"] != found["d"] == found["e"] == found["f"]
    assert found["x"] == found["y"] not in (found["a"], found["d"])
    assert found["z"] == -1
    assert communities(reversed(keys), reversed(edges)) == found
    # outside the Louvain part, entities join the community they are reached from
    limited = communities(keys, edges, max_nodes=2)
    assert limited["z"] == -1 and len({limited[k] for k in "abcdef"}) == 1 and limited["x"] == limited["y"] != limited["a"]


# -- dates -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "span"),
    [
        ("2005-03-01", ("2005-03-01", "2005-03-01")),
        ("2005-03-01T10:30:00Z", ("2005-03-01", "2005-03-01")),
        ("2004-02", ("2004-02-01", "2004-02-29")),
        ("2003", ("2003-01-01", "2003-12-31")),
        (dt.date(2005, 3, 1), ("2005-03-01", "2005-03-01")),
        (dt.datetime(2005, 3, 1, 23, 59), ("2005-03-01", "2005-03-01")),
        (("2005-03-07", "2005-03-01"), ("2005-03-01", "2005-03-07")),
        (("2003", None), ("2003-01-01", "2003-12-31")),
        ("last week", None),
        ("2005-13-01", None),
        ("Mon, 3 Nov 2005", None),
        (None, None),
        (42, None),
    ],
)
def test_date_spans(value, span):
    assert date_span(value) == span


@dataclass(frozen=True)
class TimedEvidence(Evidence):
    """Evidence with an event time, as the "Time and sources" work will add it."""

    time: object = None


def test_event_times_on_evidence_reach_the_page_and_order_it():
    graph = sample_graph()
    fact = ("person/anna keller", "metWith", "person/tomas brandt")
    later = TimedEvidence("d2", "Keller met Brandt again on 10 March.", 0, 5, "dep:met_with", 0.8, "asserted",
                          time="2031-03-10")
    earlier = TimedEvidence("d3", "Keller and Brandt met in 2030.", 0, 5, "dep:met_with", 0.6, "asserted",
                            time=("2030-01-01", "2030-12-31"))
    graph.facts[fact] += [later, earlier]
    assert evidence_date(later) == ("2031-03-10", "2031-03-10")
    assert evidence_date(graph.facts[fact][0]) is None  # no event time in the sentence
    dated = dataclasses.replace(graph.facts[fact][0], event_start="2030-05-02", event_end="2030-05-04")
    assert evidence_date(dated) == ("2030-05-02", "2030-05-04")  # kg.model.Evidence's own fields
    data = page_data(render_html(graph))
    keller = next(n["id"] for n in data["nodes"] if n["name"] == "Anna Keller")
    edge = next(e for e in data["edges"] if e["from"] == keller and data["props"][e["p"]]["name"] == "metWith")
    # in date order: the 2030 event, the d1 report (2031-03-02), the 10 March event
    assert [sentence(data, ev)[:20] for ev in edge["ev"]] == [
        "Keller and Brandt me", "President Anna Kelle", "Keller met Brandt ag"]
    assert [ev[5:] for ev in edge["ev"]] == [[["2030-01-01", "2030-12-31"]], [], [["2031-03-10", "2031-03-10"]]]


def test_undated_documents_leave_the_page_undated():
    graph = KnowledgeGraph(symmetric=SYMMETRIC)
    doc = Document("n1", "", "No date here", "sometime in spring", None, None)
    graph.add(DocResult(doc, [Entity("person/a", "Person", "A", set(), 1, {"n1"}),
                              Entity("person/b", "Person", "B", set(), 1, {"n1"})],
                        [Relation("person/a", "metWith", "person/b", Evidence("n1", "A met B.", 0, 8, "r", 0.5))]))
    data = page_data(render_html(graph))
    assert data["dated"] is False and data["docs"][0]["span"] is None and data["docs"][0]["date"] == "sometime in spring"


# -- determinism ---------------------------------------------------------------------------------
def _reordered(graph: KnowledgeGraph) -> KnowledgeGraph:
    """The same graph built with entities, facts and evidence inserted in reverse order."""
    other = KnowledgeGraph(symmetric=graph.symmetric)
    other.documents = dict(reversed(list(graph.documents.items())))
    for key in reversed(list(graph.entities)):
        e = graph.entities[key]
        other.entities[key] = Entity(e.key, e.cls, e.name, set(sorted(e.aliases, reverse=True)), e.mentions,
                                     set(e.docs), e.wikidata, set(e.job_titles))
    for fact in reversed(list(graph.facts)):
        other.facts[fact] = list(reversed(graph.facts[fact]))
    return other


def test_same_graph_gives_the_same_bytes():
    graph = sample_graph()
    graph.add_relation(Relation("country/vel", "supports", "country/ost",
                                Evidence("d2", "Veloria backs Ostmark.", 5, 27, "dep:support", 0.6)))
    graph.add_relation(Relation("country/vel", "supports", "country/ost",
                                Evidence("d1", "Veloria supports Ostmark.", 9, 33, "dep:support", 0.7)))
    first = render_html(graph)
    assert render_html(graph) == first
    assert render_html(_reordered(graph)) == first


def test_bytes_do_not_depend_on_the_hash_seed():
    code = (
        "import hashlib, sys; from kg.export.viz import render_html; from viz_sample import synthetic_graph; "
        "g = synthetic_graph(nodes=400, edges=900, docs=20); "
        "sys.stdout.write(hashlib.sha256(render_html(g).encode()).hexdigest())"
    )
    root = Path(__file__).resolve().parents[2]
    digests = {
        subprocess.run([sys.executable, "-c", code], cwd=root / "benchmarks", capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


def test_render_page_takes_only_a_page_payload():
    payload = page_payload(sample_graph(), title="two steps")
    assert render_page(payload) == render_html(sample_graph(), title="two steps")
    with pytest.raises(ValueError, match="newskg-page/2"):
        render_page({"schema": "something else"})


# -- offline and safe ------------------------------------------------------------------------------
REMOTE = re.compile(r"""(?:\b(?:src|href)\s*=\s*["']?\s*|@import\s+(?:url\(\s*)?["']?\s*|url\(\s*["']?\s*)(?:https?:)?//""", re.I)


def test_page_loads_nothing_remote():
    html = render_html(sample_graph())
    assert REMOTE.findall(html) == []
    assert "default-src 'none'" in html and "connect-src 'none'" in html
    assert html.count("<script") == 3 and html.count("</script>") == 3
    assert "vis-network" in html and "new vis.Network" in html
    assert ".innerHTML" not in html.split('id="newskg-data"')[1]  # the page script never parses markup


def _hostile_graph() -> KnowledgeGraph:
    graph = KnowledgeGraph(symmetric=SYMMETRIC)
    doc = Document("x", "", "<i>t</i>", None, "javascript:alert(1)", "<b>outlet</b>")
    graph.add(DocResult(doc, [
        Entity("person/a", "Person", "<img src=x onerror=alert(1)>", {"a&b"}, 1, {"x"}, "Q1<script>"),
        Entity("group/b", "Group", "</script><script>alert(1)</script>", set(), 1, {"x"}),
    ], [Relation("person/a", "supports", "group/b",
                 Evidence("x", "<!-- <script>alert(2)</script> \u2028\u2029 & 'q' \"dq\"", 0, 1, "r", 0.5))]))
    return graph


def test_hostile_text_is_escaped_in_the_page_and_survives_as_data():
    graph = _hostile_graph()
    html = render_html(graph, title="</title><script>alert(3)</script>")
    assert html.count("<script") == 3 and html.count("</script>") == 3
    assert "<img" not in html and "<!-- <script>" not in html
    assert "\u2028" not in html and "\u2029" not in html
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;</title>" in html
    data = page_data(html)
    assert names(data) == {"<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>"}
    assert sentence(data, data["edges"][0]["ev"][0]) == "<!-- <script>alert(2)</script> \u2028\u2029 & 'q' \"dq\""
    assert data["docs"][0]["url"] is None  # javascript: URL dropped
    assert data["sources"] == ["<b>outlet</b>"]
    assert {n.get("wd") for n in data["nodes"]} == {None}  # not a Wikidata id


def test_empty_graph_renders_a_page():
    data = page_data(render_html(KnowledgeGraph()))
    assert data["nodes"] == [] and data["edges"] == [] and data["total"]["entities"] == 0


_TRANSLATED = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}


@given(value=st.recursive(st.text() | st.integers() | st.booleans() | st.none(),
                          lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                          max_leaves=12))
@settings(max_examples=200, deadline=None)
def test_script_json_escapes_as_a_translate_of_every_unsafe_character(value):
    """The replacements one after the other give what one str.translate gave (and nothing unsafe is left)."""
    from kg.export.rdf import clean_text
    from kg.export.viz.payload import script_json

    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    out = script_json(value)
    assert out == clean_text(text).translate(_TRANSLATED)
    assert not set(out) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(out) == json.loads(clean_text(text))
