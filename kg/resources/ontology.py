"""The ontology (``ontologies/newskg.ttl``) as the extractor reads it: classes with their
super-classes, relation properties with domain, range and symmetry, and property chains."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.collection import Collection

from kg.errors import DataFileError
from kg.vocab import KG_NS

__all__ = ["PropertyDef", "Ontology", "load_ontology"]


@dataclass(frozen=True, slots=True)
class PropertyDef:
    name: str
    label: str
    comment: str
    domain: str
    range: tuple[str, ...]  # one class, or the members of an owl:unionOf
    symmetric: bool
    parents: tuple[str, ...] = ()  # direct super-properties among the relation properties
    event: bool = False  # a kg:EventProperty: happens at a time (statements carry an event time)
    post: bool = False  # a kg:PostProperty: a person's post (statements carry a role status)


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
    def events(self) -> frozenset[str]:
        """The event properties (kg:EventProperty): their statements carry an event time."""
        return frozenset(p.name for p in self.properties.values() if p.event)

    @property
    def posts(self) -> frozenset[str]:
        """The post properties (kg:PostProperty) and their sub-properties: a role status."""
        return frozenset(p.name for p in self.properties.values()
                         if p.post or any(self.properties[q].post for q in self.super_properties(p.name)))

    @property
    def symmetric(self) -> frozenset[str]:
        return frozenset(p.name for p in self.properties.values() if p.symmetric)

    def super_properties(self, prop: str) -> frozenset[str]:
        """The strict super-properties of ``prop`` among the relation properties (leaderOf: worksFor).

        >>> from kg.resources import load_resources
        >>> sorted(load_resources().ontology.super_properties("leaderOf"))
        ['worksFor']
        """
        out: set[str] = set()
        todo = list(self.properties[prop].parents) if prop in self.properties else []
        while todo:
            p = todo.pop()
            if p not in out and p in self.properties:
                out.add(p)
                todo += self.properties[p].parents
        return frozenset(out)

    def subclasses(self, cls: str) -> frozenset[str]:
        """``cls`` and every class below it."""
        return frozenset(c for c, ancestors in self.classes.items() if cls in ancestors)

    def admits(self, prop: str, subject_cls: str, object_cls: str) -> bool:
        """Do the property's domain and range admit these classes?"""
        p = self.properties[prop]
        return self.is_a(subject_cls, p.domain) and any(self.is_a(object_cls, r) for r in p.range)


_KIND_EVENT = URIRef(KG_NS + "EventProperty")
_KIND_POST = URIRef(KG_NS + "PostProperty")


def _local(term: URIRef) -> str | None:
    s = str(term)
    return s[len(KG_NS):] if s.startswith(KG_NS) else None


def load_ontology(path: Path) -> Ontology:
    g = Graph()
    try:
        g.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many types
        raise DataFileError(f"{path}: not valid Turtle ({exc}); fix the file or reinstall newskg.") from exc
    classes = _classes(g)
    labels = {n: str(g.value(URIRef(KG_NS + n), RDFS.label) or n) for n in classes}
    properties = _properties(g, classes, path)
    chains = _chains(g, properties, path)
    return Ontology(classes=classes, properties=properties, labels=labels,
                    chains={k: tuple(sorted(v)) for k, v in sorted(chains.items())})


def _classes(g: Graph) -> dict[str, tuple[str, ...]]:
    """Each kg class with all its kg super-classes (itself first)."""
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

    return {name: ancestors(name) for name in sorted(direct)}


def _properties(g: Graph, classes: dict[str, tuple[str, ...]], path: Path) -> dict[str, PropertyDef]:
    """The relation properties (sub-properties of kg:relation) with domain, range and symmetry."""
    prop_parents = {
        _local(p): {_local(o) for o in g.objects(p, RDFS.subPropertyOf)}
        for p in g.subjects(RDF.type, OWL.ObjectProperty)
        if _local(p)
    }

    def is_relation(name: str, depth: int = 0) -> bool:
        parents = prop_parents.get(name, set())
        return "relation" in parents or (depth < 10 and any(is_relation(p, depth + 1) for p in parents if p))

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
            name=name, label=str(g.value(iri, RDFS.label) or name), comment=str(g.value(iri, RDFS.comment) or ""),
            domain=dom, range=rng, symmetric=(iri, RDF.type, OWL.SymmetricProperty) in g,
            parents=tuple(sorted(p for p in prop_parents.get(name, ()) if p and p != "relation")),
            event=(iri, RDF.type, _KIND_EVENT) in g, post=(iri, RDF.type, _KIND_POST) in g,
        )
    return properties


def _chains(g: Graph, properties: dict[str, PropertyDef], path: Path) -> dict[str, list[tuple[str, str]]]:
    """owl:propertyChainAxiom lists: property -> its two-step chains."""
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
    return chains
