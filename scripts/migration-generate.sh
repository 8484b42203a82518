#!/usr/bin/env bash
# npm run migration:generate -- <Name>
# Writes migrations/<epoch-ms>-<Name>.ts with the SQL that takes the schema the migrations build
# to the schema the entities describe, and lists it in migrations/index.ts.
# How: build (entities as compiled), migrate a throwaway database to the current head, let the
# TypeORM CLI diff the entities against it (dist/apps/api/migrations/cli-data-source.js), drop it.
# Review the file before committing it: name constraints and indexes
# (docs/architecture.md, "House style"), write down().
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=services.sh
source scripts/services.sh

name=${1:-}
if ! [[ "$name" =~ ^[A-Z][A-Za-z0-9]{2,80}$ ]]; then
  echo "usage: npm run migration:generate -- <Name>   (PascalCase, e.g. AddReportLanguage)" >&2
  exit 2
fi

ensure_node_modules
export PATH="$ROOT/node_modules/.bin:$PATH"
RILON_DB_NAME=postgres ensure_postgres || exit 1
admin_url=$DATABASE_URL
scratch="rilon_migration_gen_$$"
scratch_url=$(node -e 'const u=new URL(process.argv[1]);u.pathname="/"+process.argv[2];process.stdout.write(u.toString())' "$admin_url" "$scratch")
trap 'node scripts/demo/create-database.mjs "$scratch_url" --drop 2>/dev/null || true' EXIT

say "building"
npm run -s build
node scripts/demo/create-database.mjs "$scratch_url"
DATABASE_URL="$scratch_url" node dist/apps/api/apps/api/src/migrate.js

stamp=$(node -e 'process.stdout.write(String(Date.now()))')
before=$(ls migrations)
DATABASE_URL="$scratch_url" typeorm migration:generate "migrations/$name" \
  -d dist/apps/api/migrations/cli-data-source.js --pretty --timestamp "$stamp"

file="migrations/$stamp-$name.ts"
if [ ! -f "$file" ]; then
  # "No changes in database schema were found": nothing was written.
  [ "$before" = "$(ls migrations)" ] && exit 0
  say "the CLI wrote something else than $file"; exit 1
fi

# List the class in migrations/index.ts (compiled and test runs load migrations from there).
node - "$file" "$name$stamp" <<'EOF'
const fs = require('node:fs');
const [file, cls] = process.argv.slice(2);
const index = 'migrations/index.ts';
let text = fs.readFileSync(index, 'utf8');
const base = file.replace(/^migrations\//, './').replace(/\.ts$/, '');
const imports = [...text.matchAll(/^import .*;$/gm)];
const last = imports[imports.length - 1];
const at = last.index + last[0].length;
text = `${text.slice(0, at)}\nimport { ${cls} } from '${base}';${text.slice(at)}`;
text = text.replace(/\n\];/, `\n  ${cls},\n];`);
fs.writeFileSync(index, text);
EOF
prettier --write "$file" migrations/index.ts >/dev/null
say "wrote $file and listed $name$stamp in migrations/index.ts; review it, then npm run migration:run"
