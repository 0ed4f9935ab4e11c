"""Inter-annotator agreement on the news relation corpus (tests/gold/news/).

The first annotation (``train.json``, ``dev.json``, ``test.json``: one annotator per document) is
compared with the blind second annotation (``second.json``) on the documents both cover.

    python scripts/news_gold_agreement.py            # the figures of AGREEMENT.md
    python scripts/news_gold_agreement.py --list     # plus every disagreeing fact

Method (printed with the figures):

- Entities are matched within a document by their normalised names and aliases
  (:func:`kg.eval.score.normalise`): a pair shares at least one form; pairs are taken one-to-one,
  best first (same canonical name, then each canonical name among the other's forms, then the
  number of shared forms, then ids).  *Entity agreement* counts the entities of one annotator
  that share a form with some entity of the other in the same document.
- A fact of B equals a fact of A when the document and property are the same and the subject
  and object are matched pairs (either order for symmetric properties).  Strict figures compare
  required facts only; lenient ones count a required fact of one annotator as agreed when the
  other has it as required or optional.
- ``status``, ``time`` and ``speaker`` are compared on the facts both annotated (required or
  optional).  A missing status on a role property counts as ``current`` (the guideline's
  default); times agree when start and end are the same; speakers agree when they are matched
  entities or both ``unnamed``.

Reads only the gold files (no document texts, no extractor); the output is deterministic.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from kg.eval.gold import UNNAMED_SPEAKER, Gold, GoldEntity, GoldError, GoldFact, load_gold
from kg.eval.names import normalise
from kg.eval.report import PRF
from kg.eval.terms import symmetric_properties

NEWS = Path(__file__).resolve().parent.parent / "tests" / "gold" / "news"
SPLITS = ("train", "dev", "test")
MIN_PROPERTY_FACTS = 10
ROLE_PROPERTIES = frozenset({"worksFor", "leaderOf", "memberOf", "elected"})

Key = tuple[str, str, str, str]  # (doc, subject, property, object) in A's entity ids


@dataclass(frozen=True, slots=True)
class Annotation:
    """The entities and facts one annotator gave for a set of documents."""

    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldFact, ...]
    optional: tuple[GoldFact, ...]


def restrict(golds: Iterable[Gold], docs: set[str]) -> Annotation:
    """The part of ``golds`` that concerns ``docs`` (entities must be per document)."""
    ents, rels, opts = [], [], []
    for gold in golds:
        ents += [e for e in gold.entities if e.doc in docs]
        rels += [f for f in gold.relations if f.doc in docs]
        opts += [f for f in gold.optional if f.doc in docs]
    return Annotation(tuple(ents), tuple(rels), tuple(opts))


def load(news: Path = NEWS) -> tuple[Annotation, Annotation, list[str]]:
    """(first annotation, second annotation, shared document ids) from the corpus folder."""
    second = load_gold(news / "second.json")
    first = [load_gold(news / f"{s}.json") for s in SPLITS]
    docs = {d.id for d in second.documents} & {d.id for g in first for d in g.documents}
    return restrict(first, docs), restrict([second], docs), sorted(docs)


# -- entities -------------------------------------------------------------------------------------


def forms(ent: GoldEntity) -> frozenset[str]:
    return frozenset(f for f in (normalise(n) for n in ent.names()) if f)


def match_entities(a: Iterable[GoldEntity], b: Iterable[GoldEntity]) -> dict[str, str]:
    """A's entity id -> B's, one-to-one within each document, best pairs first (module docstring)."""
    b_by_doc: dict[str | None, list[GoldEntity]] = defaultdict(list)
    for ent in b:
        b_by_doc[ent.doc].append(ent)
    pairs = []
    for ea in a:
        fa, na = forms(ea), normalise(ea.name)
        for eb in b_by_doc.get(ea.doc, ()):
            fb, nb = forms(eb), normalise(eb.name)
            shared = fa & fb
            if shared:
                score = (na == nb, na in fb and nb in fa, len(shared))
                pairs.append((score, ea.id, eb.id))
    pairs.sort(key=lambda p: (tuple(-int(x) for x in p[0]), p[1], p[2]))
    out: dict[str, str] = {}
    taken: set[str] = set()
    for _, aid, bid in pairs:
        if aid not in out and bid not in taken:
            out[aid] = bid
            taken.add(bid)
    return out


def found_by_name(one: Iterable[GoldEntity], other: Iterable[GoldEntity]) -> tuple[int, int]:
    """(entities of ``one`` sharing a form with an entity of ``other`` in their document, all)."""
    known: dict[str | None, set[str]] = defaultdict(set)
    for ent in other:
        known[ent.doc] |= forms(ent)
    ents = list(one)
    return sum(1 for e in ents if forms(e) & known[e.doc]), len(ents)


# -- facts ----------------------------------------------------------------------------------------


def fact_key(f: GoldFact, to_a: dict[str, str] | None, symmetric: frozenset[str]) -> Key:
    """The fact in A's ids (``to_a`` maps B ids to A ids; unmatched B entities keep a B: id)."""
    s, o = f.subject, f.object
    if to_a is not None:
        s, o = to_a.get(s, f"B:{s}"), to_a.get(o, f"B:{o}")
    if f.property in symmetric and o < s:
        s, o = o, s
    return (f.doc, s, f.property, o)


def index(facts: Iterable[GoldFact], to_a, symmetric) -> dict[Key, GoldFact]:
    """Facts by key; the first fact of a key wins (a fact listed twice counts once)."""
    out: dict[Key, GoldFact] = {}
    for f in facts:
        out.setdefault(fact_key(f, to_a, symmetric), f)
    return out


@dataclass(frozen=True, slots=True)
class Sides:
    """Required and optional facts of both annotators, keyed in A's entity ids."""

    a_req: dict[Key, GoldFact]
    a_opt: dict[Key, GoldFact]
    b_req: dict[Key, GoldFact]
    b_opt: dict[Key, GoldFact]
    a_to_b: dict[str, str]

    @classmethod
    def build(cls, a: Annotation, b: Annotation, symmetric: frozenset[str]) -> "Sides":
        a_to_b = match_entities(a.entities, b.entities)
        to_a = {v: k for k, v in a_to_b.items()}
        a_req, b_req = index(a.relations, None, symmetric), index(b.relations, to_a, symmetric)
        a_opt = {k: f for k, f in index(a.optional, None, symmetric).items() if k not in a_req}
        b_opt = {k: f for k, f in index(b.optional, to_a, symmetric).items() if k not in b_req}
        return cls(a_req, a_opt, b_req, b_opt, a_to_b)

    def a_all(self) -> set[Key]:
        return set(self.a_req) | set(self.a_opt)

    def b_all(self) -> set[Key]:
        return set(self.b_req) | set(self.b_opt)


def strict(sides: Sides, prop: str | None = None) -> PRF:
    """B's required facts against A's required facts (tp, fp, fn)."""
    a = {k for k in sides.a_req if prop in (None, k[2])}
    b = {k for k in sides.b_req if prop in (None, k[2])}
    return PRF(len(a & b), len(b - a), len(a - b))


def lenient(sides: Sides, prop: str | None = None) -> tuple[float, float, float]:
    """(P, R, F1) of B against A where a required fact agrees with a required or optional one."""
    a = [k for k in sides.a_req if prop in (None, k[2])]
    b = [k for k in sides.b_req if prop in (None, k[2])]
    p = sum(k in sides.a_all() for k in b) / len(b) if b else 0.0
    r = sum(k in sides.b_all() for k in a) / len(a) if a else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def flip(prf: tuple[float, float, float]) -> tuple[float, float, float]:
    """A against B from B against A: precision and recall swap, F1 stays."""
    return prf[1], prf[0], prf[2]


# -- status, time, speaker ------------------------------------------------------------------------


def both_annotated(sides: Sides) -> list[tuple[Key, GoldFact, GoldFact]]:
    a = {**sides.a_opt, **sides.a_req}
    b = {**sides.b_opt, **sides.b_req}
    return [(k, a[k], b[k]) for k in sorted(set(a) & set(b))]


def attribute_table(sides: Sides) -> dict[str, Counter]:
    """Counts of agreement on status, time and speaker over the facts both annotated."""
    out = {"status": Counter(), "time": Counter(), "speaker": Counter()}
    for key, fa, fb in both_annotated(sides):
        if key[2] in ROLE_PROPERTIES:
            sa, sb = fa.status or "current", fb.status or "current"
            out["status"]["facts"] += 1
            out["status"]["agree" if sa == sb else f"{sa} / {sb}"] += 1
            out["status"]["explicit in both"] += bool(fa.status and fb.status)
            out["status"]["explicit in A only"] += bool(fa.status and not fb.status)
            out["status"]["explicit in B only"] += bool(fb.status and not fa.status)
        ta = (fa.time.start, fa.time.end) if fa.time else None
        tb = (fb.time.start, fb.time.end) if fb.time else None
        _compare(out["time"], ta, tb)
        sb = fb.speaker
        if sb not in (None, UNNAMED_SPEAKER):
            sb = {v: k for k, v in sides.a_to_b.items()}.get(sb, f"B:{sb}")
        _compare(out["speaker"], fa.speaker, sb)
    return out


def _compare(counter: Counter, a, b) -> None:
    counter["facts"] += 1
    if a is None and b is None:
        counter["neither"] += 1
    elif a is None or b is None:
        counter["only A" if b is None else "only B"] += 1
    else:
        counter["both, same" if a == b else "both, different"] += 1


# -- report ---------------------------------------------------------------------------------------


def _pct(x: float) -> str:
    """A share as a percentage, 5 characters wide (for tables)."""
    return f"{100 * x:5.1f}"


def _share(n: int, total: int) -> str:
    """``n/total = p%`` for running text."""
    return f"{n}/{total} = {100 * n / total if total else 0:.1f}%"


def report(a: Annotation, b: Annotation, docs: list[str], *, listing: bool = False) -> str:
    """The agreement figures as text (and, with ``listing``, every disagreeing fact)."""
    symmetric = symmetric_properties()
    sides = Sides.build(a, b, symmetric)
    out = [f"documents annotated by both: {len(docs)}",
           f"A (first): {len(a.entities)} entities, {len(sides.a_req)} required + {len(sides.a_opt)} optional facts",
           f"B (second): {len(b.entities)} entities, {len(sides.b_req)} required + {len(sides.b_opt)} optional facts",
           "", "entities (found by a shared normalised name or alias in the same document):"]
    fb, nb = found_by_name(b.entities, a.entities)
    fa, na = found_by_name(a.entities, b.entities)
    ents_a = {e.id: e for e in a.entities}
    ents_b = {e.id: e for e in b.entities}
    same_type = sum(ents_a[x].type == ents_b[y].type for x, y in sides.a_to_b.items())
    out += [f"  B's entities found among A's: {_share(fb, nb)}",
            f"  A's entities found among B's: {_share(fa, na)}",
            f"  matched one-to-one: {len(sides.a_to_b)} pairs; same type: {_share(same_type, len(sides.a_to_b))}", ""]
    s = strict(sides)
    lb = lenient(sides)
    rows = [("strict, B against A", (s.precision, s.recall, s.f1)),
            ("strict, A against B", (s.recall, s.precision, s.f1)),
            ("lenient, B against A", lb), ("lenient, A against B", flip(lb))]
    out += [f"facts{'':<20}{'P':>6}{'R':>7}{'F1':>7}"]
    out += [f"  {label:<23}" + " ".join(f"{_pct(x):>6}" for x in prf) for label, prf in rows]
    out += [f"  strict: {s.tp} facts required by both, {s.fp} required by B only, {s.fn} by A only", ""]
    out += _overlap_lines(sides)
    out += _property_lines(sides)
    out += _attribute_lines(attribute_table(sides))
    if listing:
        out += _listing(sides, ents_a, ents_b)
    return "\n".join(out)


def _overlap_lines(sides: Sides) -> list[str]:
    a_all, b_all = sides.a_all(), sides.b_all()
    cells = Counter()
    for k in a_all | b_all:
        ka = "req" if k in sides.a_req else "opt" if k in sides.a_opt else "-"
        kb = "req" if k in sides.b_req else "opt" if k in sides.b_opt else "-"
        cells[(ka, kb)] += 1
    lines = ["facts by kind: rows A, columns B (req = required, opt = optional, - = not annotated)"]
    lines.append("         " + "".join(f"{c:>7}" for c in ("req", "opt", "-")))
    for r in ("req", "opt", "-"):
        lines.append(f"  {r:>5}  " + "".join(f"{cells[(r, c)]:>7}" for c in ("req", "opt", "-")))
    return lines + [""]


def _property_lines(sides: Sides) -> list[str]:
    counts = Counter(k[2] for k in set(sides.a_req) | set(sides.b_req))
    props = sorted(p for p, n in counts.items() if n >= MIN_PROPERTY_FACTS)
    lines = [f"per property (at least {MIN_PROPERTY_FACTS} distinct required facts in A or B), B against A:",
             f"  {'property':<14}{'A':>5}{'B':>5}{'both':>6}   strict P     R    F1   lenient F1"]
    for p in props:
        s = strict(sides, p)
        lines.append(f"  {p:<14}{s.tp + s.fn:>5}{s.tp + s.fp:>5}{s.tp:>6}   {_pct(s.precision)} {_pct(s.recall)} "
                     f"{_pct(s.f1)}   {_pct(lenient(sides, p)[2])}")
    return lines + [""]


def _attribute_lines(table: dict[str, Counter]) -> list[str]:
    lines = ["on the facts both annotated (required or optional):"]
    st = table["status"]
    lines.append(f"  status (role facts; missing = current): agree {_share(st['agree'], st['facts'])}; "
                 f"written out by both: {st['explicit in both']}, by A only: {st['explicit in A only']}, "
                 f"by B only: {st['explicit in B only']}")
    for k in sorted(k for k in st if " / " in k):
        lines.append(f"    A {k.split(' / ')[0]}, B {k.split(' / ')[1]}: {st[k]}")
    for name in ("time", "speaker"):
        c = table[name]
        given = c["facts"] - c["neither"]
        lines.append(f"  {name}: given by either on {given} of {c['facts']} facts: same {c['both, same']}, "
                     f"different {c['both, different']}, only A {c['only A']}, only B {c['only B']}; "
                     f"agreement where either gives it: {_share(c['both, same'], given)}")
    return lines


def _listing(sides: Sides, ents_a: dict[str, GoldEntity], ents_b: dict[str, GoldEntity]) -> list[str]:
    def name(x: str) -> str:
        if x.startswith("B:"):
            return f"{ents_b[x[2:]].name} (B only)"
        return ents_a[x].name

    def line(k: Key, f: GoldFact) -> str:
        return f"  {k[0]}  {name(k[1])} {k[2]} {name(k[3])}  | {f.evidence}"

    lines = _entity_listing(sides, ents_a, ents_b)
    groups = [
        ("A required, B has not", [(k, f) for k, f in sides.a_req.items() if k not in sides.b_all()]),
        ("A required, B optional", [(k, sides.b_opt[k]) for k in sides.a_req if k in sides.b_opt]),
        ("B required, A has not", [(k, f) for k, f in sides.b_req.items() if k not in sides.a_all()]),
        ("B required, A optional", [(k, sides.a_opt[k]) for k in sides.b_req if k in sides.a_opt]),
        ("A optional, B has not", [(k, f) for k, f in sides.a_opt.items() if k not in sides.b_all()]),
        ("B optional, A has not", [(k, f) for k, f in sides.b_opt.items() if k not in sides.a_all()]),
    ]
    for title, items in groups:
        lines += ["", f"{title} ({len(items)}):"] + [line(k, f) for k, f in sorted(items, key=lambda x: x[0])]
    diffs = []
    for k, fa, fb in both_annotated(sides):
        for attr in ("status", "time", "speaker"):
            va, vb = getattr(fa, attr), getattr(fb, attr)
            if attr == "status":
                if k[2] not in ROLE_PROPERTIES:
                    continue
                va, vb = va or "current", vb or "current"
            if attr == "time":
                va = (va.start, va.end, va.text) if va else None
                vb = (vb.start, vb.end, vb.text) if vb else None
                if va and vb and va[:2] == vb[:2]:
                    continue
            if attr == "speaker":
                va = ents_a[va].name if va in ents_a else va
                vb = ents_b[vb].name if vb in ents_b else vb
            if va != vb:
                diffs.append(f"{line(k, fa)}\n      {attr}: A {va} / B {vb}")
    return lines + ["", f"status, time or speaker differ ({len(diffs)}):"] + diffs


def _entity_listing(sides: Sides, ents_a: dict[str, GoldEntity], ents_b: dict[str, GoldEntity]) -> list[str]:
    def show(e: GoldEntity) -> str:
        return f"  {e.doc}  {e.name} [{e.type}]" + (f" aka {', '.join(e.aliases)}" if e.aliases else "")

    known_a: dict[str | None, set[str]] = defaultdict(set)
    known_b: dict[str | None, set[str]] = defaultdict(set)
    for e in ents_a.values():
        known_a[e.doc] |= forms(e)
    for e in ents_b.values():
        known_b[e.doc] |= forms(e)
    only_a = sorted((e for e in ents_a.values() if not forms(e) & known_b[e.doc]), key=lambda e: (e.doc, e.id))
    only_b = sorted((e for e in ents_b.values() if not forms(e) & known_a[e.doc]), key=lambda e: (e.doc, e.id))
    types = sorted((x, y) for x, y in sides.a_to_b.items() if ents_a[x].type != ents_b[y].type)
    lines = ["", f"entities of A not found among B's ({len(only_a)}):"] + [show(e) for e in only_a]
    lines += ["", f"entities of B not found among A's ({len(only_b)}):"] + [show(e) for e in only_b]
    lines += ["", f"matched entities of different type ({len(types)}):"]
    lines += [f"{show(ents_a[x])}  /  B {ents_b[y].name} [{ents_b[y].type}]" for x, y in types]
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--news", type=Path, default=NEWS, help="the corpus folder (default: tests/gold/news)")
    ap.add_argument("--list", action="store_true", help="also list every disagreeing fact")
    args = ap.parse_args(argv)
    try:
        a, b, docs = load(args.news)
    except GoldError as exc:
        print(f"Error: {exc}; pass --news the folder holding train/dev/test.json and second.json", file=sys.stderr)
        return 1
    if not docs:
        print(f"Error: no document of {args.news}/second.json is in the split files; nothing to compare",
              file=sys.stderr)
        return 1
    print(report(a, b, docs, listing=args.list))
    return 0


if __name__ == "__main__":
    sys.exit(main())
