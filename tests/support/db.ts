import { Client } from 'pg';
import { randomBytes } from 'node:crypto';

/** The maintenance connection the tests create and drop databases with. */
export function adminUrl(): string {
  return process.env.RILON_TEST_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** The login role the API and worker under test connect as: a member of rilon_runtime. */
export const RUNTIME_LOGIN = { user: 'rilon_app_test', password: 'rilon-test-only' };

/** The same database as the runtime role sees it: no table of its own, audit tables read and append only. */
export function runtimeDatabaseUrl(name: string): string {
  const url = new URL(databaseUrl(name));
  url.username = RUNTIME_LOGIN.user;
  url.password = RUNTIME_LOGIN.password;
  return url.toString();
}

/**
 * Creates the runtime login role once per cluster (the migrations made its group role).
 * Concurrent test runs may race to create it: a duplicate is fine.
 */
export async function ensureRuntimeLogin(client: Client): Promise<void> {
  const { user, password } = RUNTIME_LOGIN;
  await client.query(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${user}') THEN
        CREATE ROLE ${user} LOGIN PASSWORD '${password}';
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`);
  await client.query(`GRANT rilon_runtime TO ${user}`);
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export async function withAdmin<T>(
  work: (client: Client) => Promise<T>,
  url = adminUrl(),
): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const TEMPLATE_ENV = 'RILON_TEST_TEMPLATE_DB';
