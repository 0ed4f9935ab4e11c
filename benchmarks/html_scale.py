"""How the HTML graph page scales: render time in Python, page size, time to first draw.

Builds a synthetic KnowledgeGraph (default 5,000 entities, 20,000 facts), renders it with
:func:`kg.export.viz.render_html`, opens it from file:// in headless Debian Chromium via Playwright and
reports when the page set ``window.__newskgReady`` (network drawn), then times a search and a
class filter.  Needs /usr/bin/chromium and ``pip install playwright`` (no ``playwright install``).

    python benchmarks/html_scale.py [--nodes 5000] [--edges 20000] [--out /tmp/newskg_scale.html]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.export.viz import render_html  # noqa: E402
from kg.export.viz.sample import synthetic_graph  # noqa: E402

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=20000)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "newskg_scale.html")
    parser.add_argument("--screenshot", type=Path, default=None, help="save a PNG of the drawn page")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()

    t0 = time.perf_counter()
    graph = synthetic_graph(nodes=args.nodes, edges=args.edges, docs=max(1, args.nodes // 10))
    t1 = time.perf_counter()
    html = render_html(graph, title=f"synthetic {args.nodes} x {args.edges}")
    t2 = time.perf_counter()
    args.out.write_text(html, encoding="utf-8")
    size = args.out.stat().st_size
    print(f"graph: {len(graph.entities)} entities, {len(graph.facts)} facts (built in {t1 - t0:.2f} s)")
    print(f"render_html: {t2 - t1:.2f} s, page {size / 1e6:.2f} MB -> {args.out}")

    if not Path(args.chromium).exists():
        print(f"{args.chromium} not found: install Debian chromium to time the browser", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        remote: list[str] = []
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://")
                   else (remote.append(r.request.url), r.abort()))
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        t3 = time.perf_counter()
        page.goto(args.out.as_uri(), timeout=120_000)
        t4 = time.perf_counter()
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=120_000)
        t5 = time.perf_counter()
        ready_ms = page.evaluate("window.__newskgReadyMs")
        drawn = page.evaluate("Object.keys(window.__newskg.network.getPositions()).length")
        print(f"browser: load event {t4 - t3:.2f} s, network drawn after {t5 - t3:.2f} s "
              f"(page clock {ready_ms / 1000:.2f} s), {drawn} nodes positioned")

        target = graph.entities[sorted(graph.entities)[len(graph.entities) // 2]].name
        t6 = time.perf_counter()
        page.fill("#search", target)
        page.press("#search", "Enter")
        selected = page.evaluate("window.__newskg.network.getSelectedNodes()")
        panel = page.text_content("#panel h2")
        t7 = time.perf_counter()
        print(f"search {target!r}: {(t7 - t6) * 1000:.0f} ms, selected {selected}, panel {panel!r}")

        t8 = time.perf_counter()
        page.click("#class-filters input[data-name='Person']")
        shown = page.evaluate("[window.__newskg.nodeView.length, window.__newskg.edgeView.length]")
        t9 = time.perf_counter()
        print(f"class filter (hide Person): {(t9 - t8) * 1000:.0f} ms, now {shown[0]} nodes, {shown[1]} edges")
        if args.screenshot:
            page.click("#class-filters input[data-name='Person']")
            page.click("#panel-close")
            page.evaluate("window.__newskg.network.fit({animation: false})")
            page.wait_for_timeout(1000)
            page.screenshot(path=str(args.screenshot))
            print(f"screenshot: {args.screenshot}")
        print(f"console/page errors: {len(errors)}, blocked remote requests: {len(remote)}")
        browser.close()
    return 0 if not errors and not remote and panel == target else 1


if __name__ == "__main__":
    raise SystemExit(main())
