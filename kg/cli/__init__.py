"""The ``kg`` command line: a thin layer over the library.

Each module holds one command group and registers it on the shared Typer ``app`` when imported;
``main`` is the entry point (user errors print one line, see :mod:`kg.cli._app`).
"""

import signal
import sys
import threading


def _interrupted_at_start(signum, frame) -> None:  # Ctrl-C while the command's modules load: no traceback
    sys.stderr.write("Interrupted before the command started; nothing was written.\n")
    sys.exit(130)


_MAIN_THREAD = threading.current_thread() is threading.main_thread()  # only it may set a signal handler
_BEFORE = signal.signal(signal.SIGINT, _interrupted_at_start) if _MAIN_THREAD else None
from kg.cli import build, entities, eval, serve, store  # noqa: E402,F401  (registers the commands)
from kg.cli._app import app, main  # noqa: E402

if _MAIN_THREAD:
    signal.signal(signal.SIGINT, _BEFORE)  # as it was (Python's: the commands stop on KeyboardInterrupt)

__all__ = ["app", "main"]
