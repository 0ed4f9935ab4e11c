"""The cross-validation folds of scripts/train_relations.py (``train --folds K``): by document, stable."""

from __future__ import annotations

from pathlib import Path

from scriptmod import load_script

NEWS = Path(__file__).resolve().parent / "gold" / "news"


def test_folds_are_stable_and_cover_every_fold():
    tr = load_script("train_relations")
    ids = [f"as-{n:05d}" for n in range(500)]
    folds = [tr._fold(i, 5) for i in ids]
    assert folds == [tr._fold(i, 5) for i in ids]  # no process salt: the same split every run
    assert set(folds) == set(range(5))
    assert min(folds.count(k) for k in range(5)) > 60


def test_every_cross_validation_batch_exists():
    tr = load_script("train_relations")
    assert set(tr.TRAIN_BATCHES) <= set(tr.CV_BATCHES)
    for name in tr.CV_BATCHES:
        assert (NEWS / f"{name}.json").exists(), name
