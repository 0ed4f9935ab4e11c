"""Cross-document entity resolution scored against a hand-clustered gold.

The gold (``tests/gold/entities/*.json``, format in ``tests/gold/entities/ANNOTATION_TASK.md``)
lists, per document, surface forms of people and organisations and the cluster (real-world
entity) each form denotes.  Every whole-word occurrence of a form is one gold mention, except
occurrences inside a longer form listed for the same document; ``occurrences`` picks some of
them (1-based, in text order) when one form names two entities in one text.

Matching (printed in every report as ``matching used: ...``)
    A gold occurrence is mapped to the system through the extraction itself, not through the RDF:
    the document is parsed and its mentions found as in a build; the occurrence takes the entity
    key of the system mention that overlaps it most (characters), and that key is followed
    through corpus resolution (:func:`kg.extract.resolve.corpus.resolve_corpus`) to the entity
    of the graph.  An occurrence no system mention covers is a system singleton.

Scores
    Pairwise: over all pairs of gold occurrences, a pair is *merged* by the system when both map
    to one entity, and *same* in the gold when both are in one cluster; precision = merged and
    same / merged, recall = merged and same / same.  The same figures are given for pairs across
    two documents only (what the corpus stage decides), and B-cubed precision and recall per
    occurrence.  A *false merge* is a system entity holding occurrences of two or more gold
    clusters (each is listed with its clusters); ``false_merge_pairs`` counts the pairs of gold
    clusters joined.

    The *corpus stage* figures count only the pairs whose two occurrences per-document resolution
    gave two different keys: precision = pairs the stage merged that the gold calls one entity /
    pairs the stage merged; recall = of the gold's pairs left on two keys (both covered by a
    mention), the share the stage merged.  Pairs on one key were decided before the stage
    (inside a document, or by one key in several documents: a demonym read as its country).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from kg.eval.corpora import load_gold_documents
from kg.eval.entity_scores import MATCHING_RULE, EntityReport, Occurrence, score_assignment
from kg.eval.gold import Gold, GoldDocument, GoldError
from kg.model import Document

__all__ = [
    "EntityGold",
    "GoldCluster",
    "GoldMention",
    "Occurrence",
    "EntityReport",
    "load_entity_gold",
    "gold_occurrences",
    "score_assignment",
    "evaluate_entities",
    "MATCHING_RULE",
]



@dataclass(frozen=True, slots=True)
class GoldCluster:
    id: str
    name: str
    type: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class GoldMention:
    doc: str
    form: str
    cluster: str
    occurrences: tuple[int, ...] | None = None


@dataclass(frozen=True, slots=True)
class EntityGold:
    name: str
    documents: tuple[GoldDocument, ...]
    clusters: Mapping[str, GoldCluster]
    mentions: tuple[GoldMention, ...]
    path: str | None = None


def _need(obj: Mapping[str, Any], key: str, where: str, kind: type = str) -> Any:
    if key not in obj or not isinstance(obj[key], kind) or (kind is str and not obj[key].strip()):
        raise GoldError(f"{where}: needs {key!r} ({kind.__name__}); see tests/gold/entities/ANNOTATION_TASK.md")
    return obj[key]


def load_entity_gold(path: str | Path) -> EntityGold:
    """Read and check an entity gold file (documents, clusters, mentions)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GoldError(f"{path}: cannot read the entity gold ({exc}); it must be a JSON object as in "
                        "tests/gold/entities/ANNOTATION_TASK.md") from exc
    if not isinstance(data, dict):
        raise GoldError(f"{path}: the entity gold must be a JSON object with documents, clusters and mentions")
    docs = []
    for n, d in enumerate(_need(data, "documents", str(path), list)):
        where = f"{path}: documents[{n}]"
        docs.append(GoldDocument(_need(d, "id", where), _need(d, "source", where, dict)))
    doc_ids = {d.id for d in docs}
    if len(doc_ids) != len(docs):
        raise GoldError(f"{path}: a document id is listed twice; give every document one entry")
    clusters: dict[str, GoldCluster] = {}
    for n, c in enumerate(_need(data, "clusters", str(path), list)):
        where = f"{path}: clusters[{n}]"
        cid = _need(c, "id", where)
        if cid in clusters:
            raise GoldError(f"{where}: cluster id {cid!r} is used twice; merge the two entries")
        clusters[cid] = GoldCluster(cid, _need(c, "name", where), _need(c, "type", where), c.get("note", ""))
    mentions = []
    for n, m in enumerate(_need(data, "mentions", str(path), list)):
        where = f"{path}: mentions[{n}]"
        doc, form, cid = _need(m, "doc", where), _need(m, "form", where), _need(m, "cluster", where)
        if doc not in doc_ids:
            raise GoldError(f"{where}: unknown document {doc!r}; add it to documents")
        if cid not in clusters:
            raise GoldError(f"{where}: unknown cluster {cid!r}; add it to clusters")
        occ = m.get("occurrences")
        if occ is not None and (not isinstance(occ, list) or not occ
                                or not all(isinstance(i, int) and i >= 1 for i in occ)):
            raise GoldError(f"{where}: occurrences must be a non-empty list of 1-based integers")
        mentions.append(GoldMention(doc, form, cid, tuple(occ) if occ is not None else None))
    return EntityGold(str(data.get("name", path.stem)), tuple(docs), clusters, tuple(mentions), str(path))


def load_entity_documents(gold: EntityGold, *, data_dir: str | Path | None = None) -> list[Document]:
    """The gold's documents as :class:`~kg.model.Document`, resolved as :func:`kg.eval.corpora.load_gold_documents`
    does (``dataset`` bbc / allsides / agnews, ``file``, or inline ``text`` for small fixtures)."""
    inline = tuple(Document(d.id, d.source["text"]) for d in gold.documents if isinstance(d.source.get("text"), str))
    shell = Gold(name=gold.name, documents=gold.documents, entities=(), relations=(), inline_documents=inline)
    return load_gold_documents(shell, data_dir=data_dir)


def _find_all(text: str, form: str) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def gold_occurrences(gold: EntityGold, texts: Mapping[str, str]) -> list[Occurrence]:
    """Every gold mention occurrence, located in the document texts (see the module docstring).

    Raises :class:`GoldError` when a form does not occur or an ``occurrences`` index is out of range."""
    by_doc: dict[str, list[GoldMention]] = defaultdict(list)
    for m in gold.mentions:
        by_doc[m.doc].append(m)
    out: list[Occurrence] = []
    for doc, mentions in by_doc.items():
        text = texts[doc]
        forms = sorted({m.form for m in mentions}, key=lambda f: (-len(f), f))
        spans = {f: _find_all(text, f) for f in forms}
        counted: dict[str, list[tuple[int, int]]] = {}
        for f in forms:
            longer = [s for g in forms if len(g) > len(f) and f in g for s in spans[g]]
            counted[f] = [(a, b) for a, b in spans[f] if not any(s <= a and b <= e for s, e in longer)]
            if not counted[f]:
                raise GoldError(f"{gold.path}: form {f!r} does not occur in document {doc} (outside longer forms)")
        for f in forms:
            entries = [m for m in mentions if m.form == f]
            chosen: set[int] = set()
            for m in entries:
                if m.occurrences is not None:
                    bad = [i for i in m.occurrences if i > len(counted[f])]
                    if bad:
                        raise GoldError(f"{gold.path}: {doc} {f!r}: occurrence {bad[0]} of {len(counted[f])}")
                    chosen |= set(m.occurrences)
            for m in entries:
                picks = m.occurrences if m.occurrences is not None else [
                    i for i in range(1, len(counted[f]) + 1) if i not in chosen]
                for i in picks:
                    a, b = counted[f][i - 1]
                    out.append(Occurrence(doc, a, b, f, m.cluster))
    out.sort(key=lambda o: (o.doc, o.start, o.end))
    return out


# -- the system side --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    key: str


def _mention_spans(doc, mentions, keys) -> list[_Span]:
    out = []
    for m, key in zip(mentions, keys):
        if key:
            last = doc[m.end - 1]
            out.append(_Span(doc[m.start].idx, last.idx + len(last.text), key))
    return out


def _best_span(spans: Iterable[_Span], start: int, end: int) -> _Span | None:
    best, overlap = None, 0
    for s in spans:
        o = min(end, s.end) - max(start, s.start)
        if o > overlap:
            best, overlap = s, o
    return best


def system_run(documents: Sequence[Document], *, nlp, resources=None, aliases=None):
    """Extract ``documents`` as a build does; returns (graph, corpus resolution, mention spans per document)."""
    from kg.builder import new_graph
    from kg.extract import extract_document
    from kg.extract.context import dated_document, report_day
    from kg.extract.mentions.find import extract_mentions
    from kg.extract.resolve.corpus import resolve_across_documents
    from kg.extract.resolve.document import resolve
    from kg.nlp.text import prepare_with
    from kg.resources import load_resources

    res = resources or load_resources()
    words = res.entities.words
    prepare = prepare_with(words)
    stream = ((prepare(d.text), d) for d in documents)
    kg = new_graph(res)
    spans: dict[str, list[_Span]] = {}
    for doc, document in nlp.pipe(stream, as_tuples=True, batch_size=16):
        mentions = extract_mentions(doc, res)
        resolution = resolve(doc, mentions, res, document.id, report_day(dated_document(document, doc)))
        spans[document.id] = _mention_spans(doc, mentions, resolution.mention_keys)
        kg.add(extract_document(document, doc, res))
    corpus = resolve_across_documents(kg, res, aliases=aliases)
    return kg, corpus, spans


def evaluate_entities(gold_path: str | Path, *, nlp=None, model: str | None = None, resources=None,
                      aliases=None, data_dir: str | Path | None = None, corpus_stage: bool = True) -> EntityReport:
    """Build the gold's documents and score cross-document entity resolution against the gold.

    ``corpus_stage=False`` scores per-document resolution alone (every key its own entity)."""
    from kg.nlp.model import load_pipeline

    gold = load_entity_gold(gold_path)
    documents = load_entity_documents(gold, data_dir=data_dir)
    occurrences = gold_occurrences(gold, {d.id: d.text for d in documents})
    nlp = nlp or load_pipeline(model)
    _, corpus, spans = system_run(documents, nlp=nlp, resources=resources, aliases=aliases)
    entity_of: list[str | None] = []
    raw_of: list[str | None] = []
    for o in occurrences:
        span = _best_span(spans.get(o.doc, ()), o.start, o.end)
        raw_of.append(span.key if span else None)
        if span is None:
            entity_of.append(None)
        else:
            entity_of.append(corpus.key_of(o.doc, span.key) if corpus_stage else span.key)
    return score_assignment(gold.name, occurrences, entity_of, raw_of)
