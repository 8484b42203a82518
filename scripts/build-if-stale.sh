#!/usr/bin/env bash
# Runs `npm run build` when dist/ is missing or older than the sources (used by demo.sh and
# bench.sh). The stamp is taken before the build, so an edit made during a build triggers the next.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
stamp=.data/build.stamp
mkdir -p .data
if [ -f dist/apps/api/apps/api/src/main.js ] && [ -f dist/apps/worker/apps/worker/src/main.js ] \
  && [ -f dist/portal/index.html ] \
  && [ -f "$stamp" ] \
  && [ -z "$(find apps libs migrations package-lock.json nest-cli.json tsconfig.json tsconfig.build.json \
    -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  exit 0
fi
printf 'rilon: %s\n' "building (npm run build)" >&2
touch "$stamp.next"
npm run -s build || { printf 'rilon: %s\n' "the build failed" >&2; exit 1; }
mv "$stamp.next" "$stamp"
