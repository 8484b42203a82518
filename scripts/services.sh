#!/usr/bin/env bash
# Finds PostgreSQL and Redis, or starts private ones under .data/. Sourced by demo.sh and
# test.sh; exports DATABASE_URL (when it had to decide) and REDIS_URL.
#   DATABASE_URL / REDIS_URL set  -> used as they are
#   else 127.0.0.1:5432 / :6379   -> used when they answer
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

ensure_postgres() {
  if [ -n "${DATABASE_URL:-}" ]; then
    local h p; h=$(url_host "$DATABASE_URL"); p=$(url_port "$DATABASE_URL" 5432)
    if tcp_open "$h" "$p"; then return 0; fi
    say "DATABASE_URL points at $h:$p, which does not answer"; return 1
  fi
  if tcp_open 127.0.0.1 5432; then
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/${RILON_DB_NAME:-rilon}"
    return 0
  fi
  local port=55432
  if ! tcp_open 127.0.0.1 $port; then
    local bin; bin=$(find_pg_bin) || {
      say "PostgreSQL is neither running nor installed. Install it (Debian/Ubuntu: apt-get install postgresql; macOS: brew install postgresql@15) or set DATABASE_URL."
      return 1
    }
    local dir="$DATA/postgres" runas=()
    mkdir -p "$DATA"
    if [ "$(id -u)" = 0 ]; then
      # initdb refuses to run as root: the private cluster belongs to the postgres user (or nobody).
      local owner=postgres; id postgres >/dev/null 2>&1 || owner=nobody
      chown "$owner" "$DATA" 2>/dev/null || true
      runas=(su -s /bin/sh "$owner" -c)
    fi
    if [ ! -f "$dir/PG_VERSION" ]; then
      say "creating a private PostgreSQL cluster in $dir"
      mkdir -p "$dir"; [ ${#runas[@]} -gt 0 ] && chown "${owner}" "$dir"
      if [ ${#runas[@]} -gt 0 ]; then "${runas[@]}" "$bin/initdb -D '$dir' -U postgres -A trust >/dev/null"; else "$bin/initdb" -D "$dir" -U postgres -A trust >/dev/null; fi || return 1
    fi
    say "starting the private PostgreSQL on 127.0.0.1:$port"
    local opts="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off"
    if [ ${#runas[@]} -gt 0 ]; then "${runas[@]}" "$bin/pg_ctl -D '$dir' -l '$dir/server.log' -o '$opts' -w start >/dev/null"; else "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -o "$opts" -w start >/dev/null; fi || { say "PostgreSQL did not start; see $dir/server.log"; return 1; }
  fi
  export DATABASE_URL="postgres://postgres@127.0.0.1:$port/${RILON_DB_NAME:-rilon}"
}

ensure_redis() {
  if [ -n "${REDIS_URL:-}" ]; then
    local h p; h=$(url_host "$REDIS_URL"); p=$(url_port "$REDIS_URL" 6379)
    if tcp_open "$h" "$p"; then return 0; fi
    say "REDIS_URL points at $h:$p, which does not answer"; return 1
  fi
  if tcp_open 127.0.0.1 6379; then export REDIS_URL="redis://127.0.0.1:6379"; return 0; fi
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
