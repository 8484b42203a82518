// Run by scripts/sqlmap.sh (which finds PostgreSQL and Redis and builds dist/): a throwaway
// database with a few teams, users, reports, figures, notifications and audit events; the
// built API and worker on loopback (NODE_ENV=production); then sqlmap against each list,
// search and filter endpoint with a signed-in user's Bearer token, every query parameter
// given a valid value (so the baseline answer is a 200), one time limit per endpoint. Prints
// what sqlmap concluded per endpoint and parameter, and keeps the logs in .data/sqlmap/.
import argon2 from 'argon2';
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { ROOT, startApi, startWorker, throwawayEnvironment } from '../bench/lib/throwaway.mjs';
import { apiClient, apiUrlOf, signIn } from '../lib/api-client.mjs';
import { reportPayload } from '../lib/report-payload.mjs';

const LEVEL = process.env.SQLMAP_LEVEL ?? '2';
const RISK = process.env.SQLMAP_RISK ?? '1';
const TIME_SEC = process.env.SQLMAP_TIME_SEC ?? '2';
const LIMIT_SECONDS = Number(process.env.SQLMAP_TIMEOUT_SECONDS ?? 900);
const OUT = join(ROOT, '.data', 'sqlmap');
const PASSWORD = 'sqlmap-throwaway-password';
const log = (line) => process.stderr.write(`sqlmap: ${line}\n`);

function sqlmapVersion() {
  const run = spawnSync('sqlmap', ['--version'], { encoding: 'utf8' });
  return (run.stdout || run.stderr).split('\n')[0].trim();
}

/** Teams, users and memberships straight in SQL (as the benchmarks do); the rest over HTTP. */
async function seedPeople(ownerUrl) {
  const db = new pg.Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    const hash = await argon2.hash(PASSWORD);
    const capital = randomUUID();
    await db.query(
      `INSERT INTO capitals (id, name, country_code, timezone) VALUES ($1, 'Bangkok', 'THA', 'Asia/Bangkok')`,
      [capital],
    );
    const teams = { A: randomUUID(), B: randomUUID() };
    for (const [name, id] of Object.entries(teams))
      await db.query('INSERT INTO teams (id, name, capital_id) VALUES ($1, $2, $3)', [
        id,
        `Team ${name}`,
        capital,
      ]);
    const users = {};
    const add = async (key, displayName, globalRole, team, role) => {
      const id = randomUUID();
      const email = `${key}@sqlmap.test`;
      await db.query(
        `INSERT INTO users (id, email, display_name, member_code, global_role, status, password_hash)
         VALUES ($1, $2, $3, 'THA', $4, 'active', $5)`,
        [id, email, displayName, globalRole, hash],
      );
      if (team)
        await db.query(
          'INSERT INTO team_memberships (team_id, user_id, role) VALUES ($1, $2, $3)',
          [team, id, role],
        );
      users[key] = { id, email };
    };
    await add('lead', 'Somchai Lead', null, teams.A, 'lead');
    await add('officer', 'Somchai Officer', null, teams.A, 'officer');
    await add('other', 'Nimal Officer', null, teams.B, 'officer');
    await add('auditor', 'Aroha Auditor', 'auditor', null, null);
    await add('admin', 'Alex Admin', 'admin', null, null);
    return { teams, users };
  } finally {
    await db.end();
  }
}

const visaTrend = (teamId, title, tlp = 'GREEN') => reportPayload(teamId, { title, tlp });

/** Reports, a figure and (through the worker) notifications, so every list has rows. */
async function seedContent(people, clients) {
  const { teams } = people;
  const publish = async (payload) => {
    const created = await clients.lead.call('POST', '/reports', payload, { what: 'create' });
    await clients.lead.call('POST', `/reports/${created.id}/publish`, undefined, {
      what: 'publish',
    });
    return created.id;
  };
  for (const title of [
    'Forged passports on exit flights',
    'Substituted passport biodata pages',
    'Counterfeit visas at the land border',
  ])
    await publish(visaTrend(teams.A, title));
  await publish(visaTrend(teams.A, 'Team A only: passport laminate lifting', 'AMBER'));
  await publish({
    type: 'migration_statistics',
    teamId: teams.A,
    title: 'Monthly figures',
    summary: 'Refusals of entry and fraudulent documents at the airports.',
    tlp: 'GREEN',
    body: {
      reportingCountry: 'THA',
      period: '2026-03',
      observations: [
        { indicator: 'refusal_of_entry', nationality: 'LKA', borderType: 'air', count: 42 },
        { indicator: 'refusal_of_entry', nationality: 'MMR', borderType: 'land', count: 7 },
      ],
    },
  });
  await clients.officer.call('POST', '/reports', visaTrend(teams.A, 'A draft about passports'), {
    what: 'draft',
  });
}

async function waitForNotifications(api) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await api.send('GET', '/notifications?limit=50');
    if (res.status === 200 && res.body.items.length >= 4) return;
    if (Date.now() > deadline) throw new Error('the worker made no notifications in 60 s');
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The next-page cursor of a first page of one row, so `cursor` is tested with a real one. */
async function cursorOf(api, path) {
  const sep = path.includes('?') ? '&' : '?';
  const page = await api.call('GET', `${path}${sep}limit=1`, undefined, {
    what: `cursor of ${path}`,
  });
  return page.nextCursor ?? undefined;
}

/** What sqlmap said, read from its console output. */
function conclusions(output) {
  const lines = output.split('\n');
  const find = (re) => [
    ...new Set(lines.map((l) => re.exec(l)?.[1]).filter((v) => v !== undefined)),
  ];
  return {
    injectable: find(/(?:GET|URI|Cookie|Header) parameter '([^']+)' is '.*' injectable/).concat(
      find(/Parameter: ([^\s]+) \((?:GET|URI|Cookie)\)/),
    ),
    // Query parameters ("GET parameter 'q'"), and from level 3 on the headers sqlmap
    // tries itself ("parameter 'User-Agent'").
    notInjectable: find(/parameter '([^']+)' does not seem to be injectable/),
    heuristicHints: find(
      /heuristic \(basic\) test shows that (?:GET|URI) parameter '([^']+)' might be injectable/,
    ),
    reflectsXss: find(
      /heuristic \(XSS\) test shows that (?:GET|URI) parameter '([^']+)' might be vulnerable/,
    ),
    allClear: lines.some((l) => l.includes('all tested parameters do not appear to be injectable')),
    // sqlmap lists them on the lines after this one ("400 (Bad Request) - 9 times").
    httpErrorCodes: (() => {
      const at = lines.findIndex((l) => l.includes('HTTP error codes detected during run'));
      if (at < 0) return '';
      const codes = [];
      for (let i = at + 1; i < lines.length && /^\d{3} /.test(lines[i]); i++)
        codes.push(lines[i].trim());
      return codes.join('; ');
    })(),
  };
}

/** One sqlmap run, bounded by `timeout`; resolves with its exit code and output. */
function sqlmap(name, url, token) {
  const args = [
    '-u',
    url,
    `--headers=Authorization: Bearer ${token}\nAccept: application/json`,
    '--batch',
    `--level=${LEVEL}`,
    `--risk=${RISK}`,
    `--time-sec=${TIME_SEC}`,
    '--dbms=PostgreSQL',
    '--flush-session',
    // Its WAF probe is refused by the API's own validation (a 400), which it takes for a WAF.
    '--skip-waf',
    '--disable-coloring',
    `--output-dir=${join(OUT, 'sessions')}`,
    '--timeout=15',
    '--retries=1',
  ];
  const file = createWriteStream(join(OUT, `${name}.log`));
  file.write(
    `$ sqlmap ${args.map((a) => (a.includes('Bearer') ? '--headers=Authorization: Bearer <token>' : a)).join(' ')}\n`,
  );
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('timeout', ['-k', '10', String(LIMIT_SECONDS), 'sqlmap', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (d) => {
      output += d;
      file.write(d);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('exit', (code) => {
      file.end();
      resolve({ code, output, seconds: Math.round((Date.now() - started) / 1000) });
    });
  });
}

const env = await throwawayEnvironment('sqlmap');
const running = [];
const results = [];
try {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  const people = await seedPeople(env.ownerUrl);
  const tuning = {
    // sqlmap sends thousands of requests a minute as one user: the rate limit would answer
    // them 429 and hide what the query code does with the input.
    RATE_LIMIT_PER_MINUTE: '0',
    ACCESS_TTL_SECONDS: '3600',
    LOG_LEVEL: 'warn',
  };
  const api = await startApi(env, tuning);
  running.push(api);
  running.push(await startWorker(env, tuning));
  const base = api.baseUrl;
  const client = apiClient(apiUrlOf(base));
  /** A signed-in client of one of the people (its `token` goes to sqlmap). */
  const signInAs = async (key) =>
    (
      await signIn(
        client,
        { email: people.users[key].email, password: PASSWORD },
        `sign-in of ${key}`,
      )
    ).api;
  const clients = {};
  for (const key of ['lead', 'officer', 'other', 'auditor', 'admin'])
    clients[key] = await signInAs(key);
  await seedContent(people, clients);
  await waitForNotifications(clients.other);

  const reportFilters = `type=visa_fraud_trend&status=published&teamId=${people.teams.A}&country=THA&tlp=GREEN&urgent=false&q=passport&from=2026-01-01&to=2030-12-31`;
  const auditFilters = `actorId=${people.users.lead.id}&action=report.publish&targetType=report&outcome=success&from=2026-01-01&to=2030-12-31`;
  const targets = [
    {
      name: 'reports',
      user: 'officer',
      path: `/reports?${reportFilters}&limit=20`,
      cursor: `/reports?${reportFilters}`,
    },
    {
      name: 'reports-search',
      user: 'other',
      path: '/reports?q=passport&limit=20',
      cursor: '/reports?q=passport',
    },
    {
      name: 'audit-events',
      user: 'auditor',
      path: `/audit-events?${auditFilters}&targetId=${people.teams.A}&limit=20`,
      cursor: `/audit-events?${auditFilters}`,
    },
    {
      name: 'statistics-series',
      user: 'officer',
      path: '/statistics/series?indicator=refusal_of_entry&groupBy=month&reportingCountry=THA&nationality=LKA&borderType=air&from=2026-01&to=2026-12',
    },
    { name: 'people-search', user: 'officer', path: '/people?q=somchai' },
    {
      name: 'people-ids',
      user: 'officer',
      path: `/people?ids=${people.users.lead.id},${people.users.other.id}`,
    },
    {
      name: 'notifications',
      user: 'other',
      path: '/notifications?unread=true&limit=20',
      cursor: '/notifications?unread=true',
    },
    { name: 'users', user: 'admin', path: '/users?limit=20', cursor: '/users' },
  ];
  const only = process.env.SQLMAP_ONLY?.split(',');
  if (only) targets.splice(0, targets.length, ...targets.filter((t) => only.includes(t.name)));
  log(
    `${sqlmapVersion()}; level ${LEVEL}, risk ${RISK}, time-sec ${TIME_SEC}, ${LIMIT_SECONDS} s per endpoint`,
  );
  for (const target of targets) {
    // A fresh token per run (audited sign-in), so no run outlives its token.
    const user = await signInAs(target.user);
    let path = target.path;
    if (target.cursor) {
      const cursor = await cursorOf(user, target.cursor);
      if (cursor) path += `&cursor=${encodeURIComponent(cursor)}`;
    }
    const check = await user.send('GET', path);
    if (check.status !== 200)
      throw new Error(`baseline of ${target.name}: ${check.status} ${check.text}`);
    const url = `${base}/api/v1${path}`;
    const parameters = [...new URL(url).searchParams.keys()];
    log(`${target.name}: GET ${path.split('?')[0]} (${parameters.join(', ')})`);
    const run = await sqlmap(target.name, url, user.token);
    const found = conclusions(run.output);
    results.push({
      endpoint: `GET /api/v1${path.split('?')[0]}`,
      name: target.name,
      as: target.user,
      parameters,
      seconds: run.seconds,
      timedOut: run.code === 124 || run.code === 137,
      exitCode: run.code,
      ...found,
    });
    log(
      `${target.name}: ${found.injectable.length ? `INJECTABLE: ${found.injectable.join(', ')}` : found.allClear ? 'no parameter appears injectable' : `not conclusive (exit ${run.code})`} in ${run.seconds} s; HTTP errors: ${found.httpErrorCodes || 'none'}`,
    );
  }
  const summary = {
    sqlmap: sqlmapVersion(),
    options: {
      level: LEVEL,
      risk: RISK,
      timeSec: TIME_SEC,
      limitSeconds: LIMIT_SECONDS,
      dbms: 'PostgreSQL',
    },
    results,
  };
  await writeFile(join(OUT, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(
    `\nsqlmap ${summary.sqlmap}: level ${LEVEL}, risk ${RISK}, time-sec ${TIME_SEC}\n`,
  );
  for (const r of results)
    process.stdout.write(
      `  ${r.endpoint.padEnd(34)} ${r.as.padEnd(8)} ${String(r.parameters.length).padStart(2)} params  ` +
        `${r.injectable.length ? `INJECTABLE ${r.injectable.join(',')}` : r.allClear ? 'none injectable' : r.timedOut ? 'TIMED OUT' : 'INCONCLUSIVE'}` +
        `  ${r.seconds} s${r.httpErrorCodes ? `  (${r.httpErrorCodes})` : ''}\n`,
    );
  process.stdout.write(`details: ${join(OUT, 'summary.json')} and ${OUT}/<endpoint>.log\n`);
  const bad = results.filter((r) => r.injectable.length > 0 || !r.allClear);
  process.exitCode = bad.length > 0 ? 1 : 0;
} finally {
  for (const p of running.reverse()) await p.stop().catch(() => undefined);
  await env.dispose();
}
