"""How the analyst's page scales: render time in Python, page size, first useful draw in Chromium.

For each size (default 500, 5,000 and 50,000 entities) a synthetic KnowledgeGraph is built
(``benchmarks/viz_sample.py: synthetic_graph``), rendered with :func:`kg.export.viz.render_html` and
opened from file:// in headless Debian Chromium via Playwright.  "First useful draw" is the time
from asking the browser to open the file until the page has drawn its budgeted core with names
(``window.__newskgReady``), measured by the wall clock around Playwright and by the page's own
clock.  Then a search, a class filter, the entity list and an expansion are timed.

Two shapes: ``news`` is shaped like a build of BBC articles (seven in ten entities without a
fact, a quarter of a fact per entity); ``dense`` has four facts per entity, all entities linked
(a worst case for the payload).  Needs /usr/bin/chromium and ``pip install playwright`` (never
``playwright install``).

    python benchmarks/html_scale.py [--sizes 500,5000,50000] [--shape news|dense|both] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from viz_sample import synthetic_graph  # benchmarks/viz_sample.py, beside this script

from kg.export.viz import render_html

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SHAPES = {"news": {"per_entity": 0.25, "linked": 0.3}, "dense": {"per_entity": 4.0, "linked": 1.0}}


def build(entities: int, shape: str) -> tuple[object, float]:
    spec = SHAPES[shape]
    t0 = time.perf_counter()
    graph = synthetic_graph(nodes=entities, edges=int(entities * spec["per_entity"]), docs=max(1, entities // 10),
                            linked=spec["linked"])
    return graph, time.perf_counter() - t0


def open_once(browser, path: Path) -> dict:
    """Open the page once; the timings of the first draw and of four interactions (ms)."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    problems: list[str] = []
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://")
               else (problems.append("request " + r.request.url), r.abort()))
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    t0 = time.perf_counter()
    page.goto(path.as_uri(), timeout=300_000, wait_until="commit")
    page.wait_for_selector("body[data-ready=true]", state="attached", timeout=300_000)
    wall = (time.perf_counter() - t0) * 1000
    timings = page.evaluate("window.__newskg.timings")
    out = {"wall": wall, "page": timings["ready"], "parsed": timings["parsed"] - timings["start"],
           "settle": timings["lastSettle"]["ms"] if timings.get("lastSettle") else 0,
           "drawn": len(page.evaluate("window.__newskg.drawn()")),
           "named": sum(1 for l in page.evaluate("window.__newskg.labels()") if l["kind"] == "node")}

    def timed(action, settle: bool = True) -> float:
        t = time.perf_counter()
        action()
        if settle:
            page.wait_for_function("() => !window.__newskg.busy()", timeout=120_000)
        page.evaluate("new Promise(r => requestAnimationFrame(() => r()))")
        return (time.perf_counter() - t) * 1000

    data_nodes = page.evaluate("window.__newskg.data.nodes.length")
    target = page.evaluate("(i) => window.__newskg.data.nodes[i].name", data_nodes // 2)
    out["search"] = timed(lambda: (page.fill("#search", target), page.press("#search", "Enter")))
    out["filter"] = timed(lambda: page.click("#class-filters input[data-name='Person']"))
    out["list"] = timed(lambda: page.click("#tab-entities"), settle=False)
    page.click("#tab-graph")
    hub = page.evaluate("window.__newskg.drawn()[0]")
    out["expand"] = timed(lambda: page.evaluate("(id) => window.__newskg.expand(id)", hub))
    out["problems"] = problems
    page.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,5000,50000")
    parser.add_argument("--shape", choices=["news", "dense", "both"], default="both")
    parser.add_argument("--runs", type=int, default=3, help="browser runs per page (medians are reported)")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "newskg_scale")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    if not Path(args.chromium).exists():
        print(f"{args.chromium} not found: install Debian's chromium to time the browser", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    shapes = ["news", "dense"] if args.shape == "both" else [args.shape]
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} CPUs, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")
    print("| shape | entities | facts | render s | page MB | first draw s (wall) | page clock s | "
          "settle s | drawn | named | search ms | filter ms | list ms | expand ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    failed = False
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS, headless=True)
        for shape in shapes:
            for size in (int(s) for s in args.sizes.split(",")):
                graph, _built = build(size, shape)
                t0 = time.perf_counter()
                html = render_html(graph, title=f"synthetic {shape} {size}")
                render = time.perf_counter() - t0
                path = args.out / f"{shape}_{size}.html"
                path.write_text(html, encoding="utf-8")
                runs = [open_once(browser, path) for _ in range(args.runs)]
                med = {k: statistics.median(r[k] for r in runs) for k in runs[0] if k != "problems"}
                problems = sorted({p for r in runs for p in r["problems"]})
                failed |= bool(problems)
                print(f"| {shape} | {len(graph.entities):,} | {len(graph.facts):,} | {render:.1f} | "
                      f"{path.stat().st_size / 1e6:.1f} | {med['wall'] / 1000:.2f} | {med['page'] / 1000:.2f} | "
                      f"{med['settle'] / 1000:.2f} | {med['drawn']:.0f} | {med['named']:.0f} | {med['search']:.0f} | "
                      f"{med['filter']:.0f} | {med['list']:.0f} | {med['expand']:.0f} |", flush=True)
                for problem in problems:
                    print(f"  problem: {problem}")
        browser.close()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
