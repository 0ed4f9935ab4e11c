"""Gold annotations and the scorer behind ``kg eval``.

A *gold set* is a JSON file (format: ``tests/gold/FORMAT.md``) naming documents by reference
(a file, a BBC id, an AG News row), the entities they mention and the relations they state.
:func:`load_gold` reads and validates it, :func:`load_gold_documents` resolves the documents to
text, and :func:`evaluate` scores a predicted RDF graph (as the builder exports it) against it.

Matching (printed in every report as ``matching used: ...``)
    A predicted node is an entity node: a subject with an ``rdfs:label`` that is not a
    statement, a document or an ontology term.  Its names are its ``rdfs:label`` and
    ``skos:altLabel`` values.  It *matches* a gold entity when one of its normalised names
    equals one of the gold entity's normalised name/aliases (:func:`normalise`: accents
    removed, case folded, a possessive "'s", apostrophes and full stops dropped, other
    punctuation turned into spaces, a leading "the" dropped, spaces collapsed: "U.K." == "UK", "the Kremlin" == "Kremlin").
    If a node matches several gold entities and the normalised ``rdfs:label`` equals the
    canonical name of some of them, only those are kept (so a node "Paris" is the city, not
    the country that lists "Paris" as a metonymic alias).  Types are not used for matching;
    type agreement is reported separately.

Facts
    A predicted fact ``s p o`` (a plain triple whose property is a sub-property of
    ``kg:relation`` in the ontology) is a true positive when some required gold fact has the
    same property and a subject/object matched by ``s``/``o`` (either direction for properties
    declared ``owl:SymmetricProperty``).  Predictions that match only an *optional* gold fact
    are ignored, and so are predictions of a super-property implied by a gold fact of a
    sub-property (``worksFor`` where gold says ``leaderOf``).  Predicted facts are projected to
    gold entities before counting: two nodes matching the same gold entity make one
    prediction, not two (the duplicate nodes are reported instead).  In per-document mode a
    fact is keyed by the document of its asserted statements (``kg:fromDocument``) and only
    gold facts and entities of that document count.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import rdflib
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.ingest.clean import clean_agnews_text  # the one cleaner; re-exported here
from kg.model import Document

__all__ = [
    "KG",
    "MATCHING_RULE",
    "GoldDocument",
    "GoldEntity",
    "GoldFact",
    "Gold",
    "GoldError",
    "PRF",
    "FactLine",
    "Duplicate",
    "FalseMerge",
    "Report",
    "normalise",
    "clean_agnews_text",
    "load_ontology",
    "relation_properties",
    "symmetric_properties",
    "load_gold",
    "load_gold_documents",
    "default_repo_root",
    "default_data_dir",
    "evaluate",
]

log = logging.getLogger(__name__)

KG = rdflib.Namespace("https://w3id.org/newskg/ontology#")

MATCHING_RULE = (
    "a predicted node (rdfs:label + skos:altLabel) matches a gold entity when a normalised "
    "label equals a normalised gold name or alias; normalisation removes accents, folds case, "
    "drops a possessive 's, apostrophes and full stops, turns other punctuation into spaces, drops a leading "
    "'the' and collapses spaces ('U.K.' == 'UK'); if several gold entities match, those whose "
    "canonical name equals the node's rdfs:label win; entity types are not used for matching; "
    "symmetric properties (owl:SymmetricProperty) match in either direction"
)

_ALL = "\x00all"  # pseudo document scope: every gold entity


# ---------------------------------------------------------------------------------------------
# Normalisation and text cleaning
# ---------------------------------------------------------------------------------------------

_POSSESSIVE = re.compile(r"['\u2019]s\b")
_DROP = re.compile(r"['\u2018\u2019`\u00b4.]")
_SPACE = re.compile(r"[^\w\s]|_")
_WS = re.compile(r"\s+")


def normalise(name: str) -> str:
    """The form names are compared in (see the module docstring)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _POSSESSIVE.sub("", text)
    text = _DROP.sub("", text)
    text = _SPACE.sub(" ", text)
    text = _WS.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def lead_excerpt(text: str, max_chars: int) -> str:
    """The lead of an article: its first paragraphs, up to ``max_chars`` characters.

    The cut falls at the last line break at or before ``max_chars`` (the whole first paragraph
    when it is longer); the result is a prefix of ``text``, so offsets into it are offsets into
    the article.

    >>> lead_excerpt("One.\n\nTwo two.\n\nThree three three.", 16)
    'One.\n\nTwo two.'
    """
    if len(text) <= max_chars:
        return text.rstrip()
    cut = text.rfind("\n", 0, max_chars + 1)
    if cut <= 0:
        cut = text.find("\n", max_chars)
        cut = len(text) if cut < 0 else cut
    return text[:cut].rstrip()


def agnews_text(title: str, description: str) -> tuple[str, str]:
    """(title, text) of an AG News item: text is ``title + ". " + description``, cleaned.

    If the cleaned title already ends with ``.``, ``!`` or ``?`` only a space is inserted.
    """
    title = clean_agnews_text(title)
    body = clean_agnews_text(description)
    sep = " " if title.endswith((".", "!", "?")) else ". "
    return title, f"{title}{sep}{body}" if body else title


# ---------------------------------------------------------------------------------------------
# Ontology
# ---------------------------------------------------------------------------------------------


def _default_ontology_path() -> Path:
    from kg.resources import data_dir

    return data_dir() / "newskg.ttl"


@lru_cache(maxsize=4)
def _parse_ontology(path: str) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(path, format="turtle")
    return graph


def load_ontology(ontology: rdflib.Graph | str | Path | None = None) -> rdflib.Graph:
    """The ontology graph (default: the project's ``newskg.ttl``; parsed once and cached)."""
    if isinstance(ontology, rdflib.Graph):
        return ontology
    path = Path(ontology) if ontology is not None else _default_ontology_path()
    return _parse_ontology(str(path.resolve()))


def _local(term: rdflib.term.Node) -> str:
    text = str(term)
    if text.startswith(str(KG)):
        return text[len(str(KG)):]
    return re.split(r"[#/]", text)[-1]


def relation_properties(ontology: rdflib.Graph | str | Path | None = None) -> frozenset[str]:
    """Local names of every (transitive) sub-property of ``kg:relation``."""
    onto = load_ontology(ontology)
    found = {p for p in onto.transitive_subjects(RDFS.subPropertyOf, KG.relation) if p != KG.relation}
    return frozenset(_local(p) for p in found if str(p).startswith(str(KG)))


def symmetric_properties(ontology: rdflib.Graph | str | Path | None = None) -> frozenset[str]:
    """Local names of the relation properties declared ``owl:SymmetricProperty``."""
    onto = load_ontology(ontology)
    return frozenset(_local(p) for p in onto.subjects(RDF.type, OWL.SymmetricProperty)) & relation_properties(onto)


def _super_properties(onto: rdflib.Graph) -> dict[str, frozenset[str]]:
    """property -> its strict super-properties among the relation properties."""
    rels = relation_properties(onto)
    out: dict[str, frozenset[str]] = {}
    for name in rels:
        supers = {_local(s) for s in onto.transitive_objects(KG[name], RDFS.subPropertyOf)}
        out[name] = frozenset(s for s in supers if s in rels and s != name)
    return out


def _classes(onto: rdflib.Graph) -> frozenset[str]:
    return frozenset(_local(c) for c in onto.subjects(RDF.type, OWL.Class) if str(c).startswith(str(KG)))


def _subclasses(onto: rdflib.Graph) -> dict[str, frozenset[str]]:
    """class -> itself and all its sub-classes (kg: classes only)."""
    out = {}
    for cls in _classes(onto):
        subs = {_local(s) for s in onto.transitive_subjects(RDFS.subClassOf, KG[cls])}
        out[cls] = frozenset(subs | {cls})
    return out


# ---------------------------------------------------------------------------------------------
# Gold
# ---------------------------------------------------------------------------------------------


class GoldError(ValueError):
    """A gold file is malformed; the message says where and how to fix it."""


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    source: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class GoldEntity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    doc: str | None = None  # set: the entity belongs to this document only (CoNLL04)

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class GoldFact:
    subject: str
    property: str
    object: str
    doc: str
    evidence: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Gold:
    name: str
    documents: tuple[GoldDocument, ...]
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldFact, ...]
    optional: tuple[GoldFact, ...] = ()
    description: str = ""
    notes: tuple[str, ...] = ()
    path: str | None = None
    inline_documents: tuple[Document, ...] = field(default=(), repr=False)

    def entity(self, entity_id: str) -> GoldEntity:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        raise KeyError(entity_id)

    def stats(self) -> dict[str, int]:
        return {
            "documents": len(self.documents),
            "entities": len(self.entities),
            "relations": len(self.relations),
            "optional": len(self.optional),
        }


def _need(obj: Mapping[str, Any], key: str, where: str, kind: type | tuple[type, ...] = str) -> Any:
    if key not in obj:
        raise GoldError(f"{where}: missing key {key!r}; see tests/gold/FORMAT.md")
    value = obj[key]
    if not isinstance(value, kind):
        raise GoldError(f"{where}: {key!r} must be {getattr(kind, '__name__', kind)}, got {value!r}")
    return value


def gold_from_dict(
    data: Mapping[str, Any], *, ontology: rdflib.Graph | str | Path | None = None, path: str | None = None
) -> Gold:
    """Validate a parsed gold JSON object and build a :class:`Gold`."""
    where = path or "<gold>"
    if not isinstance(data, Mapping):
        raise GoldError(f"{where}: the top level must be a JSON object")
    onto = load_ontology(ontology)
    rels = relation_properties(onto)
    classes = _classes(onto)

    documents: list[GoldDocument] = []
    doc_ids: set[str] = set()
    for i, raw in enumerate(_need(data, "documents", where, list)):
        w = f"{where}: documents[{i}]"
        doc_id = _need(raw, "id", w)
        source = _need(raw, "source", w, dict)
        if doc_id in doc_ids:
            raise GoldError(f"{w}: duplicate document id {doc_id!r}; ids must be unique")
        if not ({"file", "dataset", "text"} & source.keys()):
            raise GoldError(f"{w}: source needs 'file', 'dataset' (bbc/agnews/allsides/conll04) or 'text'")
        doc_ids.add(doc_id)
        documents.append(GoldDocument(doc_id, dict(source)))

    entities: list[GoldEntity] = []
    ent_ids: set[str] = set()
    for i, raw in enumerate(_need(data, "entities", where, list)):
        w = f"{where}: entities[{i}]"
        ent_id = _need(raw, "id", w)
        name = _need(raw, "name", w)
        etype = _need(raw, "type", w)
        aliases = raw.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise GoldError(f"{w}: 'aliases' must be a list of strings")
        if ent_id in ent_ids:
            raise GoldError(f"{w}: duplicate entity id {ent_id!r}; ids must be unique")
        if etype not in classes:
            raise GoldError(f"{w}: type {etype!r} is not a class of the ontology; use one of {sorted(classes)}")
        doc = raw.get("doc")
        if doc is not None and doc not in doc_ids:
            raise GoldError(f"{w}: doc {doc!r} is not listed under 'documents'")
        if not normalise(name):
            raise GoldError(f"{w}: name {name!r} is empty after normalisation")
        ent_ids.add(ent_id)
        entities.append(GoldEntity(ent_id, name, etype, tuple(aliases), doc))

    def facts(key: str) -> tuple[GoldFact, ...]:
        out = []
        for i, raw in enumerate(data.get(key, [])):
            w = f"{where}: {key}[{i}]"
            subj, prop, obj = _need(raw, "subject", w), _need(raw, "property", w), _need(raw, "object", w)
            doc = _need(raw, "doc", w)
            for role, ref in (("subject", subj), ("object", obj)):
                if ref not in ent_ids:
                    raise GoldError(f"{w}: {role} {ref!r} is not an entity id; add it under 'entities'")
            if prop not in rels:
                raise GoldError(f"{w}: property {prop!r} is not a relation property of the ontology; "
                                f"use one of {sorted(rels)}")
            if doc not in doc_ids:
                raise GoldError(f"{w}: doc {doc!r} is not listed under 'documents'")
            if subj == obj:
                raise GoldError(f"{w}: subject and object are the same entity {subj!r}")
            out.append(GoldFact(subj, prop, obj, doc, str(raw.get("evidence", "")), str(raw.get("note", ""))))
        return tuple(out)

    relations = facts("relations")
    optional = facts("optional")
    inline = tuple(
        Document(d.id, str(d.source["text"]), source="gold-inline") for d in documents if "text" in d.source
    )
    gold = Gold(
        name=str(data.get("name") or (Path(path).stem if path else "gold")),
        documents=tuple(documents),
        entities=tuple(entities),
        relations=relations,
        optional=optional,
        description=str(data.get("description", "")),
        notes=tuple(str(n) for n in data.get("notes", [])),
        path=path,
        inline_documents=inline,
    )
    for form, ids in ambiguous_names(gold).items():
        log.warning("gold %s: normalised name %r is shared by entities %s", gold.name, form, ", ".join(ids))
    return gold


def load_gold(path: str | Path, *, ontology: rdflib.Graph | str | Path | None = None) -> Gold:
    """Read and validate a gold JSON file (format: tests/gold/FORMAT.md)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldError(f"gold file {path} does not exist") from None
    except json.JSONDecodeError as exc:
        raise GoldError(f"gold file {path} is not valid JSON: {exc}") from None
    return gold_from_dict(data, ontology=ontology, path=str(path))


def ambiguous_names(gold: Gold) -> dict[str, list[str]]:
    """Normalised forms used by several entities of the same document scope and not resolved by
    the canonical-name rule (both entities use the form as an alias, or both as the name)."""
    by_form: dict[tuple[str | None, str], list[GoldEntity]] = defaultdict(list)
    for ent in gold.entities:
        for form in {normalise(n) for n in ent.names()}:
            by_form[(ent.doc, form)].append(ent)
    out = {}
    for (_, form), ents in by_form.items():
        if len(ents) > 1:
            canonical = [e for e in ents if normalise(e.name) == form]
            if len(canonical) != 1:
                out[form] = sorted(e.id for e in ents)
    return out


# -- resolving documents ------------------------------------------------------------------------


def default_repo_root() -> Path:
    """The checkout this module lives in (parent of the ``kg`` package)."""
    return Path(__file__).resolve().parent.parent.parent


def default_data_dir(repo_root: Path | None = None) -> Path:
    """``$NEWSKG_DATA`` if set, else ``<repo>/../shared/data``."""
    env = os.environ.get("NEWSKG_DATA")
    if env:
        return Path(env)
    return (repo_root or default_repo_root()).parent / "shared" / "data"


@lru_cache(maxsize=2)
def _bbc_index(path: str) -> dict[str, tuple[str, str]]:
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out[rec["id"]] = (rec.get("title", ""), rec["text"])
    return out


@lru_cache(maxsize=2)
def _jsonl_index(path: str) -> dict[str, dict[str, Any]]:
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out[rec["id"]] = rec
    return out


@lru_cache(maxsize=2)
def _agnews_rows(path: str) -> tuple[tuple[str, str, str], ...]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        if [h.strip().lower() for h in header[:3]] != ["label", "title", "description"]:
            raise GoldError(f"{path}: expected the header label,title,description, got {header}")
        return tuple((r[0], r[1], r[2]) for r in reader)


def _data_file(data_dir: Path, rel: str) -> Path:
    path = data_dir / rel
    if not path.is_file():
        raise FileNotFoundError(
            f"{path} not found: the shared data folder is {data_dir}; set NEWSKG_DATA to the folder "
            "holding news/ and conll04/, or pass data_dir="
        )
    return path


def load_gold_documents(
    gold: Gold, *, repo_root: str | Path | None = None, data_dir: str | Path | None = None
) -> list[Document]:
    """Resolve every document of ``gold`` to a :class:`kg.model.Document` (in gold order).

    ``source.file`` is relative to ``repo_root`` (default: this checkout); ``dataset: bbc`` is
    looked up by ``id`` in ``news/bbc_fulltext.jsonl`` (text = the article body, title kept
    apart); ``dataset: agnews`` is row ``row`` (0-based, after the header) of
    ``news/ag_news_test.csv`` with text ``title + ". " + description`` cleaned by
    :func:`clean_agnews_text`; ``dataset: conll04`` is item ``index`` of
    ``conll04/conll04_<split>.json`` (see :mod:`kg.eval.conll04`); ``text`` is inline text
    (small test fixtures only).
    """
    root = Path(repo_root) if repo_root is not None else default_repo_root()
    data = Path(data_dir) if data_dir is not None else default_data_dir(root)
    inline = {d.id: d for d in gold.inline_documents}
    out: list[Document] = []
    for doc in gold.documents:
        src = doc.source
        if "text" in src:
            out.append(inline[doc.id])
        elif "file" in src:
            path = root / src["file"]
            if not path.is_file():
                raise FileNotFoundError(
                    f"gold document {doc.id}: {path} not found (source.file is relative to the repo root {root})"
                )
            out.append(Document(doc.id, path.read_text(encoding="utf-8"), source=str(src["file"])))
        elif src.get("dataset") == "bbc":
            index = _bbc_index(str(_data_file(data, "news/bbc_fulltext.jsonl")))
            if src.get("id") not in index:
                raise GoldError(f"gold document {doc.id}: BBC id {src.get('id')!r} not in bbc_fulltext.jsonl")
            title, text = index[src["id"]]
            out.append(Document(doc.id, text, title=title, source=f"bbc:{src['id']}"))
        elif src.get("dataset") == "allsides":
            index = _jsonl_index(str(_data_file(data, "news/allsides_world_politics.jsonl")))
            if src.get("id") not in index:
                raise GoldError(f"gold document {doc.id}: AllSides id {src.get('id')!r} not in allsides_world_politics.jsonl")
            rec = index[src["id"]]
            out.append(Document(doc.id, rec["text"], title=rec.get("title"), date=rec.get("date"),
                                url=rec.get("url"), source=rec.get("source")))
        elif src.get("dataset") == "agnews":
            rows = _agnews_rows(str(_data_file(data, "news/ag_news_test.csv")))
            row = src.get("row")
            if not isinstance(row, int) or not 0 <= row < len(rows):
                raise GoldError(f"gold document {doc.id}: AG News row {row!r} out of range 0..{len(rows) - 1}")
            title, text = agnews_text(rows[row][1], rows[row][2])
            out.append(Document(doc.id, text, title=title, source=f"agnews:{row}"))
        elif src.get("dataset") == "conll04":
            from kg.eval.conll04 import conll04_sentence

            split, index = src.get("split"), src.get("index")
            path = _data_file(data, f"conll04/conll04_{split}.json")
            out.append(Document(doc.id, conll04_sentence(path, index), source=f"conll04:{split}:{index}"))
        else:
            raise GoldError(f"gold document {doc.id}: unknown source {dict(src)!r}; see tests/gold/FORMAT.md")
        lead = src.get("lead_chars")
        if lead is not None:
            if not isinstance(lead, int) or lead < 1:
                raise GoldError(f"gold document {doc.id}: lead_chars must be a positive integer, got {lead!r}")
            d = out[-1]
            out[-1] = Document(d.id, lead_excerpt(d.text, lead), d.title, d.date, d.url, d.source)
    return out


# ---------------------------------------------------------------------------------------------
# Reading a predicted graph
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _PredEvidence:
    doc: str | None
    sentence: str
    modality: str
    confidence: float | None


@dataclass(frozen=True, slots=True)
class _Prediction:
    labels: dict[rdflib.term.Node, tuple[str, tuple[str, ...]]]  # node -> (label, altLabels)
    types: dict[rdflib.term.Node, frozenset[str]]
    facts: frozenset[tuple[rdflib.term.Node, str, rdflib.term.Node]]
    evidence: dict[tuple[rdflib.term.Node, str, rdflib.term.Node], tuple[_PredEvidence, ...]]


_NOT_ENTITY_TYPES = {
    RDF.Statement, RDF.Property, OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
    OWL.AnnotationProperty, OWL.Ontology, OWL.SymmetricProperty, RDFS.Class, KG.Document,
}


def _read_prediction(pred: rdflib.Graph, rels: frozenset[str], symmetric: frozenset[str]) -> _Prediction:
    kg_ns = str(KG)

    def is_entity(node: rdflib.term.Node) -> bool:
        if str(node).startswith(kg_ns):
            return False
        return not any(t in _NOT_ENTITY_TYPES for t in pred.objects(node, RDF.type))

    labels: dict[rdflib.term.Node, tuple[str, tuple[str, ...]]] = {}
    for node in set(pred.subjects(RDFS.label, None)):
        if not is_entity(node):
            continue
        main = sorted(str(v) for v in pred.objects(node, RDFS.label))
        alts = sorted({str(v) for v in pred.objects(node, SKOS.altLabel)} | set(main[1:]))
        labels[node] = (main[0], tuple(alts))

    facts = set()
    for prop in rels:
        for s, o in pred.subject_objects(KG[prop]):
            if isinstance(o, rdflib.Literal) or not (is_entity(s) and is_entity(o)):
                continue
            facts.add((s, prop, o))

    types = {
        node: frozenset(_local(t) for t in pred.objects(node, RDF.type) if str(t).startswith(kg_ns))
        for node in {n for f in facts for n in (f[0], f[2])} | set(labels)
    }

    doc_ids: dict[rdflib.term.Node, str] = {}
    for doc, ident in pred.subject_objects(DCTERMS.identifier):
        doc_ids[doc] = str(ident)
    evidence: dict[tuple, list[_PredEvidence]] = defaultdict(list)
    for st in pred.subjects(RDF.type, RDF.Statement):
        s, p, o = pred.value(st, RDF.subject), pred.value(st, RDF.predicate), pred.value(st, RDF.object)
        if s is None or p is None or o is None or not str(p).startswith(kg_ns):
            continue
        prop = _local(p)
        if prop not in rels:
            continue
        doc = pred.value(st, KG.fromDocument)
        conf = pred.value(st, KG.confidence)
        ev = _PredEvidence(
            doc=doc_ids.get(doc, str(doc)) if doc is not None else None,
            sentence=str(pred.value(st, KG.sentence) or ""),
            modality=str(pred.value(st, KG.modality) or "asserted"),
            confidence=float(conf) if conf is not None else None,
        )
        evidence[(s, prop, o)].append(ev)
        if prop in symmetric:
            evidence[(o, prop, s)].append(ev)
    return _Prediction(labels, types, frozenset(facts), {k: tuple(v) for k, v in evidence.items()})


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn, "gold": self.tp + self.fn, "predicted": self.tp + self.fp,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
        }


@dataclass(frozen=True, slots=True)
class FactLine:
    """One fact in a report list: names as written in gold (missed) or in the graph (wrong)."""

    subject: str
    property: str
    object: str
    doc: str | None
    evidence: str
    modality: str = ""
    confidence: float | None = None
    gold_subject: tuple[str, ...] = ()  # gold entity ids the predicted nodes matched
    gold_object: tuple[str, ...] = ()

    def to_text(self) -> str:
        where = f" [{self.doc}]" if self.doc else ""
        extra = ""
        if self.modality and self.modality != "asserted":
            extra = f" ({self.modality})"
        if self.confidence is not None:
            extra += f" conf={self.confidence:.2f}"
        unmatched = []
        if self.modality:  # a predicted fact: say which end is unknown to the gold set
            if not self.gold_subject:
                unmatched.append("subject not in gold")
            if not self.gold_object:
                unmatched.append("object not in gold")
        tail = f" <{'; '.join(unmatched)}>" if unmatched else ""
        ev = f' "{self.evidence}"' if self.evidence else ""
        return f"{self.subject} --{self.property}--> {self.object}{where}{extra}{tail}{ev}"


@dataclass(frozen=True, slots=True)
class Duplicate:
    gold_id: str
    gold_name: str
    nodes: tuple[str, ...]  # labels of the matching nodes


@dataclass(frozen=True, slots=True)
class FalseMerge:
    node: str
    label: str
    gold_ids: tuple[str, ...]


@dataclass(frozen=True)
class Report:
    gold_name: str
    per_document: bool
    matching: str
    properties: tuple[str, ...]
    all_properties: bool
    notes: tuple[str, ...]
    per_property: dict[str, PRF]
    micro: PRF
    macro_precision: float
    macro_recall: float
    macro_f1: float
    entity_total: int
    entity_found: int
    entity_type_agree: int
    duplicates: tuple[Duplicate, ...]
    false_merges: tuple[FalseMerge, ...]
    missed: tuple[FactLine, ...]
    wrong: tuple[FactLine, ...]
    correct: tuple[FactLine, ...]
    ignored_optional: int
    ignored_implied: int
    ignored_unscored: int
    predicted_nodes: int
    predicted_facts: int

    @property
    def entity_recall(self) -> float:
        return self.entity_found / self.entity_total if self.entity_total else 0.0

    def to_dict(self) -> dict[str, Any]:
        def line(f: FactLine) -> dict[str, Any]:
            return {
                "subject": f.subject, "property": f.property, "object": f.object, "doc": f.doc,
                "evidence": f.evidence, "modality": f.modality or None, "confidence": f.confidence,
                "gold_subject": list(f.gold_subject), "gold_object": list(f.gold_object),
            }

        return {
            "gold": self.gold_name,
            "mode": "per-document" if self.per_document else "global",
            "matching": self.matching,
            "properties": list(self.properties),
            "notes": list(self.notes),
            "micro": self.micro.to_dict(),
            "macro": {"precision": round(self.macro_precision, 4), "recall": round(self.macro_recall, 4),
                      "f1": round(self.macro_f1, 4)},
            "per_property": {p: v.to_dict() for p, v in self.per_property.items()},
            "entities": {
                "gold": self.entity_total, "found": self.entity_found, "recall": round(self.entity_recall, 4),
                "type_agree": self.entity_type_agree,
                "duplicates": [{"gold": d.gold_id, "name": d.gold_name, "nodes": list(d.nodes)} for d in self.duplicates],
                "false_merges": [{"node": m.node, "label": m.label, "gold": list(m.gold_ids)} for m in self.false_merges],
            },
            "ignored": {"optional": self.ignored_optional, "implied": self.ignored_implied,
                        "unscored_property": self.ignored_unscored},
            "predicted": {"nodes": self.predicted_nodes, "facts": self.predicted_facts},
            "missed": [line(f) for f in self.missed],
            "wrong": [line(f) for f in self.wrong],
            "correct": [line(f) for f in self.correct],
        }

    def to_text(self, *, max_items: int | None = None) -> str:
        out = [f"gold: {self.gold_name}  mode: {'per-document' if self.per_document else 'global'}"]
        out.append(f"matching used: {self.matching}")
        if self.all_properties:
            out.append(f"properties scored: all {len(self.properties)} relation properties of the ontology")
        else:
            out.append(f"properties scored: {', '.join(self.properties)} (predictions of other properties are ignored)")
        out.extend(f"note: {n}" for n in self.notes)
        out.append("")
        out.append(f"{'property':<16} {'gold':>5} {'pred':>5} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>6} {'R':>6} {'F1':>6}")
        for prop, v in self.per_property.items():
            out.append(f"{prop:<16} {v.tp + v.fn:>5} {v.tp + v.fp:>5} {v.tp:>5} {v.fp:>5} {v.fn:>5} "
                       f"{v.precision:>6.3f} {v.recall:>6.3f} {v.f1:>6.3f}")
        m = self.micro
        out.append(f"{'micro':<16} {m.tp + m.fn:>5} {m.tp + m.fp:>5} {m.tp:>5} {m.fp:>5} {m.fn:>5} "
                   f"{m.precision:>6.3f} {m.recall:>6.3f} {m.f1:>6.3f}")
        out.append(f"{'macro':<16} {'':>29} {self.macro_precision:>6.3f} {self.macro_recall:>6.3f} {self.macro_f1:>6.3f}")
        out.append("")
        out.append(f"entities: recall {self.entity_found}/{self.entity_total} = {self.entity_recall:.3f}; "
                   f"type agrees for {self.entity_type_agree}/{self.entity_found} found; "
                   f"duplicate nodes: {len(self.duplicates)}; false merges: {len(self.false_merges)}")
        out.append(f"predicted: {self.predicted_nodes} entity nodes, {self.predicted_facts} relation triples; ignored: "
                   f"{self.ignored_optional} matching optional facts, {self.ignored_implied} implied by a more "
                   f"specific gold fact, {self.ignored_unscored} of unscored properties")

        def section(title: str, lines: list[str]) -> None:
            if not lines:
                return
            out.append("")
            out.append(f"{title} ({len(lines)}):")
            shown = lines if max_items is None else lines[:max_items]
            out.extend(f"  - {x}" for x in shown)
            if len(shown) < len(lines):
                out.append(f"  ... {len(lines) - len(shown)} more")

        section("duplicate nodes (gold entity -> nodes)",
                [f"{d.gold_name} [{d.gold_id}] -> {', '.join(d.nodes)}" for d in self.duplicates])
        section("false merges (node -> gold entities)",
                [f"{m.label} <{m.node}> -> {', '.join(m.gold_ids)}" for m in self.false_merges])
        section("missed gold facts", [f.to_text() for f in self.missed])
        section("wrong predicted facts", [f.to_text() for f in self.wrong])
        return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


class _Matcher:
    """Maps predicted nodes to gold entity ids, per document scope."""

    def __init__(self, gold: Gold, labels: Mapping[rdflib.term.Node, tuple[str, tuple[str, ...]]]) -> None:
        self.entities = {e.id: e for e in gold.entities}
        self.canonical = {e.id: normalise(e.name) for e in gold.entities}
        index: dict[str, set[str]] = defaultdict(set)
        for ent in gold.entities:
            for name in ent.names():
                index[normalise(name)].add(ent.id)
        self.labels = labels
        self.candidates: dict[rdflib.term.Node, frozenset[str]] = {}
        for node, (main, alts) in labels.items():
            forms = {normalise(main), *(normalise(a) for a in alts)}
            self.candidates[node] = frozenset(i for f in forms if f for i in index.get(f, ()))
        self._cache: dict[tuple[rdflib.term.Node, str], frozenset[str]] = {}

    def match(self, node: rdflib.term.Node, scope: str) -> frozenset[str]:
        key = (node, scope)
        if key in self._cache:
            return self._cache[key]
        cands = self.candidates.get(node, frozenset())
        if scope != _ALL:
            cands = frozenset(i for i in cands if self.entities[i].doc in (None, scope))
        if len(cands) > 1:
            main = normalise(self.labels[node][0])
            preferred = frozenset(i for i in cands if self.canonical[i] == main)
            if preferred:
                cands = preferred
        self._cache[key] = cands
        return cands

    def scopes(self, node: rdflib.term.Node, per_document: bool) -> set[str]:
        """The scopes in which ``node`` can match anything."""
        if not per_document:
            return {_ALL}
        docs = {self.entities[i].doc for i in self.candidates.get(node, ())}
        return {d if d is not None else _ALL for d in docs}


def _canon(s: Any, p: str, o: Any, symmetric: frozenset[str]) -> tuple[Any, str, Any]:
    if p in symmetric and str(o) < str(s):
        return (o, p, s)
    return (s, p, o)


def evaluate(
    pred: rdflib.Graph,
    gold: Gold,
    *,
    per_document: bool = False,
    properties: Iterable[str] | None = None,
    ontology: rdflib.Graph | str | Path | None = None,
) -> Report:
    """Score the predicted graph ``pred`` against ``gold`` (see the module docstring).

    ``per_document`` keys every fact by its document (a predicted fact counts for each document
    of its asserted statements); ``properties`` restricts scoring to these relation properties
    (others are ignored on both sides).
    """
    onto = load_ontology(ontology)
    rels = relation_properties(onto)
    symmetric = symmetric_properties(onto)
    supers = _super_properties(onto)
    subclasses = _subclasses(onto)
    if properties is None:
        scored = rels
        all_props = True
    else:
        scored = frozenset(properties)
        unknown = scored - rels
        if unknown:
            raise ValueError(f"properties {sorted(unknown)} are not relation properties of the ontology; "
                             f"choose from {sorted(rels)}")
        all_props = scored == rels

    prediction = _read_prediction(pred, rels, symmetric)
    matcher = _Matcher(gold, prediction.labels)
    names = {e.id: e.name for e in gold.entities}
    notes = list(gold.notes)

    def gkey(f: GoldFact) -> tuple:
        s, p, o = _canon(f.subject, f.property, f.object, symmetric)
        return (s, p, o, f.doc if per_document else None)

    required: dict[tuple, list[GoldFact]] = defaultdict(list)
    for f in gold.relations:
        if f.property in scored:
            required[gkey(f)].append(f)
    optional: set[tuple] = set()
    any_gold: set[tuple] = set(required)
    for f in gold.optional:
        k = gkey(f)
        any_gold.add(k)
        if f.property in scored and k not in required:
            optional.add(k)
    # all gold facts, scored or not, for the "implied super-property" rule
    for f in gold.relations:
        any_gold.add(gkey(f))

    # predicted items: (s, p, o, doc)
    items: list[tuple[rdflib.term.Node, str, rdflib.term.Node, str | None]] = []
    ignored_unscored = 0
    no_doc = 0
    for s, p, o in sorted(prediction.facts, key=lambda f: (str(f[0]), f[1], str(f[2]))):
        if p not in scored:
            ignored_unscored += 1
            continue
        if not per_document:
            items.append((s, p, o, None))
            continue
        docs = sorted({e.doc for e in prediction.evidence.get((s, p, o), ()) if e.doc and e.modality == "asserted"})
        if not docs:
            no_doc += 1
            items.append((s, p, o, None))
        for d in docs:
            items.append((s, p, o, d))
    if no_doc:
        notes.append(f"{no_doc} predicted facts have no asserted statement with kg:fromDocument; "
                     "in per-document mode they count as wrong")

    hit: dict[tuple, list[tuple]] = defaultdict(list)  # gold key -> predicted items
    wrong: dict[tuple, tuple] = {}
    ignored_optional = ignored_implied = 0
    for s, p, o, d in items:
        scope = _ALL if not per_document else (d if d is not None else "\x00none")
        S, O = matcher.match(s, scope), matcher.match(o, scope)
        doc_key = d if per_document else None
        pairs = {(a, b) for a in S for b in O if a != b}
        if p in symmetric:
            pairs |= {(b, a) for a, b in pairs}
        keys = {(a, p, b, doc_key) for a, b in pairs}
        keys = {(*_canon(k[0], p, k[2], symmetric), doc_key) for k in keys}
        found = [k for k in keys if k in required]
        if found:
            for k in found:
                hit[k].append((s, p, o, d))
            continue
        if keys & optional:
            ignored_optional += 1
            continue
        implied = any(
            (*_canon(a, q, b, symmetric), doc_key) in any_gold
            for a, b in pairs for q in rels if p in supers.get(q, ())
        )
        if implied:
            ignored_implied += 1
            continue
        subj_key = tuple(sorted(S)) or (str(s),)
        obj_key = tuple(sorted(O)) or (str(o),)
        wkey = (subj_key, p, obj_key, doc_key)
        if p in symmetric and str(obj_key) < str(subj_key):
            wkey = (obj_key, p, subj_key, doc_key)
        wrong.setdefault(wkey, (s, p, o, d, S, O))

    # -- counts --------------------------------------------------------------------------
    counts: dict[str, list[int]] = {p: [0, 0, 0] for p in sorted(scored)}
    for k in required:
        counts[k[1]][0 if k in hit else 2] += 1
    for (_, p, _, _), _v in wrong.items():
        counts[p][1] += 1
    per_property = {p: PRF(*v) for p, v in counts.items() if any(v)}
    micro = PRF(*(sum(v[i] for v in counts.values()) for i in range(3)))
    if per_property:
        macro_p = sum(v.precision for v in per_property.values()) / len(per_property)
        macro_r = sum(v.recall for v in per_property.values()) / len(per_property)
        macro_f = sum(v.f1 for v in per_property.values()) / len(per_property)
    else:
        macro_p = macro_r = macro_f = 0.0

    # -- fact lists ----------------------------------------------------------------------
    def label(node: rdflib.term.Node) -> str:
        return prediction.labels[node][0] if node in prediction.labels else str(node)

    def best_evidence(s, p, o, d) -> _PredEvidence | None:
        evs = [e for e in prediction.evidence.get((s, p, o), ()) if d is None or e.doc == d]
        if not evs:
            return None
        evs.sort(key=lambda e: (e.modality != "asserted", -(e.confidence or 0.0), e.sentence))
        return evs[0]

    missed = []
    correct = []
    for k in sorted(required, key=lambda k: (k[1], names[k[0]], names[k[2]], k[3] or "")):
        facts = required[k]
        ev = " | ".join(dict.fromkeys(f.evidence for f in facts if f.evidence))
        docs = ", ".join(dict.fromkeys(f.doc for f in facts))
        line = FactLine(names[facts[0].subject], k[1], names[facts[0].object], docs, ev,
                        gold_subject=(facts[0].subject,), gold_object=(facts[0].object,))
        (correct if k in hit else missed).append(line)
    wrong_lines = []
    for s, p, o, d, S, O in wrong.values():
        ev = best_evidence(s, p, o, d)
        wrong_lines.append(FactLine(
            label(s), p, label(o), d if d is not None else (ev.doc if ev else None),
            ev.sentence if ev else "", ev.modality if ev else "asserted",
            ev.confidence if ev else None, tuple(sorted(S)), tuple(sorted(O)),
        ))
    wrong_lines.sort(key=lambda f: (f.property, f.subject, f.object, f.doc or ""))

    # -- entities ------------------------------------------------------------------------
    nodes_of: dict[str, set[rdflib.term.Node]] = defaultdict(set)
    merges: dict[tuple[rdflib.term.Node, frozenset[str]], None] = {}
    for node in prediction.labels:
        for scope in matcher.scopes(node, per_document):
            ids = matcher.match(node, scope)
            for i in ids:
                nodes_of[i].add(node)
            if len(ids) > 1:
                merges[(node, ids)] = None
    type_agree = 0
    for ent_id, nodes in nodes_of.items():
        allowed = subclasses.get(matcher.entities[ent_id].type, frozenset({matcher.entities[ent_id].type}))
        if any(prediction.types.get(n, frozenset()) & allowed for n in nodes):
            type_agree += 1
    duplicates = tuple(
        Duplicate(i, names[i], tuple(sorted(label(n) for n in nodes)))
        for i, nodes in sorted(nodes_of.items()) if len(nodes) > 1
    )
    false_merges = tuple(
        FalseMerge(str(node), label(node), tuple(sorted(ids)))
        for node, ids in sorted(merges, key=lambda m: (str(m[0]), sorted(m[1])))
    )
    if per_document:
        notes.append("per-document mode: a fact counts only for the document of its statement; "
                     "entity recall is by name over the whole graph")
    return Report(
        gold_name=gold.name,
        per_document=per_document,
        matching=MATCHING_RULE,
        properties=tuple(sorted(scored)),
        all_properties=all_props,
        notes=tuple(notes),
        per_property=per_property,
        micro=micro,
        macro_precision=macro_p,
        macro_recall=macro_r,
        macro_f1=macro_f,
        entity_total=len(gold.entities),
        entity_found=len(nodes_of),
        entity_type_agree=type_agree,
        duplicates=duplicates,
        false_merges=false_merges,
        missed=tuple(missed),
        wrong=tuple(wrong_lines),
        correct=tuple(correct),
        ignored_optional=ignored_optional,
        ignored_implied=ignored_implied,
        ignored_unscored=ignored_unscored,
        predicted_nodes=len(prediction.labels),
        predicted_facts=len(prediction.facts),
    )
