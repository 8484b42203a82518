import { describe, expect, it } from 'vitest';
import { emptyEnvelope } from './envelope-schema';
import { emptyBody, formFieldNames, reportSchema, type ReportFormValues } from './registry';
import type { ReportType } from './codes';

const t = (key: string) => key;

function parse(type: ReportType, body: object, envelope: object = {}) {
  const values = {
    ...emptyEnvelope(),
    title: 'A title',
    tlp: 'GREEN',
    ...envelope,
    body: { ...emptyBody(type), ...body },
  };
  return reportSchema(type, t).safeParse(values);
}

function issues(result: ReturnType<typeof parse>) {
  return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
}

const visa = {
  documentType: 'passport',
  issuingCountry: 'ind',
  fraudType: 'forgery',
  personsDetected: '14',
  documentsDetected: ' 17 ',
  direction: 'exit',
  periodStart: '2026-08-01',
  periodEnd: '2026-08-31',
  holderNationalities: 'LKA, xxa',
  detectionPoints: [
    { type: 'airport', code: 'bkk', country: 'THA' },
    { type: 'inland', code: '', country: 'THA' },
  ],
  route: { origin: 'LKA', transit: 'THA MYS', destination: 'AUS' },
  compromisedFeatures: [{ value: 'biodata page substitution' }, { value: '  ' }],
  trend: 'increasing',
  indicators: [{ value: 'laminate edges lift near the photo' }],
};

describe('reportSchema', () => {
  it('turns the visa fraud form into the API body', () => {
    const result = parse('visa_fraud_trend', visa);
    expect(result.success).toBe(true);
    expect(result.data?.body).toEqual({
      documentType: 'passport',
      issuingCountry: 'IND',
      fraudType: 'forgery',
      personsDetected: 14,
      documentsDetected: 17,
      direction: 'exit',
      periodStart: '2026-08-01',
      periodEnd: '2026-08-31',
      holderNationalities: ['LKA', 'XXA'],
      detectionPoints: [
        { type: 'airport', code: 'BKK', country: 'THA' },
        { type: 'inland', country: 'THA' },
      ],
      route: { origin: 'LKA', transit: ['THA', 'MYS'], destination: 'AUS' },
      compromisedFeatures: ['biodata page substitution'],
      trend: 'increasing',
      indicators: ['laminate edges lift near the photo'],
    });
  });

  it('names each wrong field by its path', () => {
    const result = parse('visa_fraud_trend', {
      ...visa,
      issuingCountry: 'ZZZ',
      personsDetected: '-1',
      detectionPoints: [{ type: 'airport', code: 'BKKK', country: 'THA' }],
      route: { origin: '', transit: '', destination: 'AUS' },
      holderNationalities: 'LKA LKA',
    });
    expect(issues(result)).toEqual([
      ['body.issuingCountry', 'validation.countryCode'],
      ['body.personsDetected', 'validation.wholeNumber'],
      ['body.holderNationalities', 'validation.repeated'],
      ['body.detectionPoints.0.code', 'validation.iata'],
      ['body.route.origin', 'validation.required'],
    ]);
  });

  it('puts a period ending before it starts on the end', () => {
    const result = parse('visa_fraud_trend', { ...visa, periodEnd: '2026-07-31' });
    expect(issues(result)).toEqual([['body.periodEnd', 'validation.endBeforeStart']]);
  });

  it('leaves optional parts out when they are blank', () => {
    const result = parse('modus_operandi', {
      crimeType: 'smuggling',
      transportModes: ['sea'],
      methods: ['maritime_vessel'],
      description: 'Vessels embark at night.',
    });
    expect(result.data?.body).toEqual({
      crimeType: 'smuggling',
      transportModes: ['sea'],
      methods: ['maritime_vessel'],
      description: 'Vessels embark at night.',
    });
  });

  it('asks for named people on a RED report, alongside other errors', () => {
    const result = parse('modus_operandi', {}, { tlp: 'RED' });
    expect(issues(result)).toContainEqual(['distribution.userIds', 'validation.redRecipients']);
    expect(issues(result)).toContainEqual(['body.description', 'validation.required']);
  });

  it('needs a location unless the course is online', () => {
    const offer = {
      topic: 'interviewing',
      provider: 'AUS',
      deliveryMode: 'in_person',
      startDate: '2027-03-02',
      endDate: '2027-03-06',
      applicationDeadline: '2027-02-01',
      seats: '20',
      languages: 'en, TH',
    };
    expect(issues(parse('training_offer', offer))).toEqual([
      ['body.location.city', 'validation.required'],
      ['body.location.country', 'validation.required'],
    ]);
    const online = parse('training_offer', {
      ...offer,
      deliveryMode: 'online',
      location: { city: 'x', country: '' },
    });
    expect(online.data?.body).toEqual({
      ...offer,
      deliveryMode: 'online',
      seats: 20,
      languages: ['en', 'th'],
    });
    expect(
      issues(
        parse('training_offer', {
          ...offer,
          applicationDeadline: '2027-03-03',
          endDate: '2027-03-01',
          location: { city: 'Bangkok', country: 'THA' },
        }),
      ),
    ).toEqual([
      ['body.endDate', 'validation.endBeforeStart'],
      ['body.applicationDeadline', 'validation.deadlineAfterStart'],
    ]);
  });

  it('blocks statistics with a repeated row, and drops the CSV line numbers', () => {
    const row = {
      indicator: 'illegal_stay',
      nationality: 'lka',
      borderType: 'air',
      count: '3',
      line: 2,
    };
    const body = { reportingCountry: 'THA', period: '2026-09' };
    expect(issues(parse('migration_statistics', { ...body, observations: [row, row] }))).toEqual([
      ['body.observations', 'validation.duplicates'],
    ]);
    expect(parse('migration_statistics', { ...body, observations: [row] }).data?.body).toEqual({
      ...body,
      observations: [
        { indicator: 'illegal_stay', nationality: 'LKA', borderType: 'air', count: 3 },
      ],
    });
  });
});

describe('formFieldNames', () => {
  it('lists the rows of repeatable groups as the server names them', () => {
    const values = {
      ...emptyEnvelope(),
      body: { ...emptyBody('visa_fraud_trend'), ...visa },
    } as ReportFormValues;
    const names = formFieldNames('visa_fraud_trend', values);
    expect(names).toEqual(
      expect.arrayContaining([
        'title',
        'distribution.teamIds',
        'body.detectionPoints.1.country',
        'body.indicators',
        'body.indicators.0',
        'body.route.transit',
      ]),
    );
  });
});
