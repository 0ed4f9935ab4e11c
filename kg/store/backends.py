"""Where ``kg serve`` runs queries: processes it can kill, so no query outlives its time limit.

Both engines answer a :class:`Job` with an :class:`Answer` within a deadline:

``builtin`` (:class:`WorkerPool`)
    a fixed number of pyoxigraph worker processes (:mod:`kg.store.worker`) over a read-only
    snapshot on disk; a job waits for an idle worker.
``oxigraph`` (:class:`OxigraphProcesses`)
    one ``oxigraph query`` process of the Oxigraph binary per job (about 40 ms to start), at most
    ``workers`` at a time.  Nothing listens on a second port: a web page cannot reach the engine
    around the checks of the front server.

A job whose deadline passes, or whose client hangs up, has its process killed (a worker is
replaced at once); an engine crash is that job's 500, never the server's end.
"""

from __future__ import annotations

import ctypes
import logging
import os
import queue
import resource
import selectors
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Callable

from kg.store.guard import ENGINE_STACK_BYTES
from kg.store.worker import MAX_ANSWER_BYTES, negotiate

log = logging.getLogger(__name__)

__all__ = ["Job", "Answer", "WorkerPool", "OxigraphProcesses"]

_TEXT = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class Job:
    query: str
    kind: str | None  # select (also ASK), graph (CONSTRUCT/DESCRIBE) or None (unknown)
    accept: str = ""
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    timeout: float = 30.0


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    ctype: str = _TEXT
    headers: dict[str, str] = field(default_factory=dict)


def _text(status: int, message: str, **headers: str) -> Answer:
    return Answer(status, (message + "\n").encode("utf-8"), _TEXT, headers)


def busy(job: Job) -> Answer:
    return _text(503, f"all query workers stayed busy for {job.timeout:g} s; try again later", **{"Retry-After": "5"})


def timed_out(job: Job) -> Answer:
    return _text(503, f"the query ran longer than {job.timeout:g} s and was stopped; make it more selective "
                      f"(bind variables, add LIMIT), or start kg serve with a larger --timeout")


def _engine_env() -> dict[str, str]:
    return {**os.environ, "RUST_BACKTRACE": "0", "RUST_LIB_BACKTRACE": "0"}


# -- builtin: a pool of pyoxigraph processes ------------------------------------------------------
class _Worker:
    """One ``python -m kg.store.worker`` process and the two pipes to it.

    A plain subprocess, not multiprocessing's spawn: spawn re-imports the caller's main module, which
    breaks scripts that call :func:`kg.store.serve.start_server` without an ``if __name__`` guard."""

    def __init__(self, location: str, log_path: Path) -> None:
        child_reads, parent_writes = os.pipe()
        parent_reads, child_writes = os.pipe()
        root = str(Path(__file__).resolve().parents[2])  # the folder holding the kg package
        env = {**_engine_env(), "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
        with open(log_path, "ab") as log_file:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "kg.store.worker", location, str(os.getpid()), str(child_reads), str(child_writes)],
                stdin=subprocess.DEVNULL, stdout=log_file, stderr=log_file, env=env,
                pass_fds=(child_reads, child_writes), start_new_session=True)
        os.close(child_reads)
        os.close(child_writes)
        self.conn_out = Connection(parent_writes, readable=False)
        self.conn_in = Connection(parent_reads, writable=False)
        self.ready = False

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        if self.alive():
            self.proc.kill()
        self.proc.wait(timeout=5)
        self.conn_out.close()
        self.conn_in.close()


class WorkerPool:
    """``size`` worker processes over the snapshot at ``location``."""

    def __init__(self, location: str, size: int, workdir: Path) -> None:
        self.location = location
        self.log_path = workdir / "workers.log"
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.all: set[_Worker] = set()
        self.lock = threading.Lock()
        self.closed = False
        for _ in range(max(1, size)):
            self._add()

    def _add(self) -> None:
        with self.lock:
            if self.closed:
                return
            worker = _Worker(self.location, self.log_path)
            self.all.add(worker)
        self.idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        with self.lock:
            self.all.discard(worker)
        self._add()

    def run(self, job: Job, *, deadline: float, gone: Callable[[], bool]) -> Answer | None:
        try:
            worker = self.idle.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            return busy(job)
        try:
            if not worker.ready:  # the first job of a new worker waits for it to open the store
                if not self._wait(worker, deadline, gone):
                    return self._give_up(worker, job, gone)
                tag, _ = worker.conn_in.recv()
                worker.ready = tag == "ready"
            worker.conn_out.send({"query": job.query, "accept": job.accept, "default_graphs": job.default_graphs,
                              "named_graphs": job.named_graphs})
            if not self._wait(worker, deadline, gone):
                return self._give_up(worker, job, gone)
            _, (status, ctype, body) = worker.conn_in.recv()
        except (EOFError, OSError, ValueError):
            code = worker.proc.poll()
            self._replace(worker)
            return _text(500, f"the query engine stopped on this query (exit code {code}); the server goes on")
        self.idle.put(worker)
        return Answer(status, body, ctype)

    @staticmethod
    def _wait(worker: _Worker, deadline: float, gone: Callable[[], bool]) -> bool:
        """Wait for the worker's next message; False when the deadline passed or the client left."""
        while not worker.conn_in.poll(0.05):
            if not worker.alive() and not worker.conn_in.poll(0):
                raise EOFError
            if time.monotonic() >= deadline or gone():
                return False
        return True

    def _give_up(self, worker: _Worker, job: Job, gone: Callable[[], bool]) -> Answer | None:
        self._replace(worker)
        return None if gone() else timed_out(job)

    def close(self) -> None:
        with self.lock:
            self.closed = True
            workers = list(self.all)
            self.all.clear()
        for worker in workers:
            worker.kill()


# -- oxigraph: one `oxigraph query` process per job -----------------------------------------------
def _stack_limit() -> tuple[int, int] | None:
    """The RLIMIT_STACK to give an engine process (None: keep the current one)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
    want = ENGINE_STACK_BYTES if hard == resource.RLIM_INFINITY else min(ENGINE_STACK_BYTES, hard)
    return (want, hard) if soft != resource.RLIM_INFINITY and soft < want else None


try:  # looked up here, not in the child: a forked child of a threaded server must not import or dlopen
    _PRCTL = ctypes.CDLL(None, use_errno=True).prctl
except (OSError, AttributeError):
    _PRCTL = None


def _engine_limits(stack: tuple[int, int] | None) -> None:
    """In the child: die with the server (Linux), and get a large stack (deep queries must not abort it)."""
    if _PRCTL is not None:
        _PRCTL(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG, as kg.procs.die_with_parent
    if stack is not None:
        try:
            resource.setrlimit(resource.RLIMIT_STACK, stack)
        except (ValueError, OSError):
            pass


class OxigraphProcesses:
    """Jobs run by ``oxigraph query`` over the snapshot at ``location``, at most ``size`` at once."""

    def __init__(self, binary: str, location: str, size: int, workdir: Path) -> None:
        self.binary, self.location, self.workdir = binary, location, workdir
        self.slots = threading.BoundedSemaphore(max(1, size))

    def run(self, job: Job, *, deadline: float, gone: Callable[[], bool]) -> Answer | None:
        if job.default_graphs or job.named_graphs:
            return _text(400, "default-graph-uri and named-graph-uri are not supported by the oxigraph engine; "
                              "write FROM / FROM NAMED in the query, or start kg serve with --engine builtin")
        if not self.slots.acquire(timeout=max(0.0, deadline - time.monotonic())):
            return busy(job)
        fd, qfile = tempfile.mkstemp(prefix="query-", suffix=".rq", dir=self.workdir)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(job.query.encode("utf-8"))
            media, _ = negotiate(job.accept, "graph" if job.kind == "graph" else "select")
            argv = [self.binary, "query", "--location", self.location, "--query-file", qfile,
                    "--results-format", media]  # the default graph is the store's view
            return self._run(argv, media, job, deadline, gone)
        finally:
            os.unlink(qfile)
            self.slots.release()

    def _run(self, argv: list[str], media: str, job: Job, deadline: float, gone: Callable[[], bool]) -> Answer | None:
        stack = _stack_limit()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=_engine_env(), preexec_fn=(lambda: _engine_limits(stack))
                                if sys.platform.startswith("linux") else None)
        out, err = bytearray(), bytearray()
        with selectors.DefaultSelector() as sel:
            sel.register(proc.stdout, selectors.EVENT_READ, out)
            sel.register(proc.stderr, selectors.EVENT_READ, err)
            while sel.get_map():
                for key, _ in sel.select(timeout=0.05):
                    chunk = os.read(key.fd, 1 << 16)
                    if not chunk:
                        sel.unregister(key.fileobj)
                    elif key.data is out or len(err) < 65536:
                        key.data.extend(chunk)
                stop = (timed_out(job) if time.monotonic() >= deadline else
                        _text(500, f"the answer is larger than {MAX_ANSWER_BYTES:,} bytes; ask for less (add LIMIT)")
                        if len(out) > MAX_ANSWER_BYTES else "gone" if gone() else None)
                if stop is not None:
                    proc.kill()
                    proc.wait()
                    proc.stdout.close()
                    proc.stderr.close()
                    return None if stop == "gone" else stop
        code = proc.wait()
        proc.stdout.close()
        proc.stderr.close()
        if code == 0:
            return Answer(200, bytes(out), f"{media}; charset=utf-8")
        message = err.decode("utf-8", "replace").strip().splitlines()
        first = message[0].removeprefix("Error: ").strip() if message else ""
        if code < 0 or not first:
            return _text(500, f"the Oxigraph engine stopped on this query (exit status {code}); the server goes on")
        return _text(400 if first.startswith("error at") else 500, first)

    def close(self) -> None:
        pass
