"""The shipped queries as they were before their parameters moved into ``VALUES ?x { UNDEF }``
blocks (tests/fixtures/queries-before, run with the engine's substitution), to check that the
rewritten queries give the same rows (docs/scale.md)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from helpers import ROOT

from kg.store.query import named_queries, query_store

BEFORE = ROOT / "tests" / "fixtures" / "queries-before"
REWRITTEN = ("timeline", "between-dates", "sources", "entities-by-type", "post-holders", "multi-source")


def _rows(result) -> Counter:
    return Counter(tuple(str(term) for term in row) for row in result.rows)


def assert_same_rows_as_before(store: Path, name: str, *binds: str) -> int:
    """The rewritten query and its former text give the same rows (as a multiset: rows that tie in
    the former ORDER BY may come in another order); returns how many."""
    old = query_store(store, (BEFORE / f"{name}.rq").read_text(encoding="utf-8"), bindings=binds)
    new = query_store(store, named_queries()[name].text, bindings=binds)
    assert new.variables == old.variables
    assert _rows(new) == _rows(old), (name, binds)
    return len(new.rows)
