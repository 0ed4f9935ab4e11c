"""The union-find of corpus resolution keeps, per cluster, whether it holds a person named in full."""

from __future__ import annotations

import pytest
from corpus_helpers import doc, ent

from kg.extract.resolve.corpus.clusters import Clusters
from kg.extract.resolve.corpus.units import build_units
from kg.extract.resolve.names import NameKit
from kg.resources.names import load_name_lexicon


@pytest.fixture
def units(res):
    kit = NameKit.of(res, load_name_lexicon(res.folder))
    results = {r.document.id: r for r in (
        doc("a", ent("Tony Blair"), ent("Blair"), ent("Labour Party", "Group")),
        doc("b", ent("Blair"), ent("Mr Brown")),
        doc("c", ent("Vincent Cable", "Organization")),
    )}
    units, _ = build_units(results, kit, res.gazetteer.entries)
    return {(u.name, u.doc): u for u in units}, Clusters(units, kit)


def walk(clusters: Clusters, uid: int) -> bool:
    """What the flag stands for, by walking the cluster (the former way)."""
    return any(m.cls == "Person" and not m.short and m.person is not None and m.person.full
               for m in clusters.cluster(uid))


def test_only_a_person_named_in_full_makes_a_cluster_named(units):
    by, clusters = units
    assert clusters.named(by["Tony Blair", None].uid)
    for name, d in (("Blair", "a"), ("Blair", "b"), ("Mr Brown", "b"), ("Labour Party", None),
                    ("Vincent Cable", None)):  # short names, a body, a full name typed a body
        assert not clusters.named(by[name, d].uid), name


def test_the_flag_follows_unions_whichever_root_survives(units):
    by, clusters = units
    b1, b2, tony, brown = (by[k].uid for k in (("Blair", "a"), ("Blair", "b"), ("Tony Blair", None), ("Mr Brown", "b")))
    assert clusters.union(b1, b2, "test")  # two short names: still no full name
    assert not clusters.named(b1) and not clusters.named(b2)
    assert clusters.union(tony, b2, "test")  # the larger short-name cluster absorbs the full name
    assert clusters.find(b1) != tony
    assert clusters.named(b1) and clusters.named(b2) and clusters.named(tony)
    assert not clusters.named(brown)
    for uid in (b1, b2, tony, brown):
        assert clusters.named(uid) == walk(clusters, uid)
