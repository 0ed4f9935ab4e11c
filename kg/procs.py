"""Child processes that must not outlive the process that started them."""

from __future__ import annotations

import ctypes
import signal

__all__ = ["die_with_parent"]

_PR_SET_PDEATHSIG = 1


def die_with_parent(sig: int = signal.SIGTERM) -> None:
    """Linux: ask the kernel to send ``sig`` to this process when its parent dies.

    Call it in the child (a ``preexec_fn``, or first thing after a fork).  Elsewhere it does
    nothing; the caller should also check ``os.getppid()`` for a parent that died before."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(sig))
    except (OSError, AttributeError):
        pass
