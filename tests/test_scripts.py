"""Every script and benchmark starts and answers --help (their imports follow the package's moves)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = sorted(p for folder in ("scripts", "benchmarks") for p in (ROOT / folder).glob("*.py")
                 if p.name != "viz_sample.py")  # a module the benchmarks and tests import, not a script


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_help(script):
    done = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120)
    text = done.stdout + done.stderr
    assert "Traceback" not in text, text
    assert "usage" in text.lower() or "python" in text, text
