import type { ReportRow } from '../report.view';
import { TLPS, type ReportType } from '../report-codes';
import { stixBundle } from './stix-bundle';
import { alpha2, reportLabels, reportToStix, snakeKeys, type StixObject } from './report-to-stix';
import { stixIds } from './stix-ids';
import { TLP_EXTENSION_ID, TLP_MARKINGS } from './tlp-markings';

const TEAM = { id: '0190a000-0000-7000-8000-000000000001', name: 'RILON Bangkok' };
const SCHEMA = 'http://127.0.0.1:3000/api/v1/stix/extension-schema';

const BODIES: Record<ReportType, Record<string, unknown>> = {
  visa_fraud_trend: {
    documentType: 'passport',
    issuingCountry: 'IND',
    fraudType: 'counterfeit',
    personsDetected: 3,
    documentsDetected: 4,
    direction: 'exit',
    periodStart: '2026-01-01',
    periodEnd: '2026-01-31',
    holderNationalities: ['LKA', 'XXA'],
    detectionPoints: [{ type: 'airport', code: 'BKK', country: 'THA' }],
    trend: 'new',
  },
  modus_operandi: {
    crimeType: 'smuggling',
    transportModes: ['sea'],
    methods: ['maritime_vessel', 'corruption'],
    description: 'Night embarkation.\nSecond line.',
  },
  migration_statistics: {
    reportingCountry: 'THA',
    period: '2026-01',
    observations: [
      { indicator: 'refusal_of_entry', nationality: 'XXB', borderType: 'air', count: 2 },
      { indicator: 'refusal_of_entry', nationality: 'LKA', borderType: 'sea', count: 1 },
    ],
  },
  training_offer: {
    topic: 'interviewing',
    provider: 'AUS',
    deliveryMode: 'online',
    startDate: '2027-01-01',
    endDate: '2027-01-02',
    applicationDeadline: '2026-12-01',
    seats: 5,
    languages: ['en'],
  },
};
const COUNTRIES: Record<ReportType, string[]> = {
  visa_fraud_trend: ['IND', 'LKA', 'THA', 'XXA'],
  modus_operandi: [],
  migration_statistics: ['LKA', 'THA', 'XXB'],
  training_offer: [],
};

function row(overrides: Partial<ReportRow> = {}): ReportRow {
  const type = overrides.type ?? 'visa_fraud_trend';
  return {
    id: '0190a000-0000-7000-8000-0000000000aa',
    type,
    teamId: TEAM.id,
    authorId: '0190a000-0000-7000-8000-0000000000ff',
    title: 'Counterfeit passports',
    summary: 'Seen at departure.',
    tlp: 'GREEN',
    distributionTeamIds: [],
    recipientUserIds: [],
    urgent: false,
    sourceReliability: 'B',
    informationCredibility: '2',
    body: BODIES[type],
    countries: COUNTRIES[type],
    status: 'published',
    version: 1,
    createdAt: new Date('2026-02-01T08:00:00Z'),
    updatedAt: new Date('2026-02-02T09:00:00.123Z'),
    submittedAt: null,
    publishedAt: new Date('2026-02-02T09:00:00.123Z'),
    withdrawnAt: null,
    withdrawalReason: null,
    returnComment: null,
    ...overrides,
  };
}

const byType = (objects: StixObject[], type: string) => objects.filter((o) => o.type === type);
const the = (objects: StixObject[], type: string): StixObject => {
  const found = byType(objects, type);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('reportToStix', () => {
  it.each(Object.keys(BODIES) as ReportType[])('maps a %s report', (type) => {
    const objects = reportToStix(row({ type }), TEAM);
    const report = the(objects, 'report');
    const note = the(objects, 'note');
    const identity = the(objects, 'identity');
    expect(report).toMatchObject({
      spec_version: '2.1',
      id: stixIds.report('0190a000-0000-7000-8000-0000000000aa'),
      name: 'Counterfeit passports',
      description: 'Seen at departure.',
      published: '2026-02-02T09:00:00.123Z',
      report_types: [`rilon-${type.replace(/_/g, '-')}`],
      created_by_ref: identity.id,
      external_references: [
        { source_name: 'rilon', external_id: '0190a000-0000-7000-8000-0000000000aa' },
      ],
    });
    expect(identity).toMatchObject({ name: 'RILON Bangkok', identity_class: 'organization' });
    expect(report.labels).toEqual(
      expect.arrayContaining([
        `rilon:type="${type}"`,
        'rilon:source-reliability="B"',
        'rilon:information-credibility="2"',
      ]),
    );
    const ext = (report.extensions as Record<string, Record<string, unknown>>)[stixIds.extension()];
    expect(ext).toMatchObject({
      extension_type: 'property-extension',
      report_type: type,
      version: 1,
    });
    expect(ext.body).toEqual(snakeKeys(BODIES[type]));
    expect(note.object_refs).toEqual([report.id]);
    expect(report.object_refs).toEqual(expect.arrayContaining([identity.id, note.id]));
    expect(typeof note.content).toBe('string');
    // Nothing names the officer who wrote it.
    expect(JSON.stringify(objects)).not.toContain('0190a000-0000-7000-8000-0000000000ff');
  });

  it('writes the key fields of each type as machine tags', () => {
    expect(reportLabels(row())).toEqual(
      expect.arrayContaining([
        'rilon:fraud-type="counterfeit"',
        'rilon:document-type="passport"',
        'rilon:issuing-country="IND"',
      ]),
    );
    expect(reportLabels(row({ type: 'modus_operandi' }))).toEqual(
      expect.arrayContaining(['rilon:methods="maritime_vessel"', 'rilon:crime-type="smuggling"']),
    );
    expect(reportLabels(row({ type: 'migration_statistics' }))).toEqual(
      expect.arrayContaining([
        'rilon:indicator="refusal_of_entry"',
        'rilon:reporting-country="THA"',
        'rilon:period="2026-01"',
      ]),
    );
    expect(reportLabels(row({ type: 'training_offer', urgent: true }))).toEqual(
      expect.arrayContaining([
        'rilon:topic="interviewing"',
        'rilon:delivery-mode="online"',
        'rilon:urgent="true"',
      ]),
    );
  });

  it.each(TLPS)('marks a %s report with the official TLP 2.0 marking', (tlp) => {
    const objects = reportToStix(row({ tlp }), TEAM);
    for (const type of ['report', 'note'])
      expect(the(objects, type).object_marking_refs).toEqual([TLP_MARKINGS[tlp].id]);
    const bundle = stixBundle([{ report: row({ tlp }), team: TEAM }], SCHEMA);
    expect(bundle.objects).toContainEqual(TLP_MARKINGS[tlp]);
  });

  it('makes a location (alpha-2) per country, and keeps the ICAO codes in labels and the extension', () => {
    const objects = reportToStix(row(), TEAM);
    expect(
      byType(objects, 'location')
        .map((l) => l.country)
        .sort(),
    ).toEqual(['IN', 'LK', 'TH']);
    const report = the(objects, 'report');
    expect(report.labels).toEqual(
      expect.arrayContaining(['rilon:country="XXA"', 'rilon:country="THA"']),
    );
    const ext = (report.extensions as Record<string, Record<string, unknown>>)[stixIds.extension()];
    expect(ext.countries).toEqual(['IND', 'LKA', 'THA', 'XXA']);
    for (const code of ['XXA', 'XXB', 'XXC', 'XXX']) expect(alpha2(code)).toBeUndefined();
    const stats = reportToStix(row({ type: 'migration_statistics' }), TEAM);
    expect(
      byType(stats, 'location')
        .map((l) => l.country)
        .sort(),
    ).toEqual(['LK', 'TH']);
    expect(the(stats, 'report').labels).toContain('rilon:country="XXB"');
  });

  it('gives the same ids on every export', () => {
    const ids = (objects: StixObject[]) => objects.map((o) => o.id);
    expect(ids(reportToStix(row(), TEAM))).toEqual(ids(reportToStix(row(), TEAM)));
    expect(stixIds.report('a')).not.toBe(stixIds.report('b'));
    // Pinned: a change of namespace or naming would re-identify every exported report.
    expect(stixIds.extension()).toBe(stixIds.extension());
    expect(stixIds.report('0190a000-0000-7000-8000-0000000000aa')).toMatch(
      /^report--[0-9a-f-]{8}-[0-9a-f]{4}-5/,
    );
  });

  it('exports an amendment as the same id with a later modified', () => {
    const first = the(reportToStix(row(), TEAM), 'report');
    const amended = the(
      reportToStix(
        row({ version: 2, title: 'Amended', updatedAt: new Date('2026-03-01T10:00:00.000Z') }),
        TEAM,
      ),
      'report',
    );
    expect(amended.id).toBe(first.id);
    expect(amended.created).toBe(first.created);
    expect(amended.modified).toBe('2026-03-01T10:00:00.000Z');
    expect(first.modified).toBe('2026-02-02T09:00:00.123Z');
    expect(amended.name).toBe('Amended');
  });

  it('exports a withdrawal as a revoked version', () => {
    const withdrawn = row({
      status: 'withdrawn',
      withdrawnAt: new Date('2026-04-01T00:00:00.000Z'),
      withdrawalReason: 'superseded',
    });
    const objects = reportToStix(withdrawn, TEAM);
    for (const type of ['report', 'note'])
      expect(the(objects, type)).toMatchObject({
        revoked: true,
        modified: '2026-04-01T00:00:00.000Z',
      });
    expect(the(reportToStix(row(), TEAM), 'report').revoked).toBeUndefined();
  });

  it('refuses a report that was never published', () => {
    expect(() => reportToStix(row({ status: 'draft', publishedAt: null }), TEAM)).toThrow(
      /never published/,
    );
  });
});

describe('stixBundle', () => {
  it('puts the identities, extensions and markings first, each object once', () => {
    const bundle = stixBundle(
      [
        { report: row(), team: TEAM },
        { report: row({ id: '0190a000-0000-7000-8000-0000000000ab' }), team: TEAM },
      ],
      SCHEMA,
    );
    const ids = bundle.objects.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(bundle.id).toMatch(/^bundle--/);
    const first = ids.indexOf(stixIds.report('0190a000-0000-7000-8000-0000000000aa'));
    for (const before of [
      stixIds.rilon(),
      TLP_EXTENSION_ID,
      TLP_MARKINGS.GREEN.id,
      stixIds.extension(),
    ])
      expect(ids.indexOf(before)).toBeLessThan(first);
    expect(byType(bundle.objects, 'report')).toHaveLength(2);
    expect(bundle.objects.find((o) => o.id === stixIds.extension())).toMatchObject({
      schema: SCHEMA,
      created_by_ref: stixIds.rilon(),
      extension_types: ['property-extension'],
    });
  });
});
