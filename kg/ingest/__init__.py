"""Inputs -> :class:`kg.model.Document`: text, Markdown, HTML, JSONL and CSV files, folders and stdin.

``iter_documents`` (:mod:`kg.ingest.read`) is the entry point; every text is cleaned of HTML
and crawl escapes (:func:`clean_text`) and checked for being English on the way.
"""

from kg.ingest.clean import clean_agnews_text, clean_text
from kg.ingest.problem import Problem
from kg.ingest.read import count_documents, iter_documents
from kg.ingest.rows import Fields

__all__ = ["iter_documents", "count_documents", "Fields", "Problem", "clean_text", "clean_agnews_text"]
