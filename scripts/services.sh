#!/usr/bin/env bash
# Finds PostgreSQL and Redis, or starts private ones under .data/. Sourced by demo.sh and
# test.sh; exports DATABASE_URL (when it had to decide) and REDIS_URL.
#   DATABASE_URL / REDIS_URL set  -> used as they are
#   else 127.0.0.1:5432 / :6379   -> used when they answer (skipped with RILON_PRIVATE_SERVICES=1)
#   else                          -> a private cluster on :55432 and redis-server on :56379 in .data/

ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
DATA="$ROOT/.data"

say() { printf 'rilon: %s\n' "$*" >&2; }

tcp_open() { # host port
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && exec 3>&- 3<&-
}

url_host() { node -e 'const u=new URL(process.argv[1]);process.stdout.write(u.hostname||"127.0.0.1")' "$1"; }
url_port() { node -e 'const u=new URL(process.argv[1]);process.stdout.write(u.port||process.argv[2])' "$1" "$2"; }

find_pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin /usr/local/pgsql/bin /opt/homebrew/bin /usr/local/bin /usr/bin; do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)" && return 0
  return 1
}

# initdb refuses to run as root: as root the private cluster belongs to the postgres user (or nobody).
pg_owner() { if id postgres >/dev/null 2>&1; then echo postgres; else echo nobody; fi; }

pg_as_owner() { # shell command string
  if [ "$(id -u)" = 0 ]; then su -s /bin/sh "$(pg_owner)" -c "cd / && $1"; else sh -c "$1"; fi
}

# .data/postgres, unless (as root) the cluster's owner cannot reach .data, e.g. a checkout
# under a mktemp -d directory (mode 700): then a directory of its own under /var/tmp.
pg_cluster_dir() {
  mkdir -p "$DATA"
  if [ "$(id -u)" = 0 ] && ! su -s /bin/sh "$(pg_owner)" -c "cd '$DATA'" 2>/dev/null; then
    echo "/var/tmp/rilon-postgres-$(printf %s "$ROOT" | cksum | cut -d' ' -f1)"
  else
    echo "$DATA/postgres"
  fi
}

# Stops the private PostgreSQL and redis-server of this checkout, if they run.
stop_private_services() {
  local dir bin; dir=$(pg_cluster_dir)
  if [ -f "$dir/postmaster.pid" ] && bin=$(find_pg_bin); then
    say "stopping the private PostgreSQL ($dir)"
    pg_as_owner "'$bin/pg_ctl' -D '$dir' -m fast -w stop >/dev/null" || true
  fi
  if [ -f "$DATA/redis/redis.pid" ]; then
    say "stopping the private redis-server"
    kill "$(cat "$DATA/redis/redis.pid")" 2>/dev/null || true
    rm -f "$DATA/redis/redis.pid"
  fi
}

ensure_postgres() {
  if [ -n "${DATABASE_URL:-}" ]; then
    local h p; h=$(url_host "$DATABASE_URL"); p=$(url_port "$DATABASE_URL" 5432)
    if tcp_open "$h" "$p"; then return 0; fi
    say "DATABASE_URL points at $h:$p, which does not answer"; return 1
  fi
  if [ "${RILON_PRIVATE_SERVICES:-}" != 1 ] && tcp_open 127.0.0.1 5432; then
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/${RILON_DB_NAME:-rilon}"
    return 0
  fi
  local port=55432
  if ! tcp_open 127.0.0.1 $port; then
    local bin; bin=$(find_pg_bin) || {
      say "PostgreSQL is neither running nor installed. Install it (Debian/Ubuntu: apt-get install postgresql; macOS: brew install postgresql@15) or set DATABASE_URL."
      return 1
    }
    local dir; dir=$(pg_cluster_dir)
    if [ ! -f "$dir/PG_VERSION" ]; then
      say "creating a private PostgreSQL cluster in $dir"
      mkdir -p "$dir" && chmod 700 "$dir" || return 1
      [ "$(id -u)" = 0 ] && chown "$(pg_owner)" "$dir"
      pg_as_owner "'$bin/initdb' -D '$dir' -U postgres -A trust >/dev/null" || return 1
    fi
    say "starting the private PostgreSQL on 127.0.0.1:$port"
    local opts="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off"
    pg_as_owner "'$bin/pg_ctl' -D '$dir' -l '$dir/server.log' -o '$opts' -w start >/dev/null" \
      || { say "PostgreSQL did not start; see $dir/server.log"; return 1; }
  fi
  export DATABASE_URL="postgres://postgres@127.0.0.1:$port/${RILON_DB_NAME:-rilon}"
}

ensure_redis() {
  if [ -n "${REDIS_URL:-}" ]; then
    local h p; h=$(url_host "$REDIS_URL"); p=$(url_port "$REDIS_URL" 6379)
    if tcp_open "$h" "$p"; then return 0; fi
    say "REDIS_URL points at $h:$p, which does not answer"; return 1
  fi
  if [ "${RILON_PRIVATE_SERVICES:-}" != 1 ] && tcp_open 127.0.0.1 6379; then export REDIS_URL="redis://127.0.0.1:6379"; return 0; fi
  local port=56379
  if ! tcp_open 127.0.0.1 $port; then
    command -v redis-server >/dev/null 2>&1 || {
      say "Redis is neither running nor installed. Install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) or set REDIS_URL."
      return 1
    }
    mkdir -p "$DATA/redis"
    say "starting a private redis-server on 127.0.0.1:$port"
    redis-server --daemonize yes --bind 127.0.0.1 --port $port --dir "$DATA/redis" --save "" --appendonly no \
      --logfile "$DATA/redis/redis.log" --pidfile "$DATA/redis/redis.pid" >/dev/null || return 1
    for _ in $(seq 1 50); do tcp_open 127.0.0.1 $port && break; sleep 0.1; done
  fi
  export REDIS_URL="redis://127.0.0.1:$port"
}

ensure_node_modules() {
  if [ ! -x "$ROOT/node_modules/.bin/node" ] || [ ! -d "$ROOT/node_modules/@nestjs/core" ]; then
    say "installing dependencies (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund) || { say "npm ci failed"; return 1; }
  fi
}
