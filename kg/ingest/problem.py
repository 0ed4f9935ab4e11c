"""Input problems: what went wrong with which file or line, and how to show it safely.

Ingest never raises on bad input: it reports a :class:`Problem` through a callback and goes on.
File names and messages can hold anything a file system allows, including terminal escape
sequences (``\\x1b]0;...``) and bidi overrides: :func:`shown` escapes them so that a warning can
never drive the user's terminal.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable

__all__ = ["Problem", "Reporter", "report", "shown"]

log = logging.getLogger(__name__)


def shown(text: str) -> str:
    """``text`` safe to print: control, format (bidi) and other unprintable characters escaped
    as ``\\x1b`` / ``\\u202e``, backslashes doubled only where they would be ambiguous."""
    if text.isprintable():
        return text
    out = []
    for c in text:
        if c.isprintable():
            out.append(c)
        else:
            code = ord(c)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Problem:
    """A non-fatal input problem: what, where, and what to do.

    ``note`` marks information rather than a problem (files of other types skipped in a
    folder): the CLI shows it but does not count it as an input problem.
    """

    source: str
    message: str
    line: int | None = None
    note: bool = False

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{shown(where)}: {shown(self.message)}"


Reporter = Callable[[Problem], None] | None


def report(on_problem: Reporter, problem: Problem) -> None:
    """Log ``problem`` and pass it to ``on_problem`` (if any)."""
    log.info("input %s: %s", "note" if problem.note else "problem", problem)
    if on_problem is not None:
        on_problem(problem)
