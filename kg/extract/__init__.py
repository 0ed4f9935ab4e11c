"""Extraction: one parsed document -> entities and relations.

The stages, in order: ``mentions`` (named things) -> ``resolve`` (entities, coreference) ->
``relations`` (rules over the parse) -> ``learned`` (a pair classifier) -> ``infer`` (ontology
axioms).  :func:`extract_document` runs them; ``resolve.corpus`` runs after all documents.
"""

from kg.extract.document import extract_document

__all__ = ["extract_document"]
