"""One parsed document -> its entities and relations (the per-document stages in order)."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.mentions.find import extract_mentions
from kg.extract.relations.legacy import extract_relations
from kg.extract.resolve.document import resolve
from kg.model import DocResult, Document
from kg.resources import Resources

__all__ = ["extract_document"]


def extract_document(document: Document, doc: Doc, res: Resources) -> DocResult:
    """Mentions -> entity resolution -> relations for one parsed document."""
    mentions = extract_mentions(doc, res)
    resolution = resolve(doc, mentions, res, document.id)
    relations, titles = extract_relations(doc, mentions, resolution, res, document.id)
    for key, found in titles.items():
        resolution.entities[key].job_titles |= found
    entities = sorted(resolution.entities.values(), key=lambda e: e.key)
    return DocResult(document=document, entities=entities, relations=relations)
