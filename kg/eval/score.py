"""Gold annotations and the scorer behind ``kg eval``.

A *gold set* is a JSON file (format: ``tests/gold/FORMAT.md``) naming documents by reference
(a file, a BBC id, an AG News row), the entities they mention and the relations they state.
:func:`load_gold` reads and validates it, :func:`load_gold_documents` resolves the documents to
text, and :func:`evaluate` scores a predicted RDF graph (as the builder exports it) against it.

Matching (printed in every report as ``matching used: ...``)
    A predicted node is an entity node: a subject with an ``rdfs:label`` that is not a
    statement, a document or an ontology term.  Its names are its ``rdfs:label`` and
    ``skos:altLabel`` values.  It *matches* a gold entity when one of its normalised names
    equals one of the gold entity's normalised name/aliases (:func:`normalise`: accents
    removed, case folded, a possessive "'s", apostrophes and full stops dropped, other
    punctuation turned into spaces, a leading "the" dropped, spaces collapsed: "U.K." == "UK", "the Kremlin" == "Kremlin").
    If a node matches several gold entities of one document and the normalised ``rdfs:label``
    equals the canonical name of some of them, only those are kept (so a node "Paris" is the
    city, not the country that lists "Paris" as a metonymic alias); entities of other documents
    are not affected (a node "Republican Party" still matches another text's "Republican").  Types are not used for matching;
    type agreement is reported separately.

Entities
    A gold entity matched by two nodes is a *duplicate*; a node matching two gold entities of one
    document (or of a gold set without documents) is a *false merge*.  A node matching gold
    entities of different documents is reported apart, not as a false merge: a gold set that names
    its entities per document (the news corpus) cannot say whether "Trump" of one text is "Trump"
    of another.  Cross-document resolution is measured on a clustered gold (``kg eval entities``).

Facts
    A predicted fact ``s p o`` (a plain triple whose property is a sub-property of
    ``kg:relation`` in the ontology) is a true positive when some required gold fact has the
    same property and a subject/object matched by ``s``/``o`` (either direction for properties
    declared ``owl:SymmetricProperty``).  Predictions that match only an *optional* gold fact
    are ignored, and so are predictions of a super-property implied by a gold fact of a
    sub-property (``worksFor`` where gold says ``leaderOf``).  Predicted facts are projected to
    gold entities before counting: two nodes matching the same gold entity make one
    prediction, not two (the duplicate nodes are reported instead).  In per-document mode a
    fact is keyed by the document of its asserted statements (``kg:fromDocument``) and only
    gold facts and entities of that document count.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

import rdflib

from kg.eval.gold import _ALL, Gold, GoldFact
from kg.eval.names import normalise
from kg.eval.predicted import PredEvidence, Prediction, read_prediction
from kg.eval.report import PRF, Duplicate, FactLine, FalseMerge, Report
from kg.eval.terms import ontology_of, relation_properties, subclasses, super_properties, symmetric_properties
from kg.resources import Ontology

__all__ = ["MATCHING_RULE", "evaluate"]

log = logging.getLogger(__name__)

MATCHING_RULE = (
    "a predicted node (rdfs:label + skos:altLabel) matches a gold entity when a normalised "
    "label equals a normalised gold name or alias; normalisation removes accents, folds case, "
    "drops a possessive 's, apostrophes and full stops, turns other punctuation into spaces, drops a leading "
    "'the' and collapses spaces ('U.K.' == 'UK'); if several gold entities of one document match, those whose "
    "canonical name equals the node's rdfs:label win; entity types are not used for matching; "
    "symmetric properties (owl:SymmetricProperty) match in either direction"
)


class _Matcher:
    """Maps predicted nodes to gold entity ids, per document scope."""

    def __init__(self, gold: Gold, labels: Mapping[rdflib.term.Node, tuple[str, tuple[str, ...]]]) -> None:
        self.entities = {e.id: e for e in gold.entities}
        self.canonical = {e.id: normalise(e.name) for e in gold.entities}
        index: dict[str, set[str]] = defaultdict(set)
        for ent in gold.entities:
            for name in ent.names():
                index[normalise(name)].add(ent.id)
        self.labels = labels
        self.candidates: dict[rdflib.term.Node, frozenset[str]] = {}
        for node, (main, alts) in labels.items():
            forms = {normalise(main), *(normalise(a) for a in alts)}
            self.candidates[node] = frozenset(i for f in forms if f for i in index.get(f, ()))
        self._cache: dict[tuple[rdflib.term.Node, str], frozenset[str]] = {}

    def match(self, node: rdflib.term.Node, scope: str) -> frozenset[str]:
        key = (node, scope)
        if key in self._cache:
            return self._cache[key]
        cands = self.candidates.get(node, frozenset())
        if scope != _ALL:
            cands = frozenset(i for i in cands if self.entities[i].doc in (None, scope))
        if len(cands) > 1:  # the preference holds among one document's entities, not across documents
            main = normalise(self.labels[node][0])
            by_doc: dict[str | None, set[str]] = defaultdict(set)
            for i in cands:
                by_doc[self.entities[i].doc].add(i)
            kept: set[str] = set()
            for ids in by_doc.values():
                preferred = {i for i in ids if self.canonical[i] == main}
                kept |= preferred or ids
            cands = frozenset(kept)
        self._cache[key] = cands
        return cands

    def scopes(self, node: rdflib.term.Node, per_document: bool) -> set[str]:
        """The scopes in which ``node`` can match anything."""
        if not per_document:
            return {_ALL}
        docs = {self.entities[i].doc for i in self.candidates.get(node, ())}
        return {d if d is not None else _ALL for d in docs}


def _canon(s: Any, p: str, o: Any, symmetric: frozenset[str]) -> tuple[Any, str, Any]:
    if p in symmetric and str(o) < str(s):
        return (o, p, s)
    return (s, p, o)


def evaluate(
    pred: rdflib.Graph,
    gold: Gold,
    *,
    per_document: bool = False,
    properties: Iterable[str] | None = None,
    ontology: Ontology | str | Path | None = None,
) -> Report:
    """Score the predicted graph ``pred`` against ``gold`` (see the module docstring).

    ``per_document`` keys every fact by its document (a predicted fact counts for each document
    of its asserted statements); ``properties`` restricts scoring to these relation properties
    (others are ignored on both sides).
    """
    onto = ontology_of(ontology)
    rels = relation_properties(onto)
    if properties is None:
        scored = rels
    else:
        scored = frozenset(properties)
        unknown = scored - rels
        if unknown:
            raise ValueError(f"properties {sorted(unknown)} are not relation properties of the ontology; "
                             f"choose from {sorted(rels)}")
    symmetric = symmetric_properties(onto)
    prediction = read_prediction(pred, rels, symmetric)
    run = _Scoring(gold, prediction, _Matcher(gold, prediction.labels), per_document, scored, rels, symmetric,
                   super_properties(onto), subclasses(onto), list(gold.notes))
    return run.report()


@dataclass
class _Scoring:
    """One scoring run: the gold facts keyed, the predictions matched, the counts and lists built."""

    gold: Gold
    prediction: Prediction
    matcher: "_Matcher"
    per_document: bool
    scored: frozenset[str]
    rels: frozenset[str]
    symmetric: frozenset[str]
    supers: dict[str, frozenset[str]]
    subclass_of: dict[str, frozenset[str]]
    notes: list[str]

    def gkey(self, f: GoldFact) -> tuple:
        s, p, o = _canon(f.subject, f.property, f.object, self.symmetric)
        return (s, p, o, f.doc if self.per_document else None)

    def gold_keys(self) -> tuple[dict[tuple, list[GoldFact]], set[tuple], set[tuple]]:
        """(required key -> its facts, optional keys, every gold key: for the implied super-property rule)."""
        required: dict[tuple, list[GoldFact]] = defaultdict(list)
        for f in self.gold.relations:
            if f.property in self.scored:
                required[self.gkey(f)].append(f)
        optional: set[tuple] = set()
        any_gold: set[tuple] = set(required)
        for f in self.gold.optional:
            k = self.gkey(f)
            any_gold.add(k)
            if f.property in self.scored and k not in required:
                optional.add(k)
        any_gold |= {self.gkey(f) for f in self.gold.relations}
        return required, optional, any_gold

    def items(self) -> tuple[list[tuple], int]:
        """The predicted facts to score as (s, p, o, doc), and how many were of unscored properties."""
        items: list[tuple[rdflib.term.Node, str, rdflib.term.Node, str | None]] = []
        unscored = no_doc = 0
        pred = self.prediction
        for s, p, o in sorted(pred.facts, key=lambda f: (str(f[0]), f[1], str(f[2]))):
            if p not in self.scored:
                unscored += 1
                continue
            if not self.per_document:
                items.append((s, p, o, None))
                continue
            docs = sorted({e.doc for e in pred.evidence.get((s, p, o), ()) if e.doc and e.modality == "asserted"})
            if not docs:
                no_doc += 1
                items.append((s, p, o, None))
            items += [(s, p, o, d) for d in docs]
        if no_doc:
            self.notes.append(f"{no_doc} predicted facts have no asserted statement with kg:fromDocument; "
                              "in per-document mode they count as wrong")
        return items, unscored

    def match(self, items, required, optional, any_gold) -> tuple[dict, dict, int, int]:
        """(gold key -> predicted items that hit it, wrong predictions, ignored as optional, ignored as implied)."""
        hit: dict[tuple, list[tuple]] = defaultdict(list)
        wrong: dict[tuple, tuple] = {}
        ignored_optional = ignored_implied = 0
        sym = self.symmetric
        for s, p, o, d in items:
            scope = _ALL if not self.per_document else (d if d is not None else "\x00none")
            S, O = self.matcher.match(s, scope), self.matcher.match(o, scope)
            doc_key = d if self.per_document else None
            pairs = {(a, b) for a in S for b in O if a != b}
            if p in sym:
                pairs |= {(b, a) for a, b in pairs}
            keys = {(*_canon(a, p, b, sym), doc_key) for a, b in pairs}
            found = [k for k in keys if k in required]
            if found:
                for k in found:
                    hit[k].append((s, p, o, d))
            elif keys & optional:
                ignored_optional += 1
            elif any((*_canon(a, q, b, sym), doc_key) in any_gold
                     for a, b in pairs for q in self.rels if p in self.supers.get(q, ())):
                ignored_implied += 1
            else:
                subj_key, obj_key = tuple(sorted(S)) or (str(s),), tuple(sorted(O)) or (str(o),)
                wkey = (subj_key, p, obj_key, doc_key)
                if p in sym and str(obj_key) < str(subj_key):
                    wkey = (obj_key, p, subj_key, doc_key)
                wrong.setdefault(wkey, (s, p, o, d, S, O))
        return hit, wrong, ignored_optional, ignored_implied

    def label(self, node: rdflib.term.Node) -> str:
        return self.prediction.labels[node][0] if node in self.prediction.labels else str(node)

    def best_evidence(self, s, p, o, d) -> PredEvidence | None:
        evs = [e for e in self.prediction.evidence.get((s, p, o), ()) if d is None or e.doc == d]
        if not evs:
            return None
        evs.sort(key=lambda e: (e.modality != "asserted", -(e.confidence or 0.0), e.sentence))
        return evs[0]

    def fact_lines(self, required, hit, wrong, nodes_of) -> tuple[list[FactLine], list[FactLine], list[FactLine]]:
        """(missed, correct, wrong) facts with their evidence, sorted; a missed fact says why (:meth:`cause`)."""
        names = {e.id: e.name for e in self.gold.entities}
        readings = self.readings()
        missed, correct = [], []
        for k in sorted(required, key=lambda k: (k[1], names[k[0]], names[k[2]], k[3] or "")):
            facts = required[k]
            ev = " | ".join(dict.fromkeys(f.evidence for f in facts if f.evidence))
            docs = ", ".join(dict.fromkeys(f.doc for f in facts))
            line = FactLine(names[facts[0].subject], k[1], names[facts[0].object], docs, ev,
                            gold_subject=(facts[0].subject,), gold_object=(facts[0].object,),
                            cause="" if k in hit else self.cause(k, nodes_of, readings))
            (correct if k in hit else missed).append(line)
        wrong_lines = []
        for s, p, o, d, S, O in wrong.values():
            ev = self.best_evidence(s, p, o, d)
            wrong_lines.append(FactLine(
                self.label(s), p, self.label(o), d if d is not None else (ev.doc if ev else None),
                ev.sentence if ev else "", ev.modality if ev else "asserted",
                ev.confidence if ev else None, tuple(sorted(S)), tuple(sorted(O)),
            ))
        wrong_lines.sort(key=lambda f: (f.property, f.subject, f.object, f.doc or ""))
        return missed, correct, wrong_lines

    def readings(self) -> dict[tuple, set[tuple[str, str]]]:
        """(node, node) -> {(property, "asserted" / "reversed" / modality)}: every reading between two nodes."""
        out: dict[tuple, set[tuple[str, str]]] = defaultdict(set)
        for (s, p, o), evs in self.prediction.evidence.items():
            for e in evs:
                out[(s, o)].add((p, e.modality))
        for s, p, o in self.prediction.facts:
            out[(s, o)].add((p, "asserted"))
            if p not in self.symmetric:
                out[(o, s)].add((p, "reversed"))
        return out

    def cause(self, key: tuple, nodes_of: dict[str, set], readings: dict[tuple, set]) -> str:
        """Why a gold fact was missed, the first that applies: an entity not found; the pair read
        with the property from another document only; reversed; with the property but hedged or negated only; with another property;
        else no reading of the pair (:data:`kg.eval.report.MISS_CAUSES`)."""
        s, p, o, _ = key
        if not nodes_of.get(s) or not nodes_of.get(o):
            return "entity not found"
        found: set[tuple[str, str]] = set()
        for a in nodes_of[s]:
            for b in nodes_of[o]:
                found |= readings.get((a, b), set())
                if p in self.symmetric:
                    found |= readings.get((b, a), set())
        if (p, "asserted") in found:  # read, but only from another document (per-document mode)
            return "other document"
        if (p, "reversed") in found:
            return "wrong direction"
        if any(q == p for q, _m in found):
            return "hedged or negated"
        if any(m in ("asserted", "reversed") for _q, m in found):
            return "other property"
        return "pair found, no relation"

    def entities(self) -> tuple[dict[str, set], int, tuple[Duplicate, ...], tuple[FalseMerge, ...]]:
        """(gold entity -> its nodes, entities whose class agrees, duplicate nodes, nodes joining gold entities)."""
        names = {e.id: e.name for e in self.gold.entities}
        nodes_of: dict[str, set[rdflib.term.Node]] = defaultdict(set)
        merges: dict[tuple[rdflib.term.Node, frozenset[str]], None] = {}
        for node in self.prediction.labels:
            for scope in self.matcher.scopes(node, self.per_document):
                ids = self.matcher.match(node, scope)
                for i in ids:
                    nodes_of[i].add(node)
                if len(ids) > 1:
                    merges[(node, ids)] = None
        type_agree = 0
        for ent_id, nodes in nodes_of.items():
            typ = self.matcher.entities[ent_id].type
            if any(self.prediction.types.get(n, frozenset()) & self.subclass_of.get(typ, frozenset({typ})) for n in nodes):
                type_agree += 1
        duplicates = tuple(Duplicate(i, names[i], tuple(sorted(self.label(n) for n in nodes)))
                           for i, nodes in sorted(nodes_of.items()) if len(nodes) > 1)
        joins = [FalseMerge(str(node), self.label(node), tuple(sorted(ids)))
                 for node, ids in sorted(merges, key=lambda m: (str(m[0]), sorted(m[1])))]
        return nodes_of, type_agree, duplicates, tuple(joins)

    def _one_document(self, ids: Iterable[str]) -> bool:
        """Do two of these gold entities belong to one document (or to none: a corpus-wide gold)?"""
        docs = [self.matcher.entities[i].doc for i in ids]
        return None in docs or len(set(docs)) < len(docs)

    def report(self) -> Report:
        required, optional, any_gold = self.gold_keys()
        items, unscored = self.items()
        hit, wrong, ignored_optional, ignored_implied = self.match(items, required, optional, any_gold)
        counts: dict[str, list[int]] = {p: [0, 0, 0] for p in sorted(self.scored)}
        for k in required:
            counts[k[1]][0 if k in hit else 2] += 1
        for (_, p, _, _), _v in wrong.items():
            counts[p][1] += 1
        per_property = {p: PRF(*v) for p, v in counts.items() if any(v)}
        micro = PRF(*(sum(v[i] for v in counts.values()) for i in range(3)))
        n = len(per_property) or 1
        nodes_of, type_agree, duplicates, joins = self.entities()
        false_merges = tuple(m for m in joins if self._one_document(m.gold_ids))
        missed, correct, wrong_lines = self.fact_lines(required, hit, wrong, nodes_of)
        if self.per_document:
            self.notes.append("per-document mode: a fact counts only for the document of its statement; "
                              "entity recall is by name over the whole graph")
        return Report(
            gold_name=self.gold.name, per_document=self.per_document, matching=MATCHING_RULE,
            properties=tuple(sorted(self.scored)), all_properties=self.scored == self.rels, notes=tuple(self.notes),
            per_property=per_property, micro=micro,
            macro_precision=sum(v.precision for v in per_property.values()) / n,
            macro_recall=sum(v.recall for v in per_property.values()) / n,
            macro_f1=sum(v.f1 for v in per_property.values()) / n,
            entity_total=len(self.gold.entities), entity_found=len(nodes_of), entity_type_agree=type_agree,
            duplicates=duplicates, false_merges=false_merges,
            cross_document=tuple(m for m in joins if m not in false_merges), missed=tuple(missed), wrong=tuple(wrong_lines),
            correct=tuple(correct), ignored_optional=ignored_optional, ignored_implied=ignored_implied,
            ignored_unscored=unscored, predicted_nodes=len(self.prediction.labels),
            predicted_facts=len(self.prediction.facts),
        )
