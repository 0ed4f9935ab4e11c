"""Reading a store's entities for review (``kg entities``): every stored document resolved together.

Kept apart from :mod:`kg.store.entities` (which the store's writer imports) so that reading the
store here makes no import cycle.
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import StoreError
from kg.export.rdf import document_iri
from kg.extract.resolve.corpus import AliasTable, CorpusResolution, resolve_across_documents
from kg.model import KnowledgeGraph
from kg.resources import Resources, load_resources
from kg.store.embedded import open_store, store_base, store_documents
from kg.store.entities import decode_result, read_records

__all__ = ["resolve_store"]


def resolve_store(path: Path | str, *, aliases: AliasTable | None = None, resources: Resources | None = None
                  ) -> tuple[KnowledgeGraph, CorpusResolution]:
    """Every document of the store resolved together, read only: the graph of their entities and
    the resolution, with ``aliases`` or else the alias table stored by the last build that had one."""
    res = resources or load_resources()
    ids = store_documents(path)
    store = open_store(path, read_only=True)
    base = store_base(store)
    records, stored_aliases = read_records(store)
    kg = KnowledgeGraph(symmetric=res.ontology.symmetric)
    for d in ids:
        text = records.get(str(document_iri(base, d)))
        if text is not None:
            kg.add(decode_result(text))
    if ids and not kg.documents:
        raise StoreError(f"the store at {path} keeps no extraction records (it was built before corpus resolution "
                         "kept them); rebuild it with `kg build` to review its entities.")
    return kg, resolve_across_documents(kg, res, aliases=aliases or stored_aliases)
