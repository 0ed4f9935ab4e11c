"""Where a bound value goes in a query: its parameter blocks ``VALUES ?name { UNDEF }``, else the
engine's substitution.

Why blocks: pyoxigraph's substitution (SEP-0007) binds the variable while the query runs, but the
query planner does not see it, so it cannot start from the bound value; it begins with the
statements and compares every label with the name afterwards (``timeline`` took 4.0 s on a store of
2,100 articles).  A ``VALUES`` block is data the planner reads: a query that starts from its value,
matches it against the labels and reaches the statements through the entities found answers in
0.1 s (docs/scale.md).  A block must stand where the value is needed: SPARQL evaluates groups
inside out, so a ``FILTER`` inside ``{ ... }`` sees only what that group binds, and a shipped query
repeats the block in the group that matches the name (``ontologies/queries/timeline.rq``).

Also here: whether a query can reach named graphs at all (:func:`reaches_named_graphs`), so that the
store hands the engine its list of public graphs only then.

Run as it is (any SPARQL endpoint), a block leaves its variable unbound, as an unset optional
parameter.  The value is written by pyoxigraph (N-Triples term syntax, escaped), never pasted: a
quote or a brace in it stays inside the literal.
"""

from __future__ import annotations

import re
from typing import Mapping

__all__ = ["parameter_block", "place_values", "reaches_named_graphs"]


def parameter_block(name: str) -> re.Pattern[str]:
    """The pattern of the parameter blocks of ``?name`` (``VALUES ?name { UNDEF }``, any spacing or case)."""
    return re.compile(rf"\bVALUES\s+[?$]{re.escape(name)}\s*\{{\s*UNDEF\s*\}}", re.IGNORECASE)


def place_values(text: str, bindings: Mapping[str, object]) -> tuple[str, dict[str, object]]:
    """``text`` with each bound value written into its variable's parameter blocks, and the bindings
    that have no block (left to the engine's substitution)."""
    rest: dict[str, object] = {}
    for name, term in bindings.items():
        block = parameter_block(name)
        if block.search(text) is None:
            rest[name] = term
            continue
        filled = f"VALUES ?{name} {{ {term} }}"
        text = block.sub(lambda _: filled, text)
    return text, rest


_DATASET_WORDS = re.compile(r"(?<![?$\w])(graph|from|named)\b", re.IGNORECASE)  # not ?from, a variable
_COMMENT = re.compile(r"(^|\s)#[^\n]*")


def reaches_named_graphs(text: str) -> bool:
    """Might the query use a named graph or its own dataset?  True when GRAPH, FROM or NAMED is
    written outside a comment (a string holding one of them only costs the listing).

    >>> reaches_named_graphs("SELECT * WHERE { ?s kg:worksFor ?o } # no graph here")
    False
    >>> reaches_named_graphs("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    True
    >>> reaches_named_graphs("SELECT ?from WHERE { ?s kg:validFrom ?from }")
    False
    """
    return bool(_DATASET_WORDS.search(_COMMENT.sub(" ", text)))
