"""Corpus resolution over the store's accumulated documents.

Documents reach a store over several builds; which entities are one can change when a later
document brings the full name ("Blair" in build 1, "Tony Blair" in build 3).  So the store keeps,
for every document, its extraction as it came (before corpus resolution) and the keys, names and
classes resolution gave its entities last time, in a bookkeeping graph queries do not see::

    urn:newskg:corpus   <doc IRI> urn:newskg:extraction  "<JSON: entities and relations, deflated, base64>"
                        <doc IRI> urn:newskg:resolved    "<JSON: key -> [entity key, name, class, wikidata]>"
                        urn:newskg:corpus urn:newskg:aliases "<JSON: the alias table in force>"

Each build (:func:`accumulate`, called by :func:`kg.store.update.update_store` before it
writes) resolves the stored documents and the new ones together, exactly as one build of all of
them would (:func:`kg.extract.resolve.corpus.resolve_corpus` depends only on the set of documents),
and hands the store the new documents plus every stored document whose entities resolve
differently now: those are rewritten like replaced documents, so the store holds the same
entities and IRIs as one build of everything.  :func:`finish` (after the writes) records what was
applied and writes ``owl:sameAs`` / ``kg:mergeRule`` for every merged IRI into the entity graph.

The alias table in force is the one of the last build that passed ``--aliases``; a build without
it uses the stored one.  A document stored before these records existed is left as it is (rebuild
it to resolve its entities with the rest).  A crash between the writes and :func:`finish` is
harmless: a document without an up-to-date record is resolved and rewritten again next time.
"""

from __future__ import annotations

import base64
import json
import logging
import zlib
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.export.dataset import entity_graph_iri
from kg.export.rdf import document_iri, iter_redirects, oxigraph_terms
from kg.extract.resolve.corpus import AliasEntry, AliasTable, CorpusResolution, resolve_corpus
from kg.model import DocResult, Document, Entity, Evidence, KnowledgeGraph, Relation
from kg.resources import Resources
from kg.store.view import view_changes
from kg.vocab import KG

log = logging.getLogger(__name__)

__all__ = ["BOOKKEEPING", "Pending", "accumulate", "finish", "encode_result", "decode_result", "read_records",
           "stored_model"]

BOOKKEEPING = ox.NamedNode("urn:newskg:corpus")
_EXTRACTION = ox.NamedNode("urn:newskg:extraction")
_RESOLVED = ox.NamedNode("urn:newskg:resolved")
_ALIASES = ox.NamedNode("urn:newskg:aliases")
_SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
_MERGE_RULE = ox.NamedNode(str(KG.mergeRule))


# -- records -----------------------------------------------------------------------------------------
def encode_result(result: DocResult) -> str:
    """A document's extraction as compact JSON, deflated and base64-encoded (a short literal with
    nothing to escape); :func:`decode_result` reads it back exactly."""
    d = result.document
    return _pack({
        "document": [d.id, d.title, d.date, d.url, d.source],
        "entities": [[e.key, e.cls, e.name, sorted(e.aliases), e.mentions, e.wikidata, sorted(e.job_titles)]
                     for e in result.entities],
        "relations": [[r.subject, r.predicate, r.object, r.evidence.doc_id, r.evidence.sentence, r.evidence.start,
                       r.evidence.end, r.evidence.rule, r.evidence.confidence, r.evidence.modality,
                       *_time_fields(r.evidence)]
                      for r in result.relations],
    })


def _time_fields(ev: Evidence) -> list:
    """Role status, event time, speaker, unnamed source and validity bounds, up to the last one set
    (records written before they existed, or of facts with none, have ten fields; before unnamed
    sources, fourteen; before validity bounds, at most fifteen; before times from another sentence,
    at most seventeen).  The first four are written
    together, as before, so a record written earlier is written the same."""
    extra = [ev.role_status, ev.event_start, ev.event_end, ev.attributed_to, ev.unnamed_source,
             ev.valid_from, ev.valid_until, True if ev.time_elsewhere else None]
    while extra and extra[-1] is None:
        extra.pop()
    return extra + [None] * (4 - len(extra)) if extra else []


def _pack(data) -> str:
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(zlib.compress(raw, 6)).decode("ascii")


def _unpack(text: str):
    if text.startswith("{"):  # plain JSON (records written before they were deflated)
        return json.loads(text)
    return json.loads(zlib.decompress(base64.b64decode(text)).decode("utf-8"))


def decode_result(text: str) -> DocResult:
    data = _unpack(text)
    doc_id, title, date, url, source = data["document"]
    entities = [Entity(k, c, n, set(a), m, {doc_id}, w, set(j)) for k, c, n, a, m, w, j in data["entities"]]
    relations = [Relation(s, p, o, Evidence(d, sent, a, b, rule, conf, mod, *when))
                 for s, p, o, d, sent, a, b, rule, conf, mod, *when in data["relations"]]
    return DocResult(Document(doc_id, "", title, date, url, source), entities, relations)


def _applied(resolution: CorpusResolution, result: DocResult) -> str:
    """What resolution made of one document's keys (its graphs change exactly when this does)."""
    doc = result.document.id
    out = {}
    for e in result.entities:
        t = resolution.targets[resolution.key_of(doc, e.key)]
        out[e.key] = [t.key, t.name, t.cls, t.wikidata]
    return json.dumps(out, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _encode_aliases(table: AliasTable) -> str:
    return json.dumps({"path": table.path, "entries": [[e.name, list(e.aliases), e.cls, e.wikidata, list(e.distinct)]
                                                       for e in table.entries]}, ensure_ascii=False)


def _decode_aliases(text: str) -> AliasTable:
    data = json.loads(text)
    return AliasTable(tuple(AliasEntry(n, tuple(a), c, w, tuple(d)) for n, a, c, w, d in data["entries"]), data["path"])


def _read(store: ox.Store, predicate: ox.NamedNode) -> dict[str, str]:
    return {q.subject.value: q.object.value for q in store.quads_for_pattern(None, predicate, None, BOOKKEEPING)}


# -- the two hooks ----------------------------------------------------------------------------------
@dataclass
class Pending:
    """What :func:`finish` writes once the documents are in the store."""

    base: str
    resolution: CorpusResolution | None = None
    extractions: dict[str, str] = field(default_factory=dict)  # document IRI -> JSON (new documents)
    applied: dict[str, str] = field(default_factory=dict)  # document IRI -> JSON (rewritten documents)
    aliases: AliasTable | None = None
    documents: frozenset[str] = frozenset()  # document IRIs in the store once written
    rewritten: frozenset[str] = frozenset()  # ids of stored documents rewritten because their entities moved
    results: dict[str, DocResult] = field(default_factory=dict)  # every stored document's extraction, by id
    forgotten: frozenset[str] = frozenset()  # IRIs of documents no longer stored that still have records

    def model(self, resources: Resources) -> "KnowledgeGraph | None":
        """The model of every document the store holds once written (what :func:`stored_model`
        would read back), from this update's results and resolution; None without them."""
        if self.resolution is None or not self.results:
            return None
        return model_of(self.results, self.resolution, self.aliases, resources)


def accumulate(store: ox.Store, kg: KnowledgeGraph, doc_entities, stored_ids, *, base: str, resources: Resources
               ) -> tuple[KnowledgeGraph, dict[str, list[Entity]] | None, Pending]:
    """The graph the store should write, with its per-document entities: ``kg``'s documents and
    every stored document whose entities resolve differently now, all under one corpus resolution
    of everything.  ``stored_ids``: ids of the documents already in the store.  A graph whose
    documents lack their extraction (not built with :meth:`KnowledgeGraph.add`) is written as it
    is, with ``doc_entities``."""
    if any(d not in kg.results for d in kg.documents):
        log.info("the graph does not keep its documents' extractions; entities are not re-resolved with the store")
        return kg, doc_entities, Pending(base)
    iri = {d: str(document_iri(base, d)) for d in set(stored_ids) | set(kg.documents)}
    records = _read(store, _EXTRACTION)
    applied = _read(store, _RESOLVED)
    results: dict[str, DocResult] = {}
    legacy = []
    for d in sorted(set(stored_ids) - set(kg.documents)):
        if iri[d] in records:
            results[d] = decode_result(records[iri[d]])
        else:
            legacy.append(d)
    if legacy:
        log.warning("%d stored document(s) have no extraction record (built before corpus resolution was kept); "
                    "their entities are not re-resolved: rebuild them (e.g. %s)", len(legacy), legacy[0])
    results.update(kg.results)
    stored_aliases = _read(store, _ALIASES).get(BOOKKEEPING.value)
    aliases = kg.aliases or (_decode_aliases(stored_aliases) if stored_aliases else None)
    if kg.resolution is not None and len(results) == len(kg.results) and aliases is kg.aliases:
        resolution = kg.resolution  # nothing else stored: the build's own resolution is the answer
    else:
        resolution = resolve_corpus(results, resources, aliases=aliases)
    now = {d: _applied(resolution, results[d]) for d in results}
    changed = [d for d in sorted(results) if d not in kg.documents and applied.get(iri[d]) != now[d]]
    if changed:
        log.info("%d stored document(s) resolve differently with the new ones: rewriting them", len(changed))
    out = KnowledgeGraph(symmetric=kg.symmetric)
    write = sorted(set(kg.documents) | set(changed))
    for d in write:
        out.documents[d] = results[d].document.meta()
        out.results[d] = results[d]
    per_doc = {d: resolution.rekey(results[d]) for d in write}
    out.rebuild(per_doc[d] for d in write)
    for key, gone in resolution.merged.items():
        if key in out.entities:
            out.entities[key].merged = dict(sorted(gone.items()))
    documents = frozenset(iri[d] for d in set(stored_ids) | set(kg.documents))
    pending = Pending(base, resolution, {iri[d]: encode_result(kg.results[d]) for d in kg.documents},
                      {iri[d]: now[d] for d in write}, aliases, documents, frozenset(changed), results,
                      frozenset((records.keys() | applied.keys()) - documents))
    return out, {d: ents for d, (ents, _) in per_doc.items()}, pending


def finish(store: ox.Store, pending: Pending) -> int:
    """Record what was applied, forget documents no longer stored, and write the merged IRIs'
    ``owl:sameAs`` / ``kg:mergeRule`` into the entity graph (replacing the previous set).
    Returns how many public quads that added (negative: removed)."""
    if pending.resolution is None:
        return 0
    graph = ox.NamedNode(str(entity_graph_iri(pending.base)))
    old = [q for q in store.quads_for_pattern(None, _MERGE_RULE, None, graph)]
    old += [q for s in {q.subject for q in old} for q in store.quads_for_pattern(s, _SAME_AS, None, graph)]
    terms = oxigraph_terms()
    new = {ox.Quad(s, p, o, graph) for s, p, o in iter_redirects(pending.resolution.merged, base=pending.base,
                                                                   terms=terms)}
    drop = [q for q in old if q not in new]
    drop += _stale_records(store, pending)
    add = [q for q in new if q not in set(old)]
    for s, text in pending.extractions.items():
        add.append(ox.Quad(ox.NamedNode(s), _EXTRACTION, ox.Literal(text), BOOKKEEPING))
    for s, text in pending.applied.items():
        add.append(ox.Quad(ox.NamedNode(s), _RESOLVED, ox.Literal(text), BOOKKEEPING))
    if pending.aliases is not None:
        add.append(ox.Quad(BOOKKEEPING, _ALIASES, ox.Literal(_encode_aliases(pending.aliases)), BOOKKEEPING))
    view_drop, view_add = view_changes(store, pending.base, delete=drop, insert=add)  # the view follows
    drop += view_drop
    add += view_add
    ops = []
    if drop:
        ops.append("DELETE DATA {\n" + "\n".join(_quad_text(q) for q in drop) + "\n}")
    if add:
        ops.append("INSERT DATA {\n" + "\n".join(_quad_text(q) for q in sorted(add, key=str)) + "\n}")
    if ops:
        store.update(" ;\n".join(ops))  # one transaction
    return len(new) - len(old)


def _stale_records(store: ox.Store, pending: Pending) -> list[ox.Quad]:
    """The bookkeeping quads :func:`finish` replaces or forgets: every record of a document no longer
    stored, the extraction of each new document, the resolution of each written one, the alias
    table when a new one is given.  Looked up by subject (:func:`accumulate` noted the documents
    gone that have some), not by reading every record again."""
    def records(subject: ox.NamedNode, predicate: ox.NamedNode | None) -> list[ox.Quad]:
        return list(store.quads_for_pattern(subject, predicate, None, BOOKKEEPING))

    out = [q for s in sorted(pending.forgotten) for q in records(ox.NamedNode(s), None)]
    out += [q for s in sorted(pending.extractions) for q in records(ox.NamedNode(s), _EXTRACTION)]
    out += [q for s in sorted(pending.applied) for q in records(ox.NamedNode(s), _RESOLVED)]
    if pending.aliases is not None:
        out += records(BOOKKEEPING, _ALIASES)
    return out


def _quad_text(q: ox.Quad) -> str:
    if isinstance(q.graph_name, ox.DefaultGraph):
        return f"{q.triple} ."
    return f"GRAPH {q.graph_name} {{ {q.triple} }}"



def read_records(store: ox.Store) -> tuple[dict[str, str], AliasTable | None]:
    """The stored extraction records (document IRI -> record) and the alias table in force."""
    stored = _read(store, _ALIASES).get(BOOKKEEPING.value)
    return _read(store, _EXTRACTION), (_decode_aliases(stored) if stored else None)


def stored_model(store: ox.Store, resources: Resources, documents: frozenset[str] | None = None) -> KnowledgeGraph:
    """The model of the stored documents, from their extraction records, under one corpus
    resolution of them all (what one build of every stored document gives): no NLP.
    ``documents``: the stored document IRIs (records of removed documents are skipped); a stored
    document without a record (written before records were kept) is left out with a warning."""
    records, aliases = read_records(store)
    results: dict[str, DocResult] = {}
    for iri, text in records.items():
        if documents is None or iri in documents:
            result = decode_result(text)
            results[result.document.id] = result
    missing = len(documents or ()) - len(results)
    if missing > 0:
        log.warning("%d stored document(s) have no extraction record (built by an older newskg) and are left out "
                    "of the page and GraphML: rebuild them to include them", missing)
    if not results:
        return KnowledgeGraph(symmetric=resources.ontology.symmetric)
    return model_of(results, resolve_corpus(results, resources, aliases=aliases), aliases, resources)


def model_of(results: dict[str, DocResult], resolution: CorpusResolution, aliases: AliasTable | None,
             resources: Resources) -> KnowledgeGraph:
    """The model of ``results`` (document id -> extraction) under ``resolution``."""
    out = KnowledgeGraph(symmetric=resources.ontology.symmetric)
    for d in sorted(results):
        out.documents[d] = results[d].document.meta()
        out.results[d] = results[d]
    out.rebuild(resolution.rekey(results[d]) for d in sorted(results))
    for key, gone in resolution.merged.items():
        if key in out.entities:
            out.entities[key].merged = dict(sorted(gone.items()))
    out.resolution, out.aliases = resolution, aliases
    return out
