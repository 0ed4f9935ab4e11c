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
from string import Template

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
    return _template().substitute(csp=csp, title=safe_title, vis_version=VIS_VERSION, vis_css=vis_css,
                                  page_css=page_css, data_json=data_json, vis_js=vis_js, page_js=page_js)


@lru_cache(maxsize=1)
def _template() -> Template:
    """The page's markup (assets/page.html); ``${...}`` fields are filled once, never re-scanned."""
    return Template((resources.files("kg.export.viz") / "assets" / "page.html").read_text(encoding="utf-8"))
