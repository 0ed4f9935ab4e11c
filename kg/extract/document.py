"""One parsed document -> its entities and relations (the per-document stages in order)."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.context import add_context, dated_document, report_day
from kg.extract.infer import apply_chains
from kg.extract.learned import beyond_rules, learned_relations
from kg.extract.mentions.find import extract_mentions
from kg.extract.relations import extract_relations, gazetteer_entities
from kg.extract.relations.geography import without_home_visits
from kg.extract.resolve.document import resolve
from kg.model import DocResult, Document
from kg.resources import Resources

__all__ = ["extract_document"]


def extract_document(document: Document, doc: Doc, res: Resources) -> DocResult:
    """Mentions -> entity resolution -> rule relations -> learned relations -> property chains ->
    time and speaker of each fact, for one parsed document (whose date is parsed first)."""
    document = dated_document(document, doc)
    mentions = extract_mentions(doc, res)
    resolution = resolve(doc, mentions, res, document.id, report_day(document))
    rules = extract_relations(doc, mentions, resolution, res, document.id, document.date)
    learned = learned_relations(doc, mentions, resolution, res, document.id, rules=rules.relations)
    relations = rules.relations + beyond_rules(learned, rules.relations,
                                               {k: e.cls for k, e in resolution.entities.items()},
                                               names={k: e.name for k, e in resolution.entities.items()},
                                               offices=res.offices, date=document.date)
    relations = without_home_visits(relations, res)
    extra = gazetteer_entities(relations, resolution, res, document.id)
    classes = {**{k: e.cls for k, e in resolution.entities.items()}, **{e.key: e.cls for e in extra}}
    relations += apply_chains(relations, res.ontology, classes.__getitem__)
    relations = add_context(document, doc, resolution, relations, res)
    for key, found in rules.titles.items():
        resolution.entities[key].job_titles |= found
    entities = sorted([*resolution.entities.values(), *extra], key=lambda e: e.key)
    return DocResult(document=document, entities=entities, relations=relations)
