#!/usr/bin/env bash
# npm run demo             a fresh checkout to a running portal with demo data (run it again at will)
# npm run demo -- stop     stops the api, worker and mail sink, and the private PostgreSQL and
#                          redis-server this checkout started (if any); data stays in .data/
# npm run demo -- status   which demo processes run
# npm run demo -- reset    stops the demo and drops its database (the next start begins afresh)
#
# Environment honoured: DATABASE_URL, REDIS_URL (else found or started, see services.sh), PORT
# (3000), WORKER_HEALTH_PORT (3001), METRICS_PORT (3002), SMTP_URL (else a mail sink writing
# .data/mail/*.eml on RILON_DEMO_SMTP_PORT, 1025 or the next free port), RILON_ADMIN_EMAIL,
# RILON_ADMIN_PASSWORD, RILON_DEMO_PASSWORD, JWT_SECRET and WEBHOOK_SECRET_KEY (else generated
# once into .data/demo.env), RILON_PRIVATE_SERVICES=1.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=services.sh
source scripts/services.sh
LOGS="$DATA/logs"
PROCS=(api worker mail-sink)

# --- background processes: pid in .data/<name>.pid, output in .data/logs/<name>.log ----------

proc_pid() { # name -> the pid of a live process of this checkout, or nothing
  local f="$DATA/$1.pid" pid
  [ -f "$f" ] || return 1
  pid=$(cat "$f")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  # A recycled pid belongs to someone else: ours were started with this checkout's paths.
  ps -p "$pid" -o args= 2>/dev/null | grep -qF "$ROOT" || return 1
  echo "$pid"
}

stop_proc() { # name
  local pid
  if pid=$(proc_pid "$1"); then
    say "stopping $1 (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then say "$1 did not stop in 15 s: killing it"; kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$DATA/$1.pid"
}

start_proc() { # name command...
  local name=$1; shift
  local pidfile="$DATA/$name.pid" detach=()
  rm -f "$pidfile"
  # Own session: a Ctrl-C in this terminal later does not reach the demo.
  command -v setsid >/dev/null 2>&1 && detach=(setsid)
  nohup "${detach[@]}" sh -c 'echo $$ > "$0"; exec "$@"' "$pidfile" "$@" >>"$LOGS/$name.log" 2>&1 </dev/null &
  for _ in $(seq 1 50); do [ -s "$pidfile" ] && break; sleep 0.1; done
}

fail_with_log() { # name message
  say "$2"
  say "last lines of $LOGS/$1.log:"
  tail -n 30 "$LOGS/$1.log" >&2 || true
  exit 1
}

wait_ready() { # name url seconds
  local name=$1 url=$2 deadline=$((SECONDS + $3))
  while [ $SECONDS -lt $deadline ]; do
    proc_pid "$name" >/dev/null || fail_with_log "$name" "$name exited during start"
    if node -e 'fetch(process.argv[1],{signal:AbortSignal.timeout(2000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$url"; then
      return 0
    fi
    sleep 0.5
  done
  fail_with_log "$name" "$name did not answer $url within $3 s"
}

stop_demo() {
  local name
  for name in "${PROCS[@]}"; do stop_proc "$name"; done
}

status_demo() {
  local name pid
  for name in "${PROCS[@]}"; do
    if pid=$(proc_pid "$name"); then echo "$name: running (pid $pid)"; else echo "$name: stopped"; fi
  done
}

# --- the steps of a start ---------------------------------------------------------------------

port_free_or_die() { # port variable
  if tcp_open 127.0.0.1 "$1"; then
    say "port $1 is taken by another program: set $2 to a free port (e.g. $2=$(($1 + 100)) npm run demo)"
    exit 1
  fi
}

load_demo_env() {
  local envfile="$DATA/demo.env"
  if [ ! -f "$envfile" ]; then
    (umask 077 && printf 'JWT_SECRET=%s\n' "$(node -e 'process.stdout.write(require("crypto").randomBytes(48).toString("base64url"))')" >"$envfile")
  fi
  if [ -z "${JWT_SECRET:-}" ]; then
    JWT_SECRET=$(sed -n 's/^JWT_SECRET=//p' "$envfile")
    export JWT_SECRET
  fi
  # The key that seals webhook secrets in the database: kept, or they no longer open. A
  # demo.env from before it gets one added (the API then seals the plain rows at start).
  if ! grep -q '^WEBHOOK_SECRET_KEY=' "$envfile"; then
    (umask 077 && printf 'WEBHOOK_SECRET_KEY=%s\n' "$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))')" >>"$envfile")
  fi
  # The audit checkpoints' Ed25519 key (PEM, newlines written as \n) and the runtime role's password.
  if ! grep -q '^AUDIT_SIGNING_KEY=' "$envfile"; then
    (umask 077 && printf 'AUDIT_SIGNING_KEY=%s\n' "$(node -e 'const {generateKeyPairSync}=require("crypto");process.stdout.write(generateKeyPairSync("ed25519").privateKey.export({type:"pkcs8",format:"pem"}).replace(/\n/g,"\\n"))')" >>"$envfile")
  fi
  if [ -z "${AUDIT_SIGNING_KEY:-}" ]; then
    AUDIT_SIGNING_KEY=$(sed -n 's/^AUDIT_SIGNING_KEY=//p' "$envfile")
    export AUDIT_SIGNING_KEY
  fi
  if ! grep -q '^RILON_RUNTIME_PASSWORD=' "$envfile"; then
    (umask 077 && printf 'RILON_RUNTIME_PASSWORD=%s\n' "$(node -e 'process.stdout.write(require("crypto").randomBytes(24).toString("hex"))')" >>"$envfile")
  fi
  RILON_RUNTIME_PASSWORD=${RILON_RUNTIME_PASSWORD:-$(sed -n 's/^RILON_RUNTIME_PASSWORD=//p' "$envfile")}
  if [ -z "${WEBHOOK_SECRET_KEY:-}" ]; then
    WEBHOOK_SECRET_KEY=$(sed -n 's/^WEBHOOK_SECRET_KEY=//p' "$envfile")
    export WEBHOOK_SECRET_KEY
  fi
}

start_mail_sink() {
  if [ -n "${SMTP_URL:-}" ]; then return 0; fi
  local port=${RILON_DEMO_SMTP_PORT:-1025} last
  last=$((port + 20))
  while tcp_open 127.0.0.1 "$port"; do
    port=$((port + 1))
    [ "$port" -le "$last" ] || { say "no free port for the mail sink: set SMTP_URL"; exit 1; }
  done
  start_proc mail-sink node "$ROOT/scripts/demo/mail-sink.mjs" "$port" "$DATA/mail"
  for _ in $(seq 1 50); do tcp_open 127.0.0.1 "$port" && break; sleep 0.1; done
  tcp_open 127.0.0.1 "$port" || fail_with_log mail-sink "the mail sink did not start"
  export SMTP_URL="smtp://127.0.0.1:$port"
}

start_demo() {
  ensure_node_modules
  # npm runs on the machine's Node; the project runs on the Node 24 that npm installed.
  export PATH="$ROOT/node_modules/.bin:$PATH"
  mkdir -p "$LOGS" "$DATA/mail"
  stop_demo

  export HOST=${HOST:-127.0.0.1}
  export PORT=${PORT:-3000}
  export WORKER_HEALTH_PORT=${WORKER_HEALTH_PORT:-3001}
  export METRICS_PORT=${METRICS_PORT:-3002}
  export RILON_DEMO_PASSWORD=${RILON_DEMO_PASSWORD:-Rilon-demo-2026}
  export RILON_ADMIN_EMAIL=${RILON_ADMIN_EMAIL:-admin@rilon.example.org}
  export RILON_ADMIN_PASSWORD=${RILON_ADMIN_PASSWORD:-$RILON_DEMO_PASSWORD}
  port_free_or_die "$PORT" PORT
  port_free_or_die "$WORKER_HEALTH_PORT" WORKER_HEALTH_PORT
  port_free_or_die "$METRICS_PORT" METRICS_PORT

  ensure_postgres || exit 1
  ensure_redis || exit 1
  load_demo_env
  node scripts/demo/create-database.mjs "$DATABASE_URL" || { say "cannot create the database of $DATABASE_URL"; exit 1; }
  bash scripts/build-if-stale.sh || exit 1
  # The owner migrates; the API and the worker run as a role that cannot rewrite the audit log.
  if [ -z "${MIGRATION_DATABASE_URL:-}" ]; then
    export MIGRATION_DATABASE_URL="$DATABASE_URL"
    npm run -s migration:run || { say "the migrations failed"; exit 1; }
    DATABASE_URL=$(node scripts/demo/runtime-role.mjs "$MIGRATION_DATABASE_URL" rilon_app "$RILON_RUNTIME_PASSWORD") \
      || { say "cannot create the runtime role rilon_app"; exit 1; }
    export DATABASE_URL
  else
    npm run -s migration:run || { say "the migrations failed"; exit 1; }
  fi

  start_mail_sink
  say "starting the api on http://$HOST:$PORT and the worker (logs in .data/logs/)"
  # The memory bounds of production (docker/Dockerfile; README, "Scale").
  export MALLOC_ARENA_MAX=2
  start_proc api node --max-old-space-size=160 --max-semi-space-size=8 "$ROOT/dist/apps/api/apps/api/src/main.js"
  start_proc worker node --max-old-space-size=160 --max-semi-space-size=8 "$ROOT/dist/apps/worker/apps/worker/src/main.js"
  local base="http://127.0.0.1:$PORT"
  wait_ready api "$base/health/ready" 90
  wait_ready worker "http://127.0.0.1:$WORKER_HEALTH_PORT/health/ready" 90

  say "loading the demo data over the API"
  local accounts
  accounts=$(RILON_DEMO_API="$base" RILON_DEMO_MARKER="$DATA/demo-seeded.json" node scripts/demo/seed.mjs) || { say "the demo data could not be loaded"; exit 1; }

  cat <<EOF

RILON portal demo is running.
  Portal         $base/   <- open this in a browser and sign in with an account below
  API            $base/api/v1
  API docs       $base/api/docs  (OpenAPI: $base/api/openapi.json)
  Queues         $base/admin/queues  (administrators only)
  Health         $base/health/ready  and the worker's http://127.0.0.1:$WORKER_HEALTH_PORT/health/ready
  Metrics        http://127.0.0.1:$METRICS_PORT/metrics  (the API's own listener, loopback only)
  Mail           $SMTP_URL; every mail sent lands in $DATA/mail/*.eml
  Logs           $LOGS/{api,worker,mail-sink}.log
  Database       ${DATABASE_URL/:$RILON_RUNTIME_PASSWORD@/:***@} (runtime role; migrations as the owner)   Redis $REDIS_URL

$accounts

Sign in at $base/sign-in, e.g. as lead.bangkok@rilon.example.org or officer1.bangkok@rilon.example.org.
API:  curl -s -X POST $base/api/v1/auth/login -H 'content-type: application/json' \\
        -d '{"email":"lead.bangkok@rilon.example.org","password":"$RILON_DEMO_PASSWORD"}'
Stop: npm run demo -- stop
EOF
}

case "${1:-start}" in
  start) start_demo ;;
  stop)
    stop_demo
    stop_private_services
    ;;
  status) status_demo ;;
  reset)
    stop_demo
    ensure_node_modules || exit 1
    export PATH="$ROOT/node_modules/.bin:$PATH"
    ensure_postgres || exit 1
    node scripts/demo/create-database.mjs "$DATABASE_URL" --drop
    ensure_redis && node scripts/demo/clear-redis.mjs "$REDIS_URL" "${QUEUE_PREFIX:-rilon}"
    rm -f "$DATA/build.stamp"
    ;;
  *)
    echo "usage: npm run demo [-- start|stop|status|reset]" >&2
    exit 2
    ;;
esac
