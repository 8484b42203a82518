// Demo statistics and enrolments, over the HTTP API only. Called by seed.mjs as
// seedStatistics({baseUrl, apiUrl?, users}) with users [{email, password, teamName, role}].
// Idempotent: published months are found by title and skipped; enrolments asked twice are 409s.
import { ApiProblem, apiClient, apiUrlOf, signIn } from '../lib/api-client.mjs';

/** Reporting teams: their capital's country, and what their borders see. */
const PROFILES = [
  {
    team: 'Bangkok',
    country: 'THA',
    scale: 1.0,
    nationalities: ['MMR', 'KHM', 'LAO', 'CHN', 'VNM'],
    borders: ['land', 'air', 'inland'],
  },
  {
    team: 'Kuala Lumpur',
    country: 'MYS',
    scale: 0.8,
    nationalities: ['IDN', 'MMR', 'BGD', 'PHL', 'XXB'],
    borders: ['sea', 'land', 'air'],
  },
  {
    team: 'Jakarta',
    country: 'IDN',
    scale: 0.5,
    nationalities: ['AFG', 'MMR', 'LKA', 'IRN', 'XXA'],
    borders: ['sea', 'air'],
  },
  {
    team: 'Colombo',
    country: 'LKA',
    scale: 0.3,
    nationalities: ['IND', 'CHN', 'MDV', 'XXX'],
    borders: ['sea', 'air'],
  },
  {
    team: 'New Delhi',
    country: 'IND',
    scale: 1.2,
    nationalities: ['BGD', 'NPL', 'AFG', 'MMR'],
    borders: ['land', 'air'],
  },
];

/** Monthly base volume per indicator (before scale, season and noise). */
const INDICATORS = {
  irregular_border_crossing: 260,
  facilitator_detected: 14,
  refusal_of_entry: 120,
  illegal_stay: 90,
  fraudulent_document: 35,
  asylum_application: 40,
  trafficking_victim_identified: 6,
  return_decision: 70,
  effective_return: 45,
};

const MONTHS = 24;

/** A small deterministic PRNG, so that a re-run would publish the same figures. */
function random(seedText) {
  let h = 2166136261;
  for (const ch of seedText) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507) ^ Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h >>> 0) % 100000) / 100000;
  };
}

/** The 24 full months before the current one, oldest first, as YYYY-MM. */
function lastMonths(count) {
  const now = new Date();
  const out = [];
  for (let back = count; back >= 1; back--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}

function observations(profile, period) {
  const rand = random(`${profile.country}:${period}`);
  const month = Number(period.slice(5, 7));
  // Dry-season peak early in the year, monsoon trough mid-year.
  const season = 1 + 0.35 * Math.cos(((month - 2) / 12) * 2 * Math.PI);
  const rows = [];
  for (const [indicator, base] of Object.entries(INDICATORS)) {
    profile.nationalities.forEach((nationality, rank) => {
      const share = 1 / (rank + 1.5);
      for (const borderType of profile.borders) {
        if (rand() < 0.25) continue;
        const count = Math.round(base * profile.scale * season * share * (0.6 + rand() * 0.8));
        rows.push({ indicator, nationality, borderType, count });
      }
    });
  }
  return rows;
}

/** A demo user signed in: its client (`api`) and its /me. */
async function signInUser(client, user) {
  const { api } = await signIn(client, user);
  return { ...user, api, me: await api.call('GET', '/me') };
}

async function seedFigures(lead, profile, amberTeamId) {
  const teamId = lead.me.memberships.find((m) => m.role === 'lead').teamId;
  const existing = await lead.api.listAll(`/reports?type=migration_statistics&teamId=${teamId}`);
  // Titles end with "<country> <period>" (also the reports seed's examples): a month found is
  // skipped, so a re-run publishes nothing twice.
  const held = (country, period) => existing.some((r) => r.title.endsWith(`${country} ${period}`));
  const months = lastMonths(MONTHS);
  let published = 0;
  for (const period of months) {
    const title = `Monthly migration statistics ${profile.country} ${period}`;
    if (held(profile.country, period)) continue;
    // One AMBER month: Kuala Lumpur's latest, shared with Bangkok only.
    const amber = profile.country === 'MYS' && period === months[months.length - 1];
    const report = await lead.api.call('POST', '/reports', {
      type: 'migration_statistics',
      teamId,
      title,
      summary: `Border and in-country figures reported by ${profile.team} for ${period}.`,
      tlp: amber ? 'AMBER' : period < months[6] ? 'CLEAR' : 'GREEN',
      distribution: amber ? { teamIds: amberTeamId ? [amberTeamId] : [] } : undefined,
      sourceReliability: 'A',
      informationCredibility: '1',
      body: {
        reportingCountry: profile.country,
        period,
        observations: observations(profile, period),
      },
    });
    const res = await lead.api.send('POST', `/reports/${report.id}/publish`);
    if (res.status === 409) continue; // someone published this month meanwhile
    if (res.status !== 200) throw new ApiProblem(`publishing ${title}`, res);
    published += 1;
  }
  return published;
}

async function seedEnrolments(signedIn) {
  const officers = signedIn.filter((u) => u.role === 'officer');
  if (officers.length === 0) return 0;
  const offers = await officers[0].api.listAll('/reports?type=training_offer');
  let asked = 0;
  for (const offer of offers.slice(0, 3)) {
    const applicants = officers.filter(
      (o) => !o.me.memberships.some((m) => m.teamId === offer.teamId),
    );
    for (const officer of applicants.slice(0, 3)) {
      const res = await officer.api.send('POST', `/reports/${offer.id}/enrolments`, {
        seats: 1 + (asked % 2),
        note: 'Requested for front-line document examiners of our team',
      });
      if (res.status === 201) asked += 1;
    }
    const lead = signedIn.find(
      (u) => u.role === 'lead' && u.me.memberships.some((m) => m.teamId === offer.teamId),
    );
    if (!lead) continue;
    const page = await lead.api.send('GET', `/reports/${offer.id}/enrolments`);
    const items = page.body?.items ?? [];
    const pending = items.filter((e) => e.status === 'pending');
    // One accepted request per offer, so that a second run decides nothing more.
    if (pending[0] && !items.some((e) => e.status === 'accepted'))
      await lead.api.send('POST', `/enrolments/${pending[0].id}/decision`, {
        decision: 'accepted',
      });
  }
  return asked;
}

/** Publishes 24 months of figures for five reporting teams and asks for a few training seats. */
export async function seedStatistics({ baseUrl, apiUrl, users, log = () => {} }) {
  const client = apiClient(apiUrl ?? apiUrlOf(baseUrl));
  const wanted = users.filter((u) => u.role === 'lead' || u.role === 'officer');
  const signedIn = [];
  for (const user of wanted) signedIn.push(await signInUser(client, user));
  const leadOf = (team) =>
    signedIn.find((u) => u.role === 'lead' && u.teamName && u.teamName.endsWith(team));
  const bangkok = leadOf('Bangkok')?.me.memberships.find((m) => m.role === 'lead')?.teamId;
  let published = 0;
  for (const profile of PROFILES) {
    const lead = leadOf(profile.team);
    if (!lead) continue;
    published += await seedFigures(lead, profile, bangkok);
  }
  log(`statistics: ${published} monthly reports published`);
}

/** Enrolments on the demo training offers (run after the reports that hold the offers). */
export async function seedTrainingEnrolments({ baseUrl, apiUrl, users, log = () => {} }) {
  const client = apiClient(apiUrl ?? apiUrlOf(baseUrl));
  const signedIn = [];
  for (const user of users.filter((u) => u.role === 'lead' || u.role === 'officer'))
    signedIn.push(await signInUser(client, user));
  const asked = await seedEnrolments(signedIn);
  log(`enrolments: ${asked} requested`);
}
