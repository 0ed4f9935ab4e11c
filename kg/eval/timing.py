"""Accuracy of role status, event time and speaker against the gold's ``status``, ``time`` and
``speaker`` keys (tests/gold/GUIDELINE.md), on the facts the extractor found.

A gold fact is *found* when a predicted statement of its document has the same property and a
subject and object matched to the gold's (the scorer's name matching, :mod:`kg.eval.score`;
either direction for symmetric properties).  Then:

* status: the statement's ``kg:roleStatus`` equals the gold status (of the fact's statements, the one
  read from the gold's evidence clause, else the first in document order; the same statement is
  judged for time and speaker);
* time: for gold facts of event properties with a ``time``, the statement's
  ``kg:eventStart``/``kg:eventEnd`` equal the gold start/end (a missing time is wrong);
* time_or_report: the same, where a statement marked ``kg:timeBasis "document"`` (no time in its
  sentence) counts as dated on its document's ``dcterms:date``, as the export says it is;
* speaker: the statement's ``kg:attributedTo`` matches the gold speaker, or the gold's
  ``"unnamed"`` is met by a ``kg:unnamedSource`` (no speaker and no unnamed source: none).

Found and gold counts are reported so that the accuracy is read with its coverage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import rdflib
from rdflib import RDF

from kg.eval.gold import UNNAMED_SPEAKER, Gold, GoldFact
from kg.eval.predicted import read_prediction
from kg.eval.score import _Matcher
from kg.eval.terms import ontology_of, relation_properties, symmetric_properties
from kg.vocab import KG, KG_NS

__all__ = ["Accuracy", "TimeScores", "time_scores"]


@dataclass
class Accuracy:
    gold: int = 0  # gold facts with the key (speaker: every gold fact; most have none)
    found: int = 0  # of those, found by the extractor
    right: int = 0  # of those, with the right value
    errors: list[tuple[str, str, Any, Any]] = field(default_factory=list)  # (doc, fact, gold, predicted)

    @property
    def accuracy(self) -> float:
        return self.right / self.found if self.found else 0.0

    def line(self, name: str) -> str:
        return (f"{name}: {self.right}/{self.found} right = {self.accuracy:.3f} "
                f"(found {self.found} of {self.gold} gold facts with a {name})")


@dataclass
class TimeScores:
    status: Accuracy
    time: Accuracy
    speaker: Accuracy
    # found facts where the gold names a speaker or the build attributes one (the informative part
    # of ``speaker``, which is mostly agreement on "none")
    attribution: Accuracy = field(default_factory=Accuracy)
    time_or_report: Accuracy = field(default_factory=Accuracy)


def _statements(pred: rdflib.Graph) -> dict[tuple[str, str], list[dict]]:
    """(document id, property) -> the statements read in that document, in offset order."""
    ids = {d: str(i) for d, i in pred.subject_objects(rdflib.namespace.DCTERMS.identifier)}
    dates = {d: str(v) for d, v in pred.subject_objects(rdflib.namespace.DCTERMS.date)}
    out: dict[tuple[str, str], list[dict]] = {}
    for st in pred.subjects(RDF.type, RDF.Statement):
        p = str(pred.value(st, RDF.predicate) or "")
        doc = pred.value(st, KG.fromDocument)
        if not p.startswith(KG_NS) or doc is None:
            continue
        out.setdefault((ids.get(doc, str(doc)), p[len(KG_NS):]), []).append({
            "s": pred.value(st, RDF.subject), "o": pred.value(st, RDF.object),
            "start": int(pred.value(st, KG.startChar) or 0), "modality": str(pred.value(st, KG.modality)),
            "sentence": _squash(str(pred.value(st, KG.sentence) or "")),
            "status": _str(pred.value(st, KG.roleStatus)), "from": _str(pred.value(st, KG.eventStart)),
            "to": _str(pred.value(st, KG.eventEnd)), "speaker": pred.value(st, KG.attributedTo),
            "report_date": dates.get(doc)[:10] if str(pred.value(st, KG.timeBasis)) == "document" and dates.get(doc)
            else None,
            "unnamed": pred.value(st, KG.unnamedSource) is not None})
    for sts in out.values():
        sts.sort(key=lambda x: x["start"])
    return out


def _str(v) -> str | None:
    return None if v is None else str(v)


def time_scores(gold: Gold, pred: rdflib.Graph, *, ontology=None) -> TimeScores:
    """Status, time and speaker accuracy of ``pred`` (a built graph) on ``gold``'s facts."""
    onto = ontology_of(ontology)
    rels, symmetric = relation_properties(onto), symmetric_properties(onto)
    prediction = read_prediction(pred, rels, symmetric)
    matcher = _Matcher(gold, prediction.labels)
    statements = _statements(pred)
    events = onto.events
    scores = TimeScores(Accuracy(), Accuracy(), Accuracy())
    for f in gold.relations:
        found = _found(f, statements, matcher, symmetric)
        want_time = f.time is not None and f.property in events
        for key, wanted in (("status", f.status is not None), ("time", want_time), ("time_or_report", want_time),
                            ("speaker", True)):
            if not wanted:
                continue
            acc = getattr(scores, key)
            acc.gold += 1
            if found is None:
                continue
            acc.found += 1
            expected, got = _compare(key, f, found, matcher)
            accs = [acc, scores.attribution] if key == "speaker" and (expected or got) else [acc]
            for a in accs[1:]:
                a.gold += 1
                a.found += 1
            for a in accs:
                if expected == got:
                    a.right += 1
                elif a is acc:
                    a.errors.append((f.doc, f"{f.subject} {f.property} {f.object}", expected, got))
    return scores


def _found(f: GoldFact, statements, matcher: _Matcher, symmetric) -> dict | None:
    """The asserted statement of ``f``: the one whose sentence holds the gold evidence (or lies in
    it), else the first in document order.  A fact told twice, once with its time and once without
    (a caption, a later mention), is judged on the sentence the annotator dated."""
    found = []
    for st in statements.get((f.doc, f.property), ()):
        if st["modality"] != "asserted":
            continue
        s, o = matcher.match(st["s"], f.doc), matcher.match(st["o"], f.doc)
        if (f.subject in s and f.object in o) or (f.property in symmetric and f.subject in o and f.object in s):
            found.append(st)
    evidence = _squash(f.evidence)
    same = [st for st in found if evidence and st["sentence"] and (evidence in st["sentence"] or st["sentence"] in evidence)]
    return (same or found or [None])[0]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _compare(key: str, f: GoldFact, st: dict, matcher: _Matcher) -> tuple[Any, Any]:
    if key == "status":
        return f.status, st["status"] or "current"
    if key == "time":
        return (f.time.start, f.time.end), (st["from"], st["to"])
    if key == "time_or_report":
        day = st["report_date"]
        return (f.time.start, f.time.end), (day, day) if day and st["from"] is None else (st["from"], st["to"])
    want = f.speaker  # an entity id, UNNAMED_SPEAKER or None
    if st["speaker"] is not None:
        return want, (sorted(matcher.match(st["speaker"], f.doc)) or ["?"])[0]
    return want, UNNAMED_SPEAKER if st["unnamed"] else None
