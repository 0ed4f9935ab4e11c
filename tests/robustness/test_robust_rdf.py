"""Hostile text never breaks the exports: IRIs are valid, Turtle/N-Triples round-trip, the page is inert."""

from __future__ import annotations

import io
import json
import re

import pyoxigraph as ox
import pytest
import rdflib
from hostile import HOSTILE, make_graph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from kg.export.formats import serialize
from kg.export.rdf import DEFAULT_BASE, entity_iri, mint_iri, to_rdf

# Any code point, lone surrogates included (hypothesis leaves them out by default).
ANY_CHAR = st.characters(exclude_categories=())
ANY_TEXT = st.text(ANY_CHAR, max_size=40) | st.sampled_from(HOSTILE)
NO_SURROGATE = st.text(st.characters(exclude_categories=("Cs",)), max_size=40) | st.sampled_from(
    [h for h in HOSTILE if not re.search("[\ud800-\udfff]", h)])
KINDS = st.sampled_from(["person", "org", "country", "city", "doc", "statement", "graph"]) | st.text(ANY_CHAR, max_size=8)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def valid_iri(iri) -> None:
    ox.NamedNode(str(iri))                                  # raises ValueError on an invalid IRI
    rdflib.Graph().parse(data=f"<{iri}> <{iri}> <{iri}> .\n", format="nt")


@FAST
@given(kind=KINDS, key=ANY_TEXT)
def test_mint_iri_is_valid_and_deterministic(kind, key):
    iri = mint_iri(DEFAULT_BASE, kind, key)
    valid_iri(iri)
    assert iri == mint_iri(DEFAULT_BASE, kind, key)
    assert str(iri).startswith(DEFAULT_BASE) and str(iri).count("/") == DEFAULT_BASE.count("/") + 1


@FAST
@given(pairs=st.lists(st.tuples(KINDS, ANY_TEXT), min_size=2, max_size=30, unique=True))
def test_mint_iri_is_injective(pairs):
    iris = {mint_iri(DEFAULT_BASE, kind, key) for kind, key in pairs}
    assert len(iris) == len(pairs)


def test_mint_iri_near_collisions():
    keys = ["jane-doe", "Jane Doe", "jane doe", "jane_doe", "jane--doe", "jane-doe-", "-jane-doe", "JANE-DOE",
            "jane-doe\u0301", "jane-d\u00f6e", "jane-doe/x", "jane\u202edoe", "jane-doe\ud800", ""]
    assert len({mint_iri(DEFAULT_BASE, "person", k) for k in keys}) == len(keys)
    assert len({mint_iri(DEFAULT_BASE, k, "x") for k in ["per son", "per-son", "Per-son", "person"]}) == 4
    assert entity_iri(DEFAULT_BASE, "person/jane-doe") == mint_iri(DEFAULT_BASE, "person", "jane-doe")


def roundtrip(kg) -> None:
    g = to_rdf(kg)
    for fmt in ("turtle", "nt"):
        data = g.serialize(format=fmt)
        back = rdflib.Graph().parse(data=data, format=fmt)
        assert isomorphic(back, g), fmt
    ttl = g.serialize(format="turtle").encode("utf-8")
    ox_triples = list(ox.parse(ttl, format=ox.RdfFormat.TURTLE))
    assert len(ox_triples) == len(g)
    nt = g.serialize(format="nt").encode("utf-8")
    assert set(map(str, ox.parse(nt, format=ox.RdfFormat.N_TRIPLES))) == set(map(str, ox_triples))


@SLOW
@given(names=st.lists(ANY_TEXT, min_size=2, max_size=4, unique=True), sentences=st.lists(ANY_TEXT, min_size=1, max_size=3),
       doc_id=ANY_TEXT, title=ANY_TEXT)
def test_turtle_and_ntriples_round_trip_arbitrary_text(names, sentences, doc_id, title):
    roundtrip(make_graph(names, sentences, doc_id=doc_id or "d", title=title or None, url=title or None))


def test_turtle_round_trip_of_the_hostile_catalogue():
    roundtrip(make_graph(HOSTILE, HOSTILE, doc_id="d\x01\u202e<x>\ud800", title='t"\n\x02'))


def _line_sort_splits_inside_literals() -> bool:
    import kg.export.formats as formats

    sort = getattr(formats, "_sorted_lines", None)
    return sort is not None and sort('<a> <b> "x\u2028y" .\n'.encode("utf-8")).count(b"\n") > 1


_LINE_SORT = pytest.mark.xfail(
    _line_sort_splits_inside_literals(), strict=True,
    reason="open: kg/formats.py _sorted_lines uses str.splitlines(), which also splits at U+2028/U+2029/"
           "U+0085 inside literals; split on '\\n' only")


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
@pytest.mark.parametrize("fmt,ox_fmt", [
    ("turtle", ox.RdfFormat.TURTLE), pytest.param("ntriples", ox.RdfFormat.N_TRIPLES, marks=_LINE_SORT),
    pytest.param("nquads", ox.RdfFormat.N_QUADS, marks=_LINE_SORT), ("trig", ox.RdfFormat.TRIG)])
def test_every_export_format_parses_back(engine, fmt, ox_fmt):
    kg = make_graph(HOSTILE, HOSTILE, doc_id="d\x01<x>", title="t\x02")
    data = serialize(kg, fmt, engine=engine)
    data.decode("utf-8")
    quads = list(ox.parse(data, format=ox_fmt))
    assert len(quads) > 100
    if fmt in ("turtle", "ntriples"):
        back = rdflib.Graph().parse(data=data, format="nt" if fmt == "ntriples" else fmt)
        assert isomorphic(back, to_rdf(kg))


# -- the HTML page (kg.export.viz.render_html) ---------------------------------------------------------
_C0 = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_OTHER_CONTROLS = re.compile(r"[\x7f-\x9f\ud800-\udfff]")


def page_of(names, sentences, **kw) -> str:
    from kg.export.viz import render_html

    return render_html(make_graph(names, sentences, **kw))


def script_tags(page: str) -> int:
    return len(re.findall(r"<\s*/?\s*script", page, re.IGNORECASE))


def check_page(page: str, names: list[str]) -> None:
    plain = page_of([f"n{i}" for i in range(len(names))], ["s"])
    assert script_tags(page) == script_tags(plain)          # no <script or </script from data
    assert not _C0.search(page)
    assert "<!--" not in page.replace("<!--", "", plain.count("<!--"))
    data = re.search(r'<script type="application/json" id="newskg-data">(.*?)</script>', page, re.S).group(1)
    json.loads(data)


@SLOW
@given(names=st.lists(NO_SURROGATE, min_size=2, max_size=4, unique=True), sentences=st.lists(NO_SURROGATE, min_size=1, max_size=3))
def test_html_page_is_inert_for_arbitrary_text(names, sentences):
    check_page(page_of(names, sentences), names)


def test_html_page_is_inert_for_the_hostile_catalogue():
    names = [h for h in HOSTILE if not _OTHER_CONTROLS.search(h)]
    check_page(page_of(names, names, doc_id="<script>x</script>", title="</script>"), names)


def test_html_page_with_del_c1_and_surrogates():
    page = page_of(HOSTILE, HOSTILE)
    page.encode("utf-8")
    assert not _OTHER_CONTROLS.search(page)


def test_graphml_with_control_characters():
    import networkx as nx

    from kg.export.networkx import graphml_bytes, to_networkx

    nx.read_graphml(io.BytesIO(graphml_bytes(to_networkx(make_graph(HOSTILE, HOSTILE)))))
