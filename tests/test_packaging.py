"""The wheel carries the data files the code reads (ontology, lexicons, gazetteer, page assets)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_data_files(tmp_path):
    pytest.importorskip("hatchling")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    wheel = next(tmp_path.glob("newskg-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("kg/ontologies/newskg.ttl", "kg/ontologies/lexicon/relations.toml",
                     "kg/ontologies/lexicon/entities.toml", "kg/ontologies/gazetteer/countries.jsonl",
                     "kg/export/viz/assets/page.js", "kg/cli/__init__.py"):
        assert required in names, required
    # the installed package finds its data inside itself
    import kg.resources as resources

    assert resources.data_dir().joinpath("newskg.ttl").is_file()
