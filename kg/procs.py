"""Child processes that must not outlive the process that started them (and their stopping), and a
pause of the cyclic garbage collector for the phases that allocate millions of long-lived objects."""

from __future__ import annotations

import ctypes
import gc
import os
import signal
import subprocess
from contextlib import contextmanager
from typing import Iterator

__all__ = ["die_with_parent", "paused_gc", "stop_group"]

_PR_SET_PDEATHSIG = 1


def die_with_parent(sig: int = signal.SIGTERM) -> None:
    """Linux: ask the kernel to send ``sig`` to this process when its parent dies.

    Call it in the child (a ``preexec_fn``, or first thing after a fork).  Elsewhere it does
    nothing; the caller should also check ``os.getppid()`` for a parent that died before."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(sig))
    except (OSError, AttributeError):
        pass


def stop_group(proc: subprocess.Popen, timeout: float) -> tuple[bytes | None, bytes | None, bool]:
    """Stop a child started in a process group of its own (``start_new_session=True``): SIGTERM,
    then, if it has not ended within ``timeout`` seconds, SIGKILL to its whole group.  Returns its
    stdout, its stderr (None where not piped) and whether it had to be killed."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        out, err = proc.communicate(timeout=timeout)
        return out, err, False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate(timeout=max(timeout, 10))
        return out, err, True


@contextmanager
def paused_gc() -> Iterator[None]:
    """No automatic cyclic garbage collection inside the block (reference counting still frees
    everything that is not in a cycle).  For phases that build millions of objects that stay alive
    (a store's decoded extraction records, corpus resolution over them, the model of every stored
    document): each full collection walks all of them again, which cost more than the work itself
    (20,000 records: decoding 1.76 s -> 0.33 s, resolving them 4.6 s -> 1.9 s; docs/scale.md).
    The collector is back on, as it was, after the block."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
