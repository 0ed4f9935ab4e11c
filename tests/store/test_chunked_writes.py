"""An update writes its documents in chunks (one transaction each, kg.store.update.WRITE_CHUNK):
the store it leaves is the one a single transaction leaves, quad for quad."""

from __future__ import annotations

import pyoxigraph as ox

import kg.store.update as update
from kg.model import DocResult, Document, Entity, Evidence, KnowledgeGraph, Relation
from kg.store.update import update_store


def _doc(n: int) -> DocResult:
    text = f"Ruritania criticized Freedonia over trade, Minister Ana Lind said on day {n}."
    ents = [Entity("country/rur", "Country", "Ruritania", set(), 1, {f"d{n}"}),
            Entity("country/fre", "Country", "Freedonia", {f"Freedonia {n}"}, 1, {f"d{n}"}),
            Entity("person/ana-lind", "Person", "Ana Lind", set(), 1, {f"d{n}"}, job_titles={"Minister"})]
    rels = [Relation("country/rur", "criticized", "country/fre", Evidence(f"d{n}", text, 0, len(text), "verb-svo", 0.9)),
            Relation("person/ana-lind", "worksFor", "country/rur", Evidence(f"d{n}", text, 0, len(text), "role-title", 0.8))]
    return DocResult(Document(f"d{n}", text, date=f"2020-01-{n + 1:02d}"), ents, rels)


def _model(res, ns) -> KnowledgeGraph:
    g = KnowledgeGraph(symmetric=res.ontology.symmetric)
    for n in ns:
        g.add(_doc(n))
    return g


def _quads(path) -> set[str]:
    return {str(q) for q in ox.Store.read_only(str(path)).quads_for_pattern(None, None, None, None)}


def test_chunked_update_leaves_the_store_one_transaction_leaves(res, tmp_path, monkeypatch):
    writes = []
    real = update._write
    monkeypatch.setattr(update, "_write", lambda store, base, plan: writes.append(len(plan.added)) or real(store, base, plan))
    for name, chunk in (("one", 1000), ("chunks", 2)):
        monkeypatch.setattr(update, "WRITE_CHUNK", chunk)
        path = tmp_path / name
        update_store(path, _model(res, range(2)), resources=res)  # a first build
        writes.clear()
        report = update_store(path, _model(res, range(2, 9)), resources=res)  # 7 documents: 4 chunks of 2
        assert sorted(report.added) == [f"d{n}" for n in range(2, 9)]
        assert writes == ([7] if chunk == 1000 else [2, 2, 2, 1])
    assert _quads(tmp_path / "one") == _quads(tmp_path / "chunks")


def test_a_chunk_is_written_before_the_next_is_planned(res, tmp_path, monkeypatch):
    """The quads of one chunk at a time are held (the peak of a large write does not grow with it)."""
    planned, at_write = [], []
    real_iter, real_write = update.iter_document_graphs, update._write

    def iter_graphs(*args, **kw):
        for part in real_iter(*args, **kw):
            planned.append(part.doc_id)
            yield part

    monkeypatch.setattr(update, "iter_document_graphs", iter_graphs)
    monkeypatch.setattr(update, "_write", lambda store, base, plan: at_write.append(len(planned)) or real_write(store, base, plan))
    monkeypatch.setattr(update, "WRITE_CHUNK", 2)
    path = tmp_path / "store"
    update_store(path, _model(res, range(2)), resources=res)  # a first build: one bulk load, no _write
    planned.clear()
    update_store(path, _model(res, range(2, 9)), resources=res)
    assert at_write == [3, 5, 7, 7]  # each chunk of 2 written once the next document is read, not all first


def test_no_replace_plans_everything_before_writing(res, tmp_path, monkeypatch):
    """--no-replace refuses before anything is written, so it still plans every chunk first."""
    writes = []
    monkeypatch.setattr(update, "WRITE_CHUNK", 2)
    path = tmp_path / "store"
    update_store(path, _model(res, (0, 1, 9)), resources=res)
    before = _quads(path)
    changed = _model(res, range(2, 7))  # d2 ... d6, then d9 in the third chunk
    changed.add(DocResult(Document("d9", "another text", date="2021-01-01"), [], []))
    real = update._write
    monkeypatch.setattr(update, "_write", lambda store, base, plan: writes.append(plan) or real(store, base, plan))
    try:
        update_store(path, changed, resources=res, replace=False)
    except update.StoreError as exc:
        assert "nothing was written" in str(exc)
    else:
        raise AssertionError("a changed d9 must be refused")
    assert writes == [] and _quads(path) == before
