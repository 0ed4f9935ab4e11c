"""Quality gate: extraction quality may not drop below the floors in tests/gold/floors.json."""

from __future__ import annotations

import json

import pytest
from helpers import ROOT, SHARED_DATA

FLOORS = json.loads((ROOT / "tests" / "gold" / "floors.json").read_text(encoding="utf-8"))


def _check(report, floor):
    m = report.micro
    msg = f"P={m.precision:.3f} R={m.recall:.3f} F1={m.f1:.3f} below floors {floor}\n" + report.to_text(max_items=15)
    assert m.f1 >= floor["f1"] and m.precision >= floor["precision"], msg


def test_seed_quality(nlp):
    from kg.eval.table import evaluate_gold_file

    _check(evaluate_gold_file(ROOT / "tests" / "gold" / "seed.json", nlp=nlp), FLOORS["seed"])


def test_dev_set_quality(nlp):
    if not (SHARED_DATA / "news" / "bbc_fulltext.jsonl").exists():
        pytest.skip(f"shared data not found at {SHARED_DATA}")
    from kg.eval.table import evaluate_gold_file

    _check(evaluate_gold_file(ROOT / "tests" / "gold" / "dev.json", nlp=nlp), FLOORS["dev"])


def test_conll04_dev_quality(nlp):
    path = SHARED_DATA / "conll04" / "conll04_dev.json"
    if not path.exists():
        pytest.skip(f"CoNLL04 not found at {path}")
    from kg.eval.table import evaluate_conll04_file

    _check(evaluate_conll04_file(path, nlp=nlp), FLOORS["conll04_dev"])
