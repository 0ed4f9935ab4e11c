"""Open a graph page in headless Chromium (Debian's /usr/bin/chromium) and save a PNG.

    python scripts/screenshot.py output/graph.html docs/seed-graph.png [--click NAME]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("page", type=Path)
    ap.add_argument("png", type=Path)
    ap.add_argument("--click", help="search for this entity name and open its panel")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(args.page.resolve().as_uri())
        page.wait_for_selector("body[data-ready=true]", timeout=60_000)
        if args.click:
            page.evaluate("(n) => window.__newskg.search(n)", args.click)
            page.wait_for_timeout(800)
        args.png.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.png))
        browser.close()
    print(f"wrote {args.png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
