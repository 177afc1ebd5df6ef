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
set +e
.venv/bin/python -m pytest "$@"
code=$?
set -e
if [ "$code" -eq 5 ]; then
  echo "run-tests: no tests were collected; that is a failure" >&2
  exit 1
fi
exit "$code"
