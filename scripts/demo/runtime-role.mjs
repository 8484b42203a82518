// Creates (or updates) the login role the demo's API and worker connect as: a member of
// rilon_runtime (scripts/lib/runtime-role.mjs). Prints the runtime DATABASE_URL.
//   node scripts/demo/runtime-role.mjs "$MIGRATION_DATABASE_URL" <role> <password>
import pg from 'pg';
import { ensureRuntimeLogin, isRuntimeLogin, runtimeUrl } from '../lib/runtime-role.mjs';

const [ownerUrl, role, password] = process.argv.slice(2);
if (!isRuntimeLogin(role, password)) {
  process.stderr.write(
    'usage: runtime-role.mjs <owner url> <role> <password of 16+ letters and digits>\n',
  );
  process.exit(2);
}
const client = new pg.Client({ connectionString: ownerUrl, connectionTimeoutMillis: 5000 });
await client.connect();
try {
  await ensureRuntimeLogin(client, role, password, { reset: true });
} finally {
  await client.end();
}
process.stdout.write(runtimeUrl(ownerUrl, role, password));
