"""Print the asserted facts extracted from a random sample of unseen news (not in the dev gold set),
for a person to judge precision by hand.

    python scripts/spotcheck.py --seed 99 --ag 40 --bbc 4
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path

from kg.builder import build
from kg.eval.corpora import clean_agnews_text, default_data_dir
from kg.model import Document
from kg.nlp.model import load_pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=99)
    ap.add_argument("--ag", type=int, default=40, help="AG News World items")
    ap.add_argument("--bbc", type=int, default=4, help="BBC politics articles")
    args = ap.parse_args()
    data = default_data_dir()
    gold = json.loads(Path("tests/gold/dev.json").read_text(encoding="utf-8"))
    used = {d["source"].get("row") for d in gold["documents"]} | {d["source"].get("id") for d in gold["documents"]}
    rng = random.Random(args.seed)
    rows = list(csv.reader((data / "news" / "ag_news_test.csv").open(encoding="utf-8")))[1:]
    world = [i for i, r in enumerate(rows) if r[0] == "1" and i not in used]
    docs = [Document(f"ag{i}", clean_agnews_text(rows[i][1]) + ". " + clean_agnews_text(rows[i][2]))
            for i in rng.sample(world, args.ag)]
    bbc = [json.loads(line) for line in (data / "news" / "bbc_fulltext.jsonl").open(encoding="utf-8")]
    bbc = [b for b in bbc if b["id"].startswith("politics/") and b["id"] not in used]
    docs += [Document(b["id"], b["text"]) for b in rng.sample(bbc, args.bbc)]
    g = build(docs, nlp=load_pipeline())
    for (s, p, o), evs in sorted(g.facts.items()):
        if g.is_asserted((s, p, o)):
            ev = next(e for e in evs if e.modality == "asserted")
            print(f"{g.entities[s].name} | {p} | {g.entities[o].name} | {ev.rule} | {ev.doc_id} | {ev.sentence[:200]}")


if __name__ == "__main__":
    main()
