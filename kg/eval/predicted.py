"""A predicted graph as the scorer reads it: entity nodes with their names and classes, the
asserted relation triples, and each fact's statements (document, sentence, modality, confidence)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import rdflib
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.vocab import KG, KG_NS

__all__ = ["read_prediction", "Prediction", "PredEvidence"]


def _local(term: rdflib.term.Node) -> str:
    text = str(term)
    return text[len(KG_NS):] if text.startswith(KG_NS) else text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class PredEvidence:
    doc: str | None
    sentence: str
    modality: str
    confidence: float | None


@dataclass(frozen=True, slots=True)
class Prediction:
    labels: dict[rdflib.term.Node, tuple[str, tuple[str, ...]]]  # node -> (label, altLabels)
    types: dict[rdflib.term.Node, frozenset[str]]
    facts: frozenset[tuple[rdflib.term.Node, str, rdflib.term.Node]]
    evidence: dict[tuple[rdflib.term.Node, str, rdflib.term.Node], tuple[PredEvidence, ...]]


_NOT_ENTITY_TYPES = {
    RDF.Statement, RDF.Property, OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
    OWL.AnnotationProperty, OWL.Ontology, OWL.SymmetricProperty, RDFS.Class, KG.Document,
}


def read_prediction(pred: rdflib.Graph, rels: frozenset[str], symmetric: frozenset[str]) -> Prediction:
    kg_ns = KG_NS

    def is_entity(node: rdflib.term.Node) -> bool:
        if str(node).startswith(kg_ns):
            return False
        return not any(t in _NOT_ENTITY_TYPES for t in pred.objects(node, RDF.type))

    labels: dict[rdflib.term.Node, tuple[str, tuple[str, ...]]] = {}
    for node in set(pred.subjects(RDFS.label, None)):
        if not is_entity(node):
            continue
        main = sorted(str(v) for v in pred.objects(node, RDFS.label))
        alts = sorted({str(v) for v in pred.objects(node, SKOS.altLabel)} | set(main[1:]))
        labels[node] = (main[0], tuple(alts))

    facts = set()
    for prop in rels:
        for s, o in pred.subject_objects(rdflib.URIRef(KG_NS + prop)):
            if isinstance(o, rdflib.Literal) or not (is_entity(s) and is_entity(o)):
                continue
            facts.add((s, prop, o))

    types = {
        node: frozenset(_local(t) for t in pred.objects(node, RDF.type) if str(t).startswith(kg_ns))
        for node in {n for f in facts for n in (f[0], f[2])} | set(labels)
    }

    doc_ids: dict[rdflib.term.Node, str] = {}
    for doc, ident in pred.subject_objects(DCTERMS.identifier):
        doc_ids[doc] = str(ident)
    evidence: dict[tuple, list[PredEvidence]] = defaultdict(list)
    for st in pred.subjects(RDF.type, RDF.Statement):
        s, p, o = pred.value(st, RDF.subject), pred.value(st, RDF.predicate), pred.value(st, RDF.object)
        if s is None or p is None or o is None or not str(p).startswith(kg_ns):
            continue
        prop = _local(p)
        if prop not in rels:
            continue
        doc = pred.value(st, KG.fromDocument)
        conf = pred.value(st, KG.confidence)
        ev = PredEvidence(
            doc=doc_ids.get(doc, str(doc)) if doc is not None else None,
            sentence=str(pred.value(st, KG.sentence) or ""),
            modality=str(pred.value(st, KG.modality) or "asserted"),
            confidence=float(conf) if conf is not None else None,
        )
        evidence[(s, prop, o)].append(ev)
        if prop in symmetric:
            evidence[(o, prop, s)].append(ev)
    return Prediction(labels, types, frozenset(facts), {k: tuple(v) for k, v in evidence.items()})
