#!/usr/bin/env bash
# npm run bench -- <name> [args...]   runs the benchmark scripts/bench/<name>.{mjs,js,sh,ts}
# npm run bench                       lists them
# It finds or starts PostgreSQL and Redis (services.sh) and builds the apps when stale, then runs
# the benchmark on the project's Node 24 with:
#   RILON_ROOT             the checkout
#   RILON_BENCH_ADMIN_URL  a PostgreSQL URL (maintenance database) where the benchmark creates
#                          and drops its own throwaway database
#   REDIS_URL              Redis (use a QUEUE_PREFIX of your own and delete its keys afterwards)
# Helpers that are not benchmarks themselves live in scripts/bench/lib/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=services.sh
source scripts/services.sh

list_benchmarks() {
  local f
  for f in scripts/bench/*.mjs scripts/bench/*.js scripts/bench/*.sh scripts/bench/*.ts; do
    [ -f "$f" ] && basename "${f%.*}"
  done | sort -u
}

name=${1:-}
if [ -z "$name" ] || [ "$name" = "--help" ] || [ "$name" = "-h" ]; then
  echo "usage: npm run bench -- <name> [args...]; benchmarks:" >&2
  list_benchmarks | sed 's/^/  /' >&2
  exit 2
fi
shift
script=""
for ext in mjs js sh ts; do
  if [ -f "scripts/bench/$name.$ext" ]; then script="scripts/bench/$name.$ext"; break; fi
done
if [ -z "$script" ]; then
  say "no benchmark called $name; there are: $(list_benchmarks | tr '\n' ' ')"
  exit 2
fi

ensure_node_modules
export PATH="$ROOT/node_modules/.bin:$PATH"
RILON_DB_NAME=postgres ensure_postgres || exit 1
ensure_redis || exit 1
bash scripts/build-if-stale.sh || exit 1
if [ "$name" = portal ]; then bash scripts/chromium-ready.sh || exit 1; fi
export RILON_ROOT="$ROOT" RILON_BENCH_ADMIN_URL="$DATABASE_URL" REDIS_URL
say "running $script on $(node -v), $(nproc 2>/dev/null || echo '?') cores"
case "$script" in
  *.sh) exec bash "$script" "$@" ;;
  *) exec node "$script" "$@" ;; # .ts runs with Node 24's type stripping: plain TypeScript only
esac
