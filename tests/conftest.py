"""Shared fixtures.  The spaCy pipeline and the seed build are loaded once per session."""

from __future__ import annotations

import pytest
from helpers import SEED, named_facts


@pytest.fixture(scope="session")
def res():
    from kg.resources import load_resources

    return load_resources()


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp.model import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_graph(nlp, res):
    from kg.builder import build
    from kg.ingest.read import iter_documents

    return build(iter_documents([SEED]), nlp=nlp, resources=res)


@pytest.fixture(scope="session")
def seed_rdf(seed_graph, res):
    from kg.export.rdf import to_rdf

    return to_rdf(seed_graph, resources=res)


@pytest.fixture()
def extract(nlp, res):
    """Run the whole extraction on a text: returns (KnowledgeGraph, asserted facts by name)."""
    from kg.builder import build
    from kg.model import Document

    def run(text: str, doc_id: str = "t"):
        g = build([Document(doc_id, text)], nlp=nlp, resources=res)
        return g, named_facts(g)

    return run
