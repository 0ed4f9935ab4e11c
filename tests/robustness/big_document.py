"""Run by hand (too slow for CI): build one generated document of SIZE characters and report.

    python tests/robustness/big_document.py 20000000

Prints the wall time, the peak resident memory and the graph size; checks that every evidence
offset points at its sentence in the original text.
"""

from __future__ import annotations

import resource
import sys
import time

from kg.builder import build
from kg.model import Document
from kg.nlp.model import load_pipeline
from kg.resources import load_resources

PARAGRAPH = (
    "Acme Corp hired Jane Roe as chief executive on Monday, the company said. "
    "Jane Roe met the mayor of Lyon in Paris. The government of France criticized Germany over "
    "the new trade rules, officials said. Berlin rejected the claim.\n\n"
)


def main(size: int) -> None:
    text = (PARAGRAPH * (size // len(PARAGRAPH) + 1))[:size]
    nlp, res = load_pipeline(), load_resources()
    started = time.perf_counter()
    graph = build([Document("big", text)], nlp=nlp, resources=res)
    elapsed = time.perf_counter() - started
    bad = [ev for evs in graph.facts.values() for ev in evs if text[ev.start:ev.end].strip() != ev.sentence.strip()]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{size:,} characters: {elapsed:.0f}s, peak RSS {peak:.0f} MB, {graph.stats()}, "
          f"{len(bad)} evidence offsets off")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000_000)
