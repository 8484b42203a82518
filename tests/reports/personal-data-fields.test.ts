import { createCast, Factory, type Cast } from '../support/factories';
import { startApi, type HttpResult, type TestApi } from '../support/harness';
import { trainingOfferBody } from '../statistics/support/report-driver';
import { BODIES, envelope, makeReport } from './report-fixtures';

// Shared machine: starting the API and the cast can take longer than jest's default 5 s.
jest.setTimeout(120_000);

/**
 * The personal-data check beyond the text of trend and modus-operandi reports (issue 12, 1.7):
 * every free text the network shares (a return comment, a withdrawal reason, an enrolment
 * note, the text of training offers and statistics reports) is refused with the same 422 the
 * report check gives, and a refusal changes nothing. Copy-paste disguises (no-break spaces, en
 * dashes, full-width signs, a lower-case MRZ line) no longer get through.
 */
describe('personal data in every shared free-text field', () => {
  let api: TestApi;
  let cast: Cast;
  /** A refusal of the report check as it has always answered, to compare the others with. */
  let reportRefusal: HttpResult;

  /** Everything a refused request could have touched, as one comparable value. */
  const state = async (): Promise<unknown> => {
    const tables = [
      'reports',
      'report_versions',
      'enrolments',
      'statistics_figures',
      'audit_events',
      'outbox_events',
    ];
    const out: Record<string, unknown> = {};
    for (const table of tables) {
      const [row] = await api.db.query(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest
           FROM ${table} t`,
      );
      out[table] = row;
    }
    return out;
  };

  /** The refusal: 422, a problem document of the report check's type, naming exactly `errors`. */
  const expectRefusal = (res: HttpResult, errors: Array<{ field: string; message: string }>) => {
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      type: reportRefusal.body.type,
      title: reportRefusal.body.title,
      status: 422,
    });
    expect(res.body.detail).toMatch(/personal data/);
    expect(res.body.errors).toEqual(errors);
  };

  beforeAll(async () => {
    api = await startApi();
    cast = await createCast(new Factory(api));
    const leaky = envelope(cast.teamA.id, 'visa_fraud_trend', { summary: 'mail x@y.org' });
    const draft = await makeReport(api, cast.officer, cast.lead, leaky, 'draft');
    reportRefusal = await api.post(
      `/reports/${draft.id}/submit`,
      {},
      { token: cast.officer.token },
    );
    expect(reportRefusal.status).toBe(422);
  });
  afterAll(() => api.close());

  it('a return comment with personal data is refused and the report stays submitted', async () => {
    const report = await makeReport(
      api,
      cast.officer,
      cast.lead,
      envelope(cast.teamA.id),
      'submitted',
    );
    const before = await state();
    const res = await api.post(
      `/reports/${report.id}/return`,
      // No-break spaces between the groups, as a number pasted from a web page has them.
      { comment: 'Ask the holder, +66\u00A081\u00A0234\u00A05678, before resubmitting' },
      { token: cast.lead.token },
    );
    expectRefusal(res, [{ field: 'comment', message: 'looks like a telephone number' }]);
    expect(await state()).toEqual(before);

    const clean = await api.post(
      `/reports/${report.id}/return`,
      { comment: 'Add the detection points of 2024-03-15 \u2013 2024-03-31 (10 000 stickers)' },
      { token: cast.lead.token },
    );
    expect(clean.status).toBe(200);
    expect(clean.body.status).toBe('draft');
  });

  it('a withdrawal reason with personal data is refused and the report stays published', async () => {
    const report = await makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id));
    const before = await state();
    const res = await api.post(
      `/reports/${report.id}/withdraw`,
      // An en dash in the date and a full-width colon: the forms a word processor produces.
      { reason: 'Names the traveller (DOB\uFF1A 15\u201301\u20131990)' },
      { token: cast.lead.token },
    );
    expectRefusal(res, [{ field: 'reason', message: 'looks like a date of birth' }]);
    expect(await state()).toEqual(before);
    const read = await api.get(`/reports/${report.id}`, { token: cast.lead.token });
    expect(read.body).toMatchObject({ status: 'published', withdrawalReason: null });

    const clean = await api.post(
      `/reports/${report.id}/withdraw`,
      { reason: 'Superseded by the figures of 2019\u20132023, Form 5 and flight TG 413' },
      { token: cast.lead.token },
    );
    expect(clean.status).toBe(200);
    expect(clean.body.status).toBe('withdrawn');
  });

  it('an enrolment note with personal data is refused and no enrolment is made', async () => {
    const offer = await makeReport(
      api,
      cast.officer,
      cast.lead,
      envelope(cast.teamA.id, 'training_offer', { body: trainingOfferBody() }),
    );
    const before = await state();
    const res = await api.post(
      `/reports/${offer.id}/enrolments`,
      // A full-width at sign and full stop, as an address typed with an East Asian input method.
      { seats: 1, note: 'Reach me at officer.b\uFF20immigration\uFF0Eexample' },
      { token: cast.otherOfficer.token },
    );
    expectRefusal(res, [{ field: 'note', message: 'looks like an e-mail address' }]);
    expect(await state()).toEqual(before);

    const clean = await api.post(
      `/reports/${offer.id}/enrolments`,
      { seats: 2, note: 'Two officers of the airport unit; 12.5 % of our 1 200 000 arrivals' },
      { token: cast.otherOfficer.token },
    );
    expect(clean.status).toBe(201);
  });

  it('training offers: title, summary, eligibility and city are checked on submission, publication and amendment', async () => {
    const body = {
      ...BODIES.training_offer(),
      eligibility: 'Officers only; enquiries to training.desk@example.org',
      location: { city: 'Bangkok, call +66 2 123 4567', country: 'THA' },
    };
    const payload = envelope(cast.teamA.id, 'training_offer', {
      title: 'Document examination, passport no. N1234567 as the sample',
      body,
    });
    const created = await api.post('/reports', payload, { token: cast.officer.token });
    expect(created.status).toBe(201);
    const before = await state();
    const expected = [
      { field: 'title', message: 'looks like a document number' },
      { field: 'body.eligibility', message: 'looks like an e-mail address' },
      { field: 'body.location.city', message: 'looks like a telephone number' },
    ];
    const submit = await api.post(
      `/reports/${created.body.id}/submit`,
      {},
      { token: cast.officer.token },
    );
    expectRefusal(submit, expected);
    const publish = await api.post(
      `/reports/${created.body.id}/publish`,
      {},
      { token: cast.lead.token },
    );
    expectRefusal(publish, expected);
    expect(await state()).toEqual(before);

    const offer = await makeReport(
      api,
      cast.officer,
      cast.lead,
      envelope(cast.teamA.id, 'training_offer'),
    );
    const beforeAmend = await state();
    const amend = await api.patch(
      `/reports/${offer.id}`,
      { body: { ...BODIES.training_offer(), eligibility: 'The trainer (d.o.b. 1990-01-15)' } },
      { token: cast.lead.token },
    );
    expectRefusal(amend, [{ field: 'body.eligibility', message: 'looks like a date of birth' }]);
    expect(await state()).toEqual(beforeAmend);
  });

  it('statistics reports: title and summary are checked on publication', async () => {
    const payload = envelope(cast.teamA.id, 'migration_statistics', {
      title: 'Refusals of entry, September 2026',
      summary: 'Questions to the analyst on 081\u2013234\u20135678',
      body: BODIES.migration_statistics('2026-09', 'THA'),
    });
    const created = await api.post('/reports', payload, { token: cast.lead.token });
    expect(created.status).toBe(201);
    const before = await state();
    const publish = await api.post(
      `/reports/${created.body.id}/publish`,
      {},
      { token: cast.lead.token },
    );
    expectRefusal(publish, [{ field: 'summary', message: 'looks like a telephone number' }]);
    expect(await state()).toEqual(before);

    const fixed = await api.patch(
      `/reports/${created.body.id}`,
      { summary: 'Refusals up 12.5 % on 2025; 1 250 000 crossings in 2019 2020 2021' },
      { token: cast.lead.token },
    );
    expect(fixed.status).toBe(200);
    const published = await api.post(
      `/reports/${created.body.id}/publish`,
      {},
      { token: cast.lead.token },
    );
    expect(published.status).toBe(200);
  });

  it('POST /reports: a draft keeps evasive forms, submission and publication refuse them', async () => {
    const payload = envelope(cast.teamA.id, 'visa_fraud_trend', {
      summary: 'Seen with Passport: N1234567 at departure control',
      body: {
        ...BODIES.visa_fraud_trend(),
        // A lower-case MRZ line, and one whose fillers autocorrect turned into guillemets.
        indicators: [
          'p<lkaperera<<saman<<<<<<<<<<<<<<<<<<<<<<<<<<',
          'P<LKAPERERA\u00ABSAMAN\u00AB\u00AB\u00AB\u00AB\u00AB\u00AB\u00AB\u00AB\u00AB\u00AB\u00AB',
        ],
        // Thai digits and a zero-width space.
        compromisedFeatures: [
          'agent on \u0E50\u0E58\u0E51\u200B\u0E52\u0E53\u0E54\u0E55\u0E56\u0E57\u0E58',
        ],
      },
    });
    const created = await api.post('/reports', payload, { token: cast.officer.token });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
    const before = await state();
    const expected = [
      { field: 'summary', message: 'looks like a document number' },
      { field: 'body.indicators', message: 'looks like a machine-readable-zone line' },
      { field: 'body.compromisedFeatures', message: 'looks like a telephone number' },
    ];
    const submit = await api.post(
      `/reports/${created.body.id}/submit`,
      {},
      { token: cast.officer.token },
    );
    expectRefusal(submit, expected);
    const publish = await api.post(
      `/reports/${created.body.id}/publish`,
      {},
      { token: cast.lead.token },
    );
    expectRefusal(publish, expected);
    expect(await state()).toEqual(before);
  });
});
