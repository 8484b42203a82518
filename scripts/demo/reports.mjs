// Demo reports over the HTTP API: all four types, every TLP, AMBER to several teams, RED to
// named users, some urgent, a few left in review. Patterns only: no personal data.
// Called by the demo seed as seedReports({baseUrl, users}).
import { apiClient, apiUrlOf, signIn } from '../lib/api-client.mjs';

const DAY = 86_400_000;
const isoDay = (offsetDays) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
const month = (offsetMonths) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + offsetMonths);
  return d.toISOString().slice(0, 7);
};

/** A demo user signed in: its client (`api`), id and memberships. */
async function signInUser(client, user) {
  const { api } = await signIn(client, user);
  const me = await api.call('GET', '/me');
  return { ...user, api, id: me.id, memberships: me.memberships };
}

/** Report templates; `c` is the authoring team's country, `o` another team's country. */
const TEMPLATES = [
  (c, o) => ({
    type: 'visa_fraud_trend',
    tlp: 'GREEN',
    title: `Substituted biodata pages on ${o} passports at departure control`,
    summary: 'Photo-substitution with re-laminated biodata pages, detected on exit flights.',
    body: {
      documentType: 'passport',
      issuingCountry: o,
      fraudType: 'forgery',
      personsDetected: 11,
      documentsDetected: 13,
      direction: 'exit',
      periodStart: isoDay(-60),
      periodEnd: isoDay(-30),
      holderNationalities: [o],
      detectionPoints: [{ type: 'airport', country: c }],
      route: { origin: c, transit: ['MYS'], destination: 'AUS' },
      compromisedFeatures: ['biodata page substitution', 'laminate re-sealed at the hinge'],
      trend: 'increasing',
      indicators: ['uneven laminate edge near the photo', 'UV response missing on the page'],
    },
  }),
  (c, o) => ({
    type: 'modus_operandi',
    tlp: 'AMBER',
    shareWith: 2,
    title: 'Recruitment for fishing-vessel crossings through online job offers',
    summary: 'Groups recruited with offers of plantation work embark at night from small harbours.',
    body: {
      crimeType: 'smuggling',
      transportModes: ['sea'],
      route: { origin: o, transit: [c], destination: 'MYS' },
      methods: ['online_recruitment', 'deceptive_job_offer', 'maritime_vessel'],
      description:
        'Advertisements on social media promise seasonal work. Travellers pay a deposit through informal value transfer, gather in guest houses near the coast and embark on fishing vessels at night in groups of 30 to 60.',
      indicators: [
        'groups with identical new luggage near harbours',
        'deposits paid through hawala agents',
      ],
      countermeasures: [
        'joint coastal patrols at known embarkation points',
        'awareness notices at recruitment hubs',
      ],
      firstObserved: isoDay(-200),
    },
  }),
  (c) => ({
    type: 'training_offer',
    tlp: 'CLEAR',
    title: 'Document examination: level 2 course for front-line officers',
    summary: 'Five days of hands-on examination of security features, with reference material.',
    body: {
      topic: 'document_examination',
      provider: 'AUS',
      deliveryMode: 'in_person',
      location: { city: 'Bangkok', country: 'THA' },
      startDate: isoDay(60),
      endDate: isoDay(64),
      applicationDeadline: isoDay(30),
      seats: 24,
      languages: ['en'],
      eligibility: 'Officers with at least two years at a border post.',
    },
  }),
  (c, o) => ({
    type: 'visa_fraud_trend',
    tlp: 'AMBER+STRICT',
    urgent: true,
    title: `Fraudulently obtained visit visas used for transit to third countries`,
    summary:
      'Genuine visas obtained with counterfeit employment letters, used on transit itineraries.',
    body: {
      documentType: 'visa',
      issuingCountry: c,
      fraudType: 'fraudulently_obtained',
      personsDetected: 27,
      documentsDetected: 27,
      direction: 'transit',
      periodStart: isoDay(-45),
      periodEnd: isoDay(-5),
      holderNationalities: [o, 'XXX'],
      detectionPoints: [{ type: 'consulate', country: c }],
      trend: 'new',
      indicators: ['employment letters from recently registered companies'],
    },
  }),
  (c, o) => ({
    type: 'modus_operandi',
    tlp: 'RED',
    recipients: 2,
    urgent: true,
    title: 'Escorted travel through a single transit hub with swapped boarding passes',
    summary:
      'Escorts accompany travellers to the gate and swap boarding passes for onward flights.',
    body: {
      crimeType: 'smuggling',
      transportModes: ['air'],
      route: { origin: o, transit: [c], destination: 'NZL' },
      methods: ['escorted_travel', 'transit_abuse'],
      description:
        'An escort checks in with the traveller, passes through transit and exchanges boarding passes airside so that the traveller boards a long-haul flight without an onward visa check.',
      countermeasures: ['boarding-pass reconciliation at the gate for the flagged routes'],
    },
  }),
  (c) => ({
    type: 'training_offer',
    tlp: 'GREEN',
    title: 'Victim identification interviews (online)',
    summary: 'Four online sessions on trauma-informed interviews and referral pathways.',
    body: {
      topic: 'victim_identification',
      provider: 'IOM',
      deliveryMode: 'online',
      startDate: isoDay(40),
      endDate: isoDay(61),
      applicationDeadline: isoDay(20),
      seats: 40,
      languages: ['en', 'fr'],
      eligibility: 'Officers and analysts of member agencies.',
    },
  }),
];

/** Creates and publishes the demo reports; returns how many it made in each state. */
export async function seedReports({ baseUrl, users }) {
  const client = apiClient(apiUrlOf(baseUrl));
  const authors = [];
  for (const u of users.filter((x) => x.role === 'lead' || x.role === 'officer'))
    authors.push(await signInUser(client, u));
  const reader = authors[0]?.api ?? client;
  const { items: teams } = await reader.call('GET', '/teams');
  const { items: capitals } = await reader.call('GET', '/capitals');
  const countryOf = (teamId) => {
    const team = teams.find((t) => t.id === teamId);
    return capitals.find((cap) => cap.id === team?.capitalId)?.countryCode ?? 'THA';
  };
  const teamIdOf = (u) => teams.find((t) => t.name === u.teamName)?.id ?? u.memberships[0]?.teamId;
  const leadOf = (teamId) => authors.find((a) => a.role === 'lead' && teamIdOf(a) === teamId);
  const counts = { published: 0, submitted: 0, draft: 0 };
  const active = teams.filter((t) => leadOf(t.id));

  for (const [i, team] of active.entries()) {
    const lead = leadOf(team.id);
    const officer = authors.find((a) => a.role === 'officer' && teamIdOf(a) === team.id) ?? lead;
    const others = active.filter((t) => t.id !== team.id);
    const other = others[i % Math.max(others.length, 1)] ?? team;
    const c = countryOf(team.id);
    const o = countryOf(other.id) === c ? 'LKA' : countryOf(other.id);
    for (let k = 0; k < 3; k++) {
      const t = TEMPLATES[(i + k * 2) % TEMPLATES.length](c, o);
      const { shareWith, recipients, ...payload } = t;
      if (shareWith)
        payload.distribution = {
          teamIds: others.slice(i % 3, (i % 3) + shareWith).map((x) => x.id),
        };
      if (recipients)
        payload.distribution = {
          userIds: others
            .slice(0, recipients)
            .map((x) => leadOf(x.id).id)
            .filter(Boolean),
        };
      const report = await officer.api.call('POST', '/reports', { ...payload, teamId: team.id });
      // Most reports are published; one in nine waits for review, one in nine stays a draft.
      const fate = (i * 3 + k) % 9;
      if (fate === 4) {
        counts.draft++;
        continue;
      }
      if (officer !== lead) await officer.api.call('POST', `/reports/${report.id}/submit`, {});
      if (fate === 7 && officer !== lead) {
        counts.submitted++;
        continue;
      }
      await lead.api.call('POST', `/reports/${report.id}/publish`, {});
      counts.published++;
    }
  }

  // One or two statistics examples (the statistics seed adds the long series).
  for (const team of active.slice(0, 2)) {
    const lead = leadOf(team.id);
    const report = await lead.api.call('POST', '/reports', {
      type: 'migration_statistics',
      teamId: team.id,
      tlp: 'GREEN',
      title: `Monthly figures ${countryOf(team.id)} ${month(-14)}`,
      summary: 'Refusals of entry and fraudulent documents detected at air borders.',
      body: {
        reportingCountry: countryOf(team.id),
        period: month(-14),
        observations: [
          { indicator: 'refusal_of_entry', nationality: 'LKA', borderType: 'air', count: 37 },
          { indicator: 'fraudulent_document', nationality: 'BGD', borderType: 'air', count: 9 },
          { indicator: 'facilitator_detected', nationality: 'XXX', borderType: 'sea', count: 2 },
        ],
      },
    });
    try {
      await lead.api.call('POST', `/reports/${report.id}/publish`, {});
      counts.published++;
    } catch {
      counts.draft++; // the statistics seed already holds this month
    }
  }
  return counts;
}
