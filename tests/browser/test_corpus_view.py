"""The page at corpus size in headless Chromium: the default view, names, lists, filters, the link.

The corpus is synthetic but shaped like a build of the 417 BBC politics articles (about 2,200
entities, 530 facts, seven in ten entities without a fact, a few hubs); the counts test builds
the seed with `kg build`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from urllib.parse import parse_qs

import pytest
from helpers import SEED
from viz_sample import synthetic_graph

from kg.export.viz import DEFAULT_BUDGET, render_html

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def corpus_html() -> str:
    return render_html(synthetic_graph(nodes=2200, edges=530, docs=417, linked=0.3), title="Corpus")


@pytest.fixture()
def corpus(open_graph, corpus_html):
    return open_graph(corpus_html)


def _overlap(a: dict, b: dict) -> bool:
    return a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]


def _linked(data: dict) -> set[int]:
    return {n for e in data["edges"] for n in (e["from"], e["to"])}


def _components(ids: set[int], edges: list[tuple[int, int]]) -> list[set[int]]:
    nbrs: dict[int, set[int]] = defaultdict(set)
    for a, b in edges:
        if a in ids and b in ids:
            nbrs[a].add(b)
            nbrs[b].add(a)
    seen: set[int] = set()
    out = []
    for start in sorted(ids):
        if start in seen:
            continue
        comp, todo = set(), [start]
        while todo:
            n = todo.pop()
            if n not in comp:
                comp.add(n)
                todo.extend(nbrs[n] - comp)
        seen |= comp
        out.append(comp)
    return sorted(out, key=len, reverse=True)


def test_default_view_draws_a_connected_core_and_hides_entities_without_facts(corpus):
    data = corpus.js("() => window.__newskg.data")
    linked, drawn = _linked(data), corpus.drawn()
    assert len(drawn) == DEFAULT_BUDGET < len(linked)
    assert drawn <= linked  # nothing without a fact
    pairs = [(e["from"], e["to"]) for e in data["edges"]]
    largest = _components(linked, pairs)[0]
    assert len(largest & drawn) >= DEFAULT_BUDGET * 3 // 4
    assert len(_components(largest & drawn, pairs)) == 1  # its drawn part hangs together
    isolated = len(data["nodes"]) - len(linked)
    page = corpus.page
    assert page.text_content("#isolated-label") == f"show the {isolated:,} entities with no fact"
    assert page.text_content("#tab-entities") == f"Entities ({len(linked):,})"
    page.click("#show-isolated")
    corpus.settle()
    shown = corpus.drawn()
    assert len(shown - linked) == min(isolated, DEFAULT_BUDGET) and drawn <= shown
    assert page.text_content("#tab-entities") == f"Entities ({len(data['nodes']):,})"
    assert parse_qs(corpus.js("() => location.hash.slice(1)")) == {"no-fact": ["1"]}


def test_names_of_the_top_entities_are_readable_and_never_overlap(corpus):
    labels = corpus.js("() => window.__newskg.labels()")
    size = corpus.js("() => { const c = document.querySelector('#graph canvas'); return [c.clientWidth, c.clientHeight]; }")
    for i, a in enumerate(labels):
        assert 0 <= a["x"] and a["x"] + a["w"] <= size[0] and 0 <= a["y"] and a["y"] + a["h"] <= size[1]
        assert "12.5px" in a["font"] or "10.5px" in a["font"]  # a fixed screen size, whatever the zoom
        for b in labels[i + 1:]:
            assert not _overlap(a, b), (a["text"], b["text"])
    named = {l["id"] for l in labels if l["kind"] == "node"}
    visible = corpus.js("() => Array.from(window.__newskg.visible().okDeg)")
    top = sorted(corpus.drawn(), key=lambda i: -visible[i])[:10]
    assert set(top) <= named
    assert len(named) >= 40  # many more than the top ten fit without zooming


def test_expanding_a_node_draws_its_neighbours_and_keeps_the_rest_still(corpus):
    data = corpus.js("() => window.__newskg.data")
    drawn = corpus.drawn()
    nbrs: dict[int, set[int]] = defaultdict(set)
    for e in data["edges"]:
        nbrs[e["from"]].add(e["to"])
        nbrs[e["to"]].add(e["from"])
    node = max(drawn, key=lambda i: (len(nbrs[i] - drawn), -i))
    missing = nbrs[node] - drawn
    assert missing
    before = corpus.js("() => window.__newskg.network.getPositions()")
    corpus.js("(id) => window.__newskg.focusNode(id)", node)
    corpus.page.click("#expand")
    corpus.settle()
    assert corpus.drawn() == drawn | missing
    after = corpus.js("() => window.__newskg.network.getPositions()")
    moved = [i for i in drawn if abs(after[str(i)]["x"] - before[str(i)]["x"]) > 0.5 or abs(after[str(i)]["y"] - before[str(i)]["y"]) > 0.5]
    assert moved == []
    assert parse_qs(corpus.js("() => location.hash.slice(1)"))["expand"] == [data["nodes"][node]["key"]]


def test_entity_list_sorts_searches_and_leads_to_the_node(corpus):
    page = corpus.page
    data = corpus.js("() => window.__newskg.data")
    linked = _linked(data)
    page.click("#tab-entities")
    assert page.text_content("#entities-view .count") == f"1\u2013100 of {len(linked)} entities"
    assert page.eval_on_selector("#entities-view th[data-col=facts]", "th => th.getAttribute('aria-sort')") == "descending"
    facts = page.eval_on_selector_all("#entities-view tbody tr td:nth-child(3)", "tds => tds.map(t => +t.textContent)")
    degree = defaultdict(int)
    for e in data["edges"]:
        degree[e["from"]] += 1
        degree[e["to"]] += 1
    assert facts == sorted(facts, reverse=True) and facts[0] == max(degree.values())
    page.click("#entities-view th[data-col=name] button")  # by name, A to Z
    first = page.eval_on_selector_all("#entities-view tbody button[data-node]", "bs => bs.slice(0, 5).map(b => b.textContent)")
    assert first == sorted(first, key=str.lower)
    target = data["nodes"][max(linked, key=lambda i: (degree[i], -i))]
    page.fill("#entities-view input[type=search]", target["name"].lower())
    rows = page.eval_on_selector_all("#entities-view tbody button[data-node]", "bs => bs.map(b => b.textContent)")
    assert target["name"] in rows
    page.click(f"#entities-view tbody button[data-node='{target['id']}']")
    assert page.is_visible("#graph") and page.text_content("#panel h2") == target["name"]
    assert corpus.js("() => window.__newskg.network.getSelectedNodes()") == [target["id"]]
    fragment = parse_qs(corpus.js("() => location.hash.slice(1)"))
    assert fragment["entity"] == [target["key"]] and fragment["entities-sort"] == ["name-asc"]


def test_fact_list_leads_to_the_evidence(corpus):
    page = corpus.page
    page.click("#tab-facts")
    page.click("#facts-view th[data-col=confidence] button")
    assert page.eval_on_selector("#facts-view th[data-col=confidence]", "th => th.getAttribute('aria-sort')") == "descending"
    confidences = page.eval_on_selector_all("#facts-view tbody tr td:nth-child(5)", "tds => tds.map(t => +t.textContent)")
    assert confidences == sorted(confidences, reverse=True)
    headers = page.eval_on_selector_all("#facts-view th", "ths => ths.map(t => t.textContent)")
    assert headers == ["Subject", "Property", "Object", "Status", "Confidence", "Sources", "Date"]
    row = page.eval_on_selector("#facts-view tbody tr", "tr => [...tr.children].map(td => td.textContent)")
    page.click("#facts-view tbody tr button.prop")
    corpus.settle()
    assert page.is_visible("#graph")
    assert page.text_content("#panel h2") == f"{row[0]} {row[1]} {row[2]}"
    assert "the synthetic report said" in page.text_content("#panel-body")


def _expected_facts(data: dict, *, hidden_class: str, hidden_prop: str, conf: float, doc: int | None,
                    date_from: str, date_to: str) -> int:
    """The facts the filters let through, computed here from the payload (the page's rules)."""
    cls = {c["name"]: i for i, c in enumerate(data["classes"])}[hidden_class]
    prop = {p["name"]: i for i, p in enumerate(data["props"])}[hidden_prop]
    nodes = data["nodes"]

    def entity_ok(n: dict) -> bool:
        return n["c"] != cls and (doc is None or doc in n["docs"])

    def reading_ok(ev: list) -> bool:
        span = ev[5] if len(ev) > 5 else data["docs"][ev[0]]["span"]
        return (doc is None or ev[0] == doc) and span is not None and span[1] >= date_from and span[0] <= date_to

    count = 0
    for e in data["edges"]:
        score = e["conf"] if e["st"] == 0 else max(ev[3] for ev in e["ev"])
        if e["p"] == prop or e["st"] != 0 or score < conf - 1e-9:
            continue
        if entity_ok(nodes[e["from"]]) and entity_ok(nodes[e["to"]]) and any(reading_ok(ev) for ev in e["ev"]):
            count += 1
    return count


def _set_value(page, selector: str, value: str) -> None:
    page.eval_on_selector(selector, "(el, v) => { el.value = v; el.dispatchEvent(new Event('change', {bubbles: true})); }", value)


def test_filters_compose_and_the_link_reopens_the_same_view(corpus, open_graph):
    page = corpus.page
    data = corpus.js("() => window.__newskg.data")
    page.click("#class-filters input[data-name='Person']")
    page.click("#prop-filters input[data-name='criticized']")
    page.uncheck("#show-hedged")
    _set_value(page, "#conf-filter", "0.5")
    assert page.is_visible("#date-section")
    _set_value(page, "#date-from", "2030-03-01")
    _set_value(page, "#date-to", "2030-08-31")
    no_doc = _expected_facts(data, hidden_class="Person", hidden_prop="criticized", conf=0.5, doc=None,
                             date_from="2030-03-01", date_to="2030-08-31")
    assert 0 < corpus.js("() => window.__newskg.visible().facts") == no_doc < len(data["edges"]) // 2
    # one more: a document, typed as the list offers it
    counts = defaultdict(int)
    for e in data["edges"]:
        for ev in e["ev"]:
            counts[ev[0]] += 1
    doc = max(counts, key=lambda d: (counts[d], -d))
    label = f"{data['docs'][doc]['title']} \u00b7 {data['docs'][doc]['id']}"
    _set_value(page, "#doc-filter", label)
    corpus.settle()
    expected = _expected_facts(data, hidden_class="Person", hidden_prop="criticized", conf=0.5, doc=doc,
                               date_from="2030-03-01", date_to="2030-08-31")
    assert corpus.js("() => window.__newskg.visible().facts") == expected <= no_doc
    assert page.text_content("#tab-facts") == f"Facts ({expected})"
    drawn_edges = corpus.js("() => window.__newskg.drawnEdges()")
    people = {n["id"] for n in data["nodes"] if data["classes"][n["c"]]["name"] == "Person"}
    assert not people & corpus.drawn()
    assert all(data["props"][data["edges"][k]["p"]]["name"] != "criticized" for k in drawn_edges)

    fragment = corpus.js("() => location.hash.slice(1)")
    assert parse_qs(fragment) == {
        "hide-class": ["Person"], "hide-property": ["criticized"], "hedged": ["0"], "confidence": ["0.50"],
        "document": [data["docs"][doc]["id"]], "from": ["2030-03-01"], "to": ["2030-08-31"]}
    state = corpus.js("() => JSON.stringify(window.__newskg.state())")
    reopened = open_graph(None, fragment=fragment)  # the same file, opened from the link
    assert reopened.js("() => JSON.stringify(window.__newskg.state())") == state
    assert reopened.js("() => window.__newskg.visible().facts") == expected
    assert reopened.page.is_checked("#class-filters input[data-name='Country']")
    assert not reopened.page.is_checked("#class-filters input[data-name='Person']")
    assert not reopened.page.is_checked("#show-hedged")
    assert reopened.page.input_value("#conf-filter") == "0.5" and reopened.page.input_value("#date-to") == "2030-08-31"
    assert reopened.page.input_value("#doc-filter") == label
    reopened.page.click("#reset")
    reopened.settle()
    assert reopened.js("() => location.hash") == "" and reopened.js("() => window.__newskg.visible().facts") == len(data["edges"])
    assert corpus.console_errors == [] and corpus.page_errors == [] and reopened.page_errors == []


def test_a_large_graph_opens_on_its_budgeted_core(open_graph):
    graph = synthetic_graph(nodes=5000, edges=20000, docs=500)
    opened = open_graph(render_html(graph))
    assert len(opened.drawn()) == DEFAULT_BUDGET
    target = graph.entities[sorted(graph.entities)[700]].name
    opened.page.fill("#search", target)
    opened.page.press("#search", "Enter")
    opened.settle()
    assert opened.js("() => window.__newskg.network.getSelectedNodes()") == [opened.node_id(target)]
    assert opened.page.text_content("#panel h2") == target
    opened.page.select_option("#budget", "1000")
    opened.settle()
    assert len(opened.drawn()) == 1001 or len(opened.drawn()) == 1000
    assert opened.console_errors == [] and opened.page_errors == [] and opened.blocked == []


def test_counts_agree_with_kg_build_and_graph_ttl(tmp_path, open_graph):
    import rdflib
    from rdflib import RDF, RDFS, URIRef
    from typer.testing import CliRunner

    from kg.cli import app
    from kg.vocab import KG_NS

    out = tmp_path / "seed"
    result = CliRunner().invoke(app, ["build", str(SEED), "--out", str(out), "--no-store"])
    assert result.exit_code == 0, result.output
    entities, relations = map(int, re.search(r"(\d+) entities, (\d+) relations", result.output).groups())

    ttl = rdflib.Graph().parse(out / "graph.ttl")
    kg_document = URIRef(KG_NS + "Document")
    subjects = {s for s, t in ttl.subject_objects(RDF.type)
                if str(t).startswith(KG_NS) and t != kg_document and (s, RDFS.label, None) in ttl}
    symmetric = {URIRef(KG_NS + p) for p in ("agreedWith", "allyOf", "disputesWith", "metWith")}
    plain = {(min(s, o), p, max(s, o)) if p in symmetric else (s, p, o)
             for s, p, o in ttl if str(p).startswith(KG_NS) and s in subjects and o in subjects}
    assert (len(subjects), len(plain)) == (entities, relations)

    opened = open_graph((out / "graph.html").read_text(encoding="utf-8"))
    assert opened.page.text_content("#totals strong") == f"{entities} entities, {relations} relations"
    assert opened.js("() => window.__newskg.data.total") == {
        **opened.js("() => window.__newskg.data.total"), "entities": entities, "relations": relations}
    labels = opened.js("() => window.__newskg.labels()")
    assert {l["id"] for l in labels if l["kind"] == "node"} == opened.drawn()  # a small graph: every name fits
    for i, a in enumerate(labels):
        assert not any(_overlap(a, b) for b in labels[i + 1:])
    assert opened.page.is_hidden("#date-section")  # the seed has no date


def test_a_link_edited_in_the_address_bar_applies_at_once(corpus):
    page = corpus.page
    page.evaluate("location.hash = 'hide-class=Person&view=facts'")
    page.wait_for_function("() => !window.__newskg.state().cls[window.__newskg.data.classes.findIndex(c => c.name === 'Person')]")
    corpus.settle()
    assert not page.is_checked("#class-filters input[data-name='Person']")
    assert page.is_visible("#facts-view")
    assert corpus.js("() => location.hash") == "#hide-class=Person&view=facts"
    assert corpus.page_errors == []


def test_changes_made_while_the_layout_settles_are_all_drawn(corpus):
    data = corpus.js("() => window.__newskg.data")
    corpus.js("""() => {
        const budget = document.getElementById('budget');
        budget.value = '500';
        budget.dispatchEvent(new Event('change'));   // starts a layout of 500 entities
        document.querySelector("#class-filters input[data-name='Person']").click();  // and, at once, this
    }""")
    corpus.settle()
    people = {n["id"] for n in data["nodes"] if data["classes"][n["c"]]["name"] == "Person"}
    drawn = corpus.drawn()
    assert not drawn & people
    assert len(drawn) == min(500, corpus.js("() => window.__newskg.visible().linked"))
    assert corpus.page_errors == []
