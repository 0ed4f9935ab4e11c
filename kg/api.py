"""The Python API: texts in, a knowledge graph you can query, draw and export.

One call takes plain strings, dicts (``{"id", "text", "title"?, "date"?, "url"?, "source"?}``, as
in JSONL input) or :class:`~kg.model.Document` objects, loads the default spaCy pipeline and the
ontology once per process, and returns a :class:`Result`:

>>> import kg
>>> result = kg.build(["Japan, a key US ally, said it would raise its defence budget."])
>>> result.stats["documents"]
1
>>> sorted(e.name for e in result.entities)[:2]
['Japan', 'United States']
>>> ("Japan", "allyOf", "United States") in result.facts()
True
>>> rows = result.query("SELECT ?name ?o WHERE { ?s kg:allyOf ?o ; rdfs:label ?name }", name="Japan")
>>> [row["o"] for row in rows]
['https://example.org/newskg/country/usa']

``result.to_rdf()`` (an rdflib Graph with provenance), ``result.to_networkx()``,
``result.to_html(path)``, ``result.to_pyvis()`` (a filled ``pyvis.network.Network``) and
``result.save(folder)`` (what ``kg build`` writes, store included) give the outputs.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence, Union

from kg.export.rdf import DEFAULT_BASE, entity_iri, validate_base
from kg.model import Document, KnowledgeGraph
from kg.resources import Resources, load_resources

log = logging.getLogger(__name__)

__all__ = ["build", "Result", "as_documents"]

Input = Union[str, Mapping[str, Any], Document]
_FIELDS = ("title", "date", "url", "source")


def as_documents(items: Iterable[Input] | Input) -> Iterator[Document]:
    """Documents from strings, dicts or Documents; a string or dict alone is one document.

    A text without an id gets ``text-`` and a digest of the text, so the same text gets the same
    id in every run.

    >>> [d.id for d in as_documents(["Some text.", {"id": "a1", "text": "More."}])]
    ['text-13b4c5aecd1b', 'a1']
    """
    if isinstance(items, (str, Mapping, Document)):
        items = [items]
    for n, item in enumerate(items):
        if isinstance(item, Document):
            yield item
        elif isinstance(item, str):
            yield Document(id=_text_id(item), text=item)
        elif isinstance(item, Mapping):
            text = item.get("text")
            if not isinstance(text, str):
                raise TypeError(f"input {n}: a dict needs a 'text' string (got keys {sorted(item)[:5]}); "
                                "pass {'id': ..., 'text': ...}")
            yield Document(id=str(item.get("id") or _text_id(text)), text=text,
                           **{k: (None if item.get(k) is None else str(item[k])) for k in _FIELDS})
        else:
            raise TypeError(f"input {n}: expected a string, a dict with 'text' or a kg.Document, "
                            f"got {type(item).__name__}")


def _text_id(text: str) -> str:
    return "text-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


@lru_cache(maxsize=4)
def _pipeline(name: str | None):
    from kg.nlp.model import load_pipeline

    return load_pipeline(name)


def build(
    inputs: Iterable[Input] | Input,
    *,
    model: str | None = None,
    nlp=None,
    resources: Resources | None = None,
    base: str = DEFAULT_BASE,
    store: str | Path | None = None,
    workers: int = 1,
    batch_size: int = 32,
) -> "Result":
    """Build a knowledge graph from texts (see the module docstring for an example).

    * ``model``: an installed spaCy pipeline's name or folder (default: the one ``kg build``
      uses); loaded once per process.  ``nlp``: an already loaded pipeline instead.
    * ``store``: also add the documents to the store in this folder (created if missing), as
      ``kg build`` does; the result keeps the store report in ``result.store_report``.
    * ``workers``: worker processes for parsing and extraction.
    """
    from kg.builder import build as build_graph

    validate_base(base)
    res = resources or load_resources()
    nlp = nlp if nlp is not None else _pipeline(model)
    doc_entities: dict = {}

    def keep(result) -> None:
        if result.error is None:
            doc_entities[result.document.id] = result.entities
        else:
            log.warning("document %s: extraction failed (%s); skipped", result.document.id, result.error)

    graph = build_graph(as_documents(inputs), nlp=nlp, resources=res, batch_size=batch_size,
                        n_process=workers, on_document=keep)
    report = None
    if store is not None:
        from kg.store.update import update_store

        report = update_store(Path(store), graph, base=base, resources=res, doc_entities=doc_entities)
    return Result(graph=graph, resources=res, base=base, store_report=report)


@dataclass
class Result:
    """A built graph and the ways to use it; ``graph`` is the :class:`~kg.model.KnowledgeGraph`."""

    graph: KnowledgeGraph
    resources: Resources
    base: str = DEFAULT_BASE
    store_report: Any = None

    @property
    def stats(self) -> dict[str, int]:
        """Documents, entities, relations (asserted facts) and statements (pieces of evidence)."""
        return self.graph.stats()

    @property
    def entities(self) -> list:
        """The entities, sorted by key (each has ``name``, ``cls``, ``aliases``, ``docs``)."""
        return self.graph.sorted_entities()

    def facts(self, *, include_hedged: bool = False) -> list[tuple[str, str, str]]:
        """(subject name, property, object name) of each fact, sorted; asserted facts only by default."""
        names = {e.key: e.name for e in self.graph.entities.values()}
        return sorted((names.get(s, s), p, names.get(o, o)) for (s, p, o) in self.graph.facts
                      if include_hedged or self.graph.is_asserted((s, p, o)))

    def to_rdf(self):
        """An rdflib Graph: entities, facts and one rdf:Statement per piece of evidence."""
        from kg.export.rdf import to_rdf

        return to_rdf(self.graph, base=self.base, resources=self.resources)

    def to_turtle(self) -> str:
        """The Turtle ``kg build`` writes for these documents alone (same input, same bytes)."""
        from kg.export.formats import serialize

        return serialize(self.graph, "turtle", base=self.base, resources=self.resources).decode("utf-8")

    def to_networkx(self, *, include_hedged: bool = True):
        """A networkx MultiDiGraph: nodes are entity IRIs, edges keyed by property."""
        from kg.export.networkx import to_networkx

        return to_networkx(self.graph, base=self.base, include_hedged=include_hedged)

    def to_html(self, path: str | Path | None = None, **options) -> str:
        """The offline page (options as :func:`kg.export.viz.render_html`); written to ``path`` if given."""
        from kg.export.viz import render_html
        from kg.export.write import write_atomic

        page = render_html(self.graph, iri_of=lambda key: str(entity_iri(self.base, key)), **options)
        if path is not None:
            write_atomic(Path(path), page)
        return page

    def to_pyvis(self, **network_options):
        """A ``pyvis.network.Network`` with every entity and fact (filled directly, in linear time).

        Its own ``show()``/``write_html()`` use pyvis's templates, which load vis-network from a
        CDN: use :meth:`to_html` for a page that works offline."""
        from pyvis.network import Network

        net = Network(directed=True, **({"notebook": False} | network_options))
        g = self.to_networkx()
        for node, data in g.nodes(data=True):
            net.nodes.append({"id": node, "label": data["label"], "title": f"{data['label']} ({data['type']})",
                              "group": data["type"], "shape": "dot", "size": 10})
        net.node_ids = [n["id"] for n in net.nodes]
        net.node_map = {n["id"]: n for n in net.nodes}
        for s, o, data in g.edges(data=True):
            net.edges.append({"from": s, "to": o, "label": data["property"], "title": data["sentence"],
                              "arrows": "to", "dashes": data["modality"] != "asserted"})
        return net

    def query(self, sparql: str, **bindings: str) -> list[dict[str, str | None]] | bool | Any:
        """Run SPARQL on this graph (prefixes ``kg:``, ``rdf:``, ``rdfs:``... are declared).

        SELECT gives a list of {variable: value as text}; ASK a bool; CONSTRUCT an rdflib Graph.
        ``bindings`` bind variables to values (``name="Japan"``), never pasted into the text."""
        return _query(self.to_turtle(), sparql, bindings, self.base)

    def save(self, out_dir: str | Path = "output", *, store: bool = True, formats: Sequence[str] = (),
             html: bool = True, **page_options) -> list[Path]:
        """Write what ``kg build`` writes into ``out_dir`` (store, graph.ttl, GraphML, page); returns the paths."""
        from kg.store.outputs import write_outputs

        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        written, report = write_outputs(self.graph, out, base=self.base, resources=self.resources,
                                        formats=tuple(formats), store=store, html=html, **page_options)
        self.store_report = report or self.store_report
        return written


def _query(turtle: str, sparql: str, bindings: Mapping[str, str], base: str):
    import pyoxigraph as ox
    import rdflib

    from kg.store.query import run_query

    store = ox.Store()
    store.load(turtle.encode("utf-8"), ox.RdfFormat.TURTLE)
    result = run_query(store, sparql, bindings=[f"{k}={v}" for k, v in bindings.items()], base=base)
    if result.kind == "ask":
        return bool(result.boolean)
    if result.kind == "graph":
        return rdflib.Graph().parse(data=ox.serialize(result.triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    return [dict(zip(result.variables, (None if term is None else term.value for term in row))) for row in result.rows]
