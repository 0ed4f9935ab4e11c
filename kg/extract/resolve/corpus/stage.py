"""The corpus stage: from every document's extraction to one node per real-world entity.

:func:`resolve_corpus` reads each document's result as per-document resolution left it, builds
units (:mod:`~kg.extract.resolve.corpus.units`), applies the user's alias file, then the rules
(:mod:`~kg.extract.resolve.corpus.rules`) through the cluster constraints, and decides for each
cluster its class (from all its mentions), its surviving key and its name.  The answer depends
only on the *set* of documents, never on their order or on how many builds brought them: the
same documents give the same entities and keys (the store relies on it).

:func:`resolve_across_documents` applies it to a :class:`~kg.model.KnowledgeGraph` in place.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Callable, Mapping

import kg.extract.resolve.corpus.offices  # noqa: F401  (registers the office-holder rule)
import kg.extract.resolve.corpus.othernames  # noqa: F401  (registers the other-name rule)
from kg.extract.mentions.records import family_of
from kg.extract.resolve.corpus.aliases import AliasTable, apply_aliases
from kg.extract.resolve.corpus.clusters import Clusters
from kg.extract.resolve.corpus.rules import RULES, Suspect, View
from kg.extract.resolve.corpus.units import INSTITUTIONS, Unit, build_units
from kg.extract.resolve.names import NameKit, fold, is_acronym
from kg.model import DocResult, Entity, KnowledgeGraph, Relation
from kg.resources import Resources, load_resources
from kg.resources.names import load_name_lexicon

log = logging.getLogger(__name__)

__all__ = ["Target", "Merge", "CorpusResolution", "resolve_corpus", "resolve_across_documents"]

# A more specific class wins a tie of mention votes.
_SPECIFIC = ("Country", "City", "WeaponSystem", "MilitaryUnit", "GovernmentBody", "Person", "Group",
             "Organization", "Place", "Product", "Event", "Law")


@dataclass(frozen=True, slots=True)
class Target:
    """An entity of the graph after corpus resolution."""

    key: str
    name: str
    cls: str
    wikidata: str | None = None


@dataclass(frozen=True, slots=True)
class Merge:
    """One unit joined to an entity: what, where (None: all its documents), why."""

    key: str
    doc: str | None
    target: str
    rule: str
    evidence: str


@dataclass
class CorpusResolution:
    """Where every key of every document goes, and why."""

    targets: dict[str, Target]
    by_key: dict[str, str]  # key -> entity key (keys decided for all their documents)
    by_doc: dict[tuple[str, str], str]  # (document, key) -> entity key (short names)
    merged: dict[str, dict[str, str]] = field(default_factory=dict)  # entity key -> {gone key: rule}
    merges: list[Merge] = field(default_factory=list)
    suspects: list[tuple[str, tuple[str, ...], str]] = field(default_factory=list)  # (rule, entity keys, evidence)
    # does the ontology admit (property, subject class, object class)? (kg.resources.Ontology.admits)
    admits: Callable[[str, str, str], bool] | None = field(default=None, compare=False, repr=False)

    def key_of(self, doc: str, key: str) -> str:
        """The entity key that ``key`` of document ``doc`` became."""
        return self.by_doc.get((doc, key)) or self.by_key.get(key, key)

    def rekey(self, result: DocResult) -> tuple[list[Entity], list[Relation]]:
        """One document's entities and relations under the resolved keys, names and classes (its
        own names kept as aliases; entities that became one are folded together).  A relation the
        ontology no longer admits is dropped: it was read under a class the corpus corrected
        ("Yukos livesIn Russia" from a text whose NER took Yukos for a person)."""
        doc = result.document.id
        out: dict[str, Entity] = {}
        for e in result.entities:
            t = self.targets[self.key_of(doc, e.key)]
            ent = Entity(t.key, t.cls, t.name, ({e.name} | set(e.aliases)) - {t.name}, e.mentions, {doc},
                         t.wikidata or e.wikidata, set(e.job_titles))
            if t.key in out:
                out[t.key].merge(ent)
            else:
                out[t.key] = ent
        rels = []
        for r in result.relations:
            s, o = self.key_of(doc, r.subject), self.key_of(doc, r.object)
            if self.admits is None or self.admits(r.predicate, self.targets[s].cls, self.targets[o].cls):
                ev = r.evidence
                if ev.attributed_to is not None:  # the speaker under its resolved key too
                    ev = replace(ev, attributed_to=self.key_of(doc, ev.attributed_to))
                rels.append(Relation(s, r.predicate, o, ev))
        return [out[k] for k in sorted(out)], rels


def resolve_corpus(results: Mapping[str, DocResult], resources: Resources | None = None, *,
                   aliases: AliasTable | None = None) -> CorpusResolution:
    """Decide, over all documents, which keys are one entity (see the module docstring)."""
    res = resources or load_resources()
    kit = NameKit.of(res, load_name_lexicon(res.folder))
    units, context = build_units(results, kit, res.gazetteer.entries)
    clusters = Clusters(units, kit)
    view = View(units, clusters, context, kit, res)
    forced = apply_aliases(aliases, view) if aliases is not None else {}
    for name, fn in RULES:
        for p in fn(view):
            clusters.union(p.a, p.b, p.rule, p.evidence)
    _same_key(units, clusters)
    resolution = _decide(units, clusters, view.suspects, res, kit, forced)
    resolution.admits = res.ontology.admits
    return resolution


def _same_key(units: list[Unit], clusters: Clusters) -> None:
    """Short names no rule placed stay with their key: one key, one node (as before the stage)."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for u in units:
        if not u.short or len(clusters.members[clusters.find(u.uid)]) == 1:
            by_key[u.key].append(u.uid)
    for uids in by_key.values():
        for uid in uids[1:]:
            clusters.union(uids[0], uid, "same-key", forced=True)


def _decide(units: list[Unit], clusters: Clusters, suspects: list[Suspect], res: Resources, kit: NameKit,
            forced: Mapping[int, "object"]) -> CorpusResolution:
    gaz = res.gazetteer.entries
    targets: dict[str, Target] = {}
    unit_target: dict[int, str] = {}
    joins = {}
    roots = sorted(clusters.roots(), key=lambda r: min((u.key, u.doc or "") for u in clusters.cluster(r)))
    for root in roots:
        members = clusters.cluster(root)
        entry = forced.get(root)
        cls = getattr(entry, "cls", None) or _class_of(members, gaz, kit)
        survivor = _survivor(members, cls, gaz, kit, targets)
        name = getattr(entry, "name", None) or (gaz[survivor.key].name if survivor.gazetteer else survivor.name)
        wikidata = getattr(entry, "wikidata", None) or next((u.wikidata for u in sorted(
            members, key=lambda u: (not u.gazetteer, u.key)) if u.wikidata), None)
        targets[survivor.key] = Target(survivor.key, name, cls, wikidata)
        for u in members:
            unit_target[u.uid] = survivor.key
        joins.update(clusters.why(survivor.uid))
    by_key: dict[str, str] = {}
    by_doc: dict[tuple[str, str], str] = {}
    goes: dict[str, set[str]] = defaultdict(set)
    merges = []
    for u in units:
        t = unit_target[u.uid]
        goes[u.key].add(t)
        if u.short:
            by_doc[(u.doc, u.key)] = t
        else:
            by_key[u.key] = t
        if u.key != t:
            join = joins.get(u.uid)
            merges.append(Merge(u.key, u.doc, t, join.rule if join else "merge", join.evidence if join else ""))
    merged: dict[str, dict[str, str]] = defaultdict(dict)
    rule_of = {(m.key, m.target): m.rule for m in merges}
    for key, ts in goes.items():
        if len(ts) == 1 and key not in targets:  # a key gone as a whole: its IRI points to the survivor
            (t,) = ts
            merged[t][key] = rule_of.get((key, t), "merge")
    seen = set()
    out_suspects = []
    for s in suspects:
        keys = tuple(dict.fromkeys(unit_target[u] for u in s.units))
        sig = (s.rule, keys)
        if len(keys) > 1 and sig not in seen:
            seen.add(sig)
            out_suspects.append((s.rule, keys, s.evidence))
    return CorpusResolution(targets, by_key, by_doc, dict(merged), merges, out_suspects)


def _class_of(members: list[Unit], gaz, kit: NameKit) -> str:
    """The class all the mentions of a cluster vote for: a gazetteer entry's class wins; a titled
    short name ("Mr Farage"), or any short name joined to a person's full name, votes Person; a body
    named "... Party" is a Group (every party one class)."""
    for u in sorted(members, key=lambda u: u.key):
        if u.gazetteer and u.key in gaz:
            return gaz[u.key].cls
    votes: Counter = Counter()
    full = any(u.cls == "Person" and u.person is not None and u.person.full for u in members)
    for u in members:
        if full and u.short and u.person is not None:  # "Maduro" typed a body, joined to "Nicolas Maduro"
            votes["Person"] += sum(u.classes.values())
            continue
        votes.update(u.classes)
        if u.short and u.person is not None and u.person.address:
            votes["Person"] += u.mentions + 1
        elif u.cls != "Person" and _named_in_full(u, kit):
            votes["Person"] += u.mentions + 1  # "Parry" written "Rick Parry" in a text: a surname
    cls = max(votes, key=lambda c: (votes[c], -_SPECIFIC.index(c) if c in _SPECIFIC else -99, c))
    bodies = Counter({c: n for c, n in votes.items() if c in INSTITUTIONS})
    if bodies and any(_institution_unit(u) for u in members) and (
            (cls == "Person" and not any(u.person is not None and u.person.full for u in members)
             and 2 * sum(bodies.values()) >= votes["Person"])  # a singer typed a body once stays a person
            or (cls in ("Place", "City") and all(is_acronym(u.name) for u in members if u.cls == cls))):
        # a lone word no one has as a surname, an acronym: the body the other texts name
        cls = max(bodies, key=lambda c: (bodies[c], -_SPECIFIC.index(c), c))
    if cls in INSTITUTIONS and any(fold(f).split()[-1:] in (["party"], ["parties"]) for u in members for f in u.names):
        return "Group"
    return cls


def _institution_unit(u: Unit) -> bool:
    """A body's name no form of address makes a person's ("Mr Farage" typed an organisation)."""
    return u.cls in INSTITUTIONS and not (u.person is not None and u.person.address)


def _named_in_full(u: Unit, kit: NameKit) -> bool:
    """A one-word name also written as a person's full name: a known given name before it."""
    word = fold(u.name)
    if " " in word or not word:
        return False
    for form in u.forms:
        p = kit.person(form)
        if p is not None and p.full and len(p.given) == 1 and p.surname == word and kit.lex.given_groups(p.given[0]):
            return True
    return False


def _survivor(members: list[Unit], cls: str, gaz, kit: NameKit, taken: Mapping[str, object]) -> Unit:
    """The unit whose key the entity keeps: a gazetteer entry, else a key of the class's family
    with the fullest name (a person's with most given names, a body's longest and no acronym, not
    one opened by a word short forms drop: "New Metropolitan Police"),
    ties by key.  Depends only on the cluster, so the same cluster keeps the same key."""
    fam = family_of(cls)

    def rank(u: Unit) -> tuple:
        person = u.person if cls == "Person" and u.person is not None else None
        richness = len(person.given) if person is not None else (0 if is_acronym(u.name) else len(u.name.split()))
        # "New Metropolitan Police" (a sentence's "New" glued to the name) is no fuller name of the body
        first = fold(u.name).split()[:1]
        led = person is None and bool(first) and first[0] in kit.lex.drop_leads
        return (not u.gazetteer, u.family != fam, u.short, led, -richness, -len(u.name), u.key, u.doc or "")

    ranked = sorted(members, key=rank)
    for u in ranked:
        if u.key not in taken:
            return u
    raise RuntimeError(f"corpus resolution: every key of a cluster is taken ({[u.key for u in ranked]})")


def resolve_across_documents(kg: KnowledgeGraph, resources: Resources | None = None, *,
                             aliases: AliasTable | None = None) -> CorpusResolution:
    """Resolve the graph's documents together and rebuild its entities and facts in place:
    variants of one entity become one node (the survivor keeps every surface form as an alias and
    remembers the keys it replaced with the rule that merged them)."""
    aliases = aliases if aliases is not None else kg.aliases
    resolution = resolve_corpus(kg.results, resources, aliases=aliases)
    kg.aliases = aliases
    kg.rebuild(resolution.rekey(kg.results[d]) for d in kg.documents if d in kg.results)
    for key, gone in resolution.merged.items():
        if key in kg.entities:
            kg.entities[key].merged = dict(sorted(gone.items()))
    kg.resolution = resolution
    for m in resolution.merges:
        log.info("corpus: %s%s -> %s (%s) %s", m.key, f" in {m.doc}" if m.doc else "", m.target, m.rule, m.evidence)
    return resolution
