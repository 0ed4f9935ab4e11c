"""Scores of an assignment of gold mention occurrences to system entities (:mod:`kg.eval.entities`
finds the occurrences and the entities): pairwise, across documents, B-cubed, the corpus stage's
own pairs, false merges and split clusters."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Sequence

__all__ = ["MATCHING_RULE", "Occurrence", "EntityReport", "score_assignment"]

MATCHING_RULE = (
    "a gold occurrence takes the entity of the system mention overlapping it most (characters), "
    "followed through corpus resolution; an occurrence no mention covers is a singleton"
)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One gold mention: characters ``[start, end)`` of document ``doc``."""

    doc: str
    start: int
    end: int
    form: str
    cluster: str


# -- scoring --------------------------------------------------------------------------------------
def _pairs(n: int) -> int:
    return n * (n - 1) // 2


@dataclass
class EntityReport:
    """Pairwise and B-cubed scores of one assignment of gold occurrences to system entities."""

    gold_name: str
    occurrences: int
    unmatched: int
    gold_clusters: int
    system_entities: int
    pairs: dict[str, int]  # tp, system, gold (all pairs)
    cross_pairs: dict[str, int]  # the same over pairs of two documents
    bcubed: tuple[float, float]
    false_merges: list[dict[str, Any]] = field(default_factory=list)
    split_clusters: list[dict[str, Any]] = field(default_factory=list)
    stage_pairs: dict[str, int] = field(default_factory=dict)  # tp, merged, gold (pairs on two keys)
    matching: str = MATCHING_RULE

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def precision(self) -> float:
        return self._ratio(self.pairs["tp"], self.pairs["system"])

    @property
    def recall(self) -> float:
        return self._ratio(self.pairs["tp"], self.pairs["gold"])

    @property
    def cross_precision(self) -> float:
        return self._ratio(self.cross_pairs["tp"], self.cross_pairs["system"])

    @property
    def cross_recall(self) -> float:
        return self._ratio(self.cross_pairs["tp"], self.cross_pairs["gold"])

    @property
    def stage_precision(self) -> float:
        return self._ratio(self.stage_pairs.get("tp", 0), self.stage_pairs.get("merged", 0))

    @property
    def stage_recall(self) -> float:
        return self._ratio(self.stage_pairs.get("tp", 0), self.stage_pairs.get("gold", 0))

    @property
    def false_merge_pairs(self) -> int:
        return sum(_pairs(len(f["clusters"])) for f in self.false_merges)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold_name, "matching": self.matching, "occurrences": self.occurrences,
            "unmatched": self.unmatched, "gold_clusters": self.gold_clusters,
            "system_entities": self.system_entities,
            "pairwise": {"precision": round(self.precision, 4), "recall": round(self.recall, 4), **self.pairs},
            "cross_document": {"precision": round(self.cross_precision, 4), "recall": round(self.cross_recall, 4),
                               **self.cross_pairs},
            "bcubed": {"precision": round(self.bcubed[0], 4), "recall": round(self.bcubed[1], 4)},
            "corpus_stage": {"precision": round(self.stage_precision, 4), "recall": round(self.stage_recall, 4),
                             **self.stage_pairs},
            "false_merges": len(self.false_merges), "false_merge_pairs": self.false_merge_pairs,
            "false_merge_list": self.false_merges, "split_clusters": self.split_clusters,
        }

    def to_text(self, *, max_items: int | None = 40) -> str:
        lines = [
            f"entity gold: {self.gold_name}",
            f"matching used: {self.matching}",
            f"{self.occurrences} gold occurrences ({self.unmatched} covered by no system mention), "
            f"{self.gold_clusters} gold clusters, {self.system_entities} system entities",
            f"pairwise merge precision {self.precision:.4f}  recall {self.recall:.4f}  "
            f"({self.pairs['tp']} of {self.pairs['system']} system pairs, {self.pairs['gold']} gold pairs)",
            f"  across documents: precision {self.cross_precision:.4f}  recall {self.cross_recall:.4f}  "
            f"({self.cross_pairs['tp']} of {self.cross_pairs['system']}, {self.cross_pairs['gold']} gold pairs)",
            f"B-cubed precision {self.bcubed[0]:.4f}  recall {self.bcubed[1]:.4f}",
            f"corpus stage (pairs per-document resolution left on two keys): precision {self.stage_precision:.4f}  "
            f"recall {self.stage_recall:.4f}  ({self.stage_pairs.get('tp', 0)} of {self.stage_pairs.get('merged', 0)} "
            f"merged, {self.stage_pairs.get('gold', 0)} gold pairs)",
            f"false merges: {len(self.false_merges)} system entities join {self.false_merge_pairs} pairs of gold clusters",
        ]
        for f in self.false_merges[:max_items]:
            parts = ", ".join(f"{c} x{n}" for c, n in f["clusters"].items())
            lines.append(f"  {f['entity']}: {parts}")
        lines.append(f"split gold clusters (largest missed pair counts first): {len(self.split_clusters)}")
        for s in self.split_clusters[:max_items]:
            parts = ", ".join(f"{e} x{n}" for e, n in s["entities"].items())
            lines.append(f"  {s['cluster']}: {parts}")
        return "\n".join(lines)


def score_assignment(gold_name: str, occurrences: Sequence[Occurrence], entity_of: Sequence[str | None],
                     raw_of: Sequence[str | None] | None = None) -> EntityReport:
    """Score ``entity_of[i]`` (the system entity of occurrence ``i``; None: no mention covers it).
    ``raw_of[i]``, the key per-document resolution gave it, adds the corpus-stage figures."""
    system = [e if e is not None else f"(none)#{i}" for i, e in enumerate(entity_of)]
    cells = Counter(zip((o.cluster for o in occurrences), system))
    by_gold = Counter(o.cluster for o in occurrences)
    by_sys = Counter(system)
    pairs = {"tp": sum(_pairs(n) for n in cells.values()), "system": sum(_pairs(n) for n in by_sys.values()),
             "gold": sum(_pairs(n) for n in by_gold.values())}
    # the same counts within single documents, subtracted from the totals
    doc_cells = Counter((o.doc, o.cluster, s) for o, s in zip(occurrences, system))
    doc_gold = Counter((o.doc, o.cluster) for o in occurrences)
    doc_sys = Counter((o.doc, s) for o, s in zip(occurrences, system))
    cross = {"tp": pairs["tp"] - sum(_pairs(n) for n in doc_cells.values()),
             "system": pairs["system"] - sum(_pairs(n) for n in doc_sys.values()),
             "gold": pairs["gold"] - sum(_pairs(n) for n in doc_gold.values())}
    n = len(occurrences) or 1
    bp = sum(cells[(o.cluster, s)] / by_sys[s] for o, s in zip(occurrences, system)) / n
    br = sum(cells[(o.cluster, s)] / by_gold[o.cluster] for o, s in zip(occurrences, system)) / n
    clusters_of: dict[str, Counter] = defaultdict(Counter)
    entities_of: dict[str, Counter] = defaultdict(Counter)
    for (g, s), k in cells.items():
        clusters_of[s][g] += k
        entities_of[g][s] += k
    false = [{"entity": s, "clusters": dict(c.most_common())} for s, c in clusters_of.items() if len(c) > 1]
    false.sort(key=lambda f: (-sum(f["clusters"].values()), f["entity"]))
    split = [{"cluster": g, "entities": dict(c.most_common()),
              "missed": _pairs(sum(c.values())) - sum(_pairs(k) for k in c.values())}
             for g, c in entities_of.items() if len(c) > 1]
    split.sort(key=lambda s: (-s["missed"], s["cluster"]))
    stage = _stage_pairs(occurrences, entity_of, raw_of) if raw_of is not None else {}
    return EntityReport(gold_name, len(occurrences), sum(e is None for e in entity_of), len(by_gold),
                        len(by_sys), pairs, cross, (bp, br), false, split, stage)


def _stage_pairs(occurrences, entity_of, raw_of) -> dict[str, int]:
    """Pairs of covered occurrences on two different keys: merged by the stage, same in the gold."""
    covered = [(o.cluster, e, r) for o, e, r in zip(occurrences, entity_of, raw_of) if e is not None]

    def pairs_by(*fields) -> int:
        return sum(_pairs(n) for n in Counter(tuple(c[i] for i in fields) for c in covered).values())

    # pairs on two keys = pairs - pairs on one key (the key decides the entity, so it is finer)
    return {"tp": pairs_by(0, 1) - pairs_by(0, 1, 2), "merged": pairs_by(1) - pairs_by(1, 2),
            "gold": pairs_by(0) - pairs_by(0, 2)}
