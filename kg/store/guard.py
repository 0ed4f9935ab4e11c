"""Checks a SPARQL query (and an RDF file) must pass before it reaches the engine (``kg query``,
``kg serve``, ``kg validate``, the Python query functions).

Why: Oxigraph parses and evaluates queries recursively.  A few kilobytes of nested ``{ }`` (or a
long chain such as ``1+1+...``) overflow the stack and *abort the process* (the ``kg serve``
server, ``kg query``); ``SERVICE <url>`` makes the engine send HTTP requests to any address (a
server-side request forgery, reachable from any web page through an ``<img>`` URL).  Neither can be
caught once the engine has the query, so the text is checked first, by a small SPARQL lexer that
skips strings, IRIs, comments and escaped characters of prefixed names exactly as the grammar
does:

* brackets ``{ ( [`` may nest at most :data:`MAX_DEPTH` levels;
* at most :data:`MAX_TOKENS` tokens (the data of ``VALUES`` blocks not counted: it is flat);
* no ``SERVICE`` keyword unless the caller allows federated queries.

The engines run queries on threads (or processes) with a 256 MiB stack (:data:`ENGINE_STACK_BYTES`),
where these limits leave a wide margin.  Measured with pyoxigraph 0.5: stack use grows linearly with
the chain, ``1+1+...`` overflows 8 MiB at ~6,900 terms and 32 MiB at ~28,000 (so 256 MiB at about
220,000; the token limit allows 50,000), ``MINUS {...}`` groups at ~2,600 and ~10,500 (about 84,000;
the limit allows 16,000).  :func:`run_bounded` runs the engine on such a thread and waits
for it in small steps, so that Ctrl-C and a time limit stop the wait (``kg query``, the Python
query functions).

RDF/XML files are checked for entity declarations that would expand without bound (the
"billion laughs" file makes the parser allocate until the machine runs out of memory) or read
other files (:func:`check_rdf_file`).
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass

from kg.errors import QueryRefused, QueryTimeout

__all__ = ["MAX_DEPTH", "MAX_TOKENS", "ENGINE_STACK_BYTES", "MAX_ENTITY_EXPANSION", "QueryShape", "check_query",
           "check_rdf_file", "check_xml_entities", "run_bounded"]

MAX_DEPTH = 100
MAX_TOKENS = 100_000
ENGINE_STACK_BYTES = 256 * 1024 * 1024

# One alternative per token kind, tried in this order at each position (a regular, linear scan).
_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\r\n]|\\.)*'|"(?:[^"\\\r\n]|\\.)*")
  | (?P<var>[?$][^\s{}()\[\];,.<>"'=!&|+*/^?$#\\@-]*)
  | (?P<word>(?:[^\s{}()\[\];,<>"'=!&|+*/^?$#\\@]|\\.)+)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<punct>.)
    """,
    re.X | re.S,
)
_FORMS = {"select": "select", "construct": "graph", "describe": "graph", "ask": "ask"}
_UPDATES = {"insert", "delete", "load", "clear", "drop", "create", "add", "move", "copy", "with"}
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


@dataclass(frozen=True, slots=True)
class QueryShape:
    """What the check learnt: the query form (select, ask, graph for CONSTRUCT/DESCRIBE, update,
    or None when it cannot tell), the deepest nesting, the token count, whether it is federated."""

    form: str | None
    depth: int
    tokens: int
    federated: bool


def _is_service(word: str) -> bool:
    """Is the keyword SERVICE in this word?  A dot may end a triple (``1.SERVICE`` is ``1 . SERVICE``)
    unless a colon before it makes the word one prefixed name (``ex:my.service``)."""
    head, *rest = word.split(".")
    if head == "service":
        return True
    if ":" in head:
        return False
    for part in rest:
        if part == "service":
            return True
        if ":" in part:
            return False
    return False


def _decode_uchars(text: str) -> str:
    def char(m: re.Match) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF else ""

    return _UCHAR.sub(char, text)


def _scan(text: str) -> QueryShape:
    depth = max_depth = tokens = 0
    values_depth: int | None = None  # depth of the open VALUES data block, if any
    pending_values = federated = False
    form: str | None = None
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind in ("ws", "comment"):
            continue
        if kind == "open":
            depth += 1
            max_depth = max(max_depth, depth)
            if pending_values and m.group() == "{" and values_depth is None:
                values_depth, pending_values = depth, False
        elif kind == "close":
            if values_depth is not None and depth == values_depth and m.group() == "}":
                values_depth = None
            depth = max(depth - 1, 0)
        elif kind == "word":
            word = m.group().lower()
            if _is_service(word):
                federated = True
            elif word == "values":
                pending_values = True
            elif form is None and depth == 0 and (word in _FORMS or word in _UPDATES):
                form = _FORMS.get(word, "update")
        if values_depth is None:
            tokens += 1
    return QueryShape(form, max_depth, tokens, federated)


def check_query(text: str, *, allow_service: bool = False) -> QueryShape:
    """Refuse (:class:`~kg.errors.QueryRefused`) a query the engine must not see; else its shape.

    The text is also checked with ``\\u`` escapes decoded (SPARQL allows them anywhere), so an
    escaped keyword cannot slip through either."""
    shape = _scan(text)
    if _UCHAR.search(text):
        other = _scan(_decode_uchars(text))
        shape = QueryShape(shape.form or other.form, max(shape.depth, other.depth),
                           max(shape.tokens, other.tokens), shape.federated or other.federated)
    if shape.depth > MAX_DEPTH:
        raise QueryRefused(f"the query nests brackets {shape.depth} levels deep (the limit is {MAX_DEPTH}, "
                           f"so that it cannot overflow the engine's stack); write it with less nesting.")
    if shape.tokens > MAX_TOKENS:
        raise QueryRefused(f"the query is {shape.tokens:,} tokens long (the limit is {MAX_TOKENS:,}, "
                           f"so that it cannot overflow the engine's stack); split it into smaller queries "
                           f"(long VALUES blocks do not count).")
    if shape.federated and not allow_service:
        raise QueryRefused("the query uses SERVICE (a federated query: it would make this machine send requests "
                           "to other servers), which is refused by default; remove it, or allow it with "
                           "--allow-service (kg query, kg serve) if you trust whoever writes the queries.")
    return shape


# -- running within limits ------------------------------------------------------------------------
_STACK_LOCK = threading.Lock()


def run_bounded(fn, *, timeout: float | None = None, what: str = "the query"):
    """``fn()`` on a daemon thread with a large stack, waited for at most ``timeout`` seconds.

    Why a thread: Oxigraph evaluates without looking at Python signals, so Ctrl-C would wait for
    the end of a query that may never end (a cartesian COUNT); this thread keeps waiting in small
    steps, so Ctrl-C (KeyboardInterrupt) and the time limit (:class:`~kg.errors.QueryTimeout`)
    stop the wait at once.  The engine cannot be stopped: the abandoned thread ends with the
    process (the CLI exits right after).  The stack is :data:`kg.store.guard.ENGINE_STACK_BYTES`."""
    box: dict[str, object] = {}
    done = threading.Event()

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # handed to the waiting thread
            box["error"] = exc
        finally:
            done.set()

    with _STACK_LOCK:
        previous = threading.stack_size(ENGINE_STACK_BYTES)
        try:
            threading.Thread(target=target, name="newskg-query", daemon=True).start()
        finally:
            threading.stack_size(previous)
    deadline = None if timeout is None else time.monotonic() + timeout
    while not done.wait(0.05):
        if deadline is not None and time.monotonic() >= deadline:
            raise QueryTimeout(f"{what} ran longer than {timeout:g} s and was stopped; make it more selective "
                               f"(bind variables, add LIMIT) or allow more time with --timeout.")
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box.get("value")


# -- RDF files ------------------------------------------------------------------------------------
MAX_ENTITY_EXPANSION = 10_000_000  # characters that XML entity references may add to a file

_XML_SUFFIXES = {".rdf", ".xml", ".owl"}
_ENTITY_DECL = re.compile(r"""<!ENTITY\s+(%\s+)?([^\s%&;<>"']+)\s+(?:(SYSTEM|PUBLIC)\b|"([^"]*)"|'([^']*)')""")
_ENTITY_REF = re.compile(r"&([^\s&;#<>\"']+);")


def _xml_text(path) -> str:
    raw = path.read_bytes()
    for bom, codec in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"), (b"\xef\xbb\xbf", "utf-8-sig")):
        if raw.startswith(bom):
            return raw.decode(codec, "replace")
    return raw.decode("utf-8", "replace")


def check_xml_entities(path, text: str | None = None) -> None:
    """Refuse an XML file whose entity declarations would expand without bound ("billion laughs":
    ten entities of ten references each make 10^10 characters from 1 KB), or that declares external
    or parameter entities (which would read other files or fetch URLs).  Plain entities used as
    namespace abbreviations, as in many OWL files, pass."""
    from kg.errors import UnsafeRdfInput

    text = _xml_text(path) if text is None else text
    if "<!ENTITY" not in text:
        return
    values: dict[str, str] = {}
    for m in _ENTITY_DECL.finditer(text):
        what = "a parameter entity" if m.group(1) else "an external entity" if m.group(3) else None
        if what:
            raise UnsafeRdfInput(f"{path}: declares {what} ({m.group(2)!r}), which would make the parser read other "
                                 f"files or fetch URLs; refused. Remove the declaration (write the value in place).")
        values.setdefault(m.group(2), m.group(4) if m.group(4) is not None else m.group(5))
    sizes: dict[str, int] = {}

    def size(name: str, seen: tuple[str, ...]) -> int:
        if name in sizes:
            return sizes[name]
        if name in seen or len(seen) > 32:
            raise UnsafeRdfInput(f"{path}: the XML entity {name!r} refers to itself or nests more than 32 levels; "
                                 f"refused. Write the values in place instead of entities.")
        total = len(values[name])
        for ref in _ENTITY_REF.findall(values[name]):
            if ref in values:
                total += size(ref, (*seen, name))
                if total > MAX_ENTITY_EXPANSION:
                    break
        sizes[name] = total
        return total

    expansion = 0
    for ref in _ENTITY_REF.findall(text):
        if ref in values:
            expansion += size(ref, ())
            if expansion > MAX_ENTITY_EXPANSION:
                raise UnsafeRdfInput(
                    f"{path}: its XML entities expand to more than {MAX_ENTITY_EXPANSION:,} characters (an entity-"
                    f"expansion or \"billion laughs\" file); refused. Write the values in place instead of entities.")


def check_rdf_file(path) -> None:
    """Refuse an RDF file that is unsafe to give to a parser (see :func:`check_xml_entities`)."""
    from pathlib import Path

    path = Path(path)
    if path.suffix.lower() in _XML_SUFFIXES:
        check_xml_entities(path)
