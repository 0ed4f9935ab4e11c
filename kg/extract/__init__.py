"""Extraction stages over a parsed spaCy Doc: mentions, then relations."""

from kg.extract.mentions import Mention, extract_mentions
from kg.extract.relations import extract_relations

__all__ = ["Mention", "extract_mentions", "extract_relations"]
