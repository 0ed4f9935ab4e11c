"""The Dask engine gives the same graph as a local build (same triples), merged in input order."""

from __future__ import annotations

import pytest

distributed = pytest.importorskip("distributed", reason="dask.distributed not installed (pip install 'newskg[dask]')")

from helpers import NEWS_TEXTS  # noqa: E402
from rdflib.compare import isomorphic  # noqa: E402

from kg.builder import build  # noqa: E402
from kg.engines.dask import build_distributed  # noqa: E402
from kg.export.rdf import to_rdf  # noqa: E402
from kg.model import Document  # noqa: E402

TEXTS = NEWS_TEXTS + (
    'Lopez said Northwind Energy would build a new plant in Peru next year.',
    'Kenya and Ethiopia agreed to open a new border crossing, the two governments said.',
    'The Canadian government announced a new climate law in Ottawa.',
    'Lind told reporters in Stockholm that Sweden supports the plan.',
)
DOCS = [Document(f"doc-{i:02d}", text, title=f"Story {i}") for i, text in enumerate(TEXTS)]


@pytest.fixture(scope="module")
def cluster():
    # processes=True: results and documents really cross process boundaries (pickling, other
    # hash seeds), as on a real cluster.
    with distributed.LocalCluster(processes=True, n_workers=2, threads_per_worker=1,
                                  dashboard_address=None, host="127.0.0.1") as c:
        yield c


@pytest.fixture(scope="module")
def local_graph(nlp, res):
    return build(DOCS, nlp=nlp, resources=res, batch_size=3)


def test_dask_build_gives_the_same_triples_as_a_local_build(cluster, local_graph, res):
    graph = build_distributed(DOCS, scheduler=cluster.scheduler_address, model=None, batch_size=3)
    local, remote = to_rdf(local_graph, resources=res), to_rdf(graph, resources=res)
    assert local_graph.stats()["relations"] >= 5  # the comparison is not between empty graphs
    assert set(remote) == set(local)
    assert isomorphic(remote, local)
    assert graph.stats() == local_graph.stats()


def test_dask_results_merge_in_input_order_with_shipped_resources(cluster, local_graph, res):
    seen = []
    graph = build_distributed(DOCS, scheduler=cluster.scheduler_address, model=None, batch_size=1,
                              resources=res, on_document=lambda r: seen.append(r.document))
    assert seen == DOCS  # the full input documents, in input order
    assert list(graph.documents) == [d.id for d in DOCS]
    assert graph.facts == local_graph.facts
    assert {k: (e.name, e.aliases, e.mentions, e.docs) for k, e in graph.entities.items()} == \
        {k: (e.name, e.aliases, e.mentions, e.docs) for k, e in local_graph.entities.items()}


def test_cli_build_on_the_cluster_writes_the_same_turtle(cluster, tmp_path):
    import json

    from typer.testing import CliRunner

    from kg.cli import app

    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": d.id, "text": d.text}) for d in DOCS) + "\n", encoding="utf-8")
    runner = CliRunner()
    local = runner.invoke(app, ["build", str(src), "--out", str(tmp_path / "l"), "--no-html", "--no-store"])
    remote = runner.invoke(app, ["build", str(src), "--out", str(tmp_path / "d"), "--no-html", "--no-store",
                                 "--engine", "dask", "--scheduler", cluster.scheduler_address, "--batch-size", "3"])
    assert local.exit_code == 0 and remote.exit_code == 0, remote.output
    assert (tmp_path / "l" / "graph.ttl").read_bytes() == (tmp_path / "d" / "graph.ttl").read_bytes()
