"""Everything a build writes into its output folder: the store, then the files that follow it.

OUT/store is updated first; OUT/graph.ttl (and the other RDF formats asked for) are exported from
the store, so they describe all of it; graph.graphml and graph.html are drawn in a forked process
while the store is updated (two cores, twice the work).  Every file is replaced atomically.
"""

from __future__ import annotations

import time
from pathlib import Path

from kg.errors import OutputError
from kg.export.write import ViewsInChild, render_views, write_atomic

__all__ = ["write_outputs"]


def write_outputs(
    graph,
    out_dir: Path,
    *,
    base: str,
    resources=None,
    doc_entities: dict | None = None,
    formats=(),
    store: bool = True,
    html: bool = True,
    max_nodes: int | None = None,
    focus: tuple[str, ...] = (),
    hops: int = 1,
    timings: dict[str, float] | None = None,
    replace: bool = True,
):
    """Write what ``kg build`` writes: OUT/store, OUT/graph.ttl (+ ``formats``), graph.graphml, graph.html.

    With a store, the GraphML and the page are built in a forked process while this one updates
    the store (two cores, twice the work).  Files are written (atomically) once everything is
    computed; the RDF files are exported from the store so that they describe all of it.
    Returns the paths written and the store report.  ``timings``, when given, receives the
    seconds of each step (the benchmark prints them); ``replace=False`` refuses to replace a
    stored document by a different version (see :func:`kg.store.update.update_store`)."""
    from kg.store.update import update_store

    times = timings if timings is not None else {}
    if html and focus:  # checked before anything is written: a bad term must leave store and files as they were
        from kg.export.viz.select import match_focus

        try:
            match_focus(graph, focus)
        except ValueError as exc:
            raise OutputError(f"--focus: {exc}; nothing was written.") from None
    args = (graph, base, html, max_nodes, focus, hops)
    written: list[Path] = []
    store_report = None
    if store:
        views = ViewsInChild(args)
        t0 = time.perf_counter()
        try:
            store_report = update_store(out_dir / "store", graph, base=base, resources=resources,
                                        doc_entities=doc_entities, replace=replace)
        except BaseException:
            views.cancel()
            raise
        times["store"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        gml, page, view_times = views.result()
        times["waiting for graphml+html"] = time.perf_counter() - t0
        written.append(out_dir / "store")
    else:
        gml, page, view_times = render_views(*args)
    times.update({f"{k}{' (child)' if store else ''}": v for k, v in view_times.items()})
    written += _write_files(graph, out_dir, formats, store, base, resources, gml, page, times)
    return written, store_report


def _write_files(graph, out_dir: Path, formats, store: bool, base: str, resources, gml: bytes, page: str | None,
                 times: dict[str, float]) -> list[Path]:
    """graph.ttl (+ ``formats``: exported from the store when there is one), graph.graphml, graph.html."""
    from kg.export.formats import FORMATS, serialize
    from kg.store.embedded import export_store

    written: list[Path] = []
    for fmt in ["turtle", *(f for f in formats if f != "turtle")]:
        path = out_dir / f"graph.{FORMATS[fmt]}"
        t0 = time.perf_counter()
        if store:
            data = export_store(out_dir / "store", fmt)
        else:
            data = serialize(graph, fmt, base=base, resources=resources)
        times[f"{fmt} export"] = time.perf_counter() - t0
        write_atomic(path, data)
        written.append(path)
    write_atomic(out_dir / "graph.graphml", gml)
    written.append(out_dir / "graph.graphml")
    if page is not None:
        write_atomic(out_dir / "graph.html", page)
        written.append(out_dir / "graph.html")
    return written
