#!/usr/bin/env bash
# Install Crosspost with its test extra into ./.venv (plus fonts, Xvfb and the Qt libraries the
# tests need) and run the whole test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh test
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q ".[test]"
set +e
.venv/bin/python -m pytest "$@"
code=$?
set -e
if [ "$code" -eq 5 ]; then
  echo "run-tests: no tests were collected; that is a failure" >&2
  exit 1
fi
exit "$code"
