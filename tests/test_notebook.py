"""notebooks/walkthrough.ipynb runs from top to bottom and shows what the library computes."""

from __future__ import annotations

import html
import json
import re
import sys

import pytest
from helpers import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOK = ROOT / "notebooks" / "walkthrough.ipynb"
KG = "https://w3id.org/newskg/ontology#"


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """The notebook executed in a kernel that runs this very interpreter."""
    # A private kernel spec: no `ipykernel install` needed, and never another Python on PATH.
    jupyter_path = tmp_path_factory.mktemp("jupyter")
    spec = jupyter_path / "kernels" / "python3"
    spec.mkdir(parents=True)
    spec.joinpath("kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3", "language": "python",
    }))
    mp = pytest.MonkeyPatch()
    mp.setenv("JUPYTER_PATH", str(jupyter_path))
    mp.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    mp.setenv("NEWSKG_WALKTHROUGH_DIR", str(tmp_path_factory.mktemp("walkthrough")))
    try:
        nb = nbformat.read(NOTEBOOK, as_version=4)
        client = nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                                         resources={"metadata": {"path": str(NOTEBOOK.parent)}})
        client.execute()
    finally:
        mp.undo()
    return nb


def outputs(nb, tag: str) -> tuple[str, str]:
    """(stdout text, HTML) of the cell tagged ``tag``."""
    cells = [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"no single cell tagged {tag!r}"
    text = "".join(o.get("text", "") for o in cells[0].outputs if o.output_type == "stream")
    markup = "".join(o.get("data", {}).get("text/html", "") for o in cells[0].outputs
                     if o.output_type in ("display_data", "execute_result"))
    return text, markup


def test_notebook_runs_without_errors(executed):
    errors = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []


def test_build_and_competency_queries(executed, seed_graph):
    text, _ = outputs(executed, "build")
    stats = json.loads(text[: text.index("}") + 1])
    assert stats == seed_graph.stats()
    assert "1 added" in text

    counts = json.loads(outputs(executed, "query-counts")[0])
    from kg.store.query import named_queries

    assert set(counts) == set(named_queries())  # every shipped query ran (binds taken from the data)
    deters = sorted({(seed_graph.entities[s].name, seed_graph.entities[o].name)
                     for (s, p, o) in seed_graph.facts if p == "deters" and seed_graph.is_asserted((s, p, o))})
    assert deters, "the seed article is expected to yield a deters fact"
    assert counts["deters"] == len(deters)
    assert counts["documents"] == 1
    _, tables = outputs(executed, "queries")
    section = tables[tables.index("<h4>deters:"):]
    section = section[: section.index("</table>")]
    for deterrer, target in deters:  # each deters pair is a row: labels in adjacent columns
        assert re.search(rf"<td>{re.escape(html.escape(deterrer))}</td><td>[^<]*</td><td>{re.escape(html.escape(target))}</td>",
                         section), (deterrer, target)


def test_network_analysis(executed, seed_graph):
    import networkx as nx

    from kg.export.networkx import to_networkx

    U = nx.Graph(to_networkx(seed_graph).to_undirected())
    U.remove_nodes_from([n for n in list(U) if U.degree(n) == 0])
    text, table = outputs(executed, "centrality")
    assert f"{U.number_of_nodes()} connected entities" in text
    hub = max(U, key=lambda n: (U.degree(n), -len(U.nodes[n]["label"])))
    rows = re.findall(r"<tr><td>([^<]*)</td>", table)
    assert len(rows) == min(10, U.number_of_nodes())
    assert U.degree(next(n for n in U if html.escape(U.nodes[n]["label"]) == rows[0])) == U.degree(hub)

    text, _ = outputs(executed, "communities")
    n, modularity = re.match(r"(\d+) communities, modularity (-?[0-9.]+)", text).groups()
    members = [line.split(". ", 1)[1].split(", ") for line in text.splitlines()[1:]]
    assert len(members) == int(n)
    assert sorted(m for c in members for m in c) == sorted(U.nodes[x]["label"] for x in U)  # a partition
    assert 0.0 <= float(modularity) <= 1.0


def test_served_counts_and_inline_page(executed, seed_rdf):
    quads = len(seed_rdf)  # one document: its graph, the entity graph and the fact summaries share no triple
    text, _ = outputs(executed, "serve")
    assert text.strip() == f"named graphs: 3, triples: {quads}"

    text, frame = outputs(executed, "html")
    assert frame.startswith('<iframe srcdoc="')
    page = html.unescape(frame[len('<iframe srcdoc="'): frame.index('" style=')])
    assert page.startswith("<!DOCTYPE html>") and "__newskgReady" in page
    assert f"page: {len(page):,} characters" in text
