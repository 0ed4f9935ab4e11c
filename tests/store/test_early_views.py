"""An incremental build starts drawing the page and GraphML of every stored document as soon as
corpus resolution has made their model, before the store is written (kg.store.outputs): the files
are those drawn from the store afterwards, and a failed write stops the drawing process."""

from __future__ import annotations

import pytest

import kg.store.outputs as outputs
import kg.store.update as update
from kg.errors import KGError
from kg.export.write import ViewsInChild
from kg.model import DocResult, Document, Entity, Evidence, KnowledgeGraph, Relation
from kg.store.embedded import StoreError

BASE = "https://example.org/newskg/"


def _doc(n: int) -> DocResult:
    d = f"d{n}"
    text = f"Ruritania criticized Freedonia, Minister Ana Lind said on day {n}. Lind left."
    ents = [Entity("country/rur", "Country", "Ruritania", set(), 1, {d}),
            Entity("country/fre", "Country", "Freedonia", set(), 1, {d}),
            Entity("person/ana-lind", "Person", "Ana Lind", set(), 1, {d}, job_titles={"Minister"}),
            Entity("person/lind", "Person", "Lind", set(), 1, {d})]
    rels = [Relation("country/rur", "criticized", "country/fre", Evidence(d, text, 0, 40, "verb-svo", 0.9)),
            Relation("person/ana-lind", "worksFor", "country/rur", Evidence(d, text, 0, 60, "role-title", 0.8))]
    return DocResult(Document(d, text, date=f"2020-01-{n + 1:02d}"), ents, rels)


def _model(res, ns) -> KnowledgeGraph:
    g = KnowledgeGraph(symmetric=res.ontology.symmetric)
    for n in ns:
        g.add(_doc(n))
    return g


@pytest.fixture
def events(monkeypatch):
    seen: list = []

    class Recorded(ViewsInChild):
        def __init__(self, *args, **kw):
            seen.append(("fork", self))
            super().__init__(*args, **kw)

    real = update._write
    monkeypatch.setattr(outputs, "ViewsInChild", Recorded)
    monkeypatch.setattr(update, "_write", lambda store, base, plan: seen.append(("write", None)) or real(store, base, plan))
    return seen


def test_the_views_start_before_the_writes_and_equal_the_store_drawn_after(res, tmp_path, events):
    out = tmp_path / "out"
    out.mkdir()
    outputs.write_outputs(_model(res, range(2)), out, base=BASE, resources=res)  # a first build
    events.clear()
    timings: dict = {}
    outputs.write_outputs(_model(res, range(2, 5)), out, base=BASE, resources=res, timings=timings)
    assert [e for e, _ in events] == ["fork", "write"]
    assert "model of the stored documents (child)" in timings
    again = tmp_path / "again"
    outputs.render_store(out / "store", again, resources=res)
    for name in ("graph.graphml", "graph.html"):
        assert (out / name).read_bytes() == (again / name).read_bytes(), name


def test_a_failed_write_stops_the_drawing_process(res, tmp_path, events, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    outputs.write_outputs(_model(res, range(2)), out, base=BASE, resources=res)
    before = (out / "graph.graphml").read_bytes()
    events.clear()

    def fails(store, base, plan):
        raise StoreError("the disk is full")

    monkeypatch.setattr(update, "_write", fails)
    with pytest.raises(KGError, match="the disk is full"):
        outputs.write_outputs(_model(res, range(2, 5)), out, base=BASE, resources=res)
    (kind, views), = events
    assert kind == "fork" and views.proc is not None and not views.proc.is_alive()
    assert (out / "graph.graphml").read_bytes() == before
