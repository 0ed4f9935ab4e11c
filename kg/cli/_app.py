"""What every ``kg`` command shares: the Typer app, the two consoles, ``fail`` and logging setup.\n\nOnly the CLI prints; the commands live in the other modules of this package."""

from __future__ import annotations

import inspect
import logging
import os
import sys

import typer
from rich.console import Console

EXAMPLE_WIDTH = 76   # an example line longer than this is folded with a shell continuation


def _units(command: str) -> list[str]:
    """The words of a command, an option kept together with its value (``--out DIR``)."""
    words = command.split(" ")
    units: list[str] = []
    for word in words:
        if units and units[-1].startswith("-") and " " not in units[-1] and not word.startswith("-") \
                and not units[-1].startswith("--no-"):
            units[-1] += " " + word
        else:
            units.append(word)
    return units


def _fold(line: str, width: int) -> list[str]:
    body = line.lstrip()
    indent = line[: len(line) - len(body)]
    lines, current = [], indent
    for unit in _units(body):
        if current.strip() and len(current) + 1 + len(unit) > width - 2:   # room for " \\"
            lines.append(current + " \\")
            current = indent + "    " + unit
        else:
            current = f"{current} {unit}" if current.strip() else current + unit
    return lines + [current]


def fold_examples(doc: str | None, width: int = EXAMPLE_WIDTH) -> str | None:
    """A command's help made readable at 80 columns: each long ``kg ...`` example line is folded
    with `` \\`` continuations (an option stays with its value), so that it still reads and
    copies as one command instead of being wrapped into the margin; and the lines of a prose
    paragraph are joined (Typer keeps their breaks, which leaves ragged lines)."""
    if not doc:
        return doc
    paragraphs = []
    for para in doc.split("\n\n"):
        lines = para.splitlines()
        if any(ln.lstrip().startswith("kg ") for ln in lines):
            paragraphs.append("\n".join(out for ln in lines for out in
                                        (_fold(ln, width) if len(ln) > width else [ln])))
        elif len(lines) > 1 and not any(ln[:1].isspace() or ln.lstrip().startswith(("-", "*", "|")) for ln in lines):
            paragraphs.append(" ".join(ln.strip() for ln in lines))
        else:
            paragraphs.append(para)
    return "\n\n".join(paragraphs)


def _value_type(self, ctx) -> str | None:
    """What an option's value looks like in help: nothing for a flag (Typer 0.2x prints
    ``<bool>`` as if it took a value), the metavar when set, else the upper-case type (TEXT,
    INTEGER, PATH); a repeatable option shows its item type."""
    if getattr(self, "is_flag", False) or getattr(self, "count", False):
        return None
    if self.metavar is not None:
        return self.metavar
    label = self.display_type(ctx).strip("<>")
    label = label.removeprefix("list[").removesuffix("]").removesuffix(" range")
    return {"str": "TEXT", "int": "INTEGER", "float": "NUMBER", "path": "PATH", "file": "PATH",
            "directory": "DIR"}.get(label, label.upper())


def _argument_type(self, ctx) -> str | None:
    """An argument's name already says what it takes (INPUT, QUERY): no type beside it."""
    return None


def _usage_name(self) -> str:
    """An argument in the usage line: ``{INPUT}...``, ``[FILE]``; a metavar already written with
    brackets (``[FILE]``) is not bracketed twice."""
    name = self.display_name_raw
    if not name.startswith(("[", "{", "<")):
        name = f"{{{name}}}" if self.required else f"[{name}]"
    if self.nargs != 1 and not name.endswith("..."):
        name += "..."
    return name


try:   # Typer's help renderer (rich panels); without these hooks help is only less tidy
    from typer.core import TyperArgument, TyperOption

    TyperOption.display_type_rich = _value_type
    TyperArgument.display_type_rich = _argument_type
    if hasattr(TyperArgument, "_usage_display_name"):
        TyperArgument._usage_display_name = _usage_name
except (ImportError, AttributeError):  # pragma: no cover - another Typer
    pass


class _App(typer.Typer):
    """The Typer app, with each command's long example lines folded (:func:`fold_examples`)."""

    def command(self, *args, **kwargs):
        def decorator(f):
            if kwargs.get("help") is None and f.__doc__:
                return typer.Typer.command(self, *args, **{**kwargs, "help": fold_examples(inspect.cleandoc(f.__doc__))})(f)
            return typer.Typer.command(self, *args, **kwargs)(f)

        return decorator


app = _App(
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


def shown(text: str) -> str:
    """``text`` with control and bidi characters escaped: a file name must never drive the terminal."""
    from kg.ingest.problem import shown as escape

    return escape(text)


def fail(message: str, code: int = 1) -> None:
    err.print(f"Error: {shown(message)}", markup=False)
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
