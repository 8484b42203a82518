#!/bin/sh
# Runs once, when the postgres container creates its cluster: the group role the migrations
# grant to, and the login role the API and the worker connect as (a member of it, owning
# nothing). The tables belong to POSTGRES_USER, who runs the migrations.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v runtime_password="$RILON_RUNTIME_PASSWORD" <<'SQL'
CREATE ROLE rilon_runtime NOLOGIN;
CREATE ROLE rilon_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE IN ROLE rilon_runtime;
ALTER ROLE rilon_app PASSWORD :'runtime_password';
SQL
