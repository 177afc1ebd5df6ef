#!/usr/bin/env bash
# Install Crosspost with its test extra into ./.venv (plus fonts, Xvfb and the Qt libraries the
# tests need) and run the whole test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh test
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q ".[test]"
# The Bluesky tests run a real local PDS (@atproto/dev-env, pinned in tests/pds/package-lock.json).
# Install it when it is missing or the lock file changed; without Node the tests say they skip.
if command -v npm >/dev/null 2>&1; then
  lock_sum=$(sha256sum tests/pds/package-lock.json | cut -d' ' -f1)
  stamp=tests/pds/node_modules/.crosspost-lock-sha256
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
    # better-sqlite3 compiles against the system's Node headers where npm has no prebuilt binary
    if [ -z "${npm_config_nodedir:-}" ] && [ -d /usr/include/node ]; then export npm_config_nodedir=/usr; fi
    (cd tests/pds && npm ci --no-audit --no-fund)
    echo "$lock_sum" > "$stamp"
  fi
fi
# Lint, format, types and the architecture's import contracts (configured in pyproject.toml), then
# the tests. Every step runs; the command fails if any of them does.
checks=0
echo "== ruff (lint and format)"
.venv/bin/ruff check crosspost tests benchmarks packaging || checks=1
.venv/bin/ruff format --check crosspost tests benchmarks packaging || checks=1
echo "== mypy (the core and the window, every function typed)"
.venv/bin/mypy || checks=1
echo "== import contracts"
.venv/bin/lint-imports || checks=1
echo "== pytest"
set +e
.venv/bin/python -m pytest "$@"
code=$?
set -e
if [ "$code" -eq 5 ]; then
  echo "run-tests: no tests were collected; that is a failure" >&2
  exit 1
fi
if [ "$code" -eq 0 ] && [ "$checks" -ne 0 ]; then
  echo "run-tests: the tests passed but a check above failed" >&2
  exit 1
fi
exit "$code"
