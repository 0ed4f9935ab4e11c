"""Role status, event time and speaker accuracy of a build on the news gold (docs/time.md).

    NEWSKG_DATA=/work/shared/data python scripts/time_accuracy.py tests/gold/news/dev.json [--errors]

Builds the gold documents with the shipped model, then scores with kg.eval.timing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kg.eval.corpora import load_gold_documents
from kg.eval.gold import load_gold
from kg.eval.table import build_graph
from kg.eval.timing import time_scores


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="a gold file with status/time/speaker keys (tests/gold/news/*.json)")
    parser.add_argument("--errors", action="store_true", help="list every wrong status, time and speaker")
    args = parser.parse_args(argv)
    path = args.gold
    gold = load_gold(path)
    docs = load_gold_documents(gold)
    t0 = time.perf_counter()
    graph = build_graph(docs)
    took = time.perf_counter() - t0
    scores = time_scores(gold, graph)
    print(f"{path}: {len(docs)} documents, built in {took:.1f} s")
    for name in ("status", "time", "time_or_report", "speaker", "attribution"):
        acc = getattr(scores, name)
        print("  " + acc.line(name))
        if args.errors:
            for err in acc.errors:
                print(f"      {err}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
