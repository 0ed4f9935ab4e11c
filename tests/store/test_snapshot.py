"""The snapshot `kg serve` serves (kg.store.snapshot): kept beside the store, reused while the store is
unchanged, made again after any write, and never trusted when damaged.  Model-free: the stores are
written from hand-made documents."""

from __future__ import annotations

import errno
import json
import logging
import re
import shutil
import signal
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from test_serve import free_port

import kg.store.snapshot as snap
from kg.errors import ServeError
from kg.model import DocResult, Document, Entity, Evidence, KnowledgeGraph, Relation
from kg.store.embedded import open_store, public_graphs
from kg.store.query import query_store
from kg.store.serve import find_oxigraph, start_server
from kg.store.snapshot import (
    SnapshotEngine,
    builtin_engine,
    default_folder,
    open_snapshot,
    oxigraph_engine,
    store_state,
)
from kg.store.update import remove_documents, update_store

KG = "https://w3id.org/newskg/ontology#"
S1 = "Ruritania and Freedonia signed a pact, Minister Ana Lind said."
S2 = "Freedonia criticized Ruritania on Monday."


def _doc(doc_id: str, title: str = "") -> DocResult:
    ents = [Entity("country/rur", "Country", "Ruritania", {"Ruritanian"}, 2, {doc_id}, "Q1"),
            Entity("country/fre", "Country", "Freedonia", set(), 1, {doc_id}),
            Entity("person/ana-lind", "Person", "Ana Lind", {"Lind"}, 2, {doc_id}, job_titles={"Minister"})]
    rels = [Relation("person/ana-lind", "worksFor", "country/rur", Evidence(doc_id, S1, 0, len(S1), "role-title", 0.8)),
            Relation("country/fre", "criticized", "country/rur", Evidence(doc_id, S2, 0, len(S2), "verb-svo", 0.9))]
    return DocResult(Document(doc_id, S1, title=title or doc_id), ents, rels)


def _write(res, path: Path, *doc_ids: str) -> None:
    g = KnowledgeGraph(symmetric=res.ontology.symmetric)
    results = [_doc(d) for d in doc_ids]
    for r in results:
        g.add(r)
    update_store(path, g, resources=res, doc_entities={r.document.id: r.entities for r in results})


def _served_quads(location: Path) -> set[ox.Quad]:
    return set(ox.Store.read_only(str(location)))


def _store_quads(path: Path) -> set[ox.Quad]:
    """What kg serve must serve: the public graphs and the view, nothing else."""
    store = open_store(path, read_only=True)
    return {*(q for g in public_graphs(store) for q in store.quads_for_pattern(None, None, None, g)),
            *store.quads_for_pattern(None, None, None, ox.DefaultGraph())}


@pytest.fixture
def store(res, tmp_path) -> Path:
    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "store"
    _write(res, path, "d1")
    return path


def test_an_unchanged_store_is_served_from_the_kept_snapshot(store, monkeypatch):
    first = open_snapshot(store, builtin_engine())
    assert first.folder is not None and first.folder.parent == default_folder(store) == store.parent / "store.serve-snapshot"
    assert (first.reused, first.documents, first.graphs) == (False, 1, 3)
    assert _served_quads(first.location) == _store_quads(store)  # the public graphs and the view, exactly
    first.release()
    with open(store / "CURRENT", "rb") as fh:  # likely given the lock's descriptor number
        first.release()  # a second release closes nothing
        assert fh.read()
    query_store(store, "SELECT * WHERE { ?s ?p ?o } LIMIT 5")  # reading the store changes nothing

    def no_copy(*args, **kwargs):
        raise AssertionError("the store was copied again")

    monkeypatch.setattr(snap, "_copy", no_copy)
    again = open_snapshot(store, builtin_engine())
    assert again.reused and again.folder == first.folder and again.location == first.location
    assert (again.documents, again.graphs, again.quads, again.made) == (first.documents, first.graphs, first.quads, first.made)
    again.release()
    assert [p.name for p in default_folder(store).iterdir()] == [first.folder.name]


@pytest.mark.parametrize("change", ["add", "replace", "remove"])
def test_a_changed_store_is_snapshotted_again(res, store, change):
    if change == "remove":
        _write(res, store, "d2")
    old = open_snapshot(store, builtin_engine())
    before = _served_quads(old.location)
    old.release()
    if change == "add":
        _write(res, store, "d2")
    elif change == "replace":  # the same id, another version
        g = KnowledgeGraph(symmetric=res.ontology.symmetric)
        g.add(_doc("d1", title="d1, second version"))
        update_store(store, g, resources=res)
    else:
        remove_documents(store, ["d2"])
    new = open_snapshot(store, builtin_engine())
    assert not new.reused and new.folder != old.folder
    assert _served_quads(new.location) == _store_quads(store) != before
    assert (old.documents, new.documents) == {"add": (1, 2), "replace": (1, 1), "remove": (2, 1)}[change]
    assert not old.folder.exists()  # no server held it: deleted, one snapshot is kept
    new.release()


def test_a_snapshot_a_server_holds_is_not_deleted_until_it_stops(res, store):
    held = open_snapshot(store, builtin_engine())
    _write(res, store, "d2")
    newer = open_snapshot(store, builtin_engine())
    assert held.folder.exists() and newer.folder.exists() and held.folder != newer.folder
    assert (held.documents, newer.documents) == (1, 2)
    assert _served_quads(held.location) != _served_quads(newer.location)
    held.release()
    newer.release()
    again = open_snapshot(store, builtin_engine())  # the next start tidies up
    assert again.reused and again.folder == newer.folder and not held.folder.exists()
    again.release()


def _damage(how: str, folder: Path) -> None:
    db = folder / "db"
    if how == "garbled record":
        (folder / "snapshot.json").write_text("{not json", encoding="utf-8")
    elif how == "record of another state":
        info = json.loads((folder / "snapshot.json").read_text(encoding="utf-8"))
        (folder / "snapshot.json").write_text(json.dumps({**info, "key": "0" * 64}), encoding="utf-8")
    elif how == "table file deleted":
        next(db.glob("*.sst")).unlink()
    elif how == "table file truncated":
        sst = max(db.glob("*.sst"), key=lambda p: p.stat().st_size)
        sst.write_bytes(sst.read_bytes()[: sst.stat().st_size // 2])
    elif how == "database deleted":
        shutil.rmtree(db)
    elif how == "folder deleted":
        shutil.rmtree(folder.parent)


@pytest.mark.parametrize("how", ["garbled record", "record of another state", "table file deleted",
                                 "table file truncated", "database deleted", "folder deleted"])
def test_a_damaged_or_missing_snapshot_is_made_again(store, how, caplog):
    first = open_snapshot(store, builtin_engine())
    first.release()
    _damage(how, first.folder)
    with caplog.at_level(logging.WARNING, logger="kg.store.snapshot"):
        again = open_snapshot(store, builtin_engine())
    assert not again.reused and again.folder == first.folder  # the same state: made again in its place
    assert _served_quads(again.location) == _store_quads(store)
    warned = [r.getMessage() for r in caplog.records]
    if how == "folder deleted":
        assert warned == []
    else:
        assert len(warned) == 1 and "cannot be used" in warned[0] and "making it again" in warned[0], warned
    again.release()
    assert open_snapshot(store, builtin_engine()).reused


def test_a_copy_made_while_a_build_writes_is_served_but_not_kept(res, store, monkeypatch, caplog):
    copy = snap._copy

    def copy_then_build(*args, **kwargs):
        info = copy(*args, **kwargs)
        _write(res, store, "d2")  # a build writes the store meanwhile
        return info

    monkeypatch.setattr(snap, "_copy", copy_then_build)
    with caplog.at_level(logging.WARNING, logger="kg.store.snapshot"):
        served = open_snapshot(store, builtin_engine())
    assert served.folder is None and served.documents == 1 and "changed while it was copied" in caplog.text
    location = served.location
    served.release()
    assert not location.exists()
    monkeypatch.setattr(snap, "_copy", copy)
    after = open_snapshot(store, builtin_engine())
    assert after.folder is not None and not after.reused and after.documents == 2
    after.release()


def test_store_state_changes_with_every_write_and_only_then(res, store):
    before = store_state(store)
    query_store(store, "SELECT * WHERE { ?s ?p ?o } LIMIT 5")
    open_store(store, read_only=True)
    assert store_state(store) == before
    _write(res, store, "d2")
    added = store_state(store)
    remove_documents(store, ["d2"])
    assert len({before, added, store_state(store)}) == 3


def test_no_keep_and_an_unwritable_folder_make_a_temporary_snapshot(store, tmp_path, monkeypatch, caplog):
    temporary = open_snapshot(store, builtin_engine(), keep=False)
    assert temporary.folder is None and not default_folder(store).exists()
    assert _served_quads(temporary.location) == _store_quads(store)
    temporary.release()
    assert not temporary.location.exists()

    mkdir = Path.mkdir

    def refused(self, *args, **kwargs):
        if self == tmp_path / "readonly":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", refused)
    with caplog.at_level(logging.WARNING, logger="kg.store.snapshot"):
        fallback = open_snapshot(store, builtin_engine(), folder=tmp_path / "readonly")
    assert fallback.folder is None and "cannot keep the snapshot" in caplog.text and "--snapshot-dir" in caplog.text
    fallback.release()


def test_a_folder_that_cannot_hold_the_snapshot_is_a_clear_error(store, tmp_path):
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(ServeError, match=r"cannot keep the snapshot of the store in .*a-file/snap .*--snapshot-dir"):
        open_snapshot(store, builtin_engine(), folder=tmp_path / "a-file" / "snap")


def test_a_full_disk_is_a_clear_error_and_leaves_nothing_half_made(store):
    def full(nquads: Path, db: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    engine = builtin_engine()
    with pytest.raises(ServeError, match=r"^cannot make the snapshot of the store in .*: the disk is full \(making it "
                                         r"needs about 0\.7 times the store's size, [\d,]+ MiB.*--snapshot-dir DIR"):
        open_snapshot(store, SnapshotEngine(engine.name, engine.version, full, engine.check))
    assert list(default_folder(store).iterdir()) == []


def _count(url: str, query: str) -> int:
    with urllib.request.urlopen(url + "?" + urllib.parse.urlencode({"query": query}), timeout=10) as resp:
        return int(json.loads(resp.read())["results"]["bindings"][0]["n"]["value"])


def test_a_server_keeps_its_data_through_a_build_and_a_restart_sees_the_build(res, store):
    docs = f"SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ GRAPH ?g {{ ?d a <{KG}Document> }} }}"
    with start_server(store, port=0, engine="builtin", workers=1) as first:
        assert _count(first.query_url, docs) == 1
        _write(res, store, "d2")  # a build while it serves
        assert _count(first.query_url, docs) == 1
    with start_server(store, port=0, engine="builtin", workers=1) as second:
        assert not second.data.reused and second.data.documents == 2 and _count(second.query_url, docs) == 2
    with start_server(store, port=0, engine="builtin", workers=1) as third:
        assert third.data.reused and _count(third.query_url, docs) == 2


@pytest.mark.skipif(find_oxigraph() is None, reason="the oxigraph server binary is not installed (pip install oxigraph)")
def test_each_engine_keeps_its_own_snapshot(store):
    engines = [builtin_engine(), oxigraph_engine(find_oxigraph())]
    made = [open_snapshot(store, e) for e in engines]
    for s in made:
        s.release()
    assert [s.folder.name.split("-")[0] for s in made] == ["builtin", "oxigraph"] and not any(s.reused for s in made)
    again = [open_snapshot(store, e) for e in reversed(engines)]  # neither start deletes the other's
    assert all(s.reused for s in again) and {s.folder for s in again} == {s.folder for s in made}
    for s in again:
        s.release()


def _cli_serve(path: Path) -> tuple[str, str]:
    """Start `kg serve` on ``path``; its "Snapshot:" line once it serves, and its stderr, once stopped."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "serve", "--store", str(path),
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        lines = []
        for line in proc.stdout:
            lines.append(line)
            if line.startswith("Serving"):
                break
    finally:
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=30)
    assert lines and lines[-1].startswith("Serving") and proc.returncode == 0, (lines, stderr)
    return next(line for line in lines if line.startswith("Snapshot:")), stderr


def test_cli_says_whether_it_made_or_reused_the_snapshot_and_why_it_made_it_again(store):
    kept = re.escape(str(default_folder(store)))
    made = rf"Snapshot: made in \d+\.\ds and kept in {kept}/builtin-\w+ \([\d.]+ MiB\); the next start reuses it while the store is unchanged\.\n"
    line, stderr = _cli_serve(store)
    assert re.fullmatch(made, line) and stderr == ""
    line, stderr = _cli_serve(store)
    assert re.fullmatch(rf"Snapshot: reused {kept}/builtin-\w+ \(made [\d-]+ [\d:]+ UTC; the store is unchanged since\), "
                        r"[\d.]+ MiB\.\n", line) and stderr == ""
    next(default_folder(store).glob("builtin-*/snapshot.json")).write_text("{not json", encoding="utf-8")
    line, stderr = _cli_serve(store)
    assert re.fullmatch(made, line)
    assert re.fullmatch(rf"Warning: the kept snapshot {kept}/builtin-\w+ cannot be used \(.+\); making it again\n", stderr)
