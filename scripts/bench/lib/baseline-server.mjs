// The bare baseline of the write path (stack-notes.md, "A reference figure"): plain Fastify 5
// and pg, one transaction that inserts one report-like row with a JSON body and one audit row.
// No token check, no validation, no derived fields, no outbox: what the portal adds is the gap.
//   DATABASE_URL=… PORT=… node scripts/bench/lib/baseline-server.mjs
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

const BASELINE_SCHEMA = `
  CREATE SCHEMA IF NOT EXISTS bench;
  CREATE TABLE IF NOT EXISTS bench.reports (
    id uuid PRIMARY KEY,
    type text NOT NULL,
    team_id uuid NOT NULL,
    title text NOT NULL,
    summary text NOT NULL,
    tlp text NOT NULL,
    status text NOT NULL,
    version int NOT NULL,
    body jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE IF NOT EXISTS bench.audit_events (
    seq bigserial PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    action text NOT NULL,
    target_type text NOT NULL,
    target_id uuid NOT NULL,
    outcome text NOT NULL,
    details jsonb NOT NULL
  );`;

async function main() {
  // The same pool size as the portal's (libs/core data-source-options: 10).
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  await pool.query(BASELINE_SCHEMA);
  const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });
  app.get('/health/ready', async () => ({ status: 'ok' }));
  app.post('/reports', async (request, reply) => {
    const b = request.body;
    const id = randomUUID();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const row = await client.query(
        `INSERT INTO bench.reports (id, type, team_id, title, summary, tlp, status, version, body)
         VALUES ($1, $2, $3, $4, $5, $6, 'draft', 1, $7) RETURNING created_at`,
        [id, b.type, b.teamId, b.title, b.summary ?? '', b.tlp, JSON.stringify(b.body)],
      );
      await client.query(
        `INSERT INTO bench.audit_events (action, target_type, target_id, outcome, details)
         VALUES ('report.create', 'report', $1, 'success', $2)`,
        [id, JSON.stringify({ type: b.type, tlp: b.tlp })],
      );
      await client.query('COMMIT');
      reply.code(201);
      return { id, ...b, status: 'draft', version: 1, createdAt: row.rows[0].created_at };
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  });
  await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
  const stop = () =>
    app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`baseline-server: ${error.stack ?? error}\n`);
  process.exit(1);
});
