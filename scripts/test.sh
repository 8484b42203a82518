#!/usr/bin/env bash
# npm test: finds or starts PostgreSQL and Redis, then runs the unit and integration tests.
# Each test file gets its own database (cloned from a migrated template) and Redis prefix.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source scripts/services.sh
ensure_node_modules
RILON_DB_NAME=postgres ensure_postgres
ensure_redis
# The browser tests drive Debian's Chromium against the built portal (when they run).
case " $* " in
  "  " | *tests/portal* | *" tests "* | *" tests/ "*) bash scripts/portal-ready.sh ;;
esac
# The fault tests (tests/faults) run only when named: they start PostgreSQL and Redis of their
# own and the built apps as processes, so dist/ must be up to date.
case " $* " in
  *" tests/faults"*) export RILON_FAULT_TESTS=1; bash scripts/build-if-stale.sh ;;
esac
export RILON_TEST_ADMIN_URL="$DATABASE_URL"
export RILON_TEST_REDIS_URL="$REDIS_URL"
export NODE_ENV=test
export NODE_OPTIONS="--experimental-vm-modules ${NODE_OPTIONS:-}"
# npm run puts node_modules/.bin first on PATH, so this is the project's Node 24.
# With no arguments the portal's pure-logic tests (Vitest) run first, then Jest.
if [ $# -eq 0 ]; then vitest run --config apps/portal/vitest.config.mts; fi
exec jest --maxWorkers=2 "$@"
