// npm run bench -- scale [--scale 1] [--duration 4] [--warmup 1] [--connections 8,32]
//                        [--only <regex>] [--keep] [--database <name>] [--json <file>]
//                        [--cpu-prof <dir>] [--bare-session-check]
// Issue 10: the portal at the size of a network grown for years. Loads, into a database of
// its own (scripts/bench/lib/scale-data.cjs: 10,000 users in 12 teams, 1,000,000 published
// reports with versions, 1,008,000 statistics observations, 1,000,000 sealed audit events at
// --scale 1), then measures each scenario through the built API (NODE_ENV=production, request
// logging on, per-user rate limit off) and, in the same run, the same work on the bare
// baseline (scripts/bench/lib/scale-baseline.mjs: plain Fastify + pg calling the project's
// compiled query services and repositories), with autocannon at each connection count. It
// prints requests/s, p50, p95 and p99 of both, the ratio, whether each target of the README is
// met, the verification times and the peak resident memory of the API and the worker.
// --keep leaves the generated database behind and prints its name; --database <name> measures
// such a database again without generating (the fastest way to iterate on one query).
// --cpu-prof <dir> has the API write a V8 CPU profile there when it stops.
// --bare-session-check has the baseline run the API's session check on every request too
// (the same SQL as the API: the ratio is then the framework's cost alone).
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { apiClient, apiUrlOf, signIn } from '../lib/api-client.mjs';
import { reportPayload } from '../lib/report-payload.mjs';
import {
  ROOT,
  existingEnvironment,
  freePort,
  startApi,
  startProcess,
  startWorker,
  throwawayEnvironment,
} from './lib/throwaway.mjs';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    duration: { type: 'string', default: '4' },
    warmup: { type: 'string', default: '1' },
    connections: { type: 'string', default: '8,32' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    database: { type: 'string' },
    json: { type: 'string' },
    'cpu-prof': { type: 'string' },
    'bare-session-check': { type: 'boolean', default: false },
  },
});
const scale = Number(values.scale);
const duration = Number(values.duration);
const warmup = Number(values.warmup);
const connectionCounts = values.connections.split(',').map(Number);
const only = values.only ? new RegExp(values.only) : null;
if (!(scale > 0 && scale <= 1) || !(duration > 0) || connectionCounts.some((c) => !(c > 0))) {
  process.stderr.write('scale: --scale in (0, 1], --duration > 0, --connections like 8,32\n');
  process.exit(2);
}
const log = (line) => process.stderr.write(`scale: ${line}\n`);
const require = createRequire(import.meta.url);
const { loadScaleData, describeScale, sizes } = require('./lib/scale-data.cjs');
const distLib = (path) => require(join(ROOT, 'dist/apps/api/libs', path));
/** Every generated user signs in with this; it never leaves the throwaway database. */
const PASSWORD = 'scale-benchmark-passphrase-only';

/** Targets (README, "Scale"): p95 at c=8 at most `p95`, throughput at least `ratio` of bare. */
const TARGETS = {
  write: { p99At8: 30, ratioAt32: 0.6 },
  list: { p95: 50, ratio: 0.6 },
  search: { p95: 100 },
  statistics: { p95: 50, rps: 200 },
  audit: { p95: 50 },
};

async function generate(env) {
  const argon2 = require('argon2');
  const { ARGON2_OPTIONS } = distLib('identity/src/auth/password-hasher.js');
  const hashing = distLib('audit/src/audit-hash.js');
  const connect = async () => {
    const c = new pg.Client({ connectionString: env.ownerUrl });
    await c.connect();
    return c;
  };
  const client = await connect();
  const second = await connect();
  try {
    const t0 = Date.now();
    const loaded = await loadScaleData(client, {
      scale,
      passwordHash: await argon2.hash(PASSWORD, ARGON2_OPTIONS),
      hashing,
      extraClients: [second],
      log: (line) => log(`load: ${line}`),
    });
    log(`loaded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    return loaded;
  } finally {
    await client.end();
    await second.end();
  }
}

/** One autocannon run; latency percentiles from every response, not autocannon's buckets. */
function fire(url, request, connections, seconds) {
  return new Promise((resolve, reject) => {
    const times = [];
    const instance = autocannon(
      {
        url,
        method: request.method,
        connections,
        duration: seconds,
        headers: { 'content-type': 'application/json', ...request.headers },
        body: request.body,
      },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        const at = (p) =>
          times.length ? times[Math.min(times.length - 1, Math.floor(p * times.length))] : NaN;
        resolve({
          rps: result.requests.average,
          p50: at(0.5),
          p95: at(0.95),
          p99: at(0.99),
          ok: result['2xx'],
          bad: result.non2xx + result.errors + result.timeouts,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
}

async function measure(url, request, connections) {
  if (warmup > 0) await fire(url, request, connections, warmup);
  return fire(url, request, connections, duration);
}

/** Samples VmRSS of each process and reads VmHWM (the kernel's peak) at the end. */
function memoryWatch(processes) {
  const peak = Object.fromEntries(Object.keys(processes).map((k) => [k, 0]));
  const read = (pid, field) => {
    try {
      const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(
        new RegExp(`${field}:\\s+(\\d+) kB`),
      );
      return m ? Number(m[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  };
  const timer = setInterval(() => {
    for (const [k, p] of Object.entries(processes))
      peak[k] = Math.max(peak[k], read(p.child.pid, 'VmRSS'));
  }, 250);
  return {
    stop() {
      clearInterval(timer);
      for (const [k, p] of Object.entries(processes))
        peak[k] = Math.max(peak[k], read(p.child.pid, 'VmHWM'));
      return peak;
    },
  };
}

/** The session an access token names (its `sid`), for the baseline's session check. */
function sessionOf(accessToken) {
  return JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')).sid;
}

function scenarios(loaded, firstPageCursor) {
  const { ids, terms, countries } = loaded;
  const q = (params) => `?${new URLSearchParams(params)}`;
  const list = (name, params) => ({
    group: 'list',
    name,
    path: `/reports${q(params)}`,
    as: 'officer',
  });
  const search = (name, text) => ({
    group: 'search',
    name,
    path: `/reports${q({ q: text })}`,
    as: 'officer',
  });
  const series = (name, params) => ({
    group: 'statistics',
    name,
    path: `/statistics/series${q({ indicator: 'irregular_border_crossing', ...params })}`,
    as: 'officer',
  });
  const auditList = (name, params) => ({
    group: 'audit',
    name,
    path: `/audit-events${q(params)}`,
    as: 'auditor',
  });
  return [
    {
      group: 'write',
      name: 'POST /reports',
      method: 'POST',
      path: '/reports',
      as: 'officer',
      body: JSON.stringify(reportPayload(ids.officer.teamId)),
    },
    list('first page', {}),
    list('second page (cursor)', { cursor: firstPageCursor }),
    list('type', { type: 'modus_operandi' }),
    list('type + country', { type: 'visa_fraud_trend', country: 'LKA' }),
    list('type + country, 0 hits', { type: 'training_offer', country: countries.absent }),
    list('country, 0 hits', { country: countries.absent }),
    list('team', { teamId: ids.officer.teamId }),
    list('tlp AMBER', { tlp: 'AMBER' }),
    list('tlp RED', { tlp: 'RED' }),
    list('team + tlp RED', { teamId: ids.team(5), tlp: 'RED' }),
    list('urgent', { urgent: 'true' }),
    list('one month', { from: '2019-03-01', to: '2019-03-31' }),
    list('type + team + month', {
      type: 'visa_fraud_trend',
      teamId: ids.officer.teamId,
      from: '2021-01-01',
      to: '2021-01-31',
    }),
    list('own drafts', { status: 'draft' }),
    search('common term', terms.common),
    search('term in ~0.5 %', terms.mid),
    search('term in ~0.2 %', terms.threshold),
    search('rare term', terms.rare),
    search('two words', 'forged visa'),
    search('phrase', `"${terms.mid} agents"`),
    search('common phrase', '"officers report"'),
    search('no match', 'zzyzx'),
    series('by month', { groupBy: 'month' }),
    series('by nationality', { groupBy: 'nationality' }),
    series('by country, 3 years', { groupBy: 'reportingCountry', from: '2020-01', to: '2022-12' }),
    series('by month, one nationality', { groupBy: 'month', nationality: 'AFG' }),
    series('by border, country + nationality', {
      groupBy: 'borderType',
      reportingCountry: 'THA',
      nationality: 'AFG',
    }),
    series('nothing', { groupBy: 'month', reportingCountry: countries.absent }),
    auditList('newest', {}),
    auditList('two days, far back', { from: '2025-03-01', to: '2025-03-02' }),
    auditList('action + month', { action: 'report.read', from: '2025-06-01', to: '2025-06-30' }),
    auditList('actor', { actorId: ids.user(5) }),
    auditList('target', {
      targetType: 'report',
      targetId: ids.report(1 + ((7 * 104729) % loaded.sizes.reports)),
    }),
    auditList('denied', { outcome: 'denied' }),
    auditList('nothing', { action: 'auth.logout' }),
  ].filter((s) => !only || only.test(`${s.group} ${s.name}`));
}

/** Whether a row meets its group's target (undefined where the group has none at this c). */
function verdict(s, c, api, base) {
  const t = TARGETS[s.group];
  const ratio = api.rps / base.rps;
  if (s.group === 'write')
    return c === 8 ? api.p99 <= t.p99At8 : c === 32 ? ratio >= t.ratioAt32 : undefined;
  if (c !== 8) return undefined;
  if (s.group === 'list') return api.p95 <= t.p95 && ratio >= t.ratio;
  if (s.group === 'statistics') return api.p95 <= t.p95 && api.rps >= t.rps;
  return api.p95 <= t.p95;
}

async function timedGet(api, path) {
  const t0 = Date.now();
  const body = await api.call('GET', path);
  return { seconds: (Date.now() - t0) / 1000, body };
}

async function main() {
  const env = values.database
    ? await existingEnvironment(values.database, 'scale')
    : await throwawayEnvironment('scale');
  const running = [];
  let keep = values.keep || Boolean(values.database);
  try {
    let loaded;
    if (values.database) {
      loaded = describeScale(sizes(scale));
      log(`measuring ${values.database} as generated at --scale ${scale}`);
    } else {
      log(`generating at --scale ${scale} into ${env.database}`);
      loaded = await generate(env);
    }

    const basePort = await freePort();
    const baseline = await startProcess(
      join(ROOT, 'scripts/bench/lib/scale-baseline.mjs'),
      {
        DATABASE_URL: env.databaseUrl,
        PORT: String(basePort),
        RILON_ROOT: ROOT,
        SESSION_CHECK: values['bare-session-check'] ? '1' : '0',
      },
      `http://127.0.0.1:${basePort}/health/ready`,
    );
    running.push(baseline);
    const worker = await startWorker(env);
    running.push(worker);
    const cpuProf = values['cpu-prof'];
    const api = await startApi(
      env,
      { RATE_LIMIT_PER_MINUTE: '0' },
      { nodeArgs: cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${cpuProf}`] : [] },
    );
    running.push(api);
    const memory = memoryWatch({ api, worker });
    const client = apiClient(apiUrlOf(api.baseUrl));
    const as = {};
    const signInAll = async () => {
      for (const who of ['officer', 'auditor']) {
        as[who] = await signIn(client, { email: loaded.ids[who].email, password: PASSWORD });
      }
    };
    await signInAll();
    const first = await as.officer.api.call('GET', '/reports');
    const list = scenarios(loaded, first.nextCursor);

    const rows = [];
    for (const s of list) {
      await signInAll(); // a fresh token for each scenario: none expires mid-run
      const request = (server) => ({
        method: s.method ?? 'GET',
        body: s.body,
        headers:
          server === 'api'
            ? { authorization: `Bearer ${as[s.as].accessToken}` }
            : { 'x-user': loaded.ids[s.as].id, 'x-session': sessionOf(as[s.as].accessToken) },
      });
      // One request each first: a benchmark of 4xx measures nothing.
      await as[s.as].api.call(s.method ?? 'GET', s.path, s.body ? JSON.parse(s.body) : undefined);
      for (const c of connectionCounts) {
        const base = await measure(`http://127.0.0.1:${basePort}${s.path}`, request('base'), c);
        const apiResult = await measure(`${api.baseUrl}/api/v1${s.path}`, request('api'), c);
        const row = { ...s, c, api: apiResult, base, met: verdict(s, c, apiResult, base) };
        rows.push(row);
        log(
          `${s.group} ${s.name} c=${c}: api ${apiResult.rps.toFixed(0)}/s p95 ${apiResult.p95.toFixed(1)} ms, bare ${base.rps.toFixed(0)}/s p95 ${base.p95.toFixed(1)} ms`,
        );
      }
    }

    let verification = null;
    if (!only || only.test('audit verify')) {
      await signInAll();
      const full = await timedGet(as.auditor.api, '/audit-events/verify?full=true');
      const incremental = await timedGet(as.auditor.api, '/audit-events/verify');
      verification = { full, incremental };
    }
    const peak = memory.stop();
    print(rows, verification, peak, loaded);
    if (values.json)
      writeFileSync(
        values.json,
        JSON.stringify({ scale, duration, rows, verification, peak, sizes: loaded.sizes }, null, 2),
      );
    if (rows.some((r) => r.api.bad || r.base.bad)) {
      log('WARNING: some requests failed; the figures count only what was answered');
      process.exitCode = 1;
    }
  } finally {
    for (const p of running.reverse()) await p.stop();
    if (keep)
      log(
        `kept the database ${env.database}: --database ${env.database} --scale ${scale} measures it again`,
      );
    await env.dispose({ keepDatabase: keep });
  }
}

function print(rows, verification, peak, loaded) {
  const f = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '-');
  const pad = (x, n) => String(x).padStart(n);
  const out = [
    '',
    `scale run: ${JSON.stringify(loaded.sizes)}; ${duration} s a measurement after ${warmup} s of warm-up; load generator, servers and PostgreSQL on one machine${values['bare-session-check'] ? '; the bare baseline runs the session check too' : ''}`,
    `${'scenario'.padEnd(46)}${pad('c', 4)}${pad('api/s', 8)}${pad('p50', 7)}${pad('p95', 7)}${pad('p99', 7)}${pad('bare/s', 8)}${pad('p50', 7)}${pad('p95', 7)}${pad('p99', 7)}${pad('ratio', 7)}  target`,
    ...rows.map(
      (r) =>
        `${`${r.group}: ${r.name}`.padEnd(46)}${pad(r.c, 4)}${pad(f(r.api.rps), 8)}${pad(f(r.api.p50, 1), 7)}${pad(f(r.api.p95, 1), 7)}${pad(f(r.api.p99, 1), 7)}${pad(f(r.base.rps), 8)}${pad(f(r.base.p50, 1), 7)}${pad(f(r.base.p95, 1), 7)}${pad(f(r.base.p99, 1), 7)}${pad(f(r.api.rps / r.base.rps, 2), 7)}  ${r.met === undefined ? '' : r.met ? 'met' : 'MISSED'}${r.api.bad || r.base.bad ? ` (${r.api.bad} api / ${r.base.bad} bare failed)` : ''}`,
    ),
  ];
  if (verification) {
    const { full, incremental } = verification;
    out.push(
      '',
      `audit verify, full: ${f(full.seconds, 1)} s for ${full.body.verifiedThrough} entries, ok=${full.body.ok} (target 10 s at 10^6)`,
      `audit verify, incremental: ${f(incremental.seconds, 2)} s from seq ${incremental.body.fromSeq} through ${incremental.body.verifiedThrough}, ok=${incremental.body.ok}`,
    );
  }
  out.push(
    `peak resident memory: api ${f(peak.api)} MB, worker ${f(peak.worker)} MB (target 300 MB each)`,
    '',
  );
  process.stdout.write(out.join('\n'));
}

main().catch((error) => {
  process.stderr.write(`scale: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
