"""kg.export.viz without a browser: selection, determinism, offline page, escaping."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.model import DocResult, Document, Entity, Evidence, KnowledgeGraph, Relation
from kg.export.viz import render_html, select_subgraph
from kg.export.viz.layout import community_layout, radial_layout
from kg.export.viz.sample import SYMMETRIC, sample_graph, synthetic_graph

DATA_SCRIPT = re.compile(r'<script type="application/json" id="newskg-data">(.*?)</script>', re.S)


def page_data(html: str) -> dict:
    match = DATA_SCRIPT.search(html)
    assert match, "the page has no embedded data script"
    return json.loads(match.group(1))


def names(data: dict) -> set[str]:
    return {n["name"] for n in data["nodes"]}


# -- selection ---------------------------------------------------------------------------------
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


def test_focus_prefers_exact_matches_and_falls_back_to_substrings():
    graph = sample_graph()
    assert select_subgraph(graph, focus=["ostmark"], hops=0).keys == ("country/ost",)
    assert select_subgraph(graph, focus=["trade"], hops=0).keys == (
        "governmentbody/ostmark trade ministry", "organization/coastal trade union",
    )


def test_focus_then_max_nodes_keeps_focus_entities_first():
    sel = select_subgraph(sample_graph(), focus=["Ida Narvik"], hops=1, max_nodes=1)
    assert sel.keys == ("person/ida narvik",)


def test_unknown_focus_and_bad_options_are_errors():
    graph = sample_graph()
    with pytest.raises(ValueError, match="nobody"):
        render_html(graph, focus=["nobody"])
    with pytest.raises(ValueError, match="max_nodes"):
        render_html(graph, max_nodes=0)
    with pytest.raises(ValueError, match="hops"):
        render_html(graph, focus=["Veloria"], hops=-1)


def test_include_hedged_false_drops_unasserted_facts():
    data = page_data(render_html(sample_graph(), include_hedged=False))
    assert len(data["edges"]) == 18
    assert {e["st"] for e in data["edges"]} == {0}
    full = page_data(render_html(sample_graph()))
    assert sorted(e["st"] for e in full["edges"]).count(1) == 4
    assert sorted(e["st"] for e in full["edges"]).count(2) == 1


# -- payload -------------------------------------------------------------------------------------
def test_payload_carries_evidence_classes_and_symmetry():
    data = page_data(render_html(sample_graph(), iri_of=lambda k: "https://example.org/id/" + k))
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
    [[doc, sentence, rule, confidence, modality]] = edge["ev"]
    assert data["docs"][doc] == {"id": "d2", "title": "Ostmark minister criticises port deal", "date": "2031-03-05",
                                 "url": None, "source": "Daily Example"}
    assert sentence.startswith("Trade Minister Lena Ortiz criticised")
    assert (rule, confidence, modality) == ("appos:title_of", 0.8, 0)


def test_large_graphs_get_fixed_positions_and_small_ones_physics():
    small = page_data(render_html(sample_graph()))
    assert small["layout"] == "physics" and "x" not in small["nodes"][0]
    fixed = page_data(render_html(sample_graph(), layout="fixed"))
    assert fixed["layout"] == "fixed"
    points = {(n["x"], n["y"]) for n in fixed["nodes"]}
    assert len(points) == 20


def test_layouts_put_every_node_somewhere_distinct():
    graph = synthetic_graph(nodes=300, edges=600, docs=20)
    keys = list(graph.entities)
    edges = [(s, o) for s, _p, o in graph.facts]
    for layout in (radial_layout, community_layout):
        pos = layout(keys, edges)
        assert set(pos) == set(keys)
        assert len(set(pos.values())) == len(keys)


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


@pytest.mark.parametrize("layout", ["physics", "fixed"])
def test_same_graph_gives_the_same_bytes(layout):
    graph = sample_graph()
    graph.add_relation(Relation("country/vel", "supports", "country/ost",
                                Evidence("d2", "Veloria backs Ostmark.", 5, 27, "dep:support", 0.6)))
    graph.add_relation(Relation("country/vel", "supports", "country/ost",
                                Evidence("d1", "Veloria supports Ostmark.", 9, 33, "dep:support", 0.7)))
    first = render_html(graph, layout=layout)
    assert render_html(graph, layout=layout) == first
    assert render_html(_reordered(graph), layout=layout) == first


def test_bytes_do_not_depend_on_the_hash_seed():
    code = (
        "import hashlib, sys; from kg.export.viz import render_html; from kg.export.viz.sample import synthetic_graph; "
        "g = synthetic_graph(nodes=400, edges=900, docs=20); "
        "sys.stdout.write(hashlib.sha256(render_html(g, layout='fixed').encode()).hexdigest())"
    )
    root = Path(__file__).resolve().parents[2]
    digests = {
        subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


# -- offline and safe ------------------------------------------------------------------------------
REMOTE = re.compile(r"""(?:\b(?:src|href)\s*=\s*["']?\s*|@import\s+(?:url\(\s*)?["']?\s*|url\(\s*["']?\s*)(?:https?:)?//""", re.I)


def test_page_loads_nothing_remote():
    html = render_html(sample_graph())
    assert REMOTE.findall(html) == []
    assert "default-src 'none'" in html and "connect-src 'none'" in html
    assert html.count("<script") == 3 and html.count("</script>") == 3
    assert "vis-network" in html and "new vis.Network" in html


def _hostile_graph() -> KnowledgeGraph:
    graph = KnowledgeGraph(symmetric=SYMMETRIC)
    doc = Document("x", "", "<i>t</i>", None, "javascript:alert(1)", None)
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
    assert data["edges"][0]["ev"][0][1] == "<!-- <script>alert(2)</script> \u2028\u2029 & 'q' \"dq\""
    assert data["docs"][0]["url"] is None  # javascript: URL dropped
    assert {n["wd"] for n in data["nodes"]} == {None}  # not a Wikidata id


def test_empty_graph_renders_a_page():
    data = page_data(render_html(KnowledgeGraph()))
    assert data["nodes"] == [] and data["edges"] == []
