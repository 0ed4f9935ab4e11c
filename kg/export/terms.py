"""IRIs and RDF terms: the one IRI minter (:func:`mint_iri`) and the term families that let one
triple generator write rdflib or pyoxigraph terms.  Re-exported by :mod:`kg.export.rdf`."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any, Callable

from rdflib import XSD, Literal, Namespace, URIRef

from kg.model import Evidence
from kg.resources import Resources
from kg.vocab import KG_NS

__all__ = ["DEFAULT_BASE", "validate_base", "mint_iri", "entity_iri", "document_iri", "statement_iri", "fact_iri", "property_iri",
           "class_iri", "TermFamily", "RDFLIB_TERMS", "oxigraph_terms"]

DEFAULT_BASE = "https://example.org/newskg/"
_SLUG_RE = re.compile(r"[^a-z0-9]+")
_BASE_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`\x00-\x1f\x7f-\x9f]*[/#]$")


def validate_base(base: str) -> str:
    """A base IRI must be absolute and end with '/' or '#'."""
    if not _BASE_RE.match(base):
        raise ValueError(
            f"--base {base!r} is not an absolute IRI ending in '/' or '#'; "
            f"use something like {DEFAULT_BASE!r}."
        )
    return base


def _slug(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SLUG_RE.sub("-", ascii_.lower()).strip("-")[:80].strip("-")


@lru_cache(maxsize=1 << 16)
def mint_iri(base: str, kind: str, key: str) -> URIRef:
    """The one IRI-minting function: ``<base><kind>/<slug>``.

    The slug is readable ASCII; when it does not identify ``key`` exactly (non-ASCII letters,
    punctuation, length) a short hash of ``key`` is appended, so different keys never collide
    and the same key always gives the same IRI.
    """
    slug = _slug(key)
    if not slug or slug != key:
        digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        slug = f"{slug}-{digest}" if slug else digest
    # A kind is a fixed lower-case word in practice; any other is hashed too, so that two
    # different kinds never share a path segment.
    family = _slug(kind) or "x"
    if family != kind:
        family = f"{family}-{hashlib.sha1(kind.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"
    return Namespace(validate_base(base))[f"{family}/{slug}"]


def entity_iri(base: str, key: str) -> URIRef:
    family, _, rest = key.partition("/")
    return mint_iri(base, family, rest or key)


def document_iri(base: str, doc_id: str) -> URIRef:
    return mint_iri(base, "doc", doc_id)


def statement_iri(base: str, fact: tuple[str, str, str], ev: Evidence) -> URIRef:
    ident = "\x1f".join((*fact, ev.doc_id, str(ev.start), str(ev.end), ev.rule, ev.modality))
    return mint_iri(base, "statement", hashlib.sha1(ident.encode("utf-8", "surrogatepass")).hexdigest()[:16])


def fact_iri(base: str, s: str, p: str, o: str) -> URIRef:
    """The IRI of the summary node of one (subject, property, object) triple of IRIs (kg.export.facts)."""
    key = "\x1f".join((s, p, o)).encode("utf-8", "surrogatepass")
    return mint_iri(base, "fact", hashlib.sha1(key).hexdigest()[:16])


def occurrence_iri(base: str, s: str, p: str, o: str, start: str, end: str) -> URIRef:
    """The IRI of one occurrence (kg.export.occurrences) of a triple of IRIs, from its time span."""
    key = "\x1f".join((s, p, o, start, end)).encode("utf-8", "surrogatepass")
    return mint_iri(base, "occurrence", hashlib.sha1(key).hexdigest()[:16])


def property_iri(name: str, res: Resources) -> URIRef:
    if name not in res.ontology.properties:
        raise KeyError(f"kg:{name} is not a relation property of the ontology")
    return URIRef(KG_NS + name)


def class_iri(name: str, res: Resources) -> URIRef:
    if name not in res.ontology.classes:
        raise KeyError(f"kg:{name} is not a class of the ontology")
    return URIRef(KG_NS + name)


@dataclass(frozen=True)
class TermFamily:
    """How :func:`iter_triples` makes RDF terms, so one generator serves rdflib and pyoxigraph.

    The vocabulary stays written once (in :func:`iter_triples`); a family only says how an IRI,
    a plain string, an ``xsd:integer``, an ``xsd:decimal`` and an ``xsd:anyURI`` literal are made.
    Both families give the same lexical forms, so the two outputs are the same RDF (tested)."""

    name: str
    iri: Callable[[str], Any]
    string: Callable[[str], Any]
    integer: Callable[[int], Any]
    decimal: Callable[[float], Any]
    anyuri: Callable[[str], Any]
    date: Callable[[str], Any]  # an xsd:date literal from an ISO date


def decimal_lexical(value: float) -> str:
    """The canonical lexical form of an ``xsd:decimal`` (no exponent, no trailing zeros, no
    trailing point), the form the store keeps: pyoxigraph stores ``"1.0"`` as ``"1"``, so a
    non-canonical form would make the store's quads differ from the model's.

    >>> [decimal_lexical(v) for v in (1.0, 0.5, 0.85, 1e-7, 0.0, 0.30000000000000004)]
    ['1', '0.5', '0.85', '0.0000001', '0', '0.30000000000000004']
    """
    text = format(Decimal(str(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _rdflib_iri(value: str) -> URIRef:
    return value if type(value) is URIRef else URIRef(value)


RDFLIB_TERMS = TermFamily(
    "rdflib", _rdflib_iri, Literal, Literal, lambda c: Literal(decimal_lexical(c), datatype=XSD.decimal),
    lambda s: Literal(s, datatype=XSD.anyURI), lambda s: Literal(s, datatype=XSD.date),
)


@lru_cache(maxsize=1)
def oxigraph_terms() -> TermFamily:
    """pyoxigraph terms: the store writes them without going through rdflib (much faster)."""
    import pyoxigraph as ox

    integer, decimal, anyuri, date = (ox.NamedNode(str(t)) for t in (XSD.integer, XSD.decimal, XSD.anyURI, XSD.date))
    iri = lru_cache(maxsize=1 << 17)(lambda value: ox.NamedNode(str(value)))
    return TermFamily(
        "oxigraph", iri, ox.Literal, lambda n: ox.Literal(str(n), datatype=integer),
        lambda c: ox.Literal(decimal_lexical(c), datatype=decimal), lambda s: ox.Literal(s, datatype=anyuri),
        lambda s: ox.Literal(s, datatype=date),
    )
