"""Dense (doc.tensor) weights of the learned relation classifier and their sparse-only fallback."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy
import pytest

from kg.errors import DataFileError
from kg.extract.learned import (
    DENSE_BLOCKS, PROPERTIES, candidates, dense_features, learned_relations, parse_model, usable_tensor,
)
from kg.extract.mentions.find import extract_mentions
from kg.extract.resolve.document import resolve

REPO = Path(__file__).resolve().parents[3]
TEXT = "John Doe of Springfield, Ill., was elected to the board of Acme Corp. in Chicago."
WIDTH = 96


def _sparse_data() -> dict:
    data = json.loads((REPO / "ontologies" / "models" / "relations.json").read_text(encoding="utf-8"))
    data.pop("dense", None)
    data.pop("fallback", None)
    data["thresholds"] = {p: 0.5 for p in PROPERTIES}
    return data


def _dense_data(scale: float, *, fallback: bool = True) -> dict:
    """The sparse weights plus seeded random dense weights (and the sparse model as fallback)."""
    sparse = _sparse_data()
    rng = numpy.random.default_rng(7)
    rows = (rng.standard_normal((len(DENSE_BLOCKS) * WIDTH, len(sparse["labels"]))) * scale).round(5)
    data = dict(sparse, version=2, dense={"width": WIDTH, "blocks": list(DENSE_BLOCKS),
                                          "bias": [0.0] * len(sparse["labels"]), "weights": rows.tolist()})
    if fallback:
        data["fallback"] = sparse
    return data


def _state(nlp, res, *, tensor: bool = True):
    doc = nlp(TEXT)
    if not tensor:  # what a transformer pipeline (or a joined long document) gives
        doc.tensor = numpy.zeros((0, 0), dtype="float32")
    mentions = extract_mentions(doc, res)
    return doc, mentions, resolve(doc, mentions, res, "t")


def _facts(rels):
    return [(r.subject, r.predicate, r.object, r.evidence.confidence) for r in rels]


def test_dense_features_shape_and_determinism(nlp, res):
    doc, mentions, resolution = _state(nlp, res)
    tensor = usable_tensor(doc, WIDTH)
    assert tensor is not None and tensor.shape == (len(doc), WIDTH)
    cands = candidates(doc, mentions, resolution, res)
    assert cands
    for c in cands:
        v = dense_features(doc, c.s, c.o, tensor)
        assert v.shape == (len(DENSE_BLOCKS) * WIDTH,) and numpy.isfinite(v).all()
        assert numpy.array_equal(v, dense_features(doc, c.s, c.o, tensor))
    assert usable_tensor(doc, WIDTH + 1) is None


def test_zero_dense_weights_give_the_sparse_model(nlp, res):
    sparse, dense = parse_model(_sparse_data()), parse_model(_dense_data(0.0))
    assert dense.dense_width == WIDTH and dense.fallback is not None and sparse.dense_width == 0
    doc, mentions, resolution = _state(nlp, res)
    expected = learned_relations(doc, mentions, resolution, res, "t", model=sparse)
    assert expected
    assert learned_relations(doc, mentions, resolution, res, "t", model=dense) == expected


def test_dense_weights_are_used_with_a_tensor(nlp, res):
    sparse, dense = parse_model(_sparse_data()), parse_model(_dense_data(0.05))
    doc, mentions, resolution = _state(nlp, res)
    with_dense = learned_relations(doc, mentions, resolution, res, "t", model=dense)
    assert _facts(with_dense) != _facts(learned_relations(doc, mentions, resolution, res, "t", model=sparse))
    assert with_dense == learned_relations(doc, mentions, resolution, res, "t", model=dense)  # deterministic


def test_no_tensor_falls_back_to_the_sparse_model(nlp, res):
    sparse, dense = parse_model(_sparse_data()), parse_model(_dense_data(0.05))
    doc, mentions, resolution = _state(nlp, res, tensor=False)
    assert usable_tensor(doc, WIDTH) is None
    expected = learned_relations(doc, mentions, resolution, res, "t", model=sparse)
    assert expected
    assert learned_relations(doc, mentions, resolution, res, "t", model=dense) == expected
    # without a fallback, the dense part counts as the training average (zero here): the sparse scores
    alone = parse_model(_dense_data(0.05, fallback=False))
    assert alone.fallback is None
    assert learned_relations(doc, mentions, resolution, res, "t", model=alone) == expected


def test_malformed_dense_block():
    data = _dense_data(0.0)
    data["dense"]["weights"] = data["dense"]["weights"][:-1]
    with pytest.raises(DataFileError, match="dense.weights"):
        parse_model(data)
    data = _dense_data(0.0)
    data["dense"]["width"] = 0
    with pytest.raises(DataFileError, match="dense.width"):
        parse_model(data)
    data = _dense_data(0.0)
    data["fallback"] = _dense_data(0.0, fallback=False)
    with pytest.raises(DataFileError, match="fallback"):
        parse_model(data)


def test_training_folds_the_standardisation_into_the_weights():
    """to_model's dense block reproduces scikit-learn's probabilities on raw (unscaled) vectors."""
    pytest.importorskip("sklearn")
    spec = importlib.util.spec_from_file_location("train_relations", REPO / "scripts" / "train_relations.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    try:
        spec.loader.exec_module(mod)
    finally:
        sys.modules.pop(spec.name, None)
    from scipy.sparse import csr_matrix, hstack

    rng = numpy.random.default_rng(3)
    n, vocab = 240, ["a", "b", "c"]
    sparse = (rng.random((n, len(vocab))) < 0.4).astype(float)
    dense = rng.standard_normal((n, len(DENSE_BLOCKS) * 2)) * 3 + 1
    y = rng.integers(0, len(mod.LABELS), n)
    mean, std, scale = dense.mean(axis=0), dense.std(axis=0), 0.3
    X = hstack([csr_matrix(sparse), csr_matrix((dense - mean) / std * scale)]).tocsr()
    clf = mod.fit(X, list(y), 1.0)
    model = parse_model(mod.to_model(clf, vocab, 1.0, {}, {}, (mean, std, scale)))
    assert model.dense_width == 2
    scores = model.dense_scores(dense)
    want = clf.predict_proba(X)
    for i in range(0, n, 37):
        feats = [f for f, on in zip(vocab, sparse[i]) if on]
        got = model.probabilities(feats, scores[i])
        assert [got[lab] for lab in mod.LABELS] == pytest.approx(list(want[i]), abs=2e-3)
