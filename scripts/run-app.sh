#!/usr/bin/env bash
# Install Crosspost into ./.venv (with the Debian libraries the window needs) and start it.
# Arguments are passed to `crosspost` (e.g. a path to your TikTok export zip).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh app
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q .
exec .venv/bin/crosspost "$@"
