"""Clusters of units with the constraints that keep two entities apart.

A union-find over units.  Every union is checked against what must stay apart, over the two
whole clusters (so a chain of plausible merges never joins two people):

* two gazetteer entries, or two Wikidata ids;
* two people's full names that cannot be one person ("Gordon Brown"/"Nick Brown");
* titles telling two sexes ("Mr Lind"/"Mrs Lind");
* a person and a place ("Washington" the city, the state and the president);
* names the user's alias file keeps apart.

Every union is kept as a link between the two units it joined (with its rule and evidence), so
:meth:`Clusters.why` can tell, for any unit, the rule that links it towards a given unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.resolve.corpus.units import Unit
from kg.extract.resolve.names import NameKit, PersonName

__all__ = ["Clusters", "Join", "kind_of"]

_PLACES = frozenset({"City", "Place", "Country"})


def kind_of(cls: str) -> str:
    """Coarse kind of a class for the person/place constraint."""
    return "person" if cls == "Person" else "place" if cls in _PLACES else "other"


@dataclass(frozen=True, slots=True)
class Join:
    """Why a unit is in its cluster: the rule and its evidence (empty for a cluster's own key)."""

    rule: str
    evidence: str = ""


@dataclass
class _Facts:
    """What the constraints read of one cluster."""

    gazetteer: set[str] = field(default_factory=set)
    wikidata: set[str] = field(default_factory=set)
    persons: list[PersonName] = field(default_factory=list)
    sexes: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)
    entries: set[int] = field(default_factory=set)  # alias-file entries this cluster is
    excluded: set[int] = field(default_factory=set)  # alias-file entries this cluster must never join
    named: bool = False  # holds a person named in full (see :meth:`Clusters.named`)


def _named_in_full(u: Unit) -> bool:
    return u.cls == "Person" and not u.short and u.person is not None and u.person.full


class Clusters:
    """Union-find over units with constraint checks."""

    def __init__(self, units: list[Unit], kit: NameKit) -> None:
        self.units = units
        self.kit = kit
        self.parent = list(range(len(units)))
        self.members: dict[int, list[int]] = {u.uid: [u.uid] for u in units}
        self.links: dict[int, list[tuple[int, Join]]] = {}
        self.facts: dict[int, _Facts] = {}
        for u in units:
            f = _Facts()
            if u.gazetteer:
                f.gazetteer.add(u.key)
            if u.wikidata:
                f.wikidata.add(u.wikidata)
            if u.person is not None:
                if u.person.full:
                    f.persons.append(u.person)
                if u.person.sex:
                    f.sexes.add(u.person.sex)
            f.kinds.add(kind_of(u.cls))
            f.named = _named_in_full(u)
            self.facts[u.uid] = f

    def find(self, uid: int) -> int:
        root = uid
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[uid] != root:
            self.parent[uid], uid = root, self.parent[uid]
        return root

    def cluster(self, uid: int) -> list[Unit]:
        return [self.units[m] for m in self.members[self.find(uid)]]

    def roots(self) -> list[int]:
        return sorted(self.members)

    def named(self, uid: int) -> bool:
        """Does the cluster of ``uid`` hold a person named in full (a unit of class Person, not a
        short name, whose name has given names)?  Kept per cluster as it grows: no walk."""
        return self.facts[self.find(uid)].named

    def mark(self, uid: int, *, entry: int | None = None, excluded: int | None = None) -> None:
        """The alias file names ``uid`` in ``entry``, or lists it as distinct from ``excluded``."""
        f = self.facts[self.find(uid)]
        if entry is not None:
            f.entries.add(entry)
        if excluded is not None:
            f.excluded.add(excluded)

    def conflict(self, a: int, b: int, *, forced: bool = False) -> str | None:
        """Why the clusters of ``a`` and ``b`` must stay apart, or None."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        fa, fb = self.facts[ra], self.facts[rb]
        if (fa.entries and fb.entries and fa.entries != fb.entries) or fa.entries & fb.excluded \
                or fb.entries & fa.excluded:
            return "the alias file keeps them apart"
        if forced:
            return None
        if fa.gazetteer and fb.gazetteer:
            return "two gazetteer entries"
        if fa.wikidata and fb.wikidata and fa.wikidata != fb.wikidata:
            return "two Wikidata ids"
        if fa.sexes and fb.sexes and fa.sexes != fb.sexes:
            return "titles of two sexes"
        if ("person" in fa.kinds and "place" in fb.kinds) or ("place" in fa.kinds and "person" in fb.kinds):
            return "a person and a place"
        for x in fa.persons:
            for y in fb.persons:
                if self.kit.match(x, y) is None:
                    return f"two people's names ({x.form} / {y.form})"
        return None

    def union(self, a: int, b: int, rule: str, evidence: str = "", *, forced: bool = False) -> bool:
        """Join the clusters of ``a`` and ``b`` unless a constraint forbids it, linking ``a`` and
        ``b`` by ``rule``.  Returns whether they were joined."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb or self.conflict(a, b, forced=forced) is not None:
            return False
        join = Join(rule, evidence)
        self.links.setdefault(a, []).append((b, join))
        self.links.setdefault(b, []).append((a, join))
        if (len(self.members[ra]), rb) > (len(self.members[rb]), ra):
            ra, rb = rb, ra  # ra: the smaller cluster, folded into rb
        self.parent[ra] = rb
        self.members[rb] += self.members.pop(ra)
        fa, fb = self.facts.pop(ra), self.facts[rb]
        fb.gazetteer |= fa.gazetteer
        fb.wikidata |= fa.wikidata
        fb.persons += fa.persons
        fb.sexes |= fa.sexes
        fb.kinds |= fa.kinds
        fb.entries |= fa.entries
        fb.excluded |= fa.excluded
        fb.named = fb.named or fa.named
        return True

    def why(self, start: int) -> dict[int, Join]:
        """For every unit of ``start``'s cluster, the link by which a path from ``start`` reaches it
        (breadth first, links in the order they were made)."""
        out: dict[int, Join] = {}
        seen, frontier = {start}, [start]
        while frontier:
            nxt = []
            for uid in frontier:
                for other, join in self.links.get(uid, ()):
                    if other not in seen:
                        seen.add(other)
                        out[other] = join
                        nxt.append(other)
            frontier = nxt
        return out
