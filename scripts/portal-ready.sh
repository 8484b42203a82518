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
mkdir -p .data dist
fresh() {
  [ -f dist/portal/index.html ] && [ -f "$stamp" ] \
    && [ -z "$(find apps/portal package-lock.json -newer "$stamp" -print -quit 2>/dev/null)" ]
}
fresh && exit 0
# One build at a time, into a folder of its own, then swapped in: a test that is serving
# dist/portal meanwhile never sees it half written.
exec 9>.data/portal.lock
flock 9
fresh && exit 0
say "building the portal (npm run build:portal)"
touch "$stamp.next"
rm -rf dist/portal.next
if ! npx vite build --config apps/portal/vite.config.mts --outDir "$ROOT/dist/portal.next" --logLevel warn >.data/portal-build.log 2>&1; then
  cat .data/portal-build.log >&2
  say "the portal build failed"
  exit 1
fi
node scripts/portal-compress.mjs dist/portal.next >/dev/null
node scripts/portal-budget.mjs dist/portal.next >&2
rm -rf dist/portal.old
[ -d dist/portal ] && mv dist/portal dist/portal.old
mv dist/portal.next dist/portal
rm -rf dist/portal.old
mv "$stamp.next" "$stamp"
