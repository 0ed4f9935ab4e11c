"""Events, not reports (kg.export.occurrences): several wire items about one meeting are one
occurrence with several sources; meetings on different dates stay apart; the store's occurrences
follow its documents and equal the model's (docs/time.md)."""

from __future__ import annotations

import rdflib
from rdflib.compare import isomorphic

from kg.export.facts import DocInfo
from kg.export.occurrences import group
from kg.export.rdf import to_rdf
from kg.model import DocResult, Document, Entity, Evidence, KnowledgeGraph, Relation
from kg.store.embedded import export_store
from kg.store.update import remove_documents, update_store
from kg.vocab import KG, KG_NS

S = "Ana Lind met Bo Berg."
F = ("a", "metWith", "b")


def _doc(doc_id: str, date: str | None, source: str, start: str | None = None, end: str | None = None,
         prop: str = "metWith") -> DocResult:
    ents = [Entity("person/ana-lind", "Person", "Ana Lind", set(), 1, {doc_id}),
            Entity("person/bo-berg", "Person", "Bo Berg", set(), 1, {doc_id})]
    ev = Evidence(doc_id, S, 0, len(S), "verb-svo", 0.5, event_start=start, event_end=end or start)
    return DocResult(Document(doc_id, S, None, date, None, source), ents,
                     [Relation("person/ana-lind", prop, "person/bo-berg", ev)])


def _model(res, *docs) -> KnowledgeGraph:
    g = KnowledgeGraph(symmetric=res.ontology.symmetric)
    for d in docs:
        g.add(d)
    return g


def _occurrences(graph: rdflib.Graph) -> list[tuple[str, str, int, int]]:
    out = []
    for node in graph.subjects(rdflib.RDF.type, KG.Occurrence):
        v = [graph.value(node, p).toPython() for p in (KG.occurrenceStart, KG.occurrenceEnd, KG.documentCount,
                                                          KG.sourceCount)]
        out.append((v[0].isoformat(), v[1].isoformat(), v[2], v[3]))
    return sorted(out)


WIRES = [_doc("w1", "2016-06-03", "Wire", "2016-06-02"),  # "on Thursday"
         _doc("w2", "2016-06-03", "Herald"),  # no time in the sentence: the report's day
         _doc("w3", "2016-06-04", "Courier", "2016-06-02"),
         _doc("s1", "2016-09-21", "Wire", "2016-09-20")]  # another meeting


def test_reports_of_one_meeting_are_one_occurrence_and_another_date_another(res):
    g = to_rdf(_model(res, *WIRES), resources=res)
    assert _occurrences(g) == [("2016-06-02", "2016-06-03", 3, 3), ("2016-09-20", "2016-09-20", 1, 1)]
    (fact,) = set(g.subjects(rdflib.RDF.type, KG.Fact))
    assert g.value(fact, KG.occurrenceCount).toPython() == 2
    assert len(set(g.subjects(KG.inOccurrence, None))) == 4  # every dated statement is in one
    assert (None, rdflib.URIRef(KG_NS + "metWith"), None) in g  # the plain triple stays


def test_only_event_properties_have_occurrences(res):
    g = to_rdf(_model(res, _doc("a", "2016-06-03", "Wire", prop="allyOf")), resources=res)
    assert _occurrences(g) == [] and (None, KG.occurrenceCount, None) not in g


def test_store_occurrences_follow_its_documents_and_equal_the_model(tmp_path, res):
    path = tmp_path / "store"
    update_store(path, _model(res, *WIRES[:2]), resources=res)
    update_store(path, _model(res, *WIRES[2:]), resources=res)
    got = rdflib.Graph().parse(data=export_store(path, "turtle"), format="turtle")
    assert isomorphic(got, to_rdf(_model(res, *WIRES), resources=res))
    remove_documents(path, ["s1"])
    left = rdflib.Graph().parse(data=export_store(path, "turtle"), format="turtle")
    assert _occurrences(left) == [("2016-06-02", "2016-06-03", 3, 3)]


def _rows(*spans):
    return [(*F, f"d{n}", 0.5, f"st{n}", s, e) for n, (s, e) in enumerate(spans)]


def test_a_vague_time_joins_the_one_precise_occurrence_inside_it_and_no_other():
    one = group(_rows(("2016-03-10", "2016-03-10"), ("2016-03-07", "2016-03-13")), {})[F]
    assert [(o.start, o.end, o.statements) for o in one] == [("2016-03-10", "2016-03-10", ("st0", "st1"))]
    two = group(_rows(("2016-03-08", "2016-03-08"), ("2016-03-12", "2016-03-12"), ("2016-03-07", "2016-03-13")), {})[F]
    assert [o.statements for o in two] == [("st0",), ("st1",)]  # "last week" cannot say which
    alone = group(_rows(("2003-01-01", "2003-12-31"), ("2003-06-01", "2003-06-30")), {})[F]
    assert [(o.start, o.end, len(o.statements)) for o in alone] == [("2003-01-01", "2003-12-31", 2)]


def test_a_statement_with_no_time_belongs_to_no_occurrence():
    assert group([(*F, "d0", 0.5, "st0", None, None)], {"d0": DocInfo(None, "Wire")}) == {}
