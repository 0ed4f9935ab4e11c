"""The HTML graph page in headless Chromium: drawing, search, filters, panel, offline, XSS."""

from __future__ import annotations

import struct

import pytest

from kg.model import DocResult, Document, Entity, Evidence, KnowledgeGraph, Relation
from kg.export.viz import render_html
from kg.export.viz.sample import sample_graph

pytestmark = pytest.mark.browser

KELLER_SENTENCE = "President Anna Keller of Veloria met Prime Minister Tomas Brandt of Ostmark at the Halden Summit."


@pytest.fixture()
def sample_page(open_graph):
    return open_graph(render_html(sample_graph(), title="Sample news graph"))


def test_every_node_is_drawn_at_a_distinct_position(sample_page):
    positions = sample_page.js("() => window.__newskg.network.getPositions()")
    assert len(positions) == 20
    points = {(round(p["x"]), round(p["y"])) for p in positions.values()}
    assert len(points) == 20
    assert sample_page.js("() => window.__newskg.edgeView.length") == 23
    # physics was switched off after stabilisation, so the drawing does not keep moving
    assert sample_page.js("() => window.__newskg.network.physics.physicsEnabled") is False
    canvas = sample_page.js("() => { const c = document.querySelector('#graph canvas'); return [c.width, c.height]; }")
    assert canvas[0] >= 800 and canvas[1] >= 600


def test_search_by_alias_selects_and_focuses_the_node(sample_page):
    page = sample_page.page
    page.fill("#search", "president keller")
    page.press("#search", "Enter")
    keller = sample_page.node_id("Anna Keller")
    assert sample_page.js("() => window.__newskg.network.getSelectedNodes()") == [keller]
    assert page.text_content("#panel h2") == "Anna Keller"
    page.wait_for_timeout(600)  # focus animation
    view = sample_page.js("() => window.__newskg.network.getViewPosition()")
    node = sample_page.js("(id) => window.__newskg.network.getPositions([id])[id]", keller)
    assert abs(view["x"] - node["x"]) < 1 and abs(view["y"] - node["y"]) < 1
    # the result list offers the match by its name
    page.fill("#search", "keller")
    page.wait_for_selector("#search-results button")
    assert page.text_content("#search-results button").startswith("Anna Keller")


def test_class_filter_hides_nodes_and_their_edges(sample_page):
    page = sample_page.page
    page.click("#class-filters input[data-name='Person']")
    visible = sample_page.js("() => window.__newskg.nodeView.getIds()")
    names = {n["name"]: n for n in sample_page.js("() => window.__newskg.data.nodes")}
    shown = {n for n, d in names.items() if d["id"] in visible}
    assert "Anna Keller" not in shown and "Lena Ortiz" not in shown
    assert len(shown) == 15 and "Veloria" in shown
    assert sample_page.js("() => window.__newskg.edgeView.length") == 23 - 8  # facts with a person
    assert "15 of 20 entities" in page.text_content("#stats")
    page.click("#class-filters input[data-name='Person']")
    assert sample_page.js("() => window.__newskg.nodeView.length") == 20


def test_hedged_toggle_and_property_filter(sample_page):
    page = sample_page.page
    page.uncheck("#show-hedged")
    assert sample_page.js("() => window.__newskg.edgeView.length") == 18
    page.check("#show-hedged")
    page.click("#prop-filters input[data-name='partOf']")
    assert sample_page.js("() => window.__newskg.edgeView.length") == 20


def test_clicking_a_node_opens_the_panel_with_evidence(sample_page):
    page = sample_page.page
    x, y = sample_page.node_screen_point(sample_page.node_id("Veloria"))
    page.mouse.click(x, y)
    page.wait_for_selector("#panel:not([hidden])")
    assert page.text_content("#panel h2") == "Veloria"
    panel = page.text_content("#panel-body")
    assert KELLER_SENTENCE in panel
    assert "Veloria and Ostmark sign border accord" in panel  # document title
    assert "appos:title_of" in panel and "confidence 0.85" in panel
    assert "Keller said the two countries were close allies." in panel  # hedged evidence kept
    wikidata = page.get_attribute("#panel a[href*='wikidata']", "href")
    assert wikidata == "https://www.wikidata.org/wiki/Q90000001"


def test_clicking_an_edge_shows_its_evidence(sample_page):
    page = sample_page.page
    a = sample_page.node_screen_point(sample_page.node_id("Lena Ortiz"))
    b = sample_page.node_screen_point(sample_page.node_id("Ostmark Trade Ministry"))
    page.mouse.click((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    page.wait_for_selector("#panel:not([hidden])")
    assert page.text_content("#panel h2") == "Lena Ortiz worksFor Ostmark Trade Ministry"
    assert "Trade Minister Lena Ortiz criticised the port deal" in page.text_content("#panel-body")


def test_page_is_offline_and_error_free(sample_page):
    page = sample_page.page
    page.fill("#search", "veloria")
    page.press("#search", "Enter")
    page.click("#fit")
    page.wait_for_timeout(400)
    assert sample_page.console_errors == []
    assert sample_page.page_errors == []
    assert sample_page.blocked == []
    assert all(url.startswith("file://") for url in sample_page.requests)


def _hostile_graph() -> KnowledgeGraph:
    img = "<img src=x onerror=alert(1)>"
    script = "</script><script>alert(1)</script>"
    sentence = "<b>Bold</b> claim <script>alert(2)</script> & more \u2028 line"
    graph = KnowledgeGraph()
    doc = Document("evil", "", "<i onmouseover=alert(3)>title</i>", "2031-01-01", "javascript:alert(4)", None)
    graph.add(DocResult(doc, [
        Entity("person/img", "Person", img, {"<svg onload=alert(5)>"}, 3, {"evil"}, "Q1\"><script>alert(6)</script>"),
        Entity("group/script", "Group", script, set(), 2, {"evil"}, None, {"<u>chief</u>"}),
    ], [Relation("person/img", "supports", "group/script", Evidence("evil", sentence, 0, 10, "r<x>", 0.5))]))
    return graph


def test_hostile_names_render_as_text_and_run_nothing(open_graph):
    graph = _hostile_graph()
    opened = open_graph(render_html(graph, title="<script>alert(7)</script>"))
    page = opened.page
    names = sorted(n["name"] for n in opened.js("() => window.__newskg.data.nodes"))
    assert names == sorted(e.name for e in graph.entities.values())
    assert page.title() == "<script>alert(7)</script>"
    page.fill("#search", "<img")
    page.press("#search", "Enter")
    page.wait_for_timeout(500)  # focus animation
    assert page.text_content("#panel h2") == "<img src=x onerror=alert(1)>"
    panel_text = page.text_content("#panel-body")
    assert "<b>Bold</b> claim <script>alert(2)</script> & more" in panel_text
    assert "</script><script>alert(1)</script>" in panel_text
    # the hover tooltip is text too
    x, y = opened.node_screen_point(opened.node_id("</script><script>alert(1)</script>"))
    page.mouse.move(x, y)
    page.wait_for_selector("div.vis-tooltip", state="visible")
    assert page.text_content("div.vis-tooltip").startswith("</script><script>alert(1)</script>")
    page.wait_for_timeout(300)
    counts = opened.js("""() => ({
        scripts: document.scripts.length, imgs: document.images.length,
        svgs: document.querySelectorAll('svg[onload], [onerror], [onmouseover]').length,
        links: [...document.querySelectorAll('#panel a')].map(a => a.getAttribute('href'))})""")
    assert counts == {"scripts": 3, "imgs": 0, "svgs": 0, "links": []}  # no javascript: link, bad QID dropped
    assert opened.dialogs == []
    assert opened.page_errors == [] and opened.console_errors == []


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_screenshot_of_the_sample_graph(sample_page, artifacts_dir, viewport):
    page = sample_page.page
    x, y = sample_page.node_screen_point(sample_page.node_id("Ostmark"))
    page.mouse.click(x, y)
    page.wait_for_selector("#panel:not([hidden])")
    target = artifacts_dir / "graph_sample.png"
    page.screenshot(path=str(target))
    assert _png_size(target.read_bytes()) == (viewport["width"], viewport["height"])


def test_a_large_graph_opens_with_fixed_positions_and_stays_usable(open_graph):
    from kg.export.viz.sample import synthetic_graph

    graph = synthetic_graph(nodes=1500, edges=4500, docs=100)
    opened = open_graph(render_html(graph))
    assert opened.js("() => window.__newskg.data.layout") == "fixed"
    assert opened.js("() => Object.keys(window.__newskg.network.getPositions()).length") == 1500
    assert opened.js("() => window.__newskgReadyMs") < 15_000
    target = graph.entities[sorted(graph.entities)[700]].name
    opened.page.fill("#search", target)
    opened.page.press("#search", "Enter")
    assert opened.js("() => window.__newskg.network.getSelectedNodes()") == [opened.node_id(target)]
    assert opened.page.text_content("#panel h2") == target
    assert opened.console_errors == [] and opened.page_errors == [] and opened.blocked == []
