"""The relation stage: run the registered rules in order and turn their readings into relations.

Stages run in :data:`~kg.extract.relations.registry.STAGES` order; inside a stage the functions
on mentions run first, then those on tokens, each on every unit in registration order per unit,
then those on the readings so far (facts read off facts: a meeting's place visited).  What a rule
learns about persons (titles, affiliations) is folded into a :class:`Learned` record that the
next rule receives: rules share no mutable state.  The trigger constructions
(``lexicon/patterns.toml``) run at the start of the ``clauses`` stage.  A reading becomes a
:class:`~kg.model.Relation` with evidence: its sentence, its rule id, a confidence (the property's
base confidence x the rule's factor x its arguments' factors, capped at 0.99) and its modality.
A property that yields to another read from the same words is then dropped
(:func:`kg.extract.infer.drop_yielding`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

import kg.extract.relations.administrations  # noqa: F401  (each rule family registers its rules on import)
import kg.extract.relations.capitals  # noqa: F401
import kg.extract.relations.chambers  # noqa: F401
import kg.extract.relations.demands  # noqa: F401
import kg.extract.relations.elections  # noqa: F401
import kg.extract.relations.hyphens  # noqa: F401
import kg.extract.relations.organisations  # noqa: F401
import kg.extract.relations.parties  # noqa: F401
import kg.extract.relations.places  # noqa: F401
import kg.extract.relations.roles  # noqa: F401
import kg.extract.relations.scenes  # noqa: F401
import kg.extract.relations.ties  # noqa: F401
import kg.extract.relations.titles  # noqa: F401
import kg.extract.relations.venues  # noqa: F401
from kg.extract.infer import drop_yielding
from kg.extract.mentions.records import Mention
from kg.extract.relations.modality import modality
from kg.extract.relations.records import NOTHING, Learned, Reading
from kg.extract.relations.registry import FUNCTIONS, RULES, STAGES
from kg.extract.relations.triggers import trigger_readings
from kg.extract.relations.view import DocView
from kg.extract.resolve.records import Resolution
from kg.model import Entity, Evidence, Relation
from kg.resources import Resources

__all__ = ["RuleOutput", "extract_relations", "gazetteer_entities"]


@dataclass(frozen=True, slots=True)
class RuleOutput:
    """The rules' relations for one document and the job titles read for its persons."""

    relations: list[Relation]
    titles: dict[str, frozenset[str]]


def extract_relations(doc: Doc, mentions: list[Mention], resolution: Resolution, res: Resources,
                      doc_id: str, date: str | None = None) -> RuleOutput:
    """All rule relations of one parsed document (the learned step and the ontology's property
    chains run after this, in :func:`kg.extract.extract_document`); ``date`` is the report's ISO
    date, against which titles of office holders are read."""
    view = DocView.of(doc, mentions, resolution, res, doc_id, date)
    learned = Learned()
    readings: list[Reading] = []
    for stage in STAGES:
        if stage == "clauses":
            view = view.knowing(learned)
            readings += trigger_readings(view)
        for kind, units in (("mention", range(len(mentions))), ("token", doc)):
            functions = [f for f in FUNCTIONS if f.stage == stage and f.unit == kind]
            for unit in units if functions else ():
                for f in functions:
                    got = f.function(view, unit, learned)
                    if got is NOTHING:  # most calls: a rule that does not apply to this word
                        continue
                    readings += got.readings
                    if (grown := learned.plus(got)) is not learned:
                        learned, view = grown, view.knowing(grown)  # a new view only when the rules learned something
        for f in (f for f in FUNCTIONS if f.stage == stage and f.unit == "readings"):
            readings += f.function(view, tuple(readings), learned).readings  # facts read off the facts so far
    relations = drop_yielding([_relation(view, r) for r in readings], res.relations.yields_to)
    return RuleOutput(relations, dict(learned.titles))


def _relation(v: DocView, r: Reading) -> Relation:
    base = v.res.relations.confidence.get(r.prop, 0.7)
    conf = round(min(0.99, base * RULES[r.rule].factor * r.subject.factor * r.object.factor), 3)
    anchor = v.doc[r.anchor]
    sent = anchor.sent
    ev = Evidence(
        doc_id=v.doc_id, sentence=sent.text.strip(), start=sent.start_char,
        end=sent.start_char + len(sent.text.rstrip()), rule=r.rule, confidence=conf,
        # a post not yet taken ("President-elect X") is hedged like a planned act: no plain triple
        modality="hedged" if r.status == "future" else r.modality or modality(
            v.words, anchor, r.prop in v.onto.events, r.prop.lower() in v.words.advocacy_properties),
        role_status=(r.status or "current") if r.prop in v.onto.posts else None,
    )
    return Relation(r.subject.key, r.prop, r.object.key, ev)


def gazetteer_entities(relations: list[Relation], resolution: Resolution, res: Resources, doc_id: str) -> list[Entity]:
    """The gazetteer entities ``relations`` use that the text did not name (the country of a
    demonym inside "Ruritanian-backed"), as entities of the document with no mention."""
    keys = sorted({k for r in relations for k in (r.subject, r.object)} - set(resolution.entities))
    view = DocView.of(None, [], resolution, res, doc_id)
    return [e for e in (view.entity(k) for k in keys) if e is not None]
