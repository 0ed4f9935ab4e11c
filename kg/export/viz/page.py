"""Assemble the self-contained HTML page: vis-network, page CSS/JS and the data, all inline.

The page loads nothing from the network: a Content-Security-Policy allows only the two inline
scripts (by hash), inline styles and ``data:`` images, and blocks every fetch.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["assemble_page", "vis_assets"]

VIS_VERSION = "9.1.2"


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """(vis-network.min.js, vis-network.css) as shipped with pyvis."""
    try:
        import pyvis
    except ImportError as exc:  # pragma: no cover - pyvis is a hard dependency
        raise RuntimeError("pyvis is required for the HTML page: pip install 'pyvis==0.3.2'") from exc
    lib = Path(pyvis.__file__).parent / "templates" / "lib" / f"vis-{VIS_VERSION}"
    try:
        js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
        css = (lib / "vis-network.css").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RuntimeError(
            f"vis-network {VIS_VERSION} not found in {lib}; reinstall pyvis 0.3.2 "
            "(pip install --force-reinstall 'pyvis==0.3.2')"
        ) from exc
    return _inline_safe(_escape_script_tags(js), "</script"), _inline_safe(css, "</style")


# The page script is several files run as one (a shared scope, in this order).
SCRIPT_FILES = ("util.js", "data.js", "filters.js", "core.js", "place.js", "labels.js", "draw.js",
                "panel.js", "lists.js", "controls.js", "page.js")


@lru_cache(maxsize=1)
def _page_assets() -> tuple[str, str]:
    root = resources.files("kg.export.viz") / "assets"
    parts = [f"// ---- {name}\n" + (root / name).read_text(encoding="utf-8") for name in SCRIPT_FILES]
    js = "(function () {\n\"use strict\";\n" + "\n".join(parts) + "\n})();"
    css = (root / "page.css").read_text(encoding="utf-8")
    return _inline_safe(_escape_script_tags(js), "</script"), _inline_safe(css, "</style")


def _escape_script_tags(js: str) -> str:
    """Write ``<script``/``<!--`` inside JavaScript as ``\\x3c...``: same value in a string or regex
    literal, and the HTML parser never sees a tag (vis-network has a ``"<script>"`` literal).
    Raw DEL/C1 control characters (vis-network has one in a string literal) become ``\\xNN``
    escapes too, so the page holds no control character at all."""
    js = re.sub("[\x7f-\x9f]", lambda m: "\\x%02x" % ord(m.group(0)), js)
    return re.sub(r"<(/?script|!--)", r"\\x3c\1", js, flags=re.IGNORECASE)


def _inline_safe(text: str, closer: str) -> str:
    lowered = text.lower()
    if closer in lowered or "<!--" in lowered:
        raise RuntimeError(f"asset contains {closer!r} or '<!--' and cannot be inlined safely")
    return text


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def assemble_page(*, title: str, data_json: str) -> str:
    """The complete HTML document; ``data_json`` must come from :func:`kg.export.viz.payload.script_json`."""
    vis_js, vis_css = vis_assets()
    page_js, page_css = _page_assets()
    # the hashes cover the exact text between <script> and </script>, newlines included
    vis_js, page_js = f"\n{vis_js}\n", f"\n{page_js}\n"
    csp = (
        "default-src 'none'; "
        f"script-src {_sha256(vis_js)} {_sha256(page_js)}; "
        "style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; "
        "form-action 'none'; base-uri 'none'"
    )
    safe_title = html.escape(title, quote=True)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newskg (vis-network {VIS_VERSION})">
<title>{safe_title}</title>
<style>
{vis_css}
</style>
<style>
{page_css}
</style>
</head>
<body>
<div id="app">
  <aside id="sidebar" aria-label="Search and filters">
    <h1 id="title">{safe_title}</h1>
    <p id="totals"></p>
    <p id="view-stats" class="muted" aria-live="polite"></p>
    <label class="check" id="isolated-row"><input id="show-isolated" type="checkbox"> <span id="isolated-label">show entities with no fact</span></label>
    <label class="inline" for="budget">Draw up to <select id="budget"></select> entities</label>
    <div class="search">
      <label for="search">Find an entity</label>
      <input id="search" type="search" autocomplete="off" spellcheck="false" placeholder="name or alias, then Enter">
      <ul id="search-results" aria-label="Search results"></ul>
    </div>
    <section>
      <h2>Classes</h2>
      <div class="bulk"><button type="button" data-bulk="cls" data-on="1">all</button><button type="button" data-bulk="cls" data-on="0">none</button></div>
      <ul id="class-filters" class="filters"></ul>
    </section>
    <section>
      <h2>Properties</h2>
      <div class="bulk"><button type="button" data-bulk="prop" data-on="1">all</button><button type="button" data-bulk="prop" data-on="0">none</button></div>
      <ul id="prop-filters" class="filters"></ul>
    </section>
    <section>
      <h2>Sources</h2>
      <label class="field" for="doc-filter">Document</label>
      <input id="doc-filter" type="search" list="doc-options" autocomplete="off" spellcheck="false" placeholder="any document (type a title or id)">
      <datalist id="doc-options"></datalist>
      <div id="source-row"><label class="field" for="source-filter">Outlet</label><select id="source-filter"></select></div>
    </section>
    <section>
      <h2>Statements</h2>
      <label class="field" for="conf-filter">Confidence at least <output id="conf-value" for="conf-filter">0.00</output></label>
      <input id="conf-filter" type="range" min="0" max="1" step="0.05" value="0">
      <label class="check"><input id="show-hedged" type="checkbox" checked> show hedged / negated</label>
      <ul class="lines">
        <li><span class="line asserted"></span> asserted</li>
        <li><span class="line hedged"></span> hedged only</li>
        <li><span class="line negated"></span> negated only</li>
        <li><span class="arrow">&rarr;</span> directed &nbsp; <span class="arrow">&mdash;</span> symmetric</li>
        <li><span class="hull"></span> a community (entities linked more to each other)</li>
      </ul>
    </section>
    <section id="date-section" hidden>
      <h2>Dates</h2>
      <div class="dates"><label class="field" for="date-from">from</label><input id="date-from" type="date"><label class="field" for="date-to">to</label><input id="date-to" type="date"></div>
      <p id="date-note" class="muted"></p>
    </section>
    <div class="buttons"><button type="button" id="reset">Reset view</button><button type="button" id="fit">Fit to window</button></div>
  </aside>
  <main id="main">
    <div id="tabs" role="tablist" aria-label="Views">
      <button type="button" role="tab" id="tab-graph" data-tab="graph" aria-controls="graph" aria-selected="true">Graph</button>
      <button type="button" role="tab" id="tab-entities" data-tab="entities" aria-controls="entities-view" aria-selected="false" tabindex="-1">Entities</button>
      <button type="button" role="tab" id="tab-facts" data-tab="facts" aria-controls="facts-view" aria-selected="false" tabindex="-1">Facts</button>
    </div>
    <div id="graph" role="tabpanel" aria-labelledby="tab-graph"></div>
    <section id="entities-view" class="list-view" role="tabpanel" aria-labelledby="tab-entities" hidden></section>
    <section id="facts-view" class="list-view" role="tabpanel" aria-labelledby="tab-facts" hidden></section>
    <div id="empty" hidden>Nothing matches these filters.</div>
  </main>
  <aside id="panel" aria-label="Details" hidden>
    <button type="button" id="panel-close" aria-label="Close details">&times;</button>
    <div id="panel-body"></div>
  </aside>
</div>
<script type="application/json" id="newskg-data">{data_json}</script>
<script>{vis_js}</script>
<script>{page_js}</script>
</body>
</html>
"""
