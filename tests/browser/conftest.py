"""Headless Chromium fixtures for the HTML page tests (Debian chromium + the playwright package).

No browser is downloaded: Chromium must be at /usr/bin/chromium (``apt-get install chromium``).
Without it these tests skip, unless ``CI`` is set, in which case they fail.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

CHROMIUM = Path(os.environ.get("NEWSKG_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 900}
ARTIFACTS = Path(__file__).resolve().parents[1] / "_artifacts"
READY = "body[data-ready=true]"


def _require_browser() -> None:
    problem = None
    if not CHROMIUM.exists():
        problem = f"{CHROMIUM} not found; install it with: apt-get install -y chromium"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "the playwright package is missing; pip install playwright (no 'playwright install')"
    if problem:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(problem)
        pytest.skip(problem)


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """tests/_artifacts (gitignored), created on demand."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def viewport() -> dict[str, int]:
    return dict(VIEWPORT)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        # launch() uses a fresh temporary profile for every browser
        instance = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@dataclass
class OpenedPage:
    """A loaded graph page and everything it did."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def node_id(self, name: str) -> int:
        return self.js("(n) => window.__newskg.data.nodes.find(x => x.name === n).id", name)

    def settle(self) -> None:
        """Wait until the drawing has stopped moving (after a change that adds entities)."""
        self.page.wait_for_function("() => !window.__newskg.busy()", timeout=30_000)
        self.page.wait_for_timeout(50)

    def drawn(self) -> set[int]:
        return set(self.js("() => window.__newskg.drawn()"))

    def node_screen_point(self, node_id: int) -> tuple[float, float]:
        """Page coordinates of a node's centre."""
        return tuple(self.js(
            """(id) => {
                const net = window.__newskg.network;
                const p = net.canvasToDOM(net.getPositions([id])[id]);
                const r = document.querySelector('#graph canvas').getBoundingClientRect();
                return [r.left + p.x, r.top + p.y];
            }""",
            node_id,
        ))


@pytest.fixture()
def open_graph(browser: Any, tmp_path: Path) -> Iterator[Callable[[str], OpenedPage]]:
    contexts: list[Any] = []

    def _open(html: str | None = None, *, name: str = "graph.html", fragment: str = "") -> OpenedPage:
        """Open ``html`` (written to tmp_path/name), or the file already there when html is None."""
        path = tmp_path / name
        if html is not None:
            path.write_text(html, encoding="utf-8")
        context = browser.new_context(viewport=VIEWPORT)
        contexts.append(context)
        page = context.new_page()
        opened = OpenedPage(page)

        def route(route_: Any) -> None:
            url = route_.request.url
            if url.startswith("file://"):
                route_.continue_()
            else:
                opened.blocked.append(url)
                route_.abort()

        context.route("**/*", route)
        page.on("request", lambda r: opened.requests.append(r.url))
        page.on("console", lambda m: opened.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: opened.page_errors.append(str(e)))

        def on_dialog(dialog: Any) -> None:
            opened.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(path.as_uri() + (f"#{fragment}" if fragment else ""))
        page.wait_for_selector(READY, state="attached", timeout=30_000)
        return opened

    yield _open
    for context in contexts:
        context.close()
