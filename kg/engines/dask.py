"""The Dask engine: parse and extract on a ``dask.distributed`` cluster, merge locally.

Batches of :class:`~kg.model.Document` go to the cluster's workers; each worker loads the spaCy
pipeline once (:class:`PipelinePlugin`, with a per-worker fallback cache) and sends back only
the small per-document results (entities and relations).  The client merges them **in input
order** into one :class:`~kg.model.KnowledgeGraph`, exactly as :func:`kg.builder.build` does, so
a distributed build gives the same triples as a local one.

At most ``2 * workers`` batches are in flight: the input is read only as fast as the cluster
consumes it, and results are merged and dropped as they arrive.

Needs ``pip install 'newskg[dask]'`` on the client and ``pip install newskg`` (plus the spaCy
pipeline) on every worker.  Running on a real cluster::

    dask-scheduler --host 0.0.0.0 --port 8786          # on one machine
    dask-worker tcp://SCHEDULER:8786 --nworkers 4 --nthreads 1   # on each worker machine
    kg build articles.jsonl --engine dask --scheduler tcp://SCHEDULER:8786 --out output/
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from typing import Any, Callable, Iterable, Iterator

from kg.builder import extract_batch, iter_batches, merge_results, new_graph
from kg.errors import KGError
from kg.model import DocResult, Document, KnowledgeGraph
from kg.resources import Resources, load_resources

log = logging.getLogger(__name__)

__all__ = ["DaskUnavailable", "PipelinePlugin", "plugin_name", "iter_results_distributed", "build_distributed"]


class DaskUnavailable(KGError):
    """dask.distributed is not installed on the client."""

    def __init__(self) -> None:
        super().__init__(
            "the dask engine needs dask.distributed, which is not installed; "
            "run `pip install 'newskg[dask]'` (and `pip install newskg` on every worker), "
            "or use the local engine."
        )


def _distributed():
    try:
        import distributed
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise DaskUnavailable() from exc
    return distributed


def plugin_name(model: str | None) -> str:
    """The name the pipeline plugin is registered under on the workers."""
    return f"newskg-pipeline:{model or 'default'}"


try:  # the module imports without dask; the engine's entry points say how to install it
    from distributed import WorkerPlugin as _PluginBase
except ImportError:  # pragma: no cover - depends on the environment
    _PluginBase = object


class PipelinePlugin(_PluginBase):
    """Loads the spaCy pipeline (and the newskg resources) once per worker, at worker start-up.

    The worker keeps the plugin, hence the pipeline, in ``worker.plugins[plugin_name(model)]``.
    """

    def __init__(self, model: str | None) -> None:
        self.model = model
        self.name = plugin_name(model)
        self.nlp = None
        self.resources: Resources | None = None

    def setup(self, worker: Any = None) -> None:
        from kg.nlp.model import load_pipeline

        self.nlp = load_pipeline(self.model)
        self.resources = load_resources()
        log.info("worker %s: loaded spaCy pipeline %s", getattr(worker, "address", "?"), self.model or "(default)")

    def teardown(self, worker: Any = None) -> None:
        self.nlp = None


# Fallback when no plugin is registered (e.g. the task ran on a worker started after a failed
# registration): one pipeline per worker, created on first use, guarded for in-process workers.
_LOCK = threading.Lock()


def _worker_pipeline(model: str | None):
    distributed = _distributed()
    worker = distributed.get_worker()
    plugin = worker.plugins.get(plugin_name(model))
    if isinstance(plugin, PipelinePlugin) and plugin.nlp is not None:
        return plugin.nlp, plugin.resources
    with _LOCK:
        cache = worker.__dict__.setdefault("_newskg_pipelines", {})
        if model not in cache:
            fresh = PipelinePlugin(model)
            fresh.setup(worker)
            cache[model] = (fresh.nlp, fresh.resources)
        return cache[model]


def _extract_on_worker(documents: list[Document], model: str | None, batch_size: int,
                       resources: Resources | None) -> list[DocResult]:
    nlp, worker_res = _worker_pipeline(model)
    results = extract_batch(documents, nlp=nlp, resources=resources or worker_res, batch_size=batch_size)
    # The client still holds the texts: send back the document without it.
    return [DocResult(document=r.document.meta(), entities=r.entities, relations=r.relations, error=r.error)
            for r in results]


def _register_plugin(client, model: str | None) -> None:
    plugin = PipelinePlugin(model)
    register = getattr(client, "register_plugin", None) or client.register_worker_plugin
    register(plugin, name=plugin.name)


def iter_results_distributed(
    documents: Iterable[Document],
    *,
    client,
    model: str | None = None,
    batch_size: int = 32,
    resources: Resources | None = None,
    max_in_flight: int | None = None,
) -> Iterator[DocResult]:
    """Yield one DocResult per document, in input order, computed on the cluster of ``client``."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    slots = max(1, sum(client.nthreads().values()))
    limit = max_in_flight or 2 * slots
    shipped = client.scatter(resources, broadcast=True, hash=False) if resources is not None else None
    batches = iter_batches(documents, batch_size)
    pending: deque = deque()

    def submit() -> None:
        batch = next(batches, None)
        if batch is not None:
            future = client.submit(_extract_on_worker, batch, model, batch_size, shipped, pure=False)
            pending.append((batch, future))

    try:
        for _ in range(limit):
            submit()
        while pending:
            batch, future = pending.popleft()
            results = future.result()
            future.release()
            submit()
            for document, result in zip(batch, results):
                yield DocResult(document=document, entities=result.entities, relations=result.relations,
                                error=result.error)
    finally:
        for _, future in pending:
            future.cancel()


def build_distributed(
    documents: Iterable[Document],
    *,
    scheduler: str,
    model: str | None,
    batch_size: int,
    resources: Resources | None = None,
    graph: KnowledgeGraph | None = None,
    on_document: Callable[[DocResult], None] | None = None,
) -> KnowledgeGraph:
    """Build a knowledge graph on the dask.distributed cluster at ``scheduler``.

    ``scheduler`` is the scheduler address (``tcp://host:8786``); ``model`` the spaCy pipeline
    each worker loads (None: the workers' default); ``resources`` the newskg resources (None:
    each worker loads its installed ones; given: shipped to every worker once).  The result
    equals :func:`kg.builder.build` on the same documents.
    """
    distributed = _distributed()
    res = resources or load_resources()
    kg = graph if graph is not None else new_graph(res)
    try:
        client = distributed.Client(scheduler, set_as_default=False, timeout="30s")
    except (OSError, TimeoutError) as exc:
        raise KGError(
            f"cannot reach the dask scheduler at {scheduler!r} ({exc}); start one with "
            "`dask-scheduler` and pass its address, e.g. --scheduler tcp://127.0.0.1:8786."
        ) from exc
    with client:
        if not client.nthreads():
            client.wait_for_workers(1, timeout=60)
        _register_plugin(client, model)
        results = iter_results_distributed(documents, client=client, model=model, batch_size=batch_size,
                                           resources=resources)
        return merge_results(kg, results, on_document=on_document, resources=resources)
