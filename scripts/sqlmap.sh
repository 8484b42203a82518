#!/usr/bin/env bash
# bash scripts/sqlmap.sh [--quick]
# sqlmap (Debian's package) against the authenticated list, search and filter endpoints of a
# throwaway API on loopback: GET /reports, /audit-events, /statistics/series, /people,
# /notifications, /users, every query parameter, a time limit per endpoint. Not part of
# npm test; the findings are recorded in docs/sqlmap.md.
#   SQLMAP_LEVEL (2), SQLMAP_RISK (1), SQLMAP_TIME_SEC (2), SQLMAP_TIMEOUT_SECONDS (per
#   endpoint, 900), SQLMAP_ONLY (names of endpoints, e.g. reports,people-search);
#   --quick: level 1, 300 s per endpoint.
# Output: a summary on stdout, each run's log and sqlmap's own files in .data/sqlmap/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=services.sh
source scripts/services.sh

if ! command -v sqlmap >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing sqlmap (apt-get install sqlmap)"
    apt-get install -y sqlmap >/dev/null || { apt-get update >/dev/null && apt-get install -y sqlmap >/dev/null; }
  else
    say "sqlmap is not installed: apt-get install sqlmap (Debian/Ubuntu), brew install sqlmap (macOS)"
    exit 1
  fi
fi
if [ "${1:-}" = "--quick" ]; then
  export SQLMAP_LEVEL=${SQLMAP_LEVEL:-1} SQLMAP_TIMEOUT_SECONDS=${SQLMAP_TIMEOUT_SECONDS:-300}
fi

ensure_node_modules
export PATH="$ROOT/node_modules/.bin:$PATH"
RILON_DB_NAME=postgres ensure_postgres || exit 1
ensure_redis || exit 1
bash scripts/build-if-stale.sh || exit 1
export RILON_ROOT="$ROOT" RILON_BENCH_ADMIN_URL="$DATABASE_URL" REDIS_URL
exec node scripts/sqlmap/run.mjs
