#!/usr/bin/env bash
# Debian/Ubuntu packages Crosspost needs beyond Python, installed only when missing.
#   scripts/system-deps.sh app    what the real window needs (Qt's xcb platform libraries)
#   scripts/system-deps.sh test   the above + fonts for CJK/emoji screenshots, Xvfb, desktop-file-utils
# Runs apt-get through sudo when not root. On systems without apt-get it only prints what to install.
set -euo pipefail
kind="${1:-app}"

app_pkgs=(libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
          libxcb-render-util0 libxcb-xinerama0 libxcb-shape0 libegl1 libgl1 libfontconfig1 libdbus-1-3)
test_pkgs=(fonts-noto-cjk chromium fonts-noto-color-emoji xvfb xauth desktop-file-utils appstream dpkg-dev)

pkgs=("${app_pkgs[@]}")
[ "$kind" = "test" ] && pkgs+=("${test_pkgs[@]}")
# python3-venv: Debian's python3 has no venv module without it.
if ! python3 -c "import venv, ensurepip" >/dev/null 2>&1; then
  pkgs+=(python3-venv)
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "crosspost: not a Debian-like system; make sure these (or their equivalents) are installed: ${pkgs[*]}" >&2
  exit 0
fi

missing=()
for p in "${pkgs[@]}"; do
  # no pipe into 'grep -q': under pipefail its early exit can fail the pipe (SIGPIPE, 141)
  status="$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)"
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "crosspost: please install as root: apt-get install ${missing[*]}" >&2; exit 1
  fi
fi
echo "Installing Debian packages: ${missing[*]}" >&2
$sudo apt-get update -qq >/dev/null || true
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
