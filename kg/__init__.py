"""newskg: an offline knowledge-graph builder for news.

The public surface (see README for the CLI)::

    import kg
    result = kg.build(["An article's text.", {"id": "a2", "text": "Another one."}])
    result.to_rdf()            # rdflib Graph, with provenance
    result.to_networkx()       # networkx MultiDiGraph
    result.to_html("graph.html")
    result.query("SELECT ?s ?o WHERE { ?s kg:allyOf ?o }")

The stages are importable on their own: :func:`kg.builder.build` (documents -> KnowledgeGraph),
:func:`kg.export.rdf.to_rdf`, :func:`kg.store.update.update_store`, ...
"""

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "load_resources": "kg.resources",
    "Resources": "kg.resources",
    "load_pipeline": "kg.nlp.model",
    "build": "kg.api",
    "Result": "kg.api",
    "extract_document": "kg.extract",
    "to_rdf": "kg.export.rdf",
    "to_networkx": "kg.export.networkx",
    "iter_documents": "kg.ingest.read",
    "KnowledgeGraph": "kg.model",
    "Document": "kg.model",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:  # lazy: importing kg must not load spaCy
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
