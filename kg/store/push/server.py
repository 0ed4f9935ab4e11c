"""What ``kg push`` reads from and writes to the server, beyond the bytes of each graph.

Graphs on the server, under the data's base IRI (the same layout as the store)::

    <base>graph/<doc>          a document's facts and provenance
    <base>kg-entities/<doc>    that document's share of its entities' descriptions
    <base>kg/entities          descriptions merged over *every* document on the server
    <base>kg/facts             fact summaries over *every* document on the server (kg.export.facts)
    <base>kg-push/state        bookkeeping: which source pushed each document graph
                               (<graph> newskg:pushedBy "source") and which entities that source
                               still has to merge (<entity> newskg:mergePending "source")

The merged description of an entity is recomputed here, in Python, from every share the server
holds, with the store's own merge function, so a server fed by several stores describes an entity
exactly as one store holding all their documents would.  The fact summaries are recomputed the
same way, from every document graph under the base IRI on the server, with the store's own function
(:func:`kg.store.facts.fact_triples`), and the graph is replaced as a whole.  Writes of bookkeeping
and merged descriptions use SPARQL Update; reads use the query endpoint.
"""

from __future__ import annotations

import time
import urllib.parse
from typing import Callable, Iterable, Iterator, Sequence

import pyoxigraph as ox

from kg.errors import PushError
from kg.export.dataset import document_entities_graph_iri, document_graph_iri, entity_graph_iri, facts_graph_iri
from kg.export.rdf import mint_iri
from kg.store.push.source import GraphData, PushDocument
from kg.store.push.target import Target, safe_url
from kg.store.push.transport import exchange
from kg.vocab import KG_NS

__all__ = ["Server", "state_graph_iri"]

_PUSHED_BY = ox.NamedNode("urn:newskg:pushedBy")
_MERGE_PENDING = ox.NamedNode("urn:newskg:mergePending")
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_DC_IDENTIFIER = ox.NamedNode("http://purl.org/dc/terms/identifier")
_KG_DOCUMENT = ox.NamedNode(KG_NS + "Document")
_UPDATE = {"Content-Type": "application/sparql-update; charset=utf-8"}
BATCH = 200  # IRIs per VALUES block or bookkeeping update


def state_graph_iri(base: str) -> str:
    """Name of the server-side bookkeeping graph of ``kg push``."""
    return str(mint_iri(base, "kg-push", "state"))


def _chunks(items: Iterable, size: int = BATCH) -> Iterator[list]:
    items = sorted(items)
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _values(var: str, iris: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ {' '.join(str(ox.NamedNode(i)) for i in iris)} }}"


def _prefix(iri: str) -> str:
    """``iri`` minus its last path segment ('x'), as an escaped SPARQL string for STRSTARTS."""
    return str(ox.Literal(iri[: -len("x")]))


def _data(graph: str, triples: Sequence[ox.Triple]) -> str:
    """``GRAPH <g> { ... }`` with the triples written by pyoxigraph (escaped), or '' if none."""
    if not triples:
        return ""
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    return f"GRAPH {ox.NamedNode(graph)} {{\n{body}}}"


class Server:
    """One server as seen by a push of data under ``base`` by ``source``."""

    def __init__(self, target: Target, base: str, source: str, *, sleep: Callable[[float], None] = time.sleep) -> None:
        self.target, self.base, self.sleep = target, base, sleep
        self.source = ox.Literal(source)
        self.state = state_graph_iri(base)
        self.merged = str(entity_graph_iri(base))
        self.facts = str(facts_graph_iri(base))
        self._doc_prefix = _prefix(str(document_graph_iri(base, "x")))
        self._share_prefix = _prefix(str(document_entities_graph_iri(base, "x")))

    # -- the two SPARQL operations --------------------------------------------------------------
    def select(self, query: str) -> list[ox.QuerySolution]:
        t = self.target
        body = urllib.parse.urlencode({"query": query}).encode("ascii")
        answer = exchange(t, "POST", t.endpoint, role="--endpoint", body=body, query=True, sleep=self.sleep,
                          headers={"Content-Type": "application/x-www-form-urlencoded",
                                   "Accept": "application/sparql-results+json"})
        try:
            return list(ox.parse_query_results(answer.body, format=ox.QueryResultsFormat.JSON))
        except (SyntaxError, ValueError, TypeError) as exc:
            raise PushError(f"{safe_url(t.endpoint)} did not answer with SPARQL JSON results ({str(exc)[:200]}); "
                            f"is --endpoint the server's SPARQL query endpoint?") from None

    def update(self, text: str) -> int:
        t = self.target
        return exchange(t, "POST", t.update_endpoint, role="--update-endpoint", body=text.encode("utf-8"),
                        headers=_UPDATE, sleep=self.sleep).attempts

    # -- document graphs ------------------------------------------------------------------------
    def _put(self, data: GraphData) -> int:
        url = self.target.graph_store
        sep = "&" if urllib.parse.urlsplit(url).query else "?"
        return exchange(self.target, "PUT", url + sep + urllib.parse.urlencode({"graph": data.graph}),
                        role="--graph-store", body=data.ntriples, sleep=self.sleep,
                        headers={"Content-Type": "text/turtle; charset=utf-8"}).attempts

    def replace_graphs(self, *graphs: GraphData) -> int:
        """Replace each graph as a whole (PUT, or one update for all); returns the attempts of the slowest request."""
        if self.target.protocol == "gsp":
            return max(self._put(data) for data in graphs)
        ops = []
        for data in graphs:
            g = ox.NamedNode(data.graph)
            ops.append(f"DROP SILENT GRAPH {g}")
            if data.ntriples:
                ops.append(f"INSERT DATA {{ GRAPH {g} {{\n{data.ntriples.decode('utf-8')}}} }}")
        return self.update(" ;\n".join(ops))

    def write_document(self, doc: PushDocument) -> int:
        """Replace the document's graph and entity share; returns the attempts of the slowest request."""
        return self.replace_graphs(doc.facts, doc.share)

    def drop_documents(self, graphs: dict[str, str | None]) -> None:
        """Delete document graphs (graph -> doc id), their shares and their owner records."""
        for batch in _chunks(graphs):
            names = batch + [str(document_entities_graph_iri(self.base, graphs[g])) for g in batch if graphs[g] is not None]
            ops = [f"DROP SILENT GRAPH {ox.NamedNode(g)}" for g in names]
            ops.append(self._forget_owners(batch))
            self.update(" ;\n".join(ops))

    # -- bookkeeping ----------------------------------------------------------------------------
    def documents(self, *, mine: bool) -> dict[str, str | None]:
        """Document graphs under the base (graph -> doc id): this source's, or all of them."""
        if mine:
            where = (f"GRAPH {ox.NamedNode(self.state)} {{ ?g {_PUSHED_BY} {self.source} }} "
                     f"OPTIONAL {{ GRAPH ?g {{ ?d {_RDF_TYPE} {_KG_DOCUMENT} ; {_DC_IDENTIFIER} ?id }} }}")
        else:
            where = (f"GRAPH ?g {{ ?d {_RDF_TYPE} {_KG_DOCUMENT} ; {_DC_IDENTIFIER} ?id }} "
                     f"FILTER(STRSTARTS(STR(?g), {self._doc_prefix}))")
        out: dict[str, str | None] = {}
        for row in self.select(f"SELECT ?g ?id WHERE {{ {where} }}"):
            if isinstance(row["g"], ox.NamedNode):
                ident = row["id"]
                out[row["g"].value] = ident.value if ident is not None else out.get(row["g"].value)
        return out

    def count_documents(self) -> int:
        rows = self.select(f"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?d {_RDF_TYPE} {_KG_DOCUMENT} }} "
                           f"FILTER(STRSTARTS(STR(?g), {self._doc_prefix})) }}")
        return int(rows[0]["n"].value) if rows and rows[0]["n"] is not None else 0

    def pending(self) -> set[str]:
        state = ox.NamedNode(self.state)
        rows = self.select(f"SELECT ?e WHERE {{ GRAPH {state} {{ ?e {_MERGE_PENDING} {self.source} }} }}")
        return {r["e"].value for r in rows if isinstance(r["e"], ox.NamedNode)}

    def described(self, share_graphs: Iterable[str]) -> set[str]:
        """Entities the server's copies of these share graphs describe."""
        out: set[str] = set()
        for batch in _chunks(share_graphs):
            rows = self.select(f"SELECT DISTINCT ?s WHERE {{ {_values('g', batch)} GRAPH ?g {{ ?s ?p ?o }} }}")
            out |= {r["s"].value for r in rows if isinstance(r["s"], ox.NamedNode)}
        return out

    def mark_pending(self, entities: Iterable[str]) -> None:
        for batch in _chunks(entities):
            triples = [ox.Triple(ox.NamedNode(e), _MERGE_PENDING, self.source) for e in batch]
            self.update(f"INSERT DATA {{ {_data(self.state, triples)} }}")

    def _forget_owners(self, graphs: Sequence[str]) -> str:
        return (f"DELETE {{ GRAPH {ox.NamedNode(self.state)} {{ ?g {_PUSHED_BY} ?who }} }} "
                f"WHERE {{ {_values('g', graphs)} GRAPH {ox.NamedNode(self.state)} {{ ?g {_PUSHED_BY} ?who }} }}")

    def record_owner(self, graphs: Iterable[str]) -> None:
        """This source now owns these document graphs (whoever pushed them before)."""
        for batch in _chunks(graphs):
            triples = [ox.Triple(ox.NamedNode(g), _PUSHED_BY, self.source) for g in batch]
            self.update(f"{self._forget_owners(batch)} ;\nINSERT DATA {{ {_data(self.state, triples)} }}")

    # -- merged entity descriptions -------------------------------------------------------------
    def _shares(self, entities: Sequence[str]) -> dict[ox.NamedNode, dict[str, dict[str, list]]]:
        """entity -> share graph -> predicate IRI -> objects, as the server holds them."""
        rows = self.select(f"SELECT ?g ?s ?p ?o WHERE {{ {_values('s', entities)} GRAPH ?g {{ ?s ?p ?o }} "
                           f"FILTER(STRSTARTS(STR(?g), {self._share_prefix})) }}")
        out: dict[ox.NamedNode, dict[str, dict[str, list]]] = {}
        for r in rows:
            out.setdefault(r["s"], {}).setdefault(r["g"].value, {}).setdefault(r["p"].value, []).append(r["o"])
        return out

    def merge(self, entities: Iterable[str]) -> int:
        """Rewrite the merged descriptions of ``entities`` from every share on the server; clear
        this source's pending marks for them.  Returns how many were rewritten."""
        from kg.store.merge import merge_entity  # the store's merge: same result on the server

        count = 0
        merged = ox.NamedNode(self.merged)
        for batch in _chunks(entities):
            shares = self._shares(batch)
            fresh = [t for e in batch for t in merge_entity(ox.NamedNode(e), shares.get(ox.NamedNode(e), {}))]
            done = [ox.Triple(ox.NamedNode(e), _MERGE_PENDING, self.source) for e in batch]
            ops = [f"DELETE {{ GRAPH {merged} {{ ?s ?p ?o }} }} "
                   f"WHERE {{ {_values('s', batch)} GRAPH {merged} {{ ?s ?p ?o }} }}"]
            if fresh:
                ops.append(f"INSERT DATA {{ {_data(self.merged, fresh)} }}")
            ops.append(f"DELETE DATA {{ {_data(self.state, done)} }}")
            self.update(" ;\n".join(ops))
            count += len(batch)
        return count

    # -- fact summaries -------------------------------------------------------------------------
    def fact_summaries(self) -> GraphData:
        """The summary graph of every document graph under the base on the server, as the store computes
        its own (:func:`kg.store.facts.fact_triples`)."""
        from kg.store.facts import documents_query, fact_triples, statements_query

        prefix = str(document_graph_iri(self.base, "x"))[: -len("x")]
        statements = self.select(statements_query(prefix))
        documents = self.select(documents_query(prefix))
        return GraphData.of(self.facts, fact_triples(statements, documents, self.base))

    def replace_fact_summaries(self) -> int:
        """Recompute the fact summaries and replace the server's graph with them; returns how many triples."""
        data = self.fact_summaries()
        self.replace_graphs(data)
        return data.triples
