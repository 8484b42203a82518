// npm run bench -- write-path [--connections 32] [--duration 10] [--warmup 2]
// The portal's POST /api/v1/reports against the bare baseline (plain Fastify 5 + pg, one
// transaction inserting a report-like row with a JSON body and an audit row; stack-notes.md,
// "A reference figure"), measured with autocannon in the same run, on a throwaway database.
// The API runs as built (NODE_ENV=production, request logging on), without the worker: the API
// never waits on a queue, so outbox rows simply wait. The per-user rate limit is turned off
// (RATE_LIMIT_PER_MINUTE=0), or one benchmark user would measure 429s.
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { apiClient, apiUrlOf, signIn } from '../lib/api-client.mjs';
import { reportPayload } from '../lib/report-payload.mjs';
import {
  ROOT,
  freePort,
  startApi,
  startProcess,
  strongSecret,
  throwawayEnvironment,
} from './lib/throwaway.mjs';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '32' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
  },
});
const connections = Number(values.connections);
const duration = Number(values.duration);
const warmup = Number(values.warmup);
const log = (line) => process.stderr.write(`write-path: ${line}\n`);

/** An officer of one team, signed in, over the portal's own API. */
async function setUpAuthor(baseUrl, admin) {
  const { api: asAdmin } = await signIn(apiClient(apiUrlOf(baseUrl)), admin, 'admin sign-in');
  const capital = await asAdmin.call('POST', '/capitals', {
    name: 'Bangkok',
    countryCode: 'THA',
    timezone: 'Asia/Bangkok',
  });
  const team = await asAdmin.call('POST', '/teams', {
    name: 'RILON Bangkok',
    capitalId: capital.id,
  });
  const officer = { email: 'officer@bench.example.org', password: strongSecret().slice(0, 20) };
  const user = await asAdmin.call('POST', '/users', {
    ...officer,
    displayName: 'Bench Officer',
    memberCode: 'THA',
  });
  await asAdmin.call('PUT', `/teams/${team.id}/members/${user.id}`, { role: 'officer' });
  const { accessToken, api } = await signIn(asAdmin, officer, 'officer sign-in');
  return { token: accessToken, api, teamId: team.id };
}

function fire(url, headers, body, seconds) {
  return autocannon({
    url,
    method: body === undefined ? 'GET' : 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

async function measure(label, url, headers, body) {
  if (warmup > 0) await fire(url, headers, body, warmup);
  log(`measuring ${label}: ${connections} connections, ${duration} s`);
  const r = await fire(url, headers, body, duration);
  return {
    label,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

function printTable(rows, base, portal) {
  const pad = (s, n) => String(s).padStart(n);
  const out = [
    '',
    `write path, ${connections} connections x ${duration} s, load generator, servers and PostgreSQL on this machine`,
    `${'server'.padEnd(30)}${pad('requests/s', 12)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('2xx', 9)}${pad('non-2xx', 9)}${pad('errors', 8)}`,
    ...rows.map(
      (r) =>
        `${r.label.padEnd(30)}${pad(r.rps.toFixed(0), 12)}${pad(r.p50, 9)}${pad(r.p99, 9)}${pad(r.ok, 9)}${pad(r.non2xx, 9)}${pad(r.errors, 8)}`,
    ),
    `${'portal / baseline'.padEnd(30)}${pad(`${(portal.rps / base.rps).toFixed(2)}x`, 12)}${pad('', 9)}${pad(`${(portal.p99 / base.p99).toFixed(2)}x`, 9)}`,
    '',
  ];
  process.stdout.write(out.join('\n'));
}

async function main() {
  const env = await throwawayEnvironment('write_path');
  const running = [];
  try {
    const basePort = await freePort();
    // As the owner: the baseline creates its own schema, which the runtime login may not.
    const baseline = await startProcess(
      join(ROOT, 'scripts/bench/lib/baseline-server.mjs'),
      { DATABASE_URL: env.ownerUrl, PORT: String(basePort) },
      `http://127.0.0.1:${basePort}/health/ready`,
    );
    running.push(baseline);

    const admin = { email: 'admin@bench.example.org', password: strongSecret().slice(0, 24) };
    // Request logging stays on (the API's default level), as in production.
    const api = await startApi(env, {
      RILON_ADMIN_EMAIL: admin.email,
      RILON_ADMIN_PASSWORD: admin.password,
      RATE_LIMIT_PER_MINUTE: '0',
    });
    running.push(api);
    const apiBase = api.baseUrl;
    const author = await setUpAuthor(apiBase, admin);
    const body = JSON.stringify(reportPayload(author.teamId));
    const headers = { authorization: `Bearer ${author.token}` };
    // One request first: a benchmark of 400s measures nothing.
    await author.api.call('POST', '/reports', JSON.parse(body));

    const base = await measure(
      'baseline (Fastify + pg)',
      `http://127.0.0.1:${basePort}/reports`,
      {},
      body,
    );
    const portal = await measure(
      'portal POST /api/v1/reports',
      `${apiBase}/api/v1/reports`,
      headers,
      body,
    );
    // For scale: a signed-in read (token, session check, rate-limit window, JSON answer).
    const me = await measure('portal GET /api/v1/me', `${apiBase}/api/v1/me`, headers, undefined);
    printTable([base, portal, me], base, portal);
    if (portal.non2xx || portal.errors || base.non2xx || base.errors || me.non2xx || me.errors) {
      log('WARNING: some requests failed; the figures above count only what was answered');
      process.exitCode = 1;
    }
  } finally {
    for (const p of running.reverse()) await p.stop();
    await env.dispose();
  }
}

main().catch((error) => {
  process.stderr.write(`write-path: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
