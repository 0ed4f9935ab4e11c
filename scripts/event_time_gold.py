"""Event facts and their times against the blind judgements of tests/gold/eventtime (docs/time.md).

    NEWSKG_DATA=/work/shared/data python scripts/event_time_gold.py [--split test] [--errors]

The gold holds 330 event statements (metWith, visited, attacked, ...) that the builds of commits
9f26b0e (dev, test) and 0cfd51c (dev2) read from unseen AllSides articles, each judged blind by a helper session from the
article (was the event stated, asserted or hedged, and when did it happen: tests/gold/eventtime/
TASK.md).  This script builds those articles again (texts from ``NEWSKG_DATA``, never copied into
the repository), finds each item's statement (same document, property and sentence; subject and
object by label or alias, or by a shared word when the corpus gives another label) and reports,
per split:

* how many items the build still reads (same document and property, the same sentence or one the
  build cuts inside it), and its modality against the judge's "stated";
* precision of asserted event facts (judged "yes" among those the build asserts);
* event time on items judged "yes" or "hedged" with a gold time: exact start and end, and
  ``time_or_report`` (a statement without a time counts as dated on its report);
* times given where the judge found none.

``--errors`` lists the studied splits' (dev, dev2) wrong times and wrong facts (never read the test split's).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "eventtime" / "items.json"
_STATEMENTS = """
SELECT ?d ?p ?sc ?ec ?mod ?start ?end ?date (GROUP_CONCAT(DISTINCT ?sl; separator="\\u001f") AS ?sls)
       (GROUP_CONCAT(DISTINCT ?ol; separator="\\u001f") AS ?ols) WHERE {
  ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:fromDocument ?doc ;
      kg:startChar ?sc ; kg:endChar ?ec ; kg:modality ?mod .
  ?doc dcterms:identifier ?d . OPTIONAL { ?doc dcterms:date ?date }
  OPTIONAL { ?st kg:eventStart ?start } OPTIONAL { ?st kg:eventEnd ?end }
  { ?s rdfs:label ?sl } UNION { ?s skos:altLabel ?sl }
  { ?o rdfs:label ?ol } UNION { ?o skos:altLabel ?ol }
} GROUP BY ?d ?p ?sc ?ec ?mod ?start ?end ?date"""


def _articles(ids: set[str]) -> list[dict]:
    from kg.eval.corpora import default_data_dir

    path = default_data_dir(ROOT) / "news" / "allsides_world_politics.jsonl"
    if not path.is_file():
        sys.exit(f"{path} not found: set NEWSKG_DATA to the folder that holds news/allsides_world_politics.jsonl")
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if a["id"] in ids:
                out.append({"id": a["id"], "text": a["text"], "date": a.get("date")})
    return out


def _statements(articles: list[dict]) -> dict[tuple, list[dict]]:
    import kg

    result = kg.build(articles)
    out: dict[tuple, list[dict]] = {}
    for row in result.query(_STATEMENTS):
        key = (str(row["d"]), str(row["p"]).rsplit("#", 1)[-1], int(row["sc"]), int(row["ec"]))
        out.setdefault(key, []).append({
            "subjects": set(str(row["sls"]).split("\u001f")), "objects": set(str(row["ols"]).split("\u001f")),
            "modality": str(row["mod"]), "start": _opt(row["start"]), "end": _opt(row["end"]),
            "report": _opt(row["date"])})
    return out


def _opt(value) -> str | None:
    return None if value is None else str(value)[:10]


def _fits(label: str, names: set[str]) -> int:
    """2: the label is one of the names; 1: they share a word ("Vladimir V. Putin" / "Mr. Putin":
    labels follow the corpus built); 0: neither."""
    if label in names:
        return 2
    def words(name: str) -> set[str]:  # capitalised words of three letters or more: no "and", "of"
        return {w.strip(".,").casefold() for w in name.split() if len(w.strip(".,")) > 2 and w[:1].isupper()}
    return int(any(words(label) & words(n) for n in names))


def _find(item: dict, statements: dict[tuple, list[dict]]) -> dict | None:
    """The statement of the item's sentence and property whose subject and object fit its labels best."""
    best, best_fit = None, 0
    here = statements.get((item["doc"], item["property"], item["start_char"], item["end_char"]))
    if here is None:  # the sentence as later builds cut it: inside the item's ("Hide Caption 5 of 10" blanked)
        here = [st for (d, p, sc, ec), sts in statements.items() if d == item["doc"] and p == item["property"]
                and item["start_char"] <= sc < ec <= item["end_char"] for st in sts]
    for st in here:
        s, o = _fits(item["subject"], st["subjects"]), _fits(item["object"], st["objects"])
        if s and o and s + o > best_fit:
            best, best_fit = st, s + o
    return best


def score(items: list[dict], statements: dict[tuple, list[dict]], errors: bool) -> Counter:
    c: Counter = Counter()
    for it in items:
        st = _find(it, statements)
        if st is None:
            c["not read any more"] += 1
            continue
        c["read"] += 1
        c[f"judged {it['stated']}, built {st['modality']}"] += 1
        if st["modality"] == "asserted":
            c["asserted"] += 1
            c["asserted, judged yes"] += it["stated"] == "yes"
            if errors and it["stated"] == "no":
                print(f"  WRONG FACT {it['item']} {it['subject']} {it['property']} {it['object']}: {it.get('note', '')}")
            if errors and it["stated"] == "hedged":
                print(f"  HEDGED, BUILT ASSERTED {it['item']} {it['subject']} {it['property']} {it['object']}: "
                      f"{it.get('note', '')}")
        if it["stated"] not in ("yes", "hedged"):
            continue
        gold = it["time"]
        got = (st["start"], st["end"])
        if gold is None:
            c["no gold time"] += 1
            c["no gold time, a time given"] += got[0] is not None
            if errors and got[0] is not None:
                print(f"  TIME GIVEN, NONE IN GOLD {it['item']} {it['property']}: built {got} ({it.get('note', '')})")
            continue
        want = (gold.get("start"), gold.get("end"))
        c["gold time"] += 1
        c["gold time, a time given"] += got[0] is not None
        c["time right"] += got == want
        reported = got if got[0] is not None else (st["report"], st["report"])
        c["time_or_report right"] += reported == want
        if errors and got != want:
            print(f"  WRONG TIME {it['item']} {it['property']}: gold {want} ({gold.get('text')!r}), built {got}")
    return c


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "dev2", "test", "all"), default="all")
    parser.add_argument("--errors", action="store_true", help="list the studied splits' (dev, dev2) wrong facts and times")
    args = parser.parse_args(argv)
    items = json.loads(GOLD.read_text(encoding="utf-8"))["items"]
    statements = _statements(_articles({it["doc"] for it in items}))
    for split in ("dev", "dev2", "test"):
        if args.split not in (split, "all"):
            continue
        c = score([it for it in items if it["split"] == split], statements, args.errors and split != "test")
        print(f"{split}: {len([it for it in items if it['split'] == split])} items")
        for key in sorted(c):
            print(f"  {key}: {c[key]}")
        if c["asserted"]:
            print(f"  precision of asserted event facts: {c['asserted, judged yes'] / c['asserted']:.3f}")
        if c["gold time"]:
            print(f"  event time exact: {c['time right']}/{c['gold time']} = {c['time right'] / c['gold time']:.3f}; "
                  f"time_or_report: {c['time_or_report right']}/{c['gold time']} = "
                  f"{c['time_or_report right'] / c['gold time']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
