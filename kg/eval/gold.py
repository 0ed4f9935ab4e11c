"""Gold sets: the JSON format of ``tests/gold/FORMAT.md`` read and validated into records.

A gold set names documents by reference (a file, a BBC id, an AG News row, an AllSides id, a
CoNLL04 sentence), the entities they mention and the facts they state (required and optional),
with optional time, role status and speaker per fact.  Texts are resolved by
:mod:`kg.eval.corpora`.
"""

from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Mapping

from kg.eval.names import normalise
from kg.eval.terms import ontology_of, relation_properties, super_properties
from kg.model import Document
from kg.resources import Ontology

log = logging.getLogger(__name__)

__all__ = ["GoldError", "GoldDocument", "GoldEntity", "GoldTime", "GoldFact", "Gold", "STATUSES", "UNNAMED_SPEAKER",
           "gold_from_dict", "load_gold", "ambiguous_names"]

_ALL = "\x00all"  # pseudo document scope: every gold entity


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
class GoldTime:
    """The time a text gives for a fact: the expression and its normalised bounds (ISO dates).

    One day has ``start == end``; an open interval ("since 1999") has only one bound.
    """

    text: str
    start: str | None = None
    end: str | None = None


STATUSES = frozenset({"current", "former", "future"})
UNNAMED_SPEAKER = "unnamed"


@dataclass(frozen=True, slots=True)
class GoldFact:
    """One gold fact; ``time``, ``status`` and ``speaker`` are kept when the gold gives them
    (news corpus: see tests/gold/GUIDELINE.md) and are not used by the scorer."""

    subject: str
    property: str
    object: str
    doc: str
    evidence: str = ""
    note: str = ""
    time: GoldTime | None = None
    status: str | None = None  # one of STATUSES, on worksFor/memberOf and their sub-properties
    speaker: str | None = None  # an entity id, or UNNAMED_SPEAKER


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


_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")


def _gold_time(raw: Any, w: str) -> GoldTime:
    """Validate a fact's ``time`` object (text plus start and/or end, ISO dates, start <= end)."""
    hint = 'write it as {"text": "last week", "start": "2016-09-12", "end": "2016-09-18"}'
    if not isinstance(raw, Mapping):
        raise GoldError(f"{w}: 'time' must be an object, got {raw!r}; {hint}")
    unknown = sorted(set(raw) - {"text", "start", "end"})
    if unknown:
        raise GoldError(f"{w}: 'time' has unknown keys {unknown}; only text, start and end are allowed")
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise GoldError(f"{w}: 'time' needs a non-empty 'text' (the expression in the document); {hint}")
    if "start" not in raw and "end" not in raw:
        raise GoldError(f"{w}: 'time' needs 'start' and/or 'end'; {hint}")
    for key in ("start", "end"):
        value = raw.get(key)
        if key in raw and not (isinstance(value, str) and _ISO_DATE.fullmatch(value) and _valid_date(value)):
            raise GoldError(f"{w}: time {key!r} must be a date YYYY-MM-DD, got {value!r}")
    start, end = raw.get("start"), raw.get("end")
    if start and end and start > end:
        raise GoldError(f"{w}: time start {start} is after end {end}; swap them")
    return GoldTime(text, start, end)


def _valid_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _fact_extras(
    raw: Mapping[str, Any], w: str, prop: str, doc: str, ent_doc: Mapping[str, str | None],
    status_props: frozenset[str],
) -> dict[str, Any]:
    """Validate the optional ``time``, ``status`` and ``speaker`` of a fact (GoldFact keywords)."""
    out: dict[str, Any] = {}
    if raw.get("time") is not None:
        out["time"] = _gold_time(raw["time"], w)
    status = raw.get("status")
    if status is not None:
        if status not in STATUSES:
            raise GoldError(f"{w}: status {status!r} is not one of {sorted(STATUSES)}")
        if prop not in status_props:
            raise GoldError(f"{w}: status is for {', '.join(sorted(status_props))} only, not {prop!r}; "
                            "drop it or change the property")
        out["status"] = status
    speaker = raw.get("speaker")
    if speaker is not None:
        if not isinstance(speaker, str) or (speaker != UNNAMED_SPEAKER and speaker not in ent_doc):
            raise GoldError(f"{w}: speaker {speaker!r} must be an entity id or {UNNAMED_SPEAKER!r}; "
                            "add the speaker under 'entities'")
        if speaker != UNNAMED_SPEAKER and ent_doc[speaker] not in (None, doc):
            raise GoldError(f"{w}: speaker {speaker!r} belongs to document {ent_doc[speaker]!r}, not {doc!r}")
        out["speaker"] = speaker
    return out


def gold_from_dict(
    data: Mapping[str, Any], *, ontology: Ontology | str | Path | None = None, path: str | None = None
) -> Gold:
    """Validate a parsed gold JSON object and build a :class:`Gold`."""
    where = path or "<gold>"
    if not isinstance(data, Mapping):
        raise GoldError(f"{where}: the top level must be a JSON object")
    onto = ontology_of(ontology)
    documents = _documents(data, where)
    doc_ids = {d.id for d in documents}
    entities = _entities(data, where, doc_ids, frozenset(onto.classes))
    ent_ids = {e.id: e.doc for e in entities}
    rels = relation_properties(onto)
    supers = super_properties(onto)
    status_props = frozenset(p for p in rels if {"worksFor", "memberOf"} & ({p} | supers[p]))
    relations, optional = (_facts(data, key, where, doc_ids, ent_ids, rels, status_props)
                           for key in ("relations", "optional"))
    inline = tuple(
        Document(d.id, str(d.source["text"]), source="gold-inline") for d in documents if "text" in d.source
    )
    gold = Gold(
        name=str(data.get("name") or (Path(path).stem if path else "gold")),
        documents=tuple(documents), entities=tuple(entities), relations=relations, optional=optional,
        description=str(data.get("description", "")), notes=tuple(str(n) for n in data.get("notes", [])),
        path=path, inline_documents=inline,
    )
    for form, ids in ambiguous_names(gold).items():
        log.warning("gold %s: normalised name %r is shared by entities %s", gold.name, form, ", ".join(ids))
    return gold


def _documents(data: Mapping[str, Any], where: str) -> list[GoldDocument]:
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
    return documents


def _entities(data: Mapping[str, Any], where: str, doc_ids: set[str], classes: frozenset[str]) -> list[GoldEntity]:
    entities: list[GoldEntity] = []
    seen: set[str] = set()
    for i, raw in enumerate(_need(data, "entities", where, list)):
        w = f"{where}: entities[{i}]"
        ent_id = _need(raw, "id", w)
        name = _need(raw, "name", w)
        etype = _need(raw, "type", w)
        aliases = raw.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise GoldError(f"{w}: 'aliases' must be a list of strings")
        if ent_id in seen:
            raise GoldError(f"{w}: duplicate entity id {ent_id!r}; ids must be unique")
        if etype not in classes:
            raise GoldError(f"{w}: type {etype!r} is not a class of the ontology; use one of {sorted(classes)}")
        doc = raw.get("doc")
        if doc is not None and doc not in doc_ids:
            raise GoldError(f"{w}: doc {doc!r} is not listed under 'documents'")
        if not normalise(name):
            raise GoldError(f"{w}: name {name!r} is empty after normalisation")
        seen.add(ent_id)
        entities.append(GoldEntity(ent_id, name, etype, tuple(aliases), doc))
    return entities


def _facts(data: Mapping[str, Any], key: str, where: str, doc_ids: set[str], ent_ids: dict[str, str | None],
           rels: frozenset[str], status_props: frozenset[str]) -> tuple[GoldFact, ...]:
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
        extras = _fact_extras(raw, w, prop, doc, ent_ids, status_props)
        out.append(GoldFact(subj, prop, obj, doc, str(raw.get("evidence", "")), str(raw.get("note", "")), **extras))
    return tuple(out)


def load_gold(path: str | Path, *, ontology: Ontology | str | Path | None = None) -> Gold:
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
    """Normalised forms shared by several entities of one document scope and not resolved by the
    canonical-name rule (both entities use the form as an alias, or both as the name).

    A scope is one document (its entities plus the global ones, as the per-document matcher sees
    them) or the global entities alone.  Entities of different documents never compete, so a
    name that recurs across documents (per-document entities of the news corpus) is not reported.
    Returns form -> ids of the entities sharing it, over all scopes where it is ambiguous.
    """
    by_scope: dict[tuple[str | None, str], list[GoldEntity]] = defaultdict(list)
    for ent in gold.entities:
        for form in {normalise(n) for n in ent.names()}:
            by_scope[(ent.doc, form)].append(ent)
    for (doc, form), ents in list(by_scope.items()):
        if doc is not None:
            ents.extend(by_scope.get((None, form), ()))
    out: dict[str, set[str]] = defaultdict(set)
    for (_, form), ents in by_scope.items():
        if len(ents) > 1:
            canonical = [e for e in ents if normalise(e.name) == form]
            if len(canonical) != 1:
                out[form].update(e.id for e in ents)
    return {form: sorted(ids) for form, ids in sorted(out.items())}
