// The login role that the API and the worker of the demo and of the benchmarks connect as: a
// member of rilon_runtime, the group role the migrations made and gave read-write rights on
// the tables and read-and-append rights on the audit tables, never the tables' owner.

const ROLE = /^[a-z_][a-z0-9_]{0,62}$/;
const PASSWORD = /^[A-Za-z0-9_-]{16,}$/;

/** Whether `role` and `password` may go into the SQL below as they are (nothing to quote). */
export const isRuntimeLogin = (role, password) =>
  ROLE.test(role ?? '') && PASSWORD.test(password ?? '');

/**
 * Creates `role` if it is missing (concurrent runs may race to: a duplicate is fine) and
 * grants it rilon_runtime, over `client` (pg, connected as the owner or a superuser).
 * `reset` also sets the password of an existing role and takes away any right beyond
 * logging in: the demo's password lives in .data/demo.env and may be new. Benchmarks leave
 * it out: they may start side by side, and two ALTER ROLE at once can fail ("tuple
 * concurrently updated").
 */
export async function ensureRuntimeLogin(client, role, password, { reset = false } = {}) {
  if (!isRuntimeLogin(role, password)) throw new Error(`not a runtime login: ${role}`);
  await client.query(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN
        CREATE ROLE ${role} LOGIN PASSWORD '${password}';
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`);
  if (reset)
    await client.query(
      `ALTER ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}'`,
    );
  await client.query(`GRANT rilon_runtime TO ${role}`);
}

/** `url` (a database of the cluster) as the runtime login sees it. */
export function runtimeUrl(url, role, password) {
  const runtime = new URL(url);
  runtime.username = role;
  runtime.password = password;
  return runtime.toString();
}
