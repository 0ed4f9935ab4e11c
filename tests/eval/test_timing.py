"""Status, time and speaker accuracy (kg.eval.timing) on a hand-built gold set and graph."""

from __future__ import annotations

from kg.eval.gold import gold_from_dict
from kg.eval.timing import time_scores
from kg.export.rdf import to_rdf
from kg.model import DocResult, Document, Entity, Evidence, KnowledgeGraph, Relation

GOLD = {
    "name": "timing",
    "documents": [{"id": "d1", "source": {"text": "Invented."}}],
    "entities": [
        {"id": "d1:lind", "name": "Ana Lind", "type": "Person", "doc": "d1"},
        {"id": "d1:berg", "name": "Bo Berg", "type": "Person", "doc": "d1"},
        {"id": "d1:acme", "name": "Acme", "type": "Organization", "doc": "d1"},
    ],
    "relations": [
        {"subject": "d1:lind", "property": "leaderOf", "object": "d1:acme", "doc": "d1", "status": "former"},
        {"subject": "d1:berg", "property": "leaderOf", "object": "d1:acme", "doc": "d1", "status": "current"},
        {"subject": "d1:lind", "property": "metWith", "object": "d1:berg", "doc": "d1", "speaker": "d1:berg",
         "time": {"text": "on Tuesday", "start": "2016-09-20", "end": "2016-09-20"}},
    ],
}


def _graph(res):
    g = KnowledgeGraph(symmetric=res.ontology.symmetric)
    ents = [Entity("person/ana-lind", "Person", "Ana Lind", set(), 1, {"d1"}),
            Entity("person/bo-berg", "Person", "Bo Berg", set(), 1, {"d1"}),
            Entity("org/acme", "Organization", "Acme", set(), 1, {"d1"})]

    def ev(n, **kw):
        return Evidence("d1", f"Sentence {n}.", 20 * n, 20 * n + 11, "verb-svo", 0.8, **kw)

    g.add(DocResult(Document("d1", "", None, "2016-09-21"), ents, [
        Relation("person/ana-lind", "leaderOf", "org/acme", ev(1, role_status="former")),
        Relation("person/bo-berg", "leaderOf", "org/acme", ev(2, role_status="former")),  # wrong
        Relation("person/bo-berg", "metWith", "person/ana-lind",  # symmetric, the other order
                 ev(3, event_start="2016-09-20", event_end="2016-09-20", attributed_to="person/bo-berg")),
    ]))
    return to_rdf(g, resources=res)


def test_time_scores(res):
    scores = time_scores(gold_from_dict(GOLD), _graph(res))
    assert (scores.status.gold, scores.status.found, scores.status.right) == (2, 2, 1)
    assert scores.status.errors == [("d1", "d1:berg leaderOf d1:acme", "current", "former")]
    assert (scores.time.found, scores.time.right) == (1, 1)
    assert (scores.speaker.found, scores.speaker.right) == (3, 3)
    assert (scores.attribution.found, scores.attribution.right) == (1, 1)  # the one named speaker


def test_kg_eval_gold_reports_time_and_sources(res, tmp_path):
    """`kg eval gold --pred` prints the accuracies with their coverage and puts them in --json."""
    import json

    from kg.eval.table import evaluate_gold_file

    gold, pred = tmp_path / "gold.json", tmp_path / "pred.ttl"
    gold.write_text(json.dumps(GOLD), encoding="utf-8")
    _graph(res).serialize(pred, format="turtle")
    report = evaluate_gold_file(gold, pred=pred)
    assert "status 1/2 right = 0.500 (found 2 of 2)" in report.to_text()
    assert report.to_dict()["time"]["time"] == {"gold": 1, "found": 1, "right": 1, "accuracy": 1.0}


def test_a_statement_without_a_time_counts_as_dated_on_its_report_in_time_or_report(res):
    """kg:timeBasis "document" says the fact is dated by its report: ``time`` counts it wrong (no
    time read), ``time_or_report`` compares the document's date."""
    gold = {**GOLD, "relations": [
        {"subject": "d1:lind", "property": "metWith", "object": "d1:berg", "doc": "d1",
         "time": {"text": "on Wednesday", "start": "2016-09-21", "end": "2016-09-21"}}]}
    g = KnowledgeGraph(symmetric=res.ontology.symmetric)
    ents = [Entity("person/ana-lind", "Person", "Ana Lind", set(), 1, {"d1"}),
            Entity("person/bo-berg", "Person", "Bo Berg", set(), 1, {"d1"})]
    g.add(DocResult(Document("d1", "", None, "2016-09-21"), ents, [
        Relation("person/ana-lind", "metWith", "person/bo-berg", Evidence("d1", "Sentence.", 0, 9, "verb-svo", 0.8))]))
    scores = time_scores(gold_from_dict(gold), to_rdf(g, resources=res))
    assert (scores.time.found, scores.time.right) == (1, 0)
    assert (scores.time_or_report.found, scores.time_or_report.right) == (1, 1)


def test_the_statement_read_from_the_gold_evidence_is_judged(res):
    """A fact told twice (a caption without a time, then the dated sentence the annotator chose) is
    judged on the statement whose sentence holds the gold evidence, not on the first one."""
    gold = {**GOLD, "relations": [
        {"subject": "d1:lind", "property": "metWith", "object": "d1:berg", "doc": "d1",
         "evidence": "Lind met  Berg on Tuesday",
         "time": {"text": "on Tuesday", "start": "2016-09-20", "end": "2016-09-20"}}]}
    g = KnowledgeGraph(symmetric=res.ontology.symmetric)
    ents = [Entity("person/ana-lind", "Person", "Ana Lind", set(), 1, {"d1"}),
            Entity("person/bo-berg", "Person", "Bo Berg", set(), 1, {"d1"})]
    g.add(DocResult(Document("d1", "", None, "2016-09-21"), ents, [
        Relation("person/ana-lind", "metWith", "person/bo-berg",
                 Evidence("d1", "Lind meets Berg.", 0, 16, "verb-svo", 0.8)),
        Relation("person/ana-lind", "metWith", "person/bo-berg",
                 Evidence("d1", "Lind met Berg on Tuesday in Oslo.", 40, 73, "verb-svo", 0.8,
                          event_start="2016-09-20", event_end="2016-09-20"))]))
    scores = time_scores(gold_from_dict(gold), to_rdf(g, resources=res))
    assert (scores.time.found, scores.time.right) == (1, 1)
