"""newskg: an offline knowledge-graph builder for news.

The public surface (see README for the CLI)::

    from kg import load_resources, load_pipeline, build, to_rdf
    res = load_resources()
    nlp = load_pipeline()
    graph = build(documents, nlp=nlp, resources=res)
    rdf = to_rdf(graph, resources=res)
"""

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "load_resources": "kg.resources",
    "Resources": "kg.resources",
    "load_pipeline": "kg.nlp.model",
    "build": "kg.builder",
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
