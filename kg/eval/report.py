"""What ``kg eval`` reports: precision, recall and F1 per property and overall, entity recall,
duplicate nodes, false merges, and the missed and wrong facts with their evidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["PRF", "FactLine", "Duplicate", "FalseMerge", "Report"]


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


MISS_CAUSES = ("entity not found", "other document", "wrong direction", "hedged or negated", "other property", "pair found, no relation")


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
    cause: str = ""  # a missed gold fact: why (MISS_CAUSES)

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
        cause = f" <{self.cause}>" if self.cause else ""
        return f"{self.subject} --{self.property}--> {self.object}{where}{extra}{tail}{cause}{ev}"


@dataclass(frozen=True, slots=True)
class Duplicate:
    gold_id: str
    gold_name: str
    nodes: tuple[str, ...]  # labels of the matching nodes


@dataclass(frozen=True, slots=True)
class FalseMerge:
    """A node matching several gold entities: of one document (a false merge), or of several."""

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
    # nodes joining gold entities of different documents: a gold set that names its entities per
    # document cannot say whether such a join is right, so these are not counted as false merges
    cross_document: tuple[FalseMerge, ...]
    missed: tuple[FactLine, ...]
    wrong: tuple[FactLine, ...]
    correct: tuple[FactLine, ...]
    ignored_optional: int
    ignored_implied: int
    ignored_unscored: int
    predicted_nodes: int
    predicted_facts: int
    # (name, gold facts with the key, found, right) for status, time, time_or_report, speaker, attribution
    # (kg.eval.timing); empty when the gold has none of those keys
    time: tuple[tuple[str, int, int, int], ...] = ()

    @property
    def miss_causes(self) -> dict[str, int]:
        """How many missed gold facts each cause explains (:data:`MISS_CAUSES`, in that order)."""
        return {c: n for c in MISS_CAUSES if (n := sum(1 for f in self.missed if f.cause == c))}

    @property
    def entity_recall(self) -> float:
        return self.entity_found / self.entity_total if self.entity_total else 0.0

    def to_dict(self) -> dict[str, Any]:
        def line(f: FactLine) -> dict[str, Any]:
            return {
                "subject": f.subject, "property": f.property, "object": f.object, "doc": f.doc,
                "evidence": f.evidence, "modality": f.modality or None, "confidence": f.confidence,
                "gold_subject": list(f.gold_subject), "gold_object": list(f.gold_object),
                **({"cause": f.cause} if f.cause else {}),
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
                "cross_document_joins": [{"node": m.node, "label": m.label, "gold": list(m.gold_ids)}
                                         for m in self.cross_document],
            },
            "ignored": {"optional": self.ignored_optional, "implied": self.ignored_implied,
                        "unscored_property": self.ignored_unscored},
            "predicted": {"nodes": self.predicted_nodes, "facts": self.predicted_facts},
            "miss_causes": self.miss_causes,
            "time": {n: {"gold": g, "found": f, "right": r, "accuracy": round(r / f, 4) if f else None}
                     for n, g, f, r in self.time},
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
        if self.cross_document:
            out.append(f"nodes joining gold entities of several documents: {len(self.cross_document)} (not judged: "
                       "the gold names entities per document; `kg eval entities` measures cross-document merges)")
        out.append(f"predicted: {self.predicted_nodes} entity nodes, {self.predicted_facts} relation triples; ignored: "
                   f"{self.ignored_optional} matching optional facts, {self.ignored_implied} implied by a more "
                   f"specific gold fact, {self.ignored_unscored} of unscored properties")
        if self.time:
            out.append("time and sources, on the gold facts found: " + "; ".join(
                f"{n} {r}/{f} right" + (f" = {r / f:.3f}" if f else "") + f" (found {f} of {g})" for n, g, f, r in self.time))
        if self.missed:
            out.append("missed facts by cause: " + ", ".join(f"{c} {n}" for c, n in self.miss_causes.items()))

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
