"""Name normalisation for matching predicted names against gold names.

>>> normalise("the U.K.'s")
'uk'
>>> normalise("Aynsley-Green") == normalise("Aynsley Green")
True
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalise"]

_POSSESSIVE = re.compile(r"['\u2019]s\b")
_DROP = re.compile(r"['\u2018\u2019`\u00b4.]")
_SPACE = re.compile(r"[^\w\s]|_")
_WS = re.compile(r"\s+")


def normalise(name: str) -> str:
    """The form names are compared in (see the module docstring)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _POSSESSIVE.sub("", text)
    text = _DROP.sub("", text)
    text = _SPACE.sub(" ", text)
    text = _WS.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text
