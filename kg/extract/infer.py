"""Ontology-driven closing steps over one document's relations.

Two steps, both read from the data files, neither knows a property by name:

* :func:`drop_yielding` -- a property that *yields to* others (``yields_to`` in
  ``lexicon/relations.toml``) is dropped where one of those holds for the same pair from the same
  sentence and rule.  "Acme, based in Riverton" fires the "base in" trigger of both basedIn and
  locatedIn (both admit an organisation): basedIn is the fact, locatedIn ("a place, facility or
  stationed unit is inside a place") is not repeated.  Where nothing it yields to was read
  ("troops stationed in Riverton"), locatedIn stays.
* :func:`apply_chains` -- the ``owl:propertyChainAxiom`` lists of ``ontologies/newskg.ttl``
  (``basedIn o locatedIn => basedIn``, transitivity of locatedIn, ...) applied inside one
  sentence, to a fixpoint.  "Acme, based in Riverton, Ruritania" gives Acme basedIn Riverton and
  Riverton locatedIn Ruritania, hence Acme basedIn Ruritania.  Only asserted premises from the *same sentence*
  are chained, so every inferred fact has one evidence sentence that states both steps.  Its
  evidence has ``rule="chain"`` and ``confidence`` = the product of the premises' confidences.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Mapping

from kg.model import Relation
from kg.resources import Ontology

__all__ = ["drop_yielding", "apply_chains", "CHAIN_RULE"]

CHAIN_RULE = "chain"
MAX_ROUNDS = 4  # a sentence never states a longer chain of places


def drop_yielding(relations: list[Relation], yields_to: Mapping[str, frozenset[str]]) -> list[Relation]:
    """``relations`` without those whose property yields to another read for the same pair
    from the same sentence by the same rule."""
    if not yields_to:
        return relations
    read = {(r.subject, r.object, r.evidence.start, r.evidence.rule, r.predicate) for r in relations}
    return [
        r for r in relations
        if not any((r.subject, r.object, r.evidence.start, r.evidence.rule, q) in read
                   for q in yields_to.get(r.predicate, ()))
    ]


def apply_chains(relations: list[Relation], onto: Ontology, cls: Callable[[str], str]) -> list[Relation]:
    """The relations the ontology's property chains add to ``relations`` (not including them).

    ``cls`` gives an entity key's class; a conclusion must be admitted by the property's domain
    and range.  Premises must be asserted and read from the same sentence of the same document."""
    if not onto.chains:
        return []
    known = {(r.subject, r.predicate, r.object, r.evidence.doc_id, r.evidence.start) for r in relations}
    pool = [r for r in relations if r.evidence.modality == "asserted"]
    added: list[Relation] = []
    for _ in range(MAX_ROUNDS):
        by_subject: dict[tuple[str, str, str, int], list[Relation]] = {}
        for r in pool:
            by_subject.setdefault((r.evidence.doc_id, r.evidence.start, r.predicate, r.subject), []).append(r)
        new: list[Relation] = []
        for prop, lists in onto.chains.items():
            for first, second in lists:
                for r1 in pool:
                    if r1.predicate != first:
                        continue
                    ev = r1.evidence
                    for r2 in by_subject.get((ev.doc_id, ev.start, second, r1.object), ()):
                        s, o = r1.subject, r2.object
                        key = (s, prop, o, ev.doc_id, ev.start)
                        if s == o or key in known or not onto.admits(prop, cls(s), cls(o)):
                            continue
                        known.add(key)
                        conf = round(r1.evidence.confidence * r2.evidence.confidence, 3)
                        new.append(Relation(s, prop, o, replace(ev, rule=CHAIN_RULE, confidence=conf)))
        if not new:
            break
        added += new
        pool += new
    return added
