"""The shipped weights of the learned relation classifier (``ontologies/models/relations.json``).

A multinomial logistic regression over sparse string features: ``weights[feature][k]`` is the
weight of ``labels[k]`` (``NONE`` or a relation property of the ontology), ``bias`` per label, a
softmax ``temperature`` fitted on dev, a ``threshold`` per emitted label and optional limits on
the dependency path between the pair's heads.  Inference is a pure-Python sparse dot product: no
machine-learning library is needed at run time.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Sequence

from kg.errors import DataFileError
from kg.resources import data_dir

log = logging.getLogger(__name__)

__all__ = ["NONE", "MODEL_FORMAT", "MODEL_VERSION", "RelationModel", "default_model_path", "parse_model", "load_model",
           "load_models", "model_paths"]

NONE = "NONE"
MODEL_FORMAT = "newskg-relation-model"
MODEL_VERSION = 3  # 3: labels are any relation properties; 1 and 2 (five CoNLL04 properties) still load


@dataclass(frozen=True)
class RelationModel:
    """The weights and operating point of the classifier (see the module docstring)."""

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]]
    temperature: float
    thresholds: Mapping[str, float]
    meta: Mapping[str, Any]
    max_path: int | None = None  # emit only pairs whose heads are at most this many dependency edges apart
    # per label, instead of max_path (None: no limit); labels not listed use max_path
    max_path_by_label: Mapping[str, int | None] = field(default_factory=dict)

    @property
    def properties(self) -> tuple[str, ...]:
        return tuple(lab for lab in self.labels if lab != NONE)

    def path_limit(self, label: str) -> int | None:
        """The longest dependency path (edges) at which ``label`` is emitted (None: any)."""
        return self.max_path_by_label[label] if label in self.max_path_by_label else self.max_path

    def probabilities(self, features: Sequence[str]) -> dict[str, float]:
        """Calibrated class probabilities for one candidate's features.

        >>> m = RelationModel(("NONE", "worksFor"), (0.0, 0.0), {"x": (0.0, 2.0)}, 1.0, {}, {})
        >>> round(m.probabilities(["x"])["worksFor"], 3)
        0.881
        """
        get = self.weights.get
        rows = [w for w in map(get, features) if w is not None]
        scores = [sum(col) for col in zip(self.bias, *rows)]  # bias first, then the features in order
        top = max(scores)
        exps = [math.exp((s - top) / self.temperature) for s in scores]
        total = sum(exps)
        return {lab: e / total for lab, e in zip(self.labels, exps)}


def default_model_path() -> Path:
    return data_dir() / "models" / "relations.json"


def parse_model(data: Any, *, where: str = "relation model", properties: frozenset[str] | None = None) -> RelationModel:
    """Validate the JSON structure of a model file (raises :class:`DataFileError`).

    ``properties``: the relation properties a label may name (default: those of the shipped ontology)."""
    fix = "retrain it with `python scripts/train_relations.py train` or reinstall newskg"

    def bad(why: str) -> DataFileError:
        return DataFileError(f"{where}: {why}; {fix}.")

    if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
        raise bad(f"not a {MODEL_FORMAT} file (missing or wrong 'format')")
    if data.get("version") not in (1, 2, MODEL_VERSION):
        raise bad(f"version {data.get('version')!r} is not supported (expected {MODEL_VERSION})")
    if "dense" in data:
        raise bad("dense weights are no longer supported (docs/learned-relations.md)")
    labels = data.get("labels")
    if not (isinstance(labels, list) and labels and all(isinstance(x, str) for x in labels) and NONE in labels):
        raise bad(f"'labels' must be a list of strings containing {NONE!r}")
    if properties is None:
        from kg.resources import load_resources

        properties = frozenset(load_resources().ontology.properties)
    unknown = set(labels) - {NONE, *properties}
    if unknown:
        raise bad(f"labels {sorted(unknown)} are no relation properties of the ontology")
    n = len(labels)

    def vector(v: Any, what: str) -> tuple[float, ...]:
        if not (isinstance(v, list) and len(v) == n and all(isinstance(x, (int, float)) for x in v)):
            raise bad(f"{what} must be a list of {n} numbers")
        return tuple(float(x) for x in v)

    raw = data.get("weights")
    if not isinstance(raw, dict):
        raise bad("'weights' must be an object {feature: [weights per label]}")
    temperature = data.get("temperature", 1.0)
    if not isinstance(temperature, (int, float)) or temperature <= 0:
        raise bad("'temperature' must be a positive number")
    thresholds = data.get("thresholds")
    if not isinstance(thresholds, dict) or not all(
            p in labels and isinstance(t, (int, float)) and 0.0 <= t <= 1.0 for p, t in thresholds.items()):
        raise bad("'thresholds' must map labels of the model to numbers in [0, 1]")
    max_path = data.get("max_path")
    if max_path is not None and not (isinstance(max_path, int) and max_path >= 1):
        raise bad("'max_path' must be a positive integer or null")
    by_label = data.get("max_path_by_label", {})
    if not isinstance(by_label, dict) or not all(
            p in labels and (v is None or (isinstance(v, int) and v >= 1)) for p, v in by_label.items()):
        raise bad("'max_path_by_label' must map labels of the model to positive integers or null")
    return RelationModel(tuple(labels), vector(data.get("bias"), "'bias'"),
                         {str(f): vector(v, f"weights[{f!r}]") for f, v in raw.items()}, float(temperature),
                         {p: float(t) for p, t in thresholds.items()}, dict(data.get("meta", {})), max_path,
                         dict(by_label))


@lru_cache(maxsize=4)
def _load(path: str) -> RelationModel:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read the relation model ({exc}); retrain it with "
                            "`python scripts/train_relations.py train` or reinstall newskg.") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{path}: the relation model is not valid JSON ({exc}); retrain it with "
                            "`python scripts/train_relations.py train` or reinstall newskg.") from exc
    model = parse_model(data, where=path)
    log.info("loaded relation model %s (%d features)", path, len(model.weights))
    return model


def load_model(path: str | Path | None = None) -> RelationModel:
    """Load (once; cached) the model file, by default the shipped one."""
    return _load(str(Path(path).resolve() if path else default_model_path()))


def model_paths(folder: Path | None = None) -> tuple[Path, ...]:
    """The model files the pipeline runs: every ``*.json`` of ``ontologies/models/``, by name.

    Each emits the labels it has a threshold for: ``relations.json`` (trained on CoNLL04: worksFor,
    livesIn, locatedIn, basedIn, killed) and ``news-relations.json`` (trained on the news corpus:
    the properties the first one does not emit)."""
    folder = folder or default_model_path().parent
    return tuple(sorted(folder.glob("*.json")))


def load_models(folder: Path | None = None) -> tuple[RelationModel, ...]:
    """Every model of :func:`model_paths`, loaded once."""
    return tuple(load_model(p) for p in model_paths(folder))
