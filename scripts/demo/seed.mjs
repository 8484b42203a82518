// Loads the demo data over the HTTP API (never behind its back), idempotently: a second run
// finds what exists and creates only what is missing.
//   RILON_DEMO_API=http://127.0.0.1:3000 RILON_ADMIN_EMAIL=… RILON_ADMIN_PASSWORD=… \
//   RILON_DEMO_PASSWORD=… node scripts/demo/seed.mjs
// Then, when present, scripts/demo/reports.mjs (seedReports) and scripts/demo/statistics.mjs
// (seedStatistics) are called with {baseUrl, apiUrl, users}.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ApiProblem, apiClient, apiUrlOf, signIn } from '../lib/api-client.mjs';

export const DEMO_DOMAIN = 'rilon.example.org';
export const DEMO_PASSWORD_DEFAULT = 'Rilon-demo-2026';

/** The twelve capital teams (docs/domain.md, "Reference data"), with ISO 3166-1 alpha-3 codes and IANA zones. */
export const CAPITALS = [
  { name: 'Kabul', countryCode: 'AFG', timezone: 'Asia/Kabul', slug: 'kabul' },
  { name: 'Canberra', countryCode: 'AUS', timezone: 'Australia/Sydney', slug: 'canberra' },
  { name: 'Dhaka', countryCode: 'BGD', timezone: 'Asia/Dhaka', slug: 'dhaka' },
  { name: 'New Delhi', countryCode: 'IND', timezone: 'Asia/Kolkata', slug: 'new-delhi' },
  { name: 'Jakarta', countryCode: 'IDN', timezone: 'Asia/Jakarta', slug: 'jakarta' },
  { name: 'Kuala Lumpur', countryCode: 'MYS', timezone: 'Asia/Kuala_Lumpur', slug: 'kuala-lumpur' },
  { name: 'Malé', countryCode: 'MDV', timezone: 'Indian/Maldives', slug: 'male' },
  { name: 'Yangon', countryCode: 'MMR', timezone: 'Asia/Yangon', slug: 'yangon' },
  { name: 'Wellington', countryCode: 'NZL', timezone: 'Pacific/Auckland', slug: 'wellington' },
  { name: 'Islamabad', countryCode: 'PAK', timezone: 'Asia/Karachi', slug: 'islamabad' },
  { name: 'Colombo', countryCode: 'LKA', timezone: 'Asia/Colombo', slug: 'colombo' },
  { name: 'Bangkok', countryCode: 'THA', timezone: 'Asia/Bangkok', slug: 'bangkok' },
];

export const teamNameOf = (capital) => `RILON ${capital.name}`;

/** Every demo account: {email, displayName, memberCode, globalRole?, teamName, role}. */
export function demoAccounts(adminEmail) {
  const accounts = [
    {
      email: adminEmail,
      displayName: 'Demo Administrator',
      memberCode: 'AUS',
      role: 'admin',
      teamName: null,
    },
    {
      email: `auditor@${DEMO_DOMAIN}`,
      displayName: 'Demo Auditor',
      memberCode: 'IOM',
      globalRole: 'auditor',
      role: 'auditor',
      teamName: null,
    },
  ];
  for (const capital of CAPITALS) {
    const teamName = teamNameOf(capital);
    const people = [
      ['lead', `lead.${capital.slug}`, `${capital.name} Lead`],
      ['officer', `officer1.${capital.slug}`, `${capital.name} Officer One`],
      ['officer', `officer2.${capital.slug}`, `${capital.name} Officer Two`],
    ];
    for (const [role, local, displayName] of people) {
      accounts.push({
        email: `${local}@${DEMO_DOMAIN}`,
        displayName,
        memberCode: capital.countryCode,
        role,
        teamName,
      });
    }
  }
  return accounts;
}

/** Runs fn over items, `width` at a time (the API hashes passwords: keep the 2 cores busy, not flooded). */
async function pool(items, width, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await fn(item);
    }
  });
  await Promise.all(workers);
}

/** The administrator's client. */
async function signInAdmin(api, email, password) {
  try {
    return (await signIn(api, { email, password })).api;
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    throw new Error(
      `the administrator ${email} cannot sign in (HTTP ${error.status}). Was the database created with other ` +
        'credentials? Set RILON_ADMIN_EMAIL/RILON_ADMIN_PASSWORD to those, or start from a fresh database.',
      { cause: error },
    );
  }
}

async function ensureCapitalsAndTeams(api, log) {
  const capitals = (await api.call('GET', '/capitals')).items;
  const teams = (await api.call('GET', '/teams')).items;
  const teamIds = new Map();
  let created = 0;
  for (const capital of CAPITALS) {
    let found = capitals.find(
      (c) => c.name === capital.name && c.countryCode === capital.countryCode,
    );
    if (!found) {
      const { name, countryCode, timezone } = capital;
      found = await api.call('POST', '/capitals', { name, countryCode, timezone });
      created += 1;
    }
    const teamName = teamNameOf(capital);
    let team = teams.find((t) => t.name === teamName);
    if (!team) {
      team = await api.call('POST', '/teams', {
        name: teamName,
        capitalId: found.id,
        description: `The RILON liaison team posted in ${capital.name}.`,
      });
      created += 1;
    }
    teamIds.set(teamName, team.id);
  }
  log(`capitals and teams: ${CAPITALS.length} teams ready (${created} records created)`);
  return teamIds;
}

async function ensureUsers(api, accounts, password, log) {
  const byEmail = new Map((await api.listAll('/users')).map((u) => [u.email.toLowerCase(), u]));
  const missing = accounts.filter((a) => a.role !== 'admin' && !byEmail.has(a.email.toLowerCase()));
  await pool(missing, 3, async (account) => {
    const { email, displayName, memberCode, globalRole } = account;
    const res = await api.send('POST', '/users', {
      email,
      displayName,
      memberCode,
      password,
      ...(globalRole ? { globalRole } : {}),
    });
    // 409: it exists already; the list below finds it.
    if (res.status === 201) byEmail.set(email.toLowerCase(), res.body);
    else if (res.status !== 409) throw new ApiProblem('POST /users', res);
  });
  if (missing.some((a) => !byEmail.has(a.email.toLowerCase()))) {
    for (const u of await api.listAll('/users')) byEmail.set(u.email.toLowerCase(), u);
  }
  log(`users: ${accounts.length} accounts ready (${missing.length} created)`);
  return byEmail;
}

async function ensureMemberships(api, accounts, teamIds, byEmail, log) {
  let changed = 0;
  for (const [teamName, teamId] of teamIds) {
    const current = new Map(
      (await api.call('GET', `/teams/${teamId}/members`)).items.map((m) => [m.userId, m.role]),
    );
    for (const account of accounts.filter((a) => a.teamName === teamName)) {
      const user = byEmail.get(account.email.toLowerCase());
      if (!user) throw new Error(`user ${account.email} was not found after creation`);
      if (current.get(user.id) === account.role) continue;
      await api.call('PUT', `/teams/${teamId}/members/${user.id}`, { role: account.role });
      changed += 1;
    }
  }
  log(`memberships: ${changed} set`);
}

/** Calls an optional seeder module of scripts/demo, if its file exists. */
async function runOptional(file, exportName, args, log) {
  const path = join(dirname(fileURLToPath(import.meta.url)), file);
  if (!existsSync(path)) {
    log(`${file} is not there: skipping that part of the demo data`);
    return false;
  }
  try {
    const mod = await import(pathToFileURL(path).href);
    if (typeof mod[exportName] !== 'function') {
      log(`${file} does not export ${exportName}(): skipping`);
      return false;
    }
    await mod[exportName](args);
    log(`${file}: ${exportName} done`);
    return true;
  } catch (error) {
    // The portal runs and the accounts exist: report loudly, but keep the demo up.
    log(`WARNING: ${file} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return false;
  }
}

/**
 * Which optional seeders already ran against this database: a file keyed by the
 * administrator's id, which a fresh database changes. A second `npm run demo` then adds no
 * second set of reports, whatever the seeders themselves check.
 */
function seededMarker(path, databaseKey) {
  const read = () => {
    if (!path || !existsSync(path)) return {};
    try {
      return JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      return {};
    }
  };
  return {
    has: (name) => (read()[databaseKey] ?? []).includes(name),
    add(name) {
      if (!path) return;
      const all = read();
      all[databaseKey] = [...new Set([...(all[databaseKey] ?? []), name])];
      writeFileSync(path, JSON.stringify(all, null, 2));
    },
  };
}

export async function seedDemo({
  baseUrl,
  adminEmail,
  adminPassword,
  password,
  markerPath,
  log = () => {},
}) {
  const apiUrl = apiUrlOf(baseUrl);
  const api = await signInAdmin(apiClient(apiUrl), adminEmail, adminPassword);
  const accounts = demoAccounts(adminEmail);
  const teamIds = await ensureCapitalsAndTeams(api, log);
  const byEmail = await ensureUsers(api, accounts, password, log);
  await ensureMemberships(api, accounts, teamIds, byEmail, log);
  const users = accounts.map((a) => ({
    email: a.email,
    password: a.role === 'admin' ? adminPassword : password,
    teamName: a.teamName,
    role: a.role,
  }));
  const args = { baseUrl, apiUrl, users };
  const me = await api.call('GET', '/me');
  const marker = seededMarker(markerPath, me.id);
  for (const [file, exportName] of [
    // Statistics first: the 120 monthly reports would otherwise bury the other demo
    // reports at the top of a new user's list.
    ['statistics.mjs', 'seedStatistics'],
    ['reports.mjs', 'seedReports'],
    ['statistics.mjs', 'seedTrainingEnrolments'],
  ]) {
    const step = `${file}#${exportName}`;
    if (marker.has(step)) {
      log(`${step}: already loaded into this database`);
    } else if (await runOptional(file, exportName, args, log)) {
      marker.add(step);
    }
  }
  return { accounts, users };
}

function printAccounts(accounts, adminPassword, password) {
  const out = [];
  const admin = accounts.find((a) => a.role === 'admin');
  out.push('Sign in at the portal (or with POST /api/v1/auth/login {email, password}):');
  out.push(`  administrator  ${admin.email}  (password: ${adminPassword})`);
  out.push(`  auditor        auditor@${DEMO_DOMAIN}`);
  out.push(`  every other demo account has the password: ${password}`);
  out.push('');
  out.push(`  ${'team'.padEnd(20)} ${'lead'.padEnd(36)} officers`);
  for (const capital of CAPITALS) {
    const teamName = teamNameOf(capital);
    const members = accounts.filter((a) => a.teamName === teamName);
    const lead = members.find((a) => a.role === 'lead');
    const officers = members.filter((a) => a.role === 'officer').map((a) => a.email);
    out.push(`  ${teamName.padEnd(20)} ${lead.email.padEnd(36)} ${officers.join(', ')}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

async function main() {
  const baseUrl = process.env.RILON_DEMO_API || 'http://127.0.0.1:3000';
  const adminEmail = process.env.RILON_ADMIN_EMAIL;
  const adminPassword = process.env.RILON_ADMIN_PASSWORD;
  const password = process.env.RILON_DEMO_PASSWORD || DEMO_PASSWORD_DEFAULT;
  if (!adminEmail || !adminPassword)
    throw new Error('RILON_ADMIN_EMAIL and RILON_ADMIN_PASSWORD are needed');
  if (password.length < 12) throw new Error('RILON_DEMO_PASSWORD needs at least 12 characters');
  const log = (line) => process.stderr.write(`rilon: demo data: ${line}\n`);
  const markerPath = process.env.RILON_DEMO_MARKER;
  const { accounts } = await seedDemo({
    baseUrl,
    adminEmail,
    adminPassword,
    password,
    markerPath,
    log,
  });
  printAccounts(accounts, adminPassword, password);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    process.stderr.write(
      `rilon: demo data failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
