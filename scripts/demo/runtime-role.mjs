// Creates (or updates) the login role the demo's API and worker connect as: a member of
// rilon_runtime, which the migrations made and gave read-write rights on the tables and
// read-and-append rights on the audit tables. Prints the runtime DATABASE_URL.
//   node scripts/demo/runtime-role.mjs "$MIGRATION_DATABASE_URL" <role> <password>
import pg from 'pg';

const [ownerUrl, role, password] = process.argv.slice(2);
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role ?? '') || !/^[A-Za-z0-9_-]{16,}$/.test(password ?? '')) {
  process.stderr.write(
    'usage: runtime-role.mjs <owner url> <role> <password of 16+ letters and digits>\n',
  );
  process.exit(2);
}
const client = new pg.Client({ connectionString: ownerUrl, connectionTimeoutMillis: 5000 });
await client.connect();
try {
  await client.query(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN
        CREATE ROLE ${role} LOGIN;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`);
  await client.query(
    `ALTER ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}'`,
  );
  await client.query(`GRANT rilon_runtime TO ${role}`);
} finally {
  await client.end();
}
const url = new URL(ownerUrl);
url.username = role;
url.password = password;
process.stdout.write(url.toString());
