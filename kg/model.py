"""The in-memory graph model: the single structure every exporter reads.

Stages upstream (ingest -> nlp -> mentions -> resolve -> relations) produce small frozen
records; :class:`KnowledgeGraph` accumulates them across documents and is what the RDF,
NetworkX, HTML and store exporters consume.  It never touches files.

Identity
    An entity is identified by its ``key``: ``"<family>/<normalised name>"`` for entities found
    in text (``"person/jane doe"``) or the gazetteer id for gazetteer entities
    (``"country/jpn"``).  The same key in two documents is the same node.  IRIs are minted from
    keys by :func:`kg.export.rdf.mint_entity_iri` only.

Corpus resolution
    Each document's extraction is kept as it came (:attr:`KnowledgeGraph.results`), so the corpus
    stage (:mod:`kg.extract.resolve.corpus`) can decide again, over all documents, which keys are
    one entity and rebuild the entities and facts with :meth:`KnowledgeGraph.rebuild`.  A key
    folded into another is remembered on the survivor (:attr:`Entity.merged`, with the rule that
    merged it), so its IRI stays resolvable (``owl:sameAs``).

Facts
    A fact is ``(subject key, property local name, object key)``.  Each fact keeps every piece of
    :class:`Evidence` that supports it.  A fact is *asserted* (exported as a plain triple) only if
    at least one evidence has modality ``"asserted"``; hedged or negated evidence is kept as
    provenance only.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator, Literal

__all__ = [
    "Modality",
    "MODALITIES",
    "ROLE_STATUSES",
    "Document",
    "Evidence",
    "Relation",
    "Entity",
    "DocResult",
    "KnowledgeGraph",
]

Modality = Literal["asserted", "hedged", "negated"]
MODALITIES: tuple[str, ...] = ("asserted", "hedged", "negated")
ROLE_STATUSES: tuple[str | None, ...] = (None, "current", "former", "future")


@dataclass(frozen=True, slots=True)
class Document:
    """One input article.  ``id`` is the JSONL id or the file stem."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None

    def meta(self) -> "Document":
        """The same document without its text (what the graph keeps)."""
        return Document(self.id, "", self.title, self.date, self.url, self.source)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where and how a fact was read.

    ``start``/``end`` are character offsets of the evidence sentence in the document text;
    ``sentence`` is that sentence.  ``rule`` names the extraction rule; ``confidence`` is in
    [0, 1] (see docs in :mod:`kg.extract.relations.legacy`).
    """

    doc_id: str
    sentence: str
    start: int
    end: int
    rule: str
    confidence: float
    modality: str = "asserted"
    # when and by whom (kg.extract.context; docs/time.md): all optional
    role_status: str | None = None  # on post facts: "current", "former" or "future"
    event_start: str | None = None  # ISO date: the time the sentence gives the fact (start of a span)
    event_end: str | None = None  # ISO date: its end (equal to the start for one day)
    attributed_to: str | None = None  # entity key of the speaker the sentence attributes the fact to
    unnamed_source: str | None = None  # or the words of an unnamed one ("U.S. officials said")
    # on post facts: the bounds the sentence gives the post ("minister since 2013", "until 2003")
    valid_from: str | None = None  # ISO date: the post is held from this day
    valid_until: str | None = None  # ISO date: ... up to this day
    # the event time comes from another sentence of the article stating the same fact (kg:timeBasis "article")
    time_elsewhere: bool = False

    def __post_init__(self) -> None:
        if self.role_status not in ROLE_STATUSES:
            raise ValueError(f"role_status must be one of {ROLE_STATUSES}, got {self.role_status!r}")
        if self.modality not in MODALITIES:
            raise ValueError(f"modality must be one of {MODALITIES}, got {self.modality!r}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must be in [0, 1], got {self.confidence!r}")


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed relation between two entity keys, with its evidence."""

    subject: str
    predicate: str
    object: str
    evidence: Evidence


@dataclass(slots=True)
class Entity:
    """A node of the graph (mutable while documents are added)."""

    key: str
    cls: str
    name: str
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    docs: set[str] = field(default_factory=set)
    wikidata: str | None = None
    job_titles: set[str] = field(default_factory=set)
    # keys folded into this entity by corpus resolution -> id of the rule that merged each
    merged: dict[str, str] = field(default_factory=dict)

    def merge(self, other: "Entity") -> None:
        """Fold ``other`` (same key) into this entity."""
        if other.name.casefold() == self.name.casefold() and _shouted(self.name) > _shouted(other.name):
            self.aliases.add(self.name)  # "JOHN Howard" (a wire lead-in) -> "John Howard"
            self.name = other.name
        if other.name != self.name:
            self.aliases.add(other.name)
        self.aliases |= other.aliases
        self.aliases.discard(self.name)
        self.mentions += other.mentions
        self.docs |= other.docs
        self.job_titles |= other.job_titles
        self.wikidata = self.wikidata or other.wikidata
        for key, rule in other.merged.items():
            self.merged.setdefault(key, rule)


def _shouted(name: str) -> int:
    """Words of a name written in capitals that are no acronym ("JOHN Howard" of a wire lead-in)."""
    return sum(1 for w in name.split() if len(w) >= 3 and w.isalpha() and w.isupper())


@dataclass(slots=True)
class DocResult:
    """Everything extracted from one document."""

    document: Document
    entities: list[Entity]
    relations: list[Relation]
    error: str | None = None  # extraction failed: the document contributes nothing


class KnowledgeGraph:
    """Entities and facts accumulated over a build.

    ``symmetric`` lists the property local names whose facts are stored with subject and object
    in a canonical order, so ``A allyOf B`` and ``B allyOf A`` are one fact.
    """

    def __init__(self, symmetric: Iterable[str] = ()) -> None:
        self.symmetric: frozenset[str] = frozenset(symmetric)
        self.documents: dict[str, Document] = {}
        self.entities: dict[str, Entity] = {}
        self.facts: dict[tuple[str, str, str], list[Evidence]] = {}
        # each document's extraction before corpus resolution (entities and relations as extracted)
        self.results: dict[str, DocResult] = {}
        # the user's alias table corpus resolution applied (kg.extract.resolve.corpus.AliasTable), if any
        self.aliases: object | None = None
        # the corpus resolution the entities come from; None once documents change (it is stale)
        self.resolution: object | None = None

    # -- building -------------------------------------------------------------------------
    def add(self, result: DocResult) -> None:
        """Add one document's entities and relations (replacing an earlier version of it)."""
        doc_id = result.document.id
        if doc_id in self.documents:
            self.remove_document(doc_id)
        self.documents[doc_id] = result.document.meta()
        self.results[doc_id] = DocResult(self.documents[doc_id], list(result.entities), list(result.relations))
        self.resolution = None
        self._absorb(result.entities, result.relations)

    def _absorb(self, entities: Iterable[Entity], relations: Iterable[Relation]) -> None:
        """Fold one document's entities (same key, same node) and relations into the graph."""
        for ent in entities:
            known = self.entities.get(ent.key)
            if known is None:
                self.entities[ent.key] = Entity(
                    ent.key, ent.cls, ent.name, set(ent.aliases) - {ent.name}, ent.mentions,
                    set(ent.docs), ent.wikidata, set(ent.job_titles), dict(ent.merged),
                )
            else:
                known.merge(ent)
        for rel in relations:
            self.add_relation(rel)

    def rebuild(self, contents: Iterable[tuple[Iterable[Entity], Iterable[Relation]]]) -> None:
        """Replace all entities and facts by those of ``contents`` (one (entities, relations) pair
        per document, e.g. the results re-keyed by corpus resolution); documents and
        :attr:`results` stay as they are."""
        self.entities = {}
        self.facts = {}
        for entities, relations in contents:
            self._absorb(entities, relations)

    def add_relation(self, rel: Relation) -> None:
        if rel.subject == rel.object:
            return
        if rel.subject not in self.entities or rel.object not in self.entities:
            raise KeyError(f"relation {rel.predicate} refers to an unknown entity: {rel}")
        s, o = rel.subject, rel.object
        if rel.predicate in self.symmetric and o < s:
            s, o = o, s
        evidence = self.facts.setdefault((s, rel.predicate, o), [])
        new = rel.evidence
        for n, old in enumerate(evidence):
            # one reading per (document, sentence, rule, modality): keep the most confident
            if (old.doc_id, old.start, old.end, old.rule, old.modality) == (
                    new.doc_id, new.start, new.end, new.rule, new.modality):
                if new.confidence > old.confidence:
                    evidence[n] = new
                return
        evidence.append(new)

    def remove_document(self, doc_id: str) -> None:
        """Take a document's evidence out; facts and entities left without support go too."""
        self.documents.pop(doc_id, None)
        self.results.pop(doc_id, None)
        self.resolution = None
        for fact in list(self.facts):
            kept = [e for e in self.facts[fact] if e.doc_id != doc_id]
            if kept:
                self.facts[fact] = kept
            else:
                del self.facts[fact]
        for key in list(self.entities):
            ent = self.entities[key]
            ent.docs.discard(doc_id)
            if not ent.docs:
                del self.entities[key]

    def merge_entity(self, src: str, dst: str, rule: str = "merge") -> None:
        """Fold entity ``src`` into ``dst`` (names, mentions, facts); ``src`` disappears and is
        remembered in ``dst.merged`` with ``rule``."""
        if src == dst or src not in self.entities or dst not in self.entities:
            return
        gone = self.entities.pop(src)
        self.entities[dst].merge(gone)  # dst keeps its class
        self.entities[dst].merged.setdefault(src, rule)
        for (s, p, o) in [f for f in self.facts if src in (f[0], f[2])]:
            evidence = self.facts.pop((s, p, o))
            s2, o2 = (dst if s == src else s), (dst if o == src else o)
            if s2 == o2:
                continue
            if p in self.symmetric and o2 < s2:
                s2, o2 = o2, s2
            target = self.facts.setdefault((s2, p, o2), [])
            target.extend(e for e in evidence if e not in target)
        for fact, evidence in self.facts.items():  # a speaker folded into dst is dst
            if any(e.attributed_to == src for e in evidence):
                self.facts[fact] = [replace(e, attributed_to=dst) if e.attributed_to == src else e for e in evidence]

    # -- reading --------------------------------------------------------------------------
    def is_asserted(self, fact: tuple[str, str, str]) -> bool:
        return any(e.modality == "asserted" for e in self.facts.get(fact, ()))

    def confidence(self, fact: tuple[str, str, str]) -> float:
        """Noisy-OR of the asserted evidence confidences (0 if none is asserted)."""
        miss = 1.0
        for e in self.facts.get(fact, ()):
            if e.modality == "asserted":
                miss *= 1.0 - e.confidence
        return round(1.0 - miss, 4)

    def asserted_facts(self) -> Iterator[tuple[str, str, str]]:
        for fact in sorted(self.facts):
            if self.is_asserted(fact):
                yield fact

    def sorted_entities(self) -> list[Entity]:
        return [self.entities[k] for k in sorted(self.entities)]

    def stats(self) -> dict[str, int]:
        return {
            "documents": len(self.documents),
            "entities": len(self.entities),
            "relations": sum(1 for _ in self.asserted_facts()),
            "statements": sum(len(v) for v in self.facts.values()),
        }
