"""Corpus-level entity resolution: after per-document resolution, before the graph is written.

Re-exports only; see :mod:`~kg.extract.resolve.corpus.stage` for the stage,
:mod:`~kg.extract.resolve.corpus.rules` for the rules and
:mod:`~kg.extract.resolve.corpus.aliases` for the user's alias file.
"""

from kg.extract.resolve.corpus.aliases import AliasEntry, AliasTable, load_aliases
from kg.extract.resolve.corpus.stage import CorpusResolution, Merge, Target, resolve_across_documents, resolve_corpus

__all__ = ["AliasEntry", "AliasTable", "load_aliases", "CorpusResolution", "Merge", "Target",
           "resolve_across_documents", "resolve_corpus"]
