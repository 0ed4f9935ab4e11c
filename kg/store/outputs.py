"""Everything a build writes into its output folder: the store, then the files that follow it.

OUT/store is updated first; OUT/graph.ttl (and the other RDF formats asked for) are exported from
the store, so they describe all of it.  graph.graphml and graph.html describe all of it too: on a
first build (the run's model is the store's content) they are drawn in a forked process while the
store is updated and the RDF files exported (two cores, twice the work); when the store holds
documents of earlier builds they are drawn in a forked process that first makes the model of every
stored document, started as soon as the update's corpus resolution is done (its model; before the
store is written) while this process writes the store and exports the RDF files, or, when the
update made no such model, after the update (:func:`stored_graph`: the extraction records under
one corpus resolution, no NLP).  Every file is replaced atomically.

:func:`render_store` (``kg render``) redraws the page and GraphML from the store with new options;
:func:`follow_store` (``kg remove``) rewrites whichever output files sit next to the store.
"""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path

from kg.errors import OutputError
from kg.export.write import ViewsInChild, render_views, write_atomic

__all__ = ["write_outputs", "stored_graph", "render_store", "follow_store"]


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

    With a store, the GraphML and the page describe everything stored (see the module docstring).
    Files are written (atomically) once everything is
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
        update = lambda **kw: update_store(out_dir / "store", graph, base=base, resources=resources,  # noqa: E731
                                           doc_entities=doc_entities, replace=replace, **kw)
        store_report, views = _store_and_views(out_dir / "store", update, args, resources, times)
        written.append(out_dir / "store")
    else:
        views = ViewsInChild(args)
    rdf = _export_rdf(graph, out_dir, formats, store, base, resources, times)  # while the child draws
    t0 = time.perf_counter()
    gml, page, view_times = views.result()
    times["waiting for graphml+html"] = time.perf_counter() - t0
    times.update({f"{k}{' (child)' if views.proc is not None else ''}": v for k, v in view_times.items()})
    written += _write_files(out_dir, rdf, gml, page)
    return written, store_report


def _export_rdf(graph, out_dir: Path, formats, store: bool, base: str, resources,
                times: dict[str, float]) -> list[tuple[Path, bytes]]:
    """graph.ttl (+ ``formats``), exported from the store when there is one: (path, bytes) each."""
    from kg.export.formats import FORMATS, serialize
    from kg.store.embedded import export_store

    out = []
    for fmt in ["turtle", *(f for f in formats if f != "turtle")]:
        t0 = time.perf_counter()
        if store:
            data = export_store(out_dir / "store", fmt)
        else:
            data = serialize(graph, fmt, base=base, resources=resources)
        times[f"{fmt} export"] = time.perf_counter() - t0
        out.append((out_dir / f"graph.{FORMATS[fmt]}", data))
    return out


def _write_files(out_dir: Path, rdf: list[tuple[Path, bytes]], gml: bytes, page: str | None) -> list[Path]:
    """The RDF files, graph.graphml, graph.html, each replaced atomically."""
    written: list[Path] = []
    for path, data in rdf:
        write_atomic(path, data)
        written.append(path)
    write_atomic(out_dir / "graph.graphml", gml)
    written.append(out_dir / "graph.graphml")
    if page is not None:
        write_atomic(out_dir / "graph.html", page)
        written.append(out_dir / "graph.html")
    return written


def _store_and_views(store_path: Path, update, args: tuple, resources, times: dict[str, float]):
    """Update the store, and start drawing GraphML and page in a forked child (:class:`ViewsInChild`,
    whose ``result()`` the caller takes after exporting the RDF files): during the update when the
    run's model is all the store will hold (a first build), else from every stored document, once
    corpus resolution has made their model (before the writes) or after the update."""
    if _holds_other_documents(store_path, args[0]):
        # the model of every stored document is made in the child, which starts as soon as corpus
        # resolution is done (before the writes) or, failing that, after the update, reading the store
        early: list[ViewsInChild] = []
        t0 = time.perf_counter()
        try:
            report = update(on_resolved=lambda made: early.append(_stored_views(store_path, args, resources, made)))
        except BaseException:
            for views in early:
                views.cancel()
            raise
        times["store"] = time.perf_counter() - t0
        return report, early[0] if early else _stored_views(store_path, args, resources, report.stored_model)
    views = ViewsInChild(args)
    t0 = time.perf_counter()
    try:
        report = update()
    except BaseException:
        views.cancel()
        raise
    times["store"] = time.perf_counter() - t0
    return report, views


def _stored_views(store_path: Path, args: tuple, resources, made) -> ViewsInChild:
    """GraphML and page of every stored document, drawn in a forked child that makes their model."""
    return ViewsInChild((None, *args[1:]), make=partial(_stored_model, store_path, resources, made))


def _stored_model(store_path: Path, resources, made=None):
    """The model of every stored document: the one the update made (``made``), else read back from
    the store's records."""
    full = made() if made is not None else None
    return full if full is not None else stored_graph(store_path, resources)


def _holds_other_documents(path: Path, graph) -> bool:
    """Does the store at ``path`` hold documents that are not in ``graph`` (an incremental build)?"""
    from kg.errors import KGError
    from kg.store.embedded import holds_documents_besides

    if not (path / "CURRENT").is_file():
        return False
    try:
        return holds_documents_besides(path, graph.documents)
    except KGError:  # an interrupted first build (cleared by the update) or a damaged store (refused by it)
        return False


def stored_graph(store_path: Path, resources=None):
    """The model of every document in the store (see :func:`kg.store.entities.stored_model`)."""
    from kg.export.rdf import DEFAULT_BASE, document_iri
    from kg.resources import load_resources
    from kg.store.embedded import open_store
    from kg.store.entities import stored_model
    from kg.store.meta import _documents, store_base

    store = open_store(store_path, read_only=True)
    base = store_base(store) or DEFAULT_BASE
    documents = frozenset(str(document_iri(base, d)) for d in _documents(store).values())
    return stored_model(store, resources or load_resources(), documents)


def _store_base(store_path: Path) -> str:
    from kg.export.rdf import DEFAULT_BASE
    from kg.store.embedded import open_store, store_base

    return store_base(open_store(store_path, read_only=True)) or DEFAULT_BASE


def render_store(store_path: Path, out_dir: Path, *, html: bool = True, max_nodes: int | None = None,
                 focus: tuple[str, ...] = (), hops: int = 1, resources=None) -> list[Path]:
    """graph.graphml and graph.html (unless not ``html``) of everything in the store, into ``out_dir``."""
    graph = stored_graph(store_path, resources)
    if html and focus:
        from kg.export.viz.select import match_focus

        try:
            match_focus(graph, focus)
        except ValueError as exc:
            raise OutputError(f"--focus: {exc}; nothing was written.") from None
    gml, page, _ = render_views(graph, _store_base(store_path), html, max_nodes, focus, hops)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_atomic(out_dir / "graph.graphml", gml)
    written = [out_dir / "graph.graphml"]
    if page is not None:
        write_atomic(out_dir / "graph.html", page)
        written.append(out_dir / "graph.html")
    return written


def follow_store(store_path: Path, out_dir: Path | None = None, resources=None) -> list[Path]:
    """Rewrite the output files that exist in ``out_dir`` (default: the store's parent folder, the
    layout ``kg build`` writes) from the store: the RDF files, graph.graphml and graph.html (drawn
    with the default options; ``kg render`` takes others)."""
    from kg.export.formats import FORMATS
    from kg.store.embedded import export_store

    out_dir = out_dir or Path(store_path).parent
    written: list[Path] = []
    for fmt, ext in FORMATS.items():
        path = out_dir / f"graph.{ext}"
        if path.is_file():
            write_atomic(path, export_store(store_path, fmt))
            written.append(path)
    if (out_dir / "graph.graphml").is_file() or (out_dir / "graph.html").is_file():
        html = (out_dir / "graph.html").is_file()
        for path in render_store(store_path, out_dir, html=html, resources=resources):
            written.append(path)
    return written
