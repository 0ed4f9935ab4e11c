"""The time, status, source and speaker competency queries on a small hand-built graph
(docs/time.md): answered alike from graph.ttl and from the store."""

from __future__ import annotations

import csv
import io

import pytest
from queries_before import REWRITTEN, assert_same_rows_as_before

from kg.export.formats import serialize
from kg.model import DocResult, Document, Entity, Evidence, KnowledgeGraph, Relation
from kg.store.query import named_queries, query_file, query_store, serialize_result
from kg.store.update import update_store

ANA, BO, RUR, ACME, ZEN = "person/ana-lind", "person/bo-berg", "country/rur", "org/acme", "org/zenith"
CY = "person/cy-dahl"
NAMES = {ANA: ("Person", "Ana Lind"), BO: ("Person", "Bo Berg"), CY: ("Person", "Cy Dahl"), RUR: ("Country", "Ruritania"),
         ACME: ("Organization", "Acme"), ZEN: ("Organization", "Zenith")}


def _ev(doc, n, **kw):
    return Evidence(doc, f"Sentence {n} of {doc}.", 100 * n, 100 * n + 20, "verb-svo", 0.8, **kw)


def _model(res) -> KnowledgeGraph:
    g = KnowledgeGraph(symmetric=res.ontology.symmetric)

    def add(doc, date, source, rels):
        keys = {k for s, _, o, _ in rels for k in (s, o)}
        ents = [Entity(k, *NAMES[k], set(), 1, {doc}) for k in sorted(keys)]
        g.add(DocResult(Document(doc, "", None, date, None, source), ents,
                        [Relation(s, p, o, ev) for s, p, o, ev in rels]))

    add("spring", "2016-03-05", "Daily", [
        (ANA, "metWith", BO, _ev("spring", 1)),
        (BO, "leaderOf", RUR, _ev("spring", 2, role_status="current")),
    ])
    add("autumn", "2016-09-20", "Wire", [
        (ANA, "metWith", BO, _ev("autumn", 1, event_start="2016-09-13", event_end="2016-09-13")),
        (ACME, "attacked", ZEN, _ev("autumn", 2, attributed_to=ANA)),
        (BO, "leaderOf", RUR, _ev("autumn", 3, role_status="former")),
        (ANA, "leaderOf", RUR, _ev("autumn", 4, role_status="current")),
        # "Cy Dahl, who led Ruritania from 2001 to 2005": a post bounded by the sentence
        (CY, "leaderOf", RUR, _ev("autumn", 5, role_status="former", valid_from="2001-01-01",
                                  valid_until="2005-12-31")),
    ])
    return g


@pytest.fixture(scope="module")
def built(res, tmp_path_factory):
    out = tmp_path_factory.mktemp("timeq")
    graph = _model(res)
    (out / "graph.ttl").write_bytes(serialize(graph, "turtle", resources=res))
    update_store(out / "store", graph, resources=res)
    return out


def rows(built, name, *binds, source="graph.ttl"):
    text = named_queries()[name].text
    result = query_store(built / "store", text, bindings=binds) if source == "store" else \
        query_file(built / source, text, bindings=binds)
    return list(csv.DictReader(io.StringIO(serialize_result(result, "csv").decode())))


@pytest.mark.parametrize("source", ["graph.ttl", "store"])
def test_timeline(built, source):
    got = [(r["when"], r["basis"], r["property"].rsplit("#")[-1], r["objectLabel"])
           for r in rows(built, "timeline", "name=Bo Berg", source=source)]
    assert got == [("2016-03-05", "document", "leaderOf", "Ruritania"),
                   ("2016-03-05", "document", "metWith", "Bo Berg"),
                   ("2016-09-13", "text", "metWith", "Bo Berg"),
                   ("2016-09-20", "document", "leaderOf", "Ruritania")]


def test_between_dates(built):
    march = rows(built, "between-dates", "subject=Bo Berg", "object=Ana Lind", "from=2016-03-01", "to=2016-03-31")
    assert [(r["when"], r["doc"]) for r in march] == [("2016-03-05", "spring")]
    sept = rows(built, "between-dates", "subject=Ana Lind", "object=Bo Berg", "from=2016-09-01", "to=2016-09-30")
    assert [(r["when"], r["basis"], r["doc"]) for r in sept] == [("2016-09-13", "text", "autumn")]


@pytest.mark.parametrize("source", ["graph.ttl", "store"])
def test_post_holders(built, source):
    now = [(r["person"], r["status"], r["reported"]) for r in rows(built, "post-holders", "post=Ruritania", source=source)]
    assert now == [("Ana Lind", "current", "2016-09-20"), ("Bo Berg", "former", "2016-09-20"),
                   ("Bo Berg", "current", "2016-03-05"), ("Cy Dahl", "former", "2016-09-20")]
    # Cy Dahl's post ended in 2005: not held in April 2016, though reported later
    april = rows(built, "post-holders", "post=Ruritania", "on=2016-04-01", source=source)
    assert [(r["person"], r["status"]) for r in april] == [("Bo Berg", "current")]
    # a later report whose bounds hold the day answers for it; the reports without bounds do not
    held = rows(built, "post-holders", "post=Ruritania", "on=2003-06-01", source=source)
    assert [(r["person"], r["from"], r["until"], r["reported"]) for r in held] == \
        [("Cy Dahl", "2001-01-01", "2005-12-31", "2016-09-20")]
    assert rows(built, "post-holders", "post=Ruritania", "on=2000-01-01", source=source) == []


@pytest.mark.parametrize("source", ["graph.ttl", "store"])
def test_multi_source(built, source):
    got = [(r["subjectLabel"], r["property"].rsplit("#")[-1], r["objectLabel"], r["sources"], r["documents"],
            r["first"], r["last"]) for r in rows(built, "multi-source", source=source)]
    assert got == [("Ana Lind", "metWith", "Bo Berg", "2", "2", "2016-03-05", "2016-09-20"),
                   ("Bo Berg", "leaderOf", "Ruritania", "2", "2", "2016-03-05", "2016-09-20")]


def test_attributed(built):
    got = [(r["subjectLabel"], r["property"].rsplit("#")[-1], r["objectLabel"])
           for r in rows(built, "attributed", "speaker=Ana Lind")]
    assert got == [("Acme", "attacked", "Zenith")]


@pytest.mark.parametrize("source", ["graph.ttl", "store"])
def test_occurrences(built, source):
    """The two reports of Ana Lind meeting Bo Berg are months apart: two meetings, each reported once."""
    got = [(r["subjectLabel"], r["property"].rsplit("#")[-1], r["objectLabel"], r["start"], r["end"], r["documents"])
           for r in rows(built, "occurrences", "name=Bo Berg", source=source)]
    assert got == [("Ana Lind", "metWith", "Bo Berg", "2016-03-05", "2016-03-05", "1"),
                   ("Ana Lind", "metWith", "Bo Berg", "2016-09-13", "2016-09-13", "1")]
    assert {r["property"].rsplit("#")[-1] for r in rows(built, "occurrences", source=source)} == {"metWith", "attacked"}
    assert rows(built, "occurrences", "name=Nobody", source=source) == []


# -- the rewritten queries (parameters in VALUES blocks) give the rows of their former text -------------
SAME_AS_BEFORE = [  # (query, bindings, rows)
    ("timeline", ("name=Bo Berg",), 4), ("timeline", ("name=bo berg",), 4), ("timeline", ("name=ANA LIND",), 3),
    ("timeline", ("name=Ruritania",), 4), ("timeline", ("name=Nobody",), 0),
    ("between-dates", ("subject=Bo Berg", "object=Ana Lind", "from=2016-03-01", "to=2016-03-31"), 1),
    ("between-dates", ("subject=ana lind", "object=BO BERG", "from=2016-09-01", "to=2016-09-30"), 1),
    ("between-dates", ("subject=Ana Lind", "object=Bo Berg"), 2),
    ("between-dates", ("subject=Bo Berg", "object=ruritania", "from=2016-09-01"), 1),
    ("between-dates", ("subject=Zenith", "object=Acme", "to=2016-12-31"), 1),
    ("sources", ("subject=Ana Lind", "object=Bo Berg"), 2), ("sources", ("subject=bo berg", "object=RURITANIA"), 2),
    ("sources", ("subject=Bo Berg", "object=Ruritania", "property=kg:leaderOf"), 2),
    ("sources", ("subject=Acme", "object=Nobody"), 0),
    ("entities-by-type", (), 6), ("entities-by-type", ("type=kg:Person",), 3),
    ("entities-by-type", ("type=kg:Agent",), 0),
    ("post-holders", ("post=Ruritania",), 4), ("post-holders", ("post=ruritania", "on=2016-04-01"), 1),
    ("post-holders", ("post=Ruritania", "on=2003-06-01"), 1), ("post-holders", ("post=Nobody",), 0),
    ("multi-source", (), 2),
]


def test_every_rewritten_query_is_compared():
    assert {name for name, _, _ in SAME_AS_BEFORE} == set(REWRITTEN)


@pytest.mark.parametrize(("name", "binds", "count"), SAME_AS_BEFORE)
def test_rewritten_queries_give_the_rows_of_their_former_text(built, name, binds, count):
    assert assert_same_rows_as_before(built / "store", name, *binds) == count
