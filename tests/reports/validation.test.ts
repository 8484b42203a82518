import { createCast, Factory, type Cast } from '../support/factories';
import { startApi, TestApi } from '../support/harness';
import { BODIES, envelope, type ReportTypeName } from './report-fixtures';

jest.setTimeout(60000);

const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
const futureMonth = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 7);

type Case = [string, ReportTypeName, (b: any) => void, string];

/** Each body rule broken once: [what, type, how, the field the 400 must name]. */
const BODY_CASES: Case[] = [
  ['unknown field in body', 'visa_fraud_trend', (b) => (b.personName = 'x'), 'body.personName'],
  [
    'unknown documentType',
    'visa_fraud_trend',
    (b) => (b.documentType = 'driving_licence'),
    'body.documentType',
  ],
  [
    'issuingCountry not ISO alpha-3',
    'visa_fraud_trend',
    (b) => (b.issuingCountry = 'ZZZ'),
    'body.issuingCountry',
  ],
  [
    'issuingCountry alpha-2',
    'visa_fraud_trend',
    (b) => (b.issuingCountry = 'IN'),
    'body.issuingCountry',
  ],
  [
    'negative personsDetected',
    'visa_fraud_trend',
    (b) => (b.personsDetected = -1),
    'body.personsDetected',
  ],
  [
    'fractional documentsDetected',
    'visa_fraud_trend',
    (b) => (b.documentsDetected = 1.5),
    'body.documentsDetected',
  ],
  [
    'periodEnd before periodStart',
    'visa_fraud_trend',
    (b) => (b.periodEnd = '2026-07-31'),
    'body.periodEnd',
  ],
  ['periodEnd in the future', 'visa_fraud_trend', (b) => (b.periodEnd = future), 'body.periodEnd'],
  [
    'impossible date',
    'visa_fraud_trend',
    (b) => (b.periodStart = '2026-02-30'),
    'body.periodStart',
  ],
  [
    'bad nationality',
    'visa_fraud_trend',
    (b) => (b.holderNationalities = ['XXZ']),
    'body.holderNationalities',
  ],
  [
    'airport code not IATA',
    'visa_fraud_trend',
    (b) => (b.detectionPoints = [{ type: 'airport', code: 'VTBS', country: 'THA' }]),
    'body.detectionPoints.0.code',
  ],
  [
    'detection point country',
    'visa_fraud_trend',
    (b) => (b.detectionPoints = [{ type: 'seaport', country: 'XX' }]),
    'body.detectionPoints.0.country',
  ],
  [
    'unknown field in detection point',
    'visa_fraud_trend',
    (b) => (b.detectionPoints = [{ type: 'inland', country: 'THA', gps: 1 }]),
    'body.detectionPoints.0.gps',
  ],
  [
    'route transit code',
    'visa_fraud_trend',
    (b) => (b.route.transit = ['THA', 'Malaysia']),
    'body.route.transit',
  ],
  [
    'route without destination',
    'visa_fraud_trend',
    (b) => delete b.route.destination,
    'body.route.destination',
  ],
  [
    'too many compromised features',
    'visa_fraud_trend',
    (b) => (b.compromisedFeatures = Array(31).fill('x')),
    'body.compromisedFeatures',
  ],
  [
    'overlong indicator',
    'visa_fraud_trend',
    (b) => (b.indicators = ['x'.repeat(1001)]),
    'body.indicators',
  ],
  ['unknown trend', 'visa_fraud_trend', (b) => (b.trend = 'exploding'), 'body.trend'],
  ['no transport mode', 'modus_operandi', (b) => (b.transportModes = []), 'body.transportModes'],
  ['unknown method', 'modus_operandi', (b) => (b.methods = ['bribery']), 'body.methods'],
  [
    'description over 20000',
    'modus_operandi',
    (b) => (b.description = 'x'.repeat(20001)),
    'body.description',
  ],
  [
    'firstObserved in the future',
    'modus_operandi',
    (b) => (b.firstObserved = future),
    'body.firstObserved',
  ],
  ['missing crimeType', 'modus_operandi', (b) => delete b.crimeType, 'body.crimeType'],
  ['period in the future', 'migration_statistics', (b) => (b.period = futureMonth), 'body.period'],
  ['period not YYYY-MM', 'migration_statistics', (b) => (b.period = '2026-13'), 'body.period'],
  ['no observations', 'migration_statistics', (b) => (b.observations = []), 'body.observations'],
  [
    '2001 observations',
    'migration_statistics',
    (b) =>
      (b.observations = Array.from({ length: 2001 }, (_, i) => ({
        indicator: 'illegal_stay',
        nationality: 'THA',
        borderType: 'land',
        count: i,
      }))),
    'body.observations',
  ],
  [
    'duplicate observation',
    'migration_statistics',
    (b) => b.observations.push({ ...b.observations[0], count: 1 }),
    'body.observations',
  ],
  [
    'unknown indicator',
    'migration_statistics',
    (b) => (b.observations[0].indicator = 'overstay'),
    'body.observations.0.indicator',
  ],
  [
    'negative count',
    'migration_statistics',
    (b) => (b.observations[1].count = -3),
    'body.observations.1.count',
  ],
  [
    'unknown borderType',
    'migration_statistics',
    (b) => (b.observations[0].borderType = 'river'),
    'body.observations.0.borderType',
  ],
  [
    'deadline after start',
    'training_offer',
    (b) => (b.applicationDeadline = '2027-03-03'),
    'body.applicationDeadline',
  ],
  ['end before start', 'training_offer', (b) => (b.endDate = '2027-03-01'), 'body.endDate'],
  ['seats 0', 'training_offer', (b) => (b.seats = 0), 'body.seats'],
  ['seats 1001', 'training_offer', (b) => (b.seats = 1001), 'body.seats'],
  [
    'language not ISO 639-1',
    'training_offer',
    (b) => (b.languages = ['en', 'xx']),
    'body.languages',
  ],
  ['location missing for in-person', 'training_offer', (b) => delete b.location, 'body.location'],
  [
    'location country',
    'training_offer',
    (b) => (b.location.country = 'Thailand'),
    'body.location.country',
  ],
  ['provider not a member', 'training_offer', (b) => (b.provider = 'FRA'), 'body.provider'],
  ['provider not a code', 'training_offer', (b) => (b.provider = 'the AFP'), 'body.provider'],
];

const ENVELOPE_CASES: Array<[string, (e: any, c: Cast) => void, string]> = [
  ['unknown type', (e) => (e.type = 'rumour'), 'type'],
  ['missing title', (e) => delete e.title, 'title'],
  ['title over 200', (e) => (e.title = 'x'.repeat(201)), 'title'],
  ['summary over 4000', (e) => (e.summary = 'x'.repeat(4001)), 'summary'],
  ['unknown tlp', (e) => (e.tlp = 'WHITE'), 'tlp'],
  ['unknown envelope field', (e) => (e.author = 'me'), 'author'],
  ['urgent as a string', (e) => (e.urgent = 'yes'), 'urgent'],
  ['sourceReliability E', (e) => (e.sourceReliability = 'E'), 'sourceReliability'],
  ['informationCredibility 5', (e) => (e.informationCredibility = 5), 'informationCredibility'],
  ['teamId not a uuid', (e) => (e.teamId = 'bangkok'), 'teamId'],
  ['missing body', (e) => delete e.body, 'body'],
  ['GREEN with a distribution', (e) => (e.distribution = { teamIds: [] }), 'distribution'],
  [
    'CLEAR with users',
    (e, c) => Object.assign(e, { tlp: 'CLEAR', distribution: { userIds: [c.lead.id] } }),
    'distribution',
  ],
  ['RED without recipients', (e) => (e.tlp = 'RED'), 'distribution.userIds'],
  [
    'RED with an empty list',
    (e) => Object.assign(e, { tlp: 'RED', distribution: { userIds: [] } }),
    'distribution.userIds',
  ],
  [
    'RED with an unknown user',
    (e) =>
      Object.assign(e, {
        tlp: 'RED',
        distribution: { userIds: ['0196a3a4-0000-7000-8000-000000000001'] },
      }),
    'distribution.userIds',
  ],
  [
    'RED with teams',
    (e, c) => Object.assign(e, { tlp: 'RED', distribution: { teamIds: [c.teamB.id] } }),
    'distribution.teamIds',
  ],
  [
    'AMBER with an unknown team',
    (e) =>
      Object.assign(e, {
        tlp: 'AMBER',
        distribution: { teamIds: ['0196a3a4-0000-7000-8000-000000000002'] },
      }),
    'distribution.teamIds',
  ],
  [
    'AMBER with users',
    (e, c) => Object.assign(e, { tlp: 'AMBER', distribution: { userIds: [c.lead.id] } }),
    'distribution.userIds',
  ],
  [
    'AMBER with a bad team id',
    (e) => Object.assign(e, { tlp: 'AMBER', distribution: { teamIds: ['x'] } }),
    'distribution.teamIds',
  ],
];

describe('report validation', () => {
  let api: TestApi;
  let cast: Cast;

  beforeAll(async () => {
    api = await startApi();
    cast = await createCast(new Factory(api));
  });
  afterAll(() => api.close());

  it.each(BODY_CASES)('body: %s -> 400 naming the field', async (_what, type, mutate, field) => {
    const body = BODIES[type]();
    mutate(body);
    const res = await api.post('/reports', envelope(cast.teamA.id, type, { body }), {
      token: cast.officer.token,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it.each(ENVELOPE_CASES)('envelope: %s -> 400 naming the field', async (_what, mutate, field) => {
    const payload = envelope(cast.teamA.id);
    mutate(payload, cast);
    const res = await api.post('/reports', payload, { token: cast.officer.token });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('accepts what the rules allow: online offers without location, ICAO codes, AMBER alone, "2"', async () => {
    const online = { ...BODIES.training_offer(), deliveryMode: 'online', location: undefined };
    const cases = [
      envelope(cast.teamA.id, 'training_offer', { body: online }),
      envelope(cast.teamA.id, 'visa_fraud_trend', {
        tlp: 'AMBER',
        informationCredibility: 2,
        sourceReliability: 'B',
      }),
      envelope(cast.teamA.id, 'visa_fraud_trend', { tlp: 'AMBER', distribution: { teamIds: [] } }),
      envelope(cast.teamA.id, 'visa_fraud_trend', {
        tlp: 'AMBER',
        distribution: { teamIds: [cast.teamA.id, cast.teamB.id] },
      }),
      envelope(cast.teamA.id, 'migration_statistics', {
        body: { ...BODIES.migration_statistics(), period: new Date().toISOString().slice(0, 7) },
      }),
    ];
    const results = [];
    for (const c of cases)
      results.push(await api.post('/reports', c, { token: cast.officer.token }));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(results[1].body).toMatchObject({
      informationCredibility: '2',
      sourceReliability: 'B',
      distribution: { teamIds: [cast.teamA.id] },
    });
    expect(results[3].body.distribution).toEqual({ teamIds: [cast.teamA.id, cast.teamB.id] });
  });

  it('refuses malformed JSON and an oversized body without a 500', async () => {
    const bad = await api.call('POST', '/reports', { raw: '{"type": ', token: cast.officer.token });
    expect(bad.status).toBe(400);
    const big = await api.post(
      '/reports',
      envelope(cast.teamA.id, 'modus_operandi', { summary: 'x'.repeat(300_000) }),
      { token: cast.officer.token },
    );
    expect(big.status).toBe(413);
  });

  describe('personal data (non-nominal by design)', () => {
    const leaks: Array<[string, ReportTypeName, (e: any) => void, string, string]> = [
      [
        'e-mail in description',
        'modus_operandi',
        (e) => (e.body.description += ' Contact broker.x@mail.example for seats.'),
        'body.description',
        'looks like an e-mail address',
      ],
      [
        'phone in countermeasures',
        'modus_operandi',
        (e) => (e.body.countermeasures = ['call +66 81 234 5678']),
        'body.countermeasures',
        'looks like a telephone number',
      ],
      [
        'MRZ in indicators',
        'visa_fraud_trend',
        (e) => (e.body.indicators = ['P<LKAPERERA<<SAMAN<<<<<<<<<<<<<<<<<<<<<<<<<<']),
        'body.indicators',
        'looks like a machine-readable-zone line',
      ],
      [
        'document number in title',
        'visa_fraud_trend',
        (e) => (e.title = 'Passport no. N1234567 altered'),
        'title',
        'looks like a document number',
      ],
      [
        'date of birth in summary',
        'visa_fraud_trend',
        (e) => (e.summary = 'The holder, born 12/03/1991, travelled alone.'),
        'summary',
        'looks like a date of birth',
      ],
      [
        'e-mail in compromisedFeatures',
        'visa_fraud_trend',
        (e) => (e.body.compromisedFeatures = ['seller a@b.io']),
        'body.compromisedFeatures',
        'looks like an e-mail address',
      ],
    ];

    it.each(leaks)(
      '%s: drafts keep it, submission and publication are 422',
      async (_w, type, mutate, field, message) => {
        const payload = envelope(cast.teamA.id, type);
        mutate(payload);
        const created = await api.post('/reports', payload, { token: cast.officer.token });
        expect(created.status).toBe(201);
        const submit = await api.post(
          `/reports/${created.body.id}/submit`,
          {},
          { token: cast.officer.token },
        );
        expect(submit.status).toBe(422);
        expect(submit.body.errors).toContainEqual({ field, message });
        const publish = await api.post(
          `/reports/${created.body.id}/publish`,
          {},
          { token: cast.lead.token },
        );
        expect(publish.status).toBe(422);
        expect(
          (await api.get(`/reports/${created.body.id}`, { token: cast.officer.token })).body.status,
        ).toBe('draft');
      },
    );

    it('checks amendments, passes clean reports and checks training offers too', async () => {
      const clean = await api.post(
        '/reports',
        envelope(cast.teamA.id, 'modus_operandi', {
          summary: 'Flights QF12 and TG 413 via BKK, 2019-2023; 1,250 persons a year.',
        }),
        { token: cast.officer.token },
      );
      expect(
        (await api.post(`/reports/${clean.body.id}/publish`, {}, { token: cast.lead.token }))
          .status,
      ).toBe(200);
      const leak = await api.patch(
        `/reports/${clean.body.id}`,
        { summary: 'DOB 1990-01-15' },
        { token: cast.lead.token },
      );
      expect(leak.status).toBe(422);
      expect(leak.body.errors).toEqual([
        { field: 'summary', message: 'looks like a date of birth' },
      ]);
      expect(
        (await api.get(`/reports/${clean.body.id}`, { token: cast.lead.token })).body.version,
      ).toBe(1);
      const offer = await api.post(
        '/reports',
        envelope(cast.teamA.id, 'training_offer', {
          summary: 'Enquiries: training.desk@example.org',
        }),
        { token: cast.officer.token },
      );
      // Every shared free text is checked now (issue 12, 1.7), a training offer's as well.
      const refused = await api.post(
        `/reports/${offer.body.id}/publish`,
        {},
        { token: cast.lead.token },
      );
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([
        { field: 'summary', message: 'looks like an e-mail address' },
      ]);
    });
  });
});
