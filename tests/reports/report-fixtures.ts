import type { TestApi } from '../support/harness';

/** Valid bodies of the four types: realistic, non-nominal. */
export const BODIES = {
  visa_fraud_trend: () => ({
    documentType: 'passport',
    issuingCountry: 'IND',
    fraudType: 'forgery',
    personsDetected: 14,
    documentsDetected: 17,
    direction: 'exit',
    periodStart: '2026-08-01',
    periodEnd: '2026-08-31',
    holderNationalities: ['LKA', 'XXA'],
    detectionPoints: [{ type: 'airport', code: 'BKK', country: 'THA' }],
    route: { origin: 'LKA', transit: ['THA', 'MYS'], destination: 'AUS' },
    compromisedFeatures: ['biodata page substitution'],
    trend: 'increasing',
    indicators: ['laminate edges lift near the photo'],
  }),
  modus_operandi: () => ({
    crimeType: 'smuggling',
    transportModes: ['sea', 'air'],
    route: { origin: 'BGD', transit: ['MMR'], destination: 'MYS' },
    methods: ['maritime_vessel', 'deceptive_job_offer'],
    description:
      'Fishing vessels embark groups at night after recruitment through online job offers.',
    indicators: ['groups travelling with identical new luggage'],
    countermeasures: ['joint patrols at known embarkation beaches'],
    firstObserved: '2025-11-01',
  }),
  migration_statistics: (period = '2026-09', country = 'THA') => ({
    reportingCountry: country,
    period,
    observations: [
      { indicator: 'refusal_of_entry', nationality: 'LKA', borderType: 'air', count: 42 },
      { indicator: 'fraudulent_document', nationality: 'XXA', borderType: 'air', count: 3 },
    ],
  }),
  training_offer: () => ({
    topic: 'document_examination',
    provider: 'AUS',
    deliveryMode: 'in_person',
    location: { city: 'Bangkok', country: 'THA' },
    startDate: '2027-03-02',
    endDate: '2027-03-06',
    applicationDeadline: '2027-02-01',
    seats: 20,
    languages: ['en', 'th'],
    eligibility: 'front-line officers with two years of experience',
  }),
};

export type ReportTypeName = keyof typeof BODIES;

export function envelope(
  teamId: string,
  type: ReportTypeName = 'visa_fraud_trend',
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type,
    teamId,
    title: `Forged Indian passports on exit flights ${Math.random().toString(36).slice(2, 6)}`,
    summary: 'Biodata pages substituted; detected at departure control.',
    tlp: 'GREEN',
    body: BODIES[type](),
    ...overrides,
  };
}

/** Creates a report as `author` and takes it to `status` (publishing with `lead`). */
export async function makeReport(
  api: TestApi,
  author: { token: string },
  lead: { token: string },
  payload: Record<string, unknown>,
  status: 'draft' | 'submitted' | 'published' | 'withdrawn' = 'published',
): Promise<{ id: string } & Record<string, any>> {
  const created = await api.post('/reports', payload, { token: author.token });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${created.text}`);
  const id: string = created.body.id;
  const step = async (path: string, token: string, json: unknown = {}): Promise<void> => {
    const res = await api.post(`/reports/${id}/${path}`, json, { token });
    if (res.status !== 200) throw new Error(`${path} failed: ${res.status} ${res.text}`);
  };
  if (status === 'submitted') await step('submit', author.token);
  if (status === 'published' || status === 'withdrawn') await step('publish', lead.token);
  if (status === 'withdrawn') await step('withdraw', lead.token, { reason: 'superseded' });
  return { ...created.body, id };
}
