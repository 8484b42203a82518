#!/usr/bin/env bash
# Before the browser tests: Debian's Chromium (chromium-ready.sh) and a portal build no older
# than its sources.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
say() { printf 'rilon: %s\n' "$*" >&2; }

bash scripts/chromium-ready.sh

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
