"""What every ``kg`` command shares: the Typer app, the two consoles, ``fail`` and logging setup.\n\nOnly the CLI prints; the commands live in the other modules of this package."""

from __future__ import annotations

import logging
import os
import sys

import typer
from rich.console import Console


app = typer.Typer(
    name="kg",
    help=(
        "newskg: turn news articles into a knowledge graph (Turtle, GraphML, interactive HTML).\n\n"
        "Example:\n\n    kg build seeds/ --out output/\n\n"
        "Then open output/graph.html in a browser or query output/graph.ttl with SPARQL."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def _print_version(value: bool) -> None:
    if value:
        from kg import __version__

        out.print(f"newskg {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True,
                                 callback=_print_version),
) -> None:
    """newskg: turn news articles into a knowledge graph.

    Example:

        kg build seeds/ --out output/
    """


def fail(message: str, code: int = 1) -> None:
    err.print(f"Error: {message}", markup=False)
    raise typer.Exit(code)


def setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def main() -> None:
    """The ``kg`` entry point: user errors are one line; set NEWSKG_TRACEBACK=1 to see tracebacks."""
    try:
        app()
    except KeyboardInterrupt:
        err.print("Interrupted; outputs written so far are complete (files are replaced atomically).")
        sys.exit(130)
    except MemoryError:
        err.print("Error: out of memory; build fewer or shorter documents at a time (or use --workers 1).",
                  markup=False)
        sys.exit(1)
    except RecursionError as exc:
        if os.environ.get("NEWSKG_TRACEBACK"):
            raise
        err.print(f"Error: a document is nested too deeply to process ({exc}); split very long sentences "
                  "or lists, or rerun with NEWSKG_TRACEBACK=1 and report it.", markup=False)
        sys.exit(1)
    except Exception as exc:  # a bug, not a user error: one line unless asked for the traceback
        if os.environ.get("NEWSKG_TRACEBACK"):
            raise
        err.print(f"Error: internal error ({type(exc).__name__}: {exc}); this is a bug in newskg. "
                  "Rerun with NEWSKG_TRACEBACK=1 for the traceback and report it.", markup=False)
        sys.exit(2)
