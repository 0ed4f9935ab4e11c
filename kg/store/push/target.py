"""Where ``kg push`` sends, and with which credentials: :class:`Target`.

Credentials come from the environment only (``NEWSKG_PUSH_USER``, ``NEWSKG_PUSH_PASSWORD``):
a command line is visible to other users of the machine (``ps``, shell history), so a URL that
carries ``user:password@`` is refused, and every URL that reaches a message goes through
:func:`safe_url` first.
"""

from __future__ import annotations

import ipaddress
import os
import urllib.parse
from dataclasses import dataclass, field
from typing import Literal

from kg.errors import PushError

__all__ = ["Target", "Protocol", "target_from_env", "safe_url", "USER_ENV", "PASSWORD_ENV", "MAX_ANSWER"]

USER_ENV = "NEWSKG_PUSH_USER"
PASSWORD_ENV = "NEWSKG_PUSH_PASSWORD"
MAX_ANSWER = 64 * 1024 * 1024  # bytes of one query answer read at most
Protocol = Literal["gsp", "update"]


def safe_url(url: str | None) -> str:
    """``url`` with any ``user:password@`` replaced by ``***@``, fit for a message or a log."""
    if not url:
        return ""
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urllib.parse.urlunsplit(parts._replace(netloc="***@" + parts.netloc.rpartition("@")[2]))


def _is_loopback(url: str) -> bool:
    host = urllib.parse.urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Target:
    """The server's endpoints and how to talk to them.  ``password`` never appears in ``repr``.

    ``endpoint`` (SPARQL query) and ``update_endpoint`` are always needed: a push reads what the
    server already holds so that other stores' documents and entity descriptions are merged, not
    replaced.  ``graph_store`` carries the document graphs when ``protocol`` is ``gsp``.
    """

    protocol: Protocol
    endpoint: str | None = None
    update_endpoint: str | None = None
    graph_store: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 60.0  # seconds for one whole request (connect, send, answer)
    retries: int = 4
    backoff: float = 0.5
    max_answer: int = MAX_ANSWER

    def __post_init__(self) -> None:
        if self.protocol not in ("gsp", "update"):
            raise PushError(f"unknown protocol {self.protocol!r}; use gsp or update.")
        for option, url in self.urls():
            parts = urllib.parse.urlsplit(url)
            try:
                parts.port
            except ValueError:
                parts = parts._replace(scheme="")  # a port that is not a number
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise PushError(f"{option} {safe_url(url)!r} is not an http(s) URL; pass e.g. http://localhost:7878/query.")
            if "@" in parts.netloc:
                raise PushError(f"{option} {safe_url(url)} holds a user name or password; a command line is visible to "
                                f"other users (ps, shell history): remove it from the URL and export {USER_ENV} and "
                                f"{PASSWORD_ENV} instead.")
        if not self.endpoint:
            raise PushError("kg push needs --endpoint URL, the server's SPARQL query endpoint (e.g. "
                            "http://localhost:7878/query): it reads what other stores put on the server so that their "
                            "documents and entity descriptions are kept and merged, not replaced.")
        if self.protocol == "gsp" and not self.graph_store:
            raise PushError("--protocol gsp needs --graph-store URL (the Graph Store endpoint, e.g. "
                            "http://localhost:7878/store for Oxigraph, http://localhost:3030/ds/data for Fuseki).")
        if not self.update_endpoint:
            raise PushError("kg push needs an update endpoint: pass --update-endpoint URL.")
        if self.retries < 0 or self.backoff < 0 or self.timeout <= 0 or self.max_answer <= 0:
            raise PushError("retries and backoff must be >= 0, timeout and max_answer > 0.")

    def urls(self) -> list[tuple[str, str]]:
        """(option, URL) of every endpoint this push talks to."""
        pairs = [("--endpoint", self.endpoint), ("--update-endpoint", self.update_endpoint)]
        if self.protocol == "gsp":
            pairs.append(("--graph-store", self.graph_store))
        return [(option, url) for option, url in pairs if url]

    def plain_http_hosts(self) -> list[str]:
        """Hosts other than loopback that would get the credentials over plain http (empty without them)."""
        if self.user is None:
            return []
        hosts = {urllib.parse.urlsplit(url).hostname or "" for _, url in self.urls()
                 if urllib.parse.urlsplit(url).scheme == "http" and not _is_loopback(url)}
        return sorted(hosts)

    @property
    def destination(self) -> str:
        """Where the document graphs go, for reports."""
        return safe_url(self.graph_store if self.protocol == "gsp" else self.update_endpoint)


def _default_update_endpoint(endpoint: str | None) -> str | None:
    """Oxigraph and Fuseki answer updates at .../update beside .../query; others use one URL."""
    if endpoint and endpoint.rstrip("/").endswith("/query"):
        return endpoint.rstrip("/")[: -len("query")] + "update"
    return endpoint


def target_from_env(
    *,
    endpoint: str | None,
    graph_store: str | None = None,
    update_endpoint: str | None = None,
    protocol: Protocol | None = None,
    timeout: float = 60.0,
    retries: int = 4,
    backoff: float = 0.5,
    environ: dict | None = None,
) -> Target:
    """A :class:`Target` with credentials from ``NEWSKG_PUSH_USER`` / ``NEWSKG_PUSH_PASSWORD``."""
    env = os.environ if environ is None else environ
    user, password = env.get(USER_ENV) or None, env.get(PASSWORD_ENV)
    if user is None and password:
        raise PushError(f"{PASSWORD_ENV} is set but {USER_ENV} is not; set both (or neither).")
    if user is not None and password is None:
        raise PushError(f"{USER_ENV} is set but {PASSWORD_ENV} is not; export it (it is never read from the command line).")
    proto = protocol or ("gsp" if graph_store else "update")
    return Target(protocol=proto, endpoint=endpoint, update_endpoint=update_endpoint or _default_update_endpoint(endpoint),
                  graph_store=graph_store, user=user, password=password, timeout=timeout, retries=retries,
                  backoff=backoff)
