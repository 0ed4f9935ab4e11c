"""The page on a small graph in headless Chromium: drawing, search, panel, keyboard, offline, XSS."""

from __future__ import annotations

import struct

import pytest
from viz_sample import sample_graph

from kg.export.viz import render_html
from kg.model import DocResult, Document, Entity, Evidence, KnowledgeGraph, Relation

pytestmark = pytest.mark.browser

KELLER_SENTENCE = "President Anna Keller of Veloria met Prime Minister Tomas Brandt of Ostmark at the Halden Summit."


@pytest.fixture()
def sample_page(open_graph):
    return open_graph(render_html(sample_graph(), title="Sample news graph"))


def test_every_entity_with_a_fact_is_drawn_apart_and_named(sample_page):
    positions = sample_page.js("() => window.__newskg.network.getPositions()")
    assert len(positions) == 19  # the Border Accord has no fact: hidden
    points = {(round(p["x"]), round(p["y"])) for p in positions.values()}
    assert len(points) == 19
    assert len(sample_page.js("() => window.__newskg.drawnEdges()")) == 23
    # physics was switched off after the layout settled, so the drawing does not keep moving
    assert sample_page.js("() => window.__newskg.network.physics.physicsEnabled") is False
    labels = sample_page.js("() => window.__newskg.labels()")
    assert {l["text"] for l in labels if l["kind"] == "node"} >= {"Veloria", "Ostmark", "Coastal Guard", "Anna Keller"}


def test_search_by_alias_selects_and_focuses_the_node(sample_page):
    page = sample_page.page
    page.fill("#search", "president keller")
    page.press("#search", "Enter")
    keller = sample_page.node_id("Anna Keller")
    assert sample_page.js("() => window.__newskg.network.getSelectedNodes()") == [keller]
    assert page.text_content("#panel h2") == "Anna Keller"
    view = sample_page.js("() => window.__newskg.network.getViewPosition()")
    node = sample_page.js("(id) => window.__newskg.network.getPositions([id])[id]", keller)
    assert abs(view["x"] - node["x"]) < 1 and abs(view["y"] - node["y"]) < 1
    page.fill("#search", "keller")
    page.wait_for_selector("#search-results button")
    assert page.text_content("#search-results button").startswith("Anna Keller")


def test_clicking_a_node_opens_its_facts_grouped_by_property(sample_page):
    page = sample_page.page
    x, y = sample_page.node_screen_point(sample_page.node_id("Veloria"))
    page.mouse.click(x, y)
    page.wait_for_selector("#panel:not([hidden])")
    assert page.text_content("#panel h2") == "Veloria"
    groups = page.eval_on_selector_all("#panel .group h4", "hs => hs.map(h => h.textContent)")
    # the largest group first, then by name
    assert groups == ["partOf (2)", "agreedWith (1)", "allyOf (1)", "leaderOf (1)", "locatedIn (1)"]
    panel = page.text_content("#panel-body")
    assert KELLER_SENTENCE in panel
    assert "Veloria and Ostmark sign border accord" in panel and "2031-03-02" in panel  # document and date
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


def test_the_page_is_keyboard_navigable(sample_page):
    page = sample_page.page
    page.focus("#search")
    page.keyboard.type("ostm")
    page.wait_for_selector("#search-results button")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent").startswith("Ostmark")
    page.keyboard.press("Enter")
    assert page.text_content("#panel h2") == "Ostmark"
    page.keyboard.press("Escape")
    assert page.is_hidden("#panel")
    page.focus("#graph .vis-network")  # the drawing: + zooms in, arrows move
    scale = sample_page.js("() => window.__newskg.network.getScale()")
    page.keyboard.down("+")
    page.wait_for_timeout(200)
    page.keyboard.up("+")
    assert sample_page.js("() => window.__newskg.network.getScale()") > scale
    assert page.get_attribute("#graph .vis-network", "aria-label").startswith("Graph drawing")
    page.focus("#tab-graph")
    page.keyboard.press("ArrowRight")  # tabs move with the arrow keys
    assert page.is_visible("#entities-view") and page.is_hidden("#graph")
    assert page.evaluate("document.activeElement.id") == "tab-entities"
    page.keyboard.press("Tab")  # into the list: its find box, then the rows
    page.keyboard.type("lena")
    page.wait_for_function("() => document.querySelectorAll('#entities-view tbody tr').length === 1")
    page.focus("#entities-view tbody button")
    page.keyboard.press("Enter")
    assert page.is_visible("#graph") and page.text_content("#panel h2") == "Lena Ortiz"


def test_page_is_offline_and_error_free(sample_page):
    page = sample_page.page
    page.fill("#search", "veloria")
    page.press("#search", "Enter")
    page.click("#fit")
    page.click("#tab-facts")
    page.click("#tab-entities")
    page.click("#tab-graph")
    page.wait_for_timeout(200)
    assert sample_page.console_errors == []
    assert sample_page.page_errors == []
    assert sample_page.blocked == []
    assert all(url.startswith("file://") for url in sample_page.requests)


def _hostile_graph() -> KnowledgeGraph:
    img = "<img src=x onerror=alert(1)>"
    script = "</script><script>alert(1)</script>"
    sentence = "<b>Bold</b> claim <script>alert(2)</script> & more \u2028 line"
    graph = KnowledgeGraph()
    doc = Document("evil", "", "<i onmouseover=alert(3)>title</i>", "2031-01-01", "javascript:alert(4)", "<u>x</u>")
    graph.add(DocResult(doc, [
        Entity("person/img", "Person", img, {"<svg onload=alert(5)>"}, 3, {"evil"}, "Q1\"><script>alert(6)</script>"),
        Entity("group/script", "Group", script, set(), 2, {"evil"}, None, {"<u>chief</u>"}),
        Entity("person/lonely", "Person", "<iframe src=javascript:alert(8)>", set(), 1, {"evil"}),
    ], [Relation("person/img", "supports", "group/script", Evidence("evil", sentence, 0, 10, "r<x>", 0.5))]))
    return graph


def test_hostile_names_render_as_text_and_run_nothing(open_graph):
    graph = _hostile_graph()
    opened = open_graph(render_html(graph, title="<script>alert(7)</script>"))
    page = opened.page
    assert page.title() == "<script>alert(7)</script>"
    labels = {l["text"] for l in opened.js("() => window.__newskg.labels()")}
    assert labels >= {"<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>"}
    page.fill("#search", "<img")
    page.press("#search", "Enter")
    assert page.text_content("#panel h2") == "<img src=x onerror=alert(1)>"
    panel_text = page.text_content("#panel-body")
    assert "<b>Bold</b> claim <script>alert(2)</script> & more" in panel_text
    assert "</script><script>alert(1)</script>" in panel_text and "<u>x</u>" in panel_text
    x, y = opened.node_screen_point(opened.node_id("</script><script>alert(1)</script>"))
    page.mouse.move(x, y)
    page.wait_for_selector("div.vis-tooltip", state="visible")
    assert page.text_content("div.vis-tooltip").startswith("</script><script>alert(1)</script>")
    page.click("#show-isolated")  # the entity with no fact, in the drawing and the lists
    page.click("#tab-entities")
    assert "<iframe src=javascript:alert(8)>" in page.text_content("#entities-view tbody")
    page.click("#tab-facts")
    assert "<img src=x onerror=alert(1)>" in page.text_content("#facts-view tbody")
    page.wait_for_timeout(300)
    counts = opened.js("""() => ({
        scripts: document.scripts.length, imgs: document.images.length, frames: document.querySelectorAll('iframe').length,
        handlers: document.querySelectorAll('svg[onload], [onerror], [onmouseover]').length,
        links: [...document.querySelectorAll('#panel a')].map(a => a.getAttribute('href'))})""")
    assert counts == {"scripts": 3, "imgs": 0, "frames": 0, "handlers": 0, "links": []}
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



def test_the_page_works_inside_an_iframe_srcdoc(browser, tmp_path, viewport):
    """The notebook shows the page in an <iframe srcdoc>: there is no link to keep, but no error either."""
    import html

    host = tmp_path / "host.html"
    page_html = render_html(sample_graph())
    host.write_text(f'<!DOCTYPE html><iframe style="width:1200px;height:800px" '
                    f'srcdoc="{html.escape(page_html, quote=True)}"></iframe>', encoding="utf-8")
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(host.as_uri())
        frame = page.frames[1]
        frame.wait_for_selector("body[data-ready=true]", state="attached", timeout=30_000)
        frame.click("#class-filters input[data-name='Person']")
        frame.click("#tab-entities")
        assert frame.text_content("#tab-entities") == "Entities (14)"
        assert errors == []
    finally:
        context.close()


def test_event_times_show_in_the_panel_the_list_and_the_date_filter(open_graph):
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class TimedEvidence(Evidence):  # evidence with an event time, as the "Time and sources" work adds it
        time: object = None

    graph = sample_graph()
    fact = ("person/anna keller", "metWith", "person/tomas brandt")
    graph.facts[fact] = [TimedEvidence("d1", KELLER_SENTENCE, 0, 5, "dep:met_with", 0.9, "asserted", time="2031-02-27")]
    opened = open_graph(render_html(graph))
    page = opened.page
    page.fill("#search", "Anna Keller")
    page.press("#search", "Enter")
    assert "event 2031-02-27" in page.text_content("#panel-body")
    page.click("#tab-facts")
    page.fill("#facts-view input[type=search]", "metWith")
    assert page.eval_on_selector("#facts-view tbody tr", "tr => tr.lastChild.textContent") == "2031-02-27"
    page.click("#tab-graph")
    page.eval_on_selector("#date-to", "el => { el.value = '2031-02-28'; el.dispatchEvent(new Event('change')); }")
    opened.settle()
    # documents are dated 2031-03-02 and later: only the event-dated meeting is left
    assert opened.js("() => window.__newskg.visible().facts") == 1
    assert "event time" in page.text_content("#date-note")
    assert opened.page_errors == []


def test_the_panel_shows_a_readings_role_status_bounds_and_who_said_it(open_graph):
    from dataclasses import replace

    graph = sample_graph()
    fact = ("person/anna keller", "metWith", "person/tomas brandt")
    if fact not in graph.facts:
        fact = next(f for f in graph.facts if f[0] == "person/anna keller")
    ev = graph.facts[fact][0]
    graph.facts[fact] = [replace(ev, unnamed_source="senior officials")]
    post = next(f for f in graph.facts if f[1] in ("leaderOf", "worksFor") and f[0] == "person/anna keller")
    graph.facts[post] = [replace(e, role_status="former", valid_from="1997-05-02", valid_until="2007-06-27")
                         for e in graph.facts[post]]
    opened = open_graph(render_html(graph))
    page = opened.page
    page.fill("#search", "Anna Keller")
    page.press("#search", "Enter")
    text = page.text_content("#panel-body")
    assert "said by senior officials" in text and "former post" in text
    assert "held from 1997-05-02 until 2007-06-27" in text
    assert opened.page_errors == []
