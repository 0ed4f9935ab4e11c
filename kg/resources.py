"""Load and validate the data files the extractor reads: ontology, lexicons, gazetteer.

Everything the extractor knows about the world or about English lives in ``ontologies/``:

* ``newskg.ttl``               classes and relation properties (domain, range, symmetry)
* ``lexicon/relations.toml``   triggers per relation property (verbs, nouns, roles, ...)
* ``lexicon/entities.toml``    head words, titles-independent word lists, entity patterns
* ``gazetteer/*.jsonl``        countries, organisations, cities with aliases

Files are validated on load; a bad file raises :class:`kg.errors.DataFileError` naming the file
and the entry.  Nothing here depends on spaCy.
"""

from __future__ import annotations

import json
import logging
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.collection import Collection

from kg.errors import DataFileError
from kg.vocab import KG_NS

log = logging.getLogger(__name__)

__all__ = [
    "data_dir",
    "Ontology",
    "PropertyDef",
    "RelationLexicon",
    "Trigger",
    "GazetteerEntry",
    "Gazetteer",
    "EntityLexicon",
    "Resources",
    "load_resources",
]


def data_dir() -> Path:
    """The ``ontologies`` folder: inside the installed wheel, or at the repository root."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "ontologies", here.parent / "ontologies"):
        if (candidate / "newskg.ttl").is_file():
            return candidate
    raise DataFileError(
        "cannot find the newskg data folder (ontologies/newskg.ttl) next to the kg package; "
        "reinstall newskg (`pip install -e .` from the repository)."
    )


# --------------------------------------------------------------------------------------------
# Ontology
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PropertyDef:
    name: str
    label: str
    comment: str
    domain: str
    range: tuple[str, ...]  # one class, or the members of an owl:unionOf
    symmetric: bool


@dataclass(frozen=True)
class Ontology:
    classes: dict[str, tuple[str, ...]]  # local name -> all kg superclasses (incl. itself)
    properties: dict[str, PropertyDef]  # relation properties only (sub-properties of kg:relation)
    labels: dict[str, str]
    # property -> its owl:propertyChainAxiom pairs ("basedIn": (("basedIn", "locatedIn"),))
    chains: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)

    def is_a(self, cls: str, target: str) -> bool:
        return target in self.classes.get(cls, (cls,))

    @property
    def symmetric(self) -> frozenset[str]:
        return frozenset(p.name for p in self.properties.values() if p.symmetric)

    def admits(self, prop: str, subject_cls: str, object_cls: str) -> bool:
        """Do the property's domain and range admit these classes?"""
        p = self.properties[prop]
        return self.is_a(subject_cls, p.domain) and any(self.is_a(object_cls, r) for r in p.range)


def _local(term: URIRef) -> str | None:
    s = str(term)
    return s[len(KG_NS):] if s.startswith(KG_NS) else None


def load_ontology(path: Path) -> Ontology:
    g = Graph()
    try:
        g.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many types
        raise DataFileError(f"{path}: not valid Turtle ({exc}); fix the file or reinstall newskg.") from exc
    direct: dict[str, set[str]] = {}
    for cls in set(g.subjects(RDF.type, OWL.Class)):
        name = _local(cls)
        if name is None:
            continue
        direct[name] = {p for p in (_local(o) for o in g.objects(cls, RDFS.subClassOf)) if p}

    def ancestors(name: str, seen: tuple[str, ...] = ()) -> tuple[str, ...]:
        out = [name]
        for parent in sorted(direct.get(name, ())):
            if parent not in seen:
                out += [a for a in ancestors(parent, seen + (name,)) if a not in out]
        return tuple(out)

    classes = {name: ancestors(name) for name in sorted(direct)}
    prop_parents = {
        _local(p): {_local(o) for o in g.objects(p, RDFS.subPropertyOf)}
        for p in g.subjects(RDF.type, OWL.ObjectProperty)
        if _local(p)
    }

    def is_relation(name: str, depth: int = 0) -> bool:
        parents = prop_parents.get(name, set())
        return "relation" in parents or (depth < 10 and any(is_relation(p, depth + 1) for p in parents if p))

    labels = {n: str(g.value(URIRef(KG_NS + n), RDFS.label) or n) for n in classes}
    properties: dict[str, PropertyDef] = {}
    for name in sorted(n for n in prop_parents if is_relation(n)):
        iri = URIRef(KG_NS + name)
        dom = _local(g.value(iri, RDFS.domain))
        rng_node = g.value(iri, RDFS.range)
        union = g.value(rng_node, OWL.unionOf) if rng_node is not None else None
        rng = tuple(_local(t) for t in Collection(g, union)) if union is not None else (_local(rng_node),)
        if dom not in classes or not rng or any(r not in classes for r in rng):
            raise DataFileError(f"{path}: property kg:{name} needs an rdfs:domain and an rdfs:range among the kg "
                                f"classes (the range may be an owl:unionOf list of them).")
        properties[name] = PropertyDef(
            name=name,
            label=str(g.value(iri, RDFS.label) or name),
            comment=str(g.value(iri, RDFS.comment) or ""),
            domain=dom,
            range=rng,
            symmetric=(iri, RDF.type, OWL.SymmetricProperty) in g,
        )
    chains: dict[str, list[tuple[str, str]]] = {}
    for prop, head in sorted(g.subject_objects(OWL.propertyChainAxiom)):
        name = _local(prop)
        steps = tuple(_local(t) for t in Collection(g, head))
        if name not in properties or len(steps) != 2 or any(st not in properties for st in steps):
            raise DataFileError(
                f"{path}: the owl:propertyChainAxiom of {prop} must list two kg relation properties and "
                f"belong to one (longer chains are not supported); fix the list."
            )
        chains.setdefault(name, []).append(steps)
    return Ontology(classes=classes, properties=properties, labels=labels,
                    chains={k: tuple(sorted(v)) for k, v in sorted(chains.items())})


# --------------------------------------------------------------------------------------------
# Relation lexicon
# --------------------------------------------------------------------------------------------
TRIGGER_KINDS = ("verbs", "inverse_verbs", "nouns", "inverse_nouns", "roles", "compounds", "hyphen_adjectives",
                 "collective_verbs")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger: ``lemma`` (possibly several words) and an optional preposition."""

    prop: str
    kind: str
    lemma: str
    prep: str | None

    @classmethod
    def parse(cls, prop: str, kind: str, text: str) -> "Trigger":
        words = text.lower().split()
        if not words:
            raise ValueError("empty trigger")
        if kind in ("verbs", "inverse_verbs", "nouns", "inverse_nouns", "roles") and len(words) > 1 \
                and words[-1] in PREPOSITIONS:
            return cls(prop, kind, " ".join(words[:-1]), words[-1])
        return cls(prop, kind, " ".join(words), None)


PROPERTY_KEYS = ("theme", "confidence", "yields_to", "intransitive", "person_subject_means")

PREPOSITIONS = frozenset(
    "with to in into on against of for from between by at over about among near".split()
)


@dataclass(frozen=True)
class RelationLexicon:
    triggers: dict[str, tuple[Trigger, ...]]  # kind -> triggers
    themes: dict[str, frozenset[str]]  # property -> theme lemmas that must be present
    confidence: dict[str, float]  # property -> base confidence
    words: dict[str, frozenset[str]]  # named word lists (hedges, negations, ...)
    # property -> properties it yields to for the same pair, sentence and rule (kg.extract.infer)
    yields_to: dict[str, frozenset[str]] = field(default_factory=dict)
    # properties whose "verb + preposition" triggers only count without a direct object
    intransitive: frozenset[str] = frozenset()
    # property -> the property it means with a person as subject and a non-person as object
    # ("X attacked the party's plans": a person's attack on an institution is verbal)
    person_reading: dict[str, str] = field(default_factory=dict)

    def by_lemma(self, kind: str) -> dict[str, list[Trigger]]:
        out: dict[str, list[Trigger]] = {}
        for t in self.triggers.get(kind, ()):
            out.setdefault(t.lemma, []).append(t)
        return out


def load_relation_lexicon(path: Path, ontology: Ontology) -> RelationLexicon:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read the relation lexicon ({exc}).") from exc
    props = data.get("properties", {})
    triggers: dict[str, list[Trigger]] = {k: [] for k in TRIGGER_KINDS}
    themes: dict[str, frozenset[str]] = {}
    confidence: dict[str, float] = {}
    yields_to: dict[str, frozenset[str]] = {}
    intransitive: set[str] = set()
    person_reading: dict[str, str] = {}
    for prop, spec in sorted(props.items()):
        if prop not in ontology.properties:
            raise DataFileError(
                f"{path}: [properties.{prop}] names no relation property of the ontology; "
                f"declare kg:{prop} in newskg.ttl or fix the spelling."
            )
        for key, value in spec.items():
            if key == "theme":
                themes[prop] = frozenset(w.lower() for w in value)
            elif key == "confidence":
                if not 0 < float(value) <= 1:
                    raise DataFileError(f"{path}: [properties.{prop}] confidence must be in (0, 1].")
                confidence[prop] = float(value)
            elif key == "intransitive":
                if not isinstance(value, bool):
                    raise DataFileError(f"{path}: [properties.{prop}] intransitive must be true or false.")
                if value:
                    intransitive.add(prop)
            elif key == "person_subject_means":
                if value not in ontology.properties:
                    raise DataFileError(f"{path}: [properties.{prop}] person_subject_means names no relation "
                                        f"property of newskg.ttl: {value!r}.")
                person_reading[prop] = value
            elif key == "yields_to":
                unknown = [q for q in value if q not in ontology.properties]
                if unknown:
                    raise DataFileError(f"{path}: [properties.{prop}] yields_to names unknown properties "
                                        f"{', '.join(unknown)}; use relation properties of newskg.ttl.")
                yields_to[prop] = frozenset(value)
            elif key in TRIGGER_KINDS:
                for text in value:
                    try:
                        triggers[key].append(Trigger.parse(prop, key, text))
                    except ValueError as exc:
                        raise DataFileError(f"{path}: [properties.{prop}] {key}: {exc}") from exc
            else:
                raise DataFileError(
                    f"{path}: [properties.{prop}] has unknown key {key!r}; "
                    f"allowed: {', '.join(TRIGGER_KINDS + PROPERTY_KEYS)}."
                )
    words = {k: frozenset(w.lower() for w in v) for k, v in data.get("words", {}).items()}
    return RelationLexicon(
        triggers={k: tuple(v) for k, v in triggers.items()},
        themes=themes,
        confidence=confidence,
        words=words,
        yields_to=yields_to,
        intransitive=frozenset(intransitive),
        person_reading=person_reading,
    )


# --------------------------------------------------------------------------------------------
# Entity lexicon (head words, NER label mapping, patterns)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class EntityLexicon:
    ner_classes: dict[str, str]  # spaCy label -> ontology class ("" = ignore)
    head_classes: dict[str, str]  # lowercase head word -> class ("missiles" -> WeaponSystem)
    patterns: tuple[dict, ...]  # spaCy Matcher patterns: {"id", "class", "pattern"}
    designation: re.Pattern[str]  # weapon designations like "XX-12"
    words: dict[str, frozenset[str]]


def load_entity_lexicon(path: Path, ontology: Ontology) -> EntityLexicon:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read the entity lexicon ({exc}).") from exc
    ner = data.get("ner_classes", {})
    heads: dict[str, str] = {}
    for cls, words in data.get("head_classes", {}).items():
        for w in words:
            heads[w.lower()] = cls
    patterns = tuple(data.get("patterns", []))
    for cls in list(ner.values()) + list(heads.values()) + [p.get("class", "") for p in patterns]:
        if cls and cls not in ontology.classes:
            raise DataFileError(f"{path}: class {cls!r} is not declared in newskg.ttl.")
    for p in patterns:
        if not {"id", "class", "pattern"} <= set(p):
            raise DataFileError(f"{path}: every [[patterns]] entry needs id, class and pattern; got {p}.")
    try:
        designation = re.compile(data.get("designation_regex", r"^$"))
    except re.error as exc:
        raise DataFileError(f"{path}: designation_regex is not a valid regex ({exc}).") from exc
    words = {k: frozenset(w.lower() for w in v) for k, v in data.get("words", {}).items()}
    return EntityLexicon(ner, heads, patterns, designation, words)


# --------------------------------------------------------------------------------------------
# Gazetteer
# --------------------------------------------------------------------------------------------
_ID_RE = re.compile(r"^(country|org|city|region)/[a-z0-9-]+$")
_QID_RE = re.compile(r"^Q[0-9]+$")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    id: str
    cls: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    country: str | None = None
    wikidata: str | None = None


@dataclass(frozen=True)
class Gazetteer:
    entries: dict[str, GazetteerEntry]
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # surface -> entry ids
    demonyms: dict[str, str] = field(default_factory=dict)  # demonym -> country id
    capitals: dict[str, str] = field(default_factory=dict)  # capital surface -> country id

    def lookup(self, surface: str) -> tuple[GazetteerEntry, ...]:
        return tuple(self.entries[i] for i in self.names.get(surface, ()))

    def lookup_caps(self, surface: str) -> tuple[GazetteerEntry, ...]:
        """Entries for an all-capitals surface ("PORT-AU-PRINCE", "NEW YORK"), whatever the case of
        the name in the gazetteer; () when the surface is not all capitals or nothing matches."""
        if not surface.isupper():
            return ()
        return tuple(self.entries[i] for i in self.folded.get(surface.casefold(), ()))

    @cached_property
    def folded(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for surface, ids in self.names.items():
            out.setdefault(surface.casefold(), []).extend(i for i in ids if i not in out.get(surface.casefold(), ()))
        return {k: tuple(v) for k, v in out.items()}


def load_gazetteer(folder: Path, ontology: Ontology) -> Gazetteer:
    entries: dict[str, GazetteerEntry] = {}
    for path in sorted(folder.glob("*.jsonl")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                entry = GazetteerEntry(
                    id=row["id"],
                    cls=row["class"],
                    name=row["name"],
                    aliases=tuple(row.get("aliases") or ()),
                    demonyms=tuple(row.get("demonyms") or ()),
                    capitals=tuple(row.get("capitals") or ()),
                    country=row.get("country"),
                    wikidata=row.get("wikidata"),
                )
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise DataFileError(f"{path}:{lineno}: invalid gazetteer entry ({exc}).") from exc
            if not _ID_RE.match(entry.id) or entry.cls not in ontology.classes:
                raise DataFileError(f"{path}:{lineno}: bad id {entry.id!r} or class {entry.cls!r}.")
            if entry.wikidata is not None and not _QID_RE.match(entry.wikidata):
                raise DataFileError(f"{path}:{lineno}: wikidata must look like Q123, got {entry.wikidata!r}.")
            if entry.id in entries:
                raise DataFileError(f"{path}:{lineno}: duplicate gazetteer id {entry.id!r}.")
            entries[entry.id] = entry
    names: dict[str, list[str]] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for entry in entries.values():
        for surface in (entry.name, *entry.aliases):
            for form in {surface, _strip_the(surface)}:
                ids = names.setdefault(form, [])
                if entry.id not in ids:
                    ids.append(entry.id)
        for d in entry.demonyms:
            demonyms.setdefault(d, entry.id)
        for c in entry.capitals:
            capitals.setdefault(c, entry.id)
    log.debug("gazetteer: %d entries, %d surface forms", len(entries), len(names))
    return Gazetteer(entries, {k: tuple(v) for k, v in names.items()}, demonyms, capitals)


def _strip_the(s: str) -> str:
    return s[4:] if s.lower().startswith("the ") else s


# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Resources:
    """Everything the extractor reads, loaded once per build."""

    ontology: Ontology
    relations: RelationLexicon
    entities: EntityLexicon
    gazetteer: Gazetteer
    folder: Path

    @property
    def ontology_path(self) -> Path:
        return self.folder / "newskg.ttl"

    @cached_property
    def title_words(self) -> frozenset[str]:
        """Words that belong in a job title, not in a name: honorifics, forms of address and their
        modifiers, portfolios ("Defence" of "Defence Secretary") and the role triggers."""
        ew, rw = self.entities.words, self.relations.words
        return frozenset().union(*(ew.get(k, ()) for k in ("honorifics", "name_titles", "title_modifiers")),
                                 rw.get("portfolios", ()), self.relations.by_lemma("roles"))

    @cached_property
    def person_nouns(self) -> frozenset[str]:
        """Nouns that denote a person only: the occupations word list and the roles of worksFor,
        livesIn and killed (one-word roles and the last word of longer ones).  Roles of leaderOf are
        left out: an organisation is "the market leader" or "the owner of" something too."""
        out = set(self.relations.words.get("occupations", ()))
        for t in self.relations.triggers.get("roles", ()):
            if t.prop in ("worksFor", "livesIn", "killed"):
                out.add(t.lemma.split()[-1])
        return frozenset(out)


@lru_cache(maxsize=4)
def load_resources(folder: Path | None = None) -> Resources:
    """Load and validate the data folder (default: the shipped ``ontologies/``)."""
    folder = Path(folder) if folder else data_dir()
    onto = load_ontology(folder / "newskg.ttl")
    return Resources(
        ontology=onto,
        relations=load_relation_lexicon(folder / "lexicon" / "relations.toml", onto),
        entities=load_entity_lexicon(folder / "lexicon" / "entities.toml", onto),
        gazetteer=load_gazetteer(folder / "gazetteer", onto),
        folder=folder,
    )
