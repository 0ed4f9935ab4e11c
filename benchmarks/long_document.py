"""One book-length document vs the same text split into its articles: is the build linear?

    python benchmarks/long_document.py                      # 0.25, 0.5 and 1 MB
    python benchmarks/long_document.py --sizes 500000,2000000 --profile /tmp/long.prof

The text is the BBC articles (``$NEWSKG_DATA/news/bbc_fulltext.jsonl``, default
``<repo>/../shared/data``) joined with blank lines,
cut to each size; without the corpus, a generated paragraph is repeated instead (it has far fewer
distinct names, so it hides costs that grow with the number of mentions).  For each size it
builds (a) the text as one document and (b) the same articles as separate documents, with the
same pipeline, and prints both times and their ratio.  Linear means: (a) doubles when the size
doubles, and (a)/(b) stays within 2.  ``--profile`` writes a cProfile of (a) at the largest size
(``python -m pstats FILE``, ``sort tottime``).

Found with it (issue 26, item 4): the growth was in the extraction (kg/extract/), not in ingest,
parsing or merging; see docs/inputs.md ("Long documents").
"""

from __future__ import annotations

import argparse
import cProfile
import json
import time

from kg.builder import build
from kg.eval.corpora import default_data_dir
from kg.model import Document
from kg.nlp.model import load_pipeline
from kg.resources import load_resources

PARAGRAPH = (
    "Acme Corp hired Jane Roe as chief executive on Monday, the company said. "
    "Jane Roe met the mayor of Lyon in Paris. The government of France criticized Germany over "
    "the new trade rules, officials said. Berlin rejected the claim.\n\n"
)


def articles(size: int) -> tuple[list[str], str]:
    """Articles whose texts, joined by blank lines, make at least ``size`` characters, and where
    they come from."""
    out, total = [], 0
    corpus = default_data_dir() / "news" / "bbc_fulltext.jsonl"
    if corpus.is_file():
        with corpus.open(encoding="utf-8") as fh:
            for line in fh:
                if total >= size:
                    break
                text = json.loads(line)["text"]
                out.append(text)
                total += len(text) + 2
    where = f"{len(out)} BBC articles" if out else ""
    if total < size:   # no corpus (or not enough of it): repeat a generated paragraph
        where += (" + " if out else "") + "a generated paragraph repeated (set NEWSKG_DATA for the BBC corpus)"
    while total < size:
        out.append(PARAGRAPH * 8)
        total += len(out[-1]) + 2
    return out, where


def timed(docs: list[Document], nlp, res, profile: str | None = None) -> tuple[float, dict]:
    prof = cProfile.Profile() if profile else None
    started = time.perf_counter()
    if prof:
        prof.enable()
    graph = build(docs, nlp=nlp, resources=res)
    if prof:
        prof.disable()
        prof.dump_stats(profile)
    return time.perf_counter() - started, graph.stats()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="250000,500000,1000000", help="characters, comma-separated")
    ap.add_argument("--profile", help="write a cProfile of the one-document build at the largest size here")
    args = ap.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    nlp, res = load_pipeline(), load_resources()
    print(f"{'size':>10} {'one doc s':>10} {'split s':>9} {'one/split':>9}  one-doc graph", flush=True)
    previous = prev_size = None
    for size in sizes:
        texts, where = articles(size)
        one = [Document("book", "\n\n".join(texts))]
        split = [Document(f"part-{n}", text) for n, text in enumerate(texts)]
        t_one, stats = timed(one, nlp, res, args.profile if size == sizes[-1] else None)
        t_split, _ = timed(split, nlp, res)
        growth = f" (x{t_one / previous:.2f} for x{size / prev_size:.1f} size)" if previous else ""
        print(f"{len(one[0].text):>10,} {t_one:>10.1f} {t_split:>9.1f} {t_one / t_split:>9.2f}  {stats}{growth}",
              flush=True)
        print(f"{'':>10} text: {where}", flush=True)
        previous, prev_size = t_one, size


if __name__ == "__main__":
    main()
