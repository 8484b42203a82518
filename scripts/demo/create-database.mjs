// Creates the database named in a PostgreSQL URL when it is missing (psql is not on every machine),
// or with --drop drops it (npm run demo -- reset).
//   node scripts/demo/create-database.mjs "$DATABASE_URL" [--drop]
import pg from 'pg';

const target = new URL(process.argv[2]);
const name = decodeURIComponent(target.pathname.replace(/^\//, '')) || 'rilon';
const drop = process.argv[3] === '--drop';

async function connectToMaintenanceDb() {
  let lastError;
  for (const db of ['postgres', 'template1']) {
    const url = new URL(target);
    url.pathname = `/${db}`;
    const client = new pg.Client({
      connectionString: url.toString(),
      connectionTimeoutMillis: 5000,
    });
    try {
      await client.connect();
      return client;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

const client = await connectToMaintenanceDb();
try {
  const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (drop) {
    if (found.rowCount > 0) {
      await client.query(`DROP DATABASE "${name.replace(/"/g, '""')}" WITH (FORCE)`);
      process.stderr.write(`rilon: dropped the database ${name}\n`);
    }
  } else if (found.rowCount === 0) {
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    process.stderr.write(`rilon: created the database ${name}\n`);
  }
} catch (error) {
  // Two demos starting at once: the other one created it.
  if (error.code !== '42P04') throw error;
} finally {
  await client.end();
}
