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
