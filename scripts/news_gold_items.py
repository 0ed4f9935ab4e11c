"""Choose the items of the team's news relation corpus (tests/gold/news/) and write their texts.

The choice is deterministic (a fixed seed) and made before anyone looks at extractor output on
them: AllSides world-politics leads (most items: the closest to today's news), BBC politics leads
and AG News World items, excluding the documents of tests/gold/dev.json.  Each item is assigned to
train / dev / test by a hash of its id (50 / 25 / 25); the test split is for reporting only.

    python scripts/news_gold_items.py --out tests/gold/news/items.json --texts /tmp/items

writes the manifest (ids, sources, splits; no article text) and, with ``--texts``, one text file
per item for annotators (outside the repository: the texts are not ours to redistribute).

    python scripts/news_gold_items.py --extend 120 --out tests/gold/news/items-train2.json --texts /tmp/items2
    python scripts/news_gold_items.py --extend 72 --seed 20261206 --exclude seen.jsonl \
        --out tests/gold/news/items-train3.json --texts /tmp/items3

chooses a further training batch: AllSides leads only, with its own seed (``--seed``), none of
them in any file under tests/gold (every gold, judged or annotated document is left out), all in
the train split (the dev and test splits stay as they were, so their figures stay comparable).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from pathlib import Path

from kg.eval.corpora import default_data_dir, load_gold_documents
from kg.eval.gold import Gold, gold_from_dict, load_gold

LEAD_CHARS = 2500
SEED = 20261202
EXTEND_SEED = 20261204
GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold"


def split_of(item_id: str) -> str:
    """train / dev / test from a hash of the id (stable, independent of the order)."""
    h = int(hashlib.sha256(item_id.encode()).hexdigest()[:8], 16) % 4
    return ("train", "train", "dev", "test")[h]


def choose(n_allsides: int, n_bbc: int, n_ag: int) -> list[dict]:
    data = default_data_dir()
    dev = load_gold(Path(__file__).resolve().parent.parent / "tests" / "gold" / "dev.json")
    used = {json.dumps(dict(d.source), sort_keys=True) for d in dev.documents}
    rng = random.Random(SEED)
    items: list[dict] = []

    rows = [json.loads(x) for x in open(data / "news" / "allsides_world_politics.jsonl", encoding="utf-8")]
    rows = [r for r in rows if len(r["text"]) >= 800]
    for r in rng.sample(rows, n_allsides):
        items.append({"id": f"as-{r['id'].removeprefix('allsides-')}",
                      "source": {"dataset": "allsides", "id": r["id"], "lead_chars": LEAD_CHARS}})

    bbc = [json.loads(x) for x in open(data / "news" / "bbc_fulltext.jsonl", encoding="utf-8")]
    bbc = [r["id"] for r in bbc if r["id"].startswith("politics/")
           and json.dumps({"dataset": "bbc", "id": r["id"]}, sort_keys=True) not in used]
    for bid in sorted(rng.sample(bbc, n_bbc)):
        items.append({"id": f"bbc-{bid.replace('/', '-')}",
                      "source": {"dataset": "bbc", "id": bid, "lead_chars": LEAD_CHARS}})

    import csv
    with open(data / "news" / "ag_news_test.csv", encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        world = [i for i, r in enumerate(reader) if r[0] == "1"]
    world = [i for i in world if json.dumps({"dataset": "agnews", "row": i}, sort_keys=True) not in used]
    for row in sorted(rng.sample(world, n_ag)):
        items.append({"id": f"ag-{row:05d}", "source": {"dataset": "agnews", "row": row}})
    for it in items:
        it["split"] = split_of(it["id"])
    return items


def gold_allsides_ids() -> set[str]:
    """The AllSides ids any file under tests/gold names (``allsides-<hex>`` or ``as-<hex>``)."""
    ids: set[str] = set()
    for path in GOLD.rglob("*.json"):
        ids.update(re.findall(r"(?:allsides-|as-)([A-Za-z0-9]{16})", path.read_text(encoding="utf-8")))
    return ids


def extend(n: int, seed: int = EXTEND_SEED, exclude: set[str] = frozenset()) -> list[dict]:
    """A further ``n`` AllSides leads for training, outside every gold file and ``exclude`` (AllSides
    ids without prefix: articles someone already saw the extractor's output on) (see the module
    docstring)."""
    used = gold_allsides_ids() | set(exclude)
    rows = [json.loads(x) for x in open(default_data_dir() / "news" / "allsides_world_politics.jsonl", encoding="utf-8")]
    rows = [r for r in rows if len(r["text"]) >= 800 and r["id"].removeprefix("allsides-") not in used]
    return [{"id": f"as-{r['id'].removeprefix('allsides-')}", "split": "train",
             "source": {"dataset": "allsides", "id": r["id"], "lead_chars": LEAD_CHARS}}
            for r in random.Random(seed).sample(rows, n)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--texts", type=Path)
    ap.add_argument("--allsides", type=int, default=170)
    ap.add_argument("--bbc", type=int, default=60)
    ap.add_argument("--ag", type=int, default=80)
    ap.add_argument("--extend", type=int, metavar="N", help="a further N AllSides training items (see above)")
    ap.add_argument("--seed", type=int, default=EXTEND_SEED, help="--extend: the seed of the draw")
    ap.add_argument("--exclude", type=Path, help="--extend: a JSONL file whose AllSides ids are left out")
    a = ap.parse_args()
    exclude = {re.sub(r"^(allsides-|as-)", "", json.loads(x)["id"]) for x in open(a.exclude, encoding="utf-8")} \
        if a.exclude else set()
    items = extend(a.extend, a.seed, exclude) if a.extend else choose(a.allsides, a.bbc, a.ag)
    seed = a.seed if a.extend else SEED
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps({"lead_chars": LEAD_CHARS, "seed": seed, "items": items}, indent=1) + "\n")
    if a.texts:
        gold: Gold = gold_from_dict({"name": "items", "documents": [{"id": i["id"], "source": i["source"]} for i in items],
                                     "entities": [], "relations": []})
        a.texts.mkdir(parents=True, exist_ok=True)
        for doc in load_gold_documents(gold):
            head = f"id: {doc.id}\ndate: {doc.date or 'unknown'}\ntitle: {doc.title or ''}\n----- text -----\n"
            (a.texts / f"{doc.id}.txt").write_text(head + doc.text + "\n", encoding="utf-8")
    print(f"{len(items)} items: " + ", ".join(f"{s} {sum(i['split'] == s for i in items)}" for s in ("train", "dev", "test")))


if __name__ == "__main__":
    main()
