"""An entity with many shares is merged by the engine (kg.store.merge._large_merge): the same
description as reading every share into Python (merge_entity of stored_shares), whatever shares a
write drops or brings, and the same store after adds, rewrites and removals."""

from __future__ import annotations

import itertools

import pyoxigraph as ox
import pytest
from test_chunked_writes import _model, _quads

import kg.store.merge as merge
from kg.store.meta import _ALT_LABEL, _JOB_TITLE, _MENTIONS, _RDF_TYPE, _RDFS_LABEL, _SAME_AS, _XSD_INTEGER
from kg.store.update import remove_documents, update_store

PREFIX = "https://example.org/s/kg-entities/"
E = ox.NamedNode("https://example.org/s/country/rur")
MERGED = ox.NamedNode("https://example.org/s/kg/entities")


def _share(n: int) -> dict[str, list]:
    """Share n: mentions, labels, types, titles and sameAs that vary (ties of mentions included)."""
    share = {_MENTIONS.value: [ox.Literal(str(n % 4), datatype=_XSD_INTEGER)],
             _RDFS_LABEL.value: [ox.Literal(["Ruritania", "Rur", "Ruritania Republic"][n % 3])],
             _RDF_TYPE.value: [ox.NamedNode("https://example.org/s/ontology#" + ["Country", "Place"][n % 2])]}
    if n % 5 == 0:
        share[_ALT_LABEL.value] = [ox.Literal(f"Rur {n}"), ox.Literal("Ruritania", language="en")]
    if n % 3 == 1:
        share[_JOB_TITLE.value] = [ox.Literal(f"title {n % 2}")]
    if n % 4 == 2:
        share[_SAME_AS.value] = [ox.NamedNode(f"http://www.wikidata.org/entity/Q{n % 3}")]
    return share


def _store(n: int) -> ox.Store:
    store = ox.Store()
    for i in range(n):
        g = ox.NamedNode(f"{PREFIX}d{i:03d}")
        store.extend(ox.Quad(E, ox.NamedNode(p), o, g) for p, objs in _share(i).items() for o in objs)
    # what is not a share: the merged description, a document graph, the view
    store.add(ox.Quad(E, _RDFS_LABEL, ox.Literal("Merged"), MERGED))
    store.add(ox.Quad(E, _MENTIONS, ox.Literal("99", datatype=_XSD_INTEGER), MERGED))
    store.add(ox.Quad(E, _ALT_LABEL, ox.Literal("In a document"), ox.NamedNode("https://example.org/s/graph/d001")))
    store.add(ox.Quad(E, _RDFS_LABEL, ox.Literal("In the view")))
    return store


@pytest.mark.parametrize("n", [1, 7, 40])
def test_large_merge_equals_reading_every_share(n):
    store = _store(n)
    names = [f"{PREFIX}d{i:03d}" for i in range(n)]
    skips = [set(), {names[0]}, set(names[::3]), set(names)]
    news = [{}, {f"{PREFIX}zz": _share(3)}, {names[1 % n]: _share(8), f"{PREFIX}a": _share(2)}]
    for skip, new in itertools.product(skips, news):
        skip = skip | set(new)  # as entity_changes passes it
        shares = {g: s for g, s in merge.stored_shares(store, E, PREFIX).items() if g not in skip}
        want = merge.merge_entity(E, {**shares, **new})
        assert merge._large_merge(store, E, PREFIX, skip, new) == want
        assert merge._stored_merge(store, E, PREFIX, skip, new) == want


def test_a_store_written_with_the_engine_merge_is_the_same(res, tmp_path, monkeypatch):
    for name, large in (("python", 10**9), ("engine", 1)):
        monkeypatch.setattr(merge, "LARGE_ENTITY", large)
        path = tmp_path / name
        update_store(path, _model(res, range(3)), resources=res)
        update_store(path, _model(res, range(3, 6)), resources=res)
        update_store(path, _model(res, [1, 6]), resources=res)
        remove_documents(path, ["d0", "d4"])
    assert _quads(tmp_path / "python") == _quads(tmp_path / "engine")
