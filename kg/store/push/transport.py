"""One HTTP exchange with a SPARQL server, as ``kg push`` needs it.

Built on :mod:`http.client` rather than urllib because urllib gets three things wrong here:

* **Redirects** are never followed.  urllib turns a redirected POST into a GET (the update is
  lost, yet the answer is a 200) and sends the ``Authorization`` header to the new address.  A
  3xx answer is a failure whose message names the address it points to.
* **Time**: ``Target.timeout`` bounds the whole request (connect, send, headers, body), not each
  socket read, so a server that drips one byte a second cannot hold a push forever.  A timer
  shuts the socket down when the time is up.
* **Size**: at most ``Target.max_answer`` bytes of a query answer are read (and a failure says
  so); of a write's answer only the first 64 KiB, which are never needed beyond an error message.

Connection errors, timeouts, 429 and 5xx answers are retried with exponential backoff (bounded);
other answers fail at once with a hint.  Messages never hold the password, the Basic token, or
a ``user:password@`` part of a URL.
"""

from __future__ import annotations

import base64
import http.client
import logging
import re
import socket
import threading
import time
import urllib.parse
from dataclasses import dataclass
from typing import Callable, Sequence

from kg.store.push.target import PASSWORD_ENV, USER_ENV, Target, safe_url

log = logging.getLogger(__name__)

__all__ = ["Answer", "RequestFailed", "exchange"]

_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_MAX_DELAY = 30.0
_WRITE_ANSWER = 64 * 1024
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    attempts: int


class RequestFailed(Exception):
    """A request that could not be done, with a one-line message fit for the user."""

    def __init__(self, message: str, attempts: int) -> None:
        super().__init__(message)
        self.attempts = attempts


class _Transient(Exception):
    """A failure worth retrying (connection, timeout)."""


class _Deadline:
    """Shuts ``conn``'s socket down after ``seconds``: any blocked read or write then ends."""

    def __init__(self, conn: http.client.HTTPConnection, seconds: float) -> None:
        self.expired = False
        self._conn = conn
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        self.expired = True
        sock = self._conn.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cancel(self) -> None:
        self._timer.cancel()


def _redact(text: str, target: Target) -> str:
    """``text`` without the password, the Basic token or control characters (one printable line)."""
    for secret in (_token(target), target.password):
        if secret:
            text = text.replace(secret, "***")
    return _CONTROL.sub(" ", text).strip()


def _token(target: Target) -> str | None:
    if target.user is None:
        return None
    return base64.b64encode(f"{target.user}:{target.password}".encode("utf-8")).decode("ascii")


def _read(resp: http.client.HTTPResponse, limit: int) -> tuple[bytes, bool]:
    """Up to ``limit`` bytes of the body, and whether there was more."""
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = resp.read1(min(65536, limit + 1 - total))
        if not chunk:
            return b"".join(chunks), False
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)[:limit], True


def _attempt(target: Target, method: str, url: str, body: bytes | None, headers: dict[str, str],
             limit: int) -> tuple[http.client.HTTPResponse, bytes, bool]:
    """One request on a fresh connection, bounded by ``target.timeout`` as a whole."""
    parts = urllib.parse.urlsplit(url)
    cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = cls(parts.hostname, parts.port, timeout=target.timeout)
    deadline = _Deadline(conn, target.timeout)
    try:
        conn.request(method, (parts.path or "/") + (f"?{parts.query}" if parts.query else ""), body=body,
                     headers=headers)
        resp = conn.getresponse()
        data, more = _read(resp, limit)
        if deadline.expired:
            raise TimeoutError
        return resp, data, more
    except (http.client.HTTPException, OSError) as exc:
        if deadline.expired or isinstance(exc, TimeoutError):
            raise _Transient(f"no complete answer within {target.timeout:g} s (--timeout bounds each request "
                             f"as a whole)") from None
        reason = getattr(exc, "reason", None) or exc
        raise _Transient(f"connection failed ({reason or type(exc).__name__})") from None
    finally:
        deadline.cancel()
        conn.close()


def _short(url: str) -> str:
    """``url`` without its query (a graph IRI, long) and without credentials."""
    return safe_url(urllib.parse.urlunsplit(urllib.parse.urlsplit(url)._replace(query="", fragment="")))


def _refusal(status: int, reason: str, detail: str, location: str | None, url: str, role: str) -> str:
    """The message for an answer that is not retried."""
    head = f"{_short(url)} answered HTTP {status} {reason}".rstrip()
    if 300 <= status < 400:
        if location:
            target = safe_url(urllib.parse.urljoin(url, location))
            return (f"{head}: the server redirects to {target}; kg push never follows redirects (a redirected update "
                    f"is lost and would carry your credentials elsewhere). If that is the right address, pass it "
                    f"as {role}.")
        return f"{head}: an unexpected redirect; check {role}."
    text = head + (f": {detail}" if detail else "") + "."
    if status in (401, 403):
        text += (f" Check {USER_ENV}/{PASSWORD_ENV} and the user's rights (Virtuoso: grant SPARQL_UPDATE; "
                 f"Oxigraph: `kg serve` and `oxigraph serve-read-only` refuse writes).")
    elif status in (404, 405):
        text += f" Check {role}: is it the server's {'query' if role == '--endpoint' else 'write'} endpoint?"
    return text


def exchange(target: Target, method: str, url: str, *, role: str, body: bytes | None = None,
             headers: dict[str, str] | None = None, query: bool = False, ok_status: Sequence[int] = (),
             sleep: Callable[[float], None] = time.sleep) -> Answer:
    """One HTTP exchange with bounded retries on connection errors, timeouts, 5xx and 429.

    ``role`` names the option that gave ``url`` (for hints).  With ``query`` the answer's body is
    wanted (at most ``target.max_answer`` bytes, else a failure); otherwise it is read only for
    error messages.  Raises :class:`RequestFailed`.
    """
    hdrs = {"User-Agent": "newskg-push", "Connection": "close", **(headers or {})}
    token = _token(target)
    if token is not None:
        hdrs["Authorization"] = f"Basic {token}"
    limit = target.max_answer if query else _WRITE_ANSWER
    attempts = 0
    while True:
        attempts += 1
        try:
            resp, data, more = _attempt(target, method, url, body, hdrs, limit)
        except _Transient as exc:
            problem = f"{_short(url)}: " + _redact(str(exc), target)
        else:
            if 200 <= resp.status < 300 or resp.status in ok_status:
                if query and more:
                    raise RequestFailed(f"the answer of {safe_url(url)} is larger than {limit // (1024 * 1024)} MiB; "
                                        f"kg push stopped reading it. Is {role} the right endpoint?", attempts)
                return Answer(resp.status, data if query else b"", attempts)
            detail = _redact(data[:300].decode("utf-8", "replace"), target)
            problem = f"{_short(url)} answered HTTP {resp.status} {resp.reason}".rstrip() + (f": {detail}" if detail else "")
            if resp.status not in _RETRY_STATUS:
                refusal = _refusal(resp.status, resp.reason, detail, resp.getheader("Location"), url, role)
                raise RequestFailed(_redact(refusal, target), attempts)
        if attempts > target.retries:
            raise RequestFailed(f"{problem}; gave up after {attempts} attempt(s).", attempts)
        delay = min(target.backoff * (2 ** (attempts - 1)), _MAX_DELAY)
        log.warning("%s %s; retrying in %.1fs (attempt %d of %d)", method, problem, delay, attempts + 1,
                    target.retries + 1)
        sleep(delay)
