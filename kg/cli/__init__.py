"""The ``kg`` command line: a thin layer over the library.

Each module holds one command group and registers it on the shared Typer ``app`` when imported;
``main`` is the entry point (user errors print one line, see :mod:`kg.cli._app`).
"""

from kg.cli import build, entities, eval, serve, store  # noqa: F401  (registers the commands)
from kg.cli._app import app, main

__all__ = ["app", "main"]
