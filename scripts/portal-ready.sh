#!/usr/bin/env bash
# Before the browser tests: Debian's Chromium (installed with apt when root and apt are
# there; never a downloaded browser) and a portal build no older than its sources.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
say() { printf 'rilon: %s\n' "$*" >&2; }

CHROMIUM=${RILON_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian's chromium and fonts-noto-core for the browser tests (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq chromium fonts-noto-core >/dev/null \
      || { say "apt-get could not install chromium"; exit 1; }
  else
    say "the browser tests need Chromium at $CHROMIUM: install it (Debian/Ubuntu: sudo apt-get install chromium fonts-noto-core) or set RILON_CHROMIUM"
    exit 1
  fi
fi

stamp=.data/portal.stamp
mkdir -p .data
if [ -f dist/portal/index.html ] && [ -f "$stamp" ] \
  && [ -z "$(find apps/portal package-lock.json -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  exit 0
fi
say "building the portal (npm run build:portal)"
touch "$stamp.next"
npm run -s build:portal >/dev/null || { say "the portal build failed"; npm run -s build:portal; exit 1; }
mv "$stamp.next" "$stamp"
