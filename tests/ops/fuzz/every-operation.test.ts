import fc from 'fast-check';
import { BODIES, envelope, makeReport } from '../../reports/report-fixtures';
import { createCast, Factory, TestUser } from '../../support/factories';
import { startApi, TestApi } from '../../support/harness';
import {
  Answer,
  answerFaults,
  captureLogs,
  changedTables,
  DomainState,
  FuzzCase,
  logLineFaults,
  send,
  Tally,
} from './fuzz-support';
import {
  Context,
  deeplyNested,
  encodeComponent,
  hostile,
  mutated,
  OpenApiDocument,
  Operation,
  operationsOf,
  hostileText,
  validText,
  toJsonText,
  valid,
} from './openapi-arbitraries';
import { HOSTILE_STRINGS, hostileString, POLLUTING_KEYS, XSS } from './payloads';

/**
 * Issue 12, section 2: every operation of the served OpenAPI document, called with
 * requests generated from its own schemas (values at and beyond the limits, wrong types,
 * hostile text, polluting keys, deep nesting, malformed JSON) by an administrator, an
 * officer, a lead, an auditor, anonymously and with forged credentials. Properties: never
 * a 5xx; every 4xx a problem document; a 4xx changes no domain table; every body is JSON
 * with nosniff, so echoed markup is inert; every log write is one JSON line, so no input
 * forges one.
 *
 * RILON_FUZZ_RUNS cases per operation (15 in `npm test`); RILON_FUZZ_SECONDS bounds each
 * operation's time (no bound unless set); RILON_FUZZ_SEED replays a run; RILON_FUZZ_ONLY
 * picks the operations whose `METHOD /path` contains it.
 */
const RUNS = Number(process.env.RILON_FUZZ_RUNS ?? 15);
const SECONDS = Number(process.env.RILON_FUZZ_SECONDS ?? 0);
const SEED = process.env.RILON_FUZZ_SEED ? Number(process.env.RILON_FUZZ_SEED) : undefined;
/** Only the operations whose `METHOD /path` contains this (all when unset). */
const ONLY = process.env.RILON_FUZZ_ONLY ?? '';
/** An operation with nothing to vary but the caller and headers needs fewer cases. */
const RUNS_WITHOUT_INPUT = Math.min(RUNS, 50);
/** Operations that end the caller's session when they succeed: called with spare sessions. */
const ENDS_SESSION = new Set(['POST /api/v1/auth/logout']);

type CallerName = 'anonymous' | 'admin' | 'officer' | 'lead' | 'auditor' | 'forged';

const RAW_BODIES = [
  '{',
  '{"email":',
  '[1,]',
  "{'a':1}",
  '{"a":1}trailing',
  'null',
  'true',
  '"text"',
  '123',
  '[]',
  '{}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '{"a":1,"a":2}',
  '\ufeff{}',
  '{"x":1e400}',
  '\u0000',
  ...XSS,
];
const CONTENT_TYPES = [
  'application/json; charset=utf-16',
  'application/JSON',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/merge-patch+json',
];
const OTHER_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const RAW_QUERIES = ['&&', '=', '%', '%zz', 'a=%ED%A0%80', 'a=%00', '%E0%A4%A', 'q=%C0%AF', '&=&='];
const RAW_SEGMENTS = ['%00', '%ED%A0%80', '%', '%zz', '%2F', '%2e%2e', '..', '.'];
const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 60,
});
/** What a header may carry at all (fetch refuses the rest before sending). */
const headerSafe = HOSTILE_STRINGS.filter((s) => /^[\x20-\x7e]*$/.test(s));

describe('every operation of the OpenAPI document under generated input', () => {
  let api: TestApi;
  let factory: Factory;
  let doc: OpenApiDocument;
  let operations: Operation[];
  let ctx: Context;
  let state: DomainState;
  let logs: ReturnType<typeof captureLogs>;
  const tokens = new Map<CallerName, string | undefined>();
  /** Sessions of their own for the operations that end one. */
  const spares = new Map<CallerName, TestUser>();
  const seeds = new Map<string, Array<() => unknown>>();
  const tally = new Tally();

  beforeAll(async () => {
    api = await startApi({ RATE_LIMIT_PER_MINUTE: '0', TRUST_PROXY: '127.0.0.1' });
    factory = new Factory(api);
    const cast = await createCast(factory);
    const draft = await makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id), 'draft');
    const published = await makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id));
    const offer = await makeReport(
      api,
      cast.otherOfficer,
      cast.otherLead,
      envelope(cast.teamB.id, 'training_offer', { tlp: 'CLEAR' }),
    );
    const enrolment = await api.post(
      `/reports/${offer.id}/enrolments`,
      { seats: 1 },
      { token: cast.officer.token },
    );
    if (enrolment.status !== 201)
      throw new Error(`enrolment: ${enrolment.status} ${enrolment.text}`);
    tokens.set('anonymous', undefined);
    tokens.set('admin', cast.admin.token);
    tokens.set('officer', cast.officer.token);
    tokens.set('lead', cast.lead.token);
    tokens.set('auditor', cast.auditor.token);
    // A real token with its signature altered: parsed, then refused.
    tokens.set('forged', `${cast.admin.token.slice(0, -4)}AAAA`);
    spares.set('admin', await factory.user({ globalRole: 'admin', displayName: 'Spare admin' }));
    spares.set(
      'officer',
      await factory.user({ teams: [[cast.teamA.id, 'officer']], displayName: 'Spare officer' }),
    );
    spares.set(
      'auditor',
      await factory.user({ globalRole: 'auditor', displayName: 'Spare auditor' }),
    );
    spares.set(
      'lead',
      await factory.user({ teams: [[cast.teamA.id, 'lead']], displayName: 'Spare lead' }),
    );

    const served = await api.get('/api/openapi.json');
    if (served.status !== 200) throw new Error(`no OpenAPI document: ${served.status}`);
    doc = served.body as OpenApiDocument;
    operations = operationsOf(doc);
    ctx = {
      doc,
      // Callers' own ids are left out, so no generated request suspends or demotes them.
      ids: [
        cast.teamA.id,
        cast.teamB.id,
        cast.teamA.capitalId,
        cast.otherOfficer.id,
        draft.id,
        published.id,
        offer.id,
        enrolment.body.id as string,
      ],
    };
    const teamA = cast.teamA.id;
    seeds.set('POST /api/v1/reports', [
      () => envelope(teamA),
      () => envelope(teamA, 'modus_operandi'),
      () => envelope(teamA, 'migration_statistics'),
      () => envelope(teamA, 'training_offer'),
    ]);
    seeds.set('PATCH /api/v1/reports/{id}', [
      () => ({ title: 'Amended title', body: BODIES.visa_fraud_trend() }),
      () => ({ tlp: 'AMBER', distribution: { teamIds: [cast.teamB.id] } }),
    ]);
    seeds.set('POST /api/v1/users', [
      () => ({ email: 'new.person@rilon.test', displayName: 'New Person', memberCode: 'THA' }),
    ]);
    seeds.set('POST /api/v1/invitations', [
      () => ({
        email: 'invitee@rilon.test',
        displayName: 'Invitee',
        memberCode: 'THA',
        teamId: teamA,
        role: 'officer',
      }),
    ]);
    seeds.set('POST /api/v1/teams', [() => ({ name: 'Team X', capitalId: cast.teamA.capitalId })]);
    seeds.set('PUT /api/v1/me/subscriptions', [
      () => ({ rules: [{ types: ['visa_fraud_trend'], countries: ['THA'], email: 'daily' }] }),
    ]);
    seeds.set('PATCH /api/v1/users/{id}', [() => ({ displayName: 'Renamed Person' })]);
    seeds.set('PATCH /api/v1/teams/{id}', [() => ({ description: 'The team at the embassy' })]);
    seeds.set('POST /api/v1/capitals', [
      () => ({ name: 'Phnom Penh', countryCode: 'KHM', timezone: 'Asia/Phnom_Penh' }),
    ]);
    seeds.set('POST /api/v1/members', [() => ({ code: 'KHM', name: 'Cambodia', kind: 'state' })]);
    seeds.set('POST /api/v1/reports/{id}/return', [() => ({ comment: 'Please name the route' })]);
    seeds.set('POST /api/v1/reports/{id}/withdraw', [() => ({ reason: 'Superseded' })]);
    seeds.set('POST /api/v1/reports/{id}/enrolments', [
      () => ({ seats: 2, note: 'Two officers of the airport unit' }),
    ]);
    seeds.set('PUT /api/v1/teams/{id}/webhook', [
      () => ({ url: 'https://hooks.example.org/rilon', secret: 's'.repeat(32) }),
    ]);

    state = await DomainState.open(api.database.url);
    logs = captureLogs();
  }, 120_000);

  afterAll(async () => {
    logs?.stop();
    await state?.close();
    await api?.close();
  });

  const caller = fc.oneof(
    { weight: 3, arbitrary: fc.constant<CallerName>('admin') },
    { weight: 2, arbitrary: fc.constant<CallerName>('officer') },
    { weight: 2, arbitrary: fc.constant<CallerName>('lead') },
    // The only one whom the audit routes answer past their guard.
    { weight: 1, arbitrary: fc.constant<CallerName>('auditor') },
    { weight: 1, arbitrary: fc.constant<CallerName>('anonymous') },
    { weight: 1, arbitrary: fc.constant<CallerName>('forged') },
  );

  function pathValue(): fc.Arbitrary<string> {
    return fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...ctx.ids) },
      { weight: 1, arbitrary: fc.uuid() },
      {
        weight: 2,
        arbitrary: hostileString.filter(Boolean).map(encodeComponent),
      },
      { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 30 }).map(encodeComponent) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
      { weight: 1, arbitrary: fc.constantFrom(199, 201, 5000).map((n) => 'a'.repeat(n)) },
    );
  }

  /**
   * A query string: valid values only, valid values but one (the one most likely to reach
   * past validation), or anything at all: repeated, unknown and polluting names, raw bytes.
   */
  function queryString(op: Operation): fc.Arbitrary<string> {
    const params = op.parameters.filter((p) => p.in === 'query');
    const pair = (name: string, value: string) =>
      `${encodeComponent(name)}=${encodeComponent(value)}`;
    const clean = fc.tuple(
      ...params.map((p) =>
        fc.option(
          validText(p.schema, ctx).map((v) => pair(p.name, v)),
          { freq: 2 },
        ),
      ),
    );
    const extra = fc
      .tuple(fc.constantFrom('unknown', ...POLLUTING_KEYS, 'limit[]', 'a[b]', ''), hostileString)
      .map(([k, v]) => pair(k, v));
    const wrong: Array<fc.Arbitrary<string | null>> = [extra, fc.constantFrom(...RAW_QUERIES)];
    for (const p of params)
      wrong.push(
        hostileText(p.schema, ctx).map((v) => pair(p.name, v)),
        // The same parameter twice: an array where the DTO expects one value.
        fc
          .tuple(
            validText(p.schema, ctx),
            fc.oneof(validText(p.schema, ctx), hostileText(p.schema, ctx)),
          )
          .map(([a, b]) => `${pair(p.name, a)}&${pair(p.name, b)}`),
      );
    const oneWrong = fc.tuple(clean, fc.oneof(...wrong)).map(([values, bad]) => [...values, bad]);
    const anything = fc
      .tuple(
        fc.tuple(
          ...params.map((p) =>
            fc.option(
              fc
                .oneof(validText(p.schema, ctx), hostileText(p.schema, ctx))
                .map((v) => pair(p.name, v)),
              { freq: 2 },
            ),
          ),
        ),
        fc.option(extra, { freq: 3 }),
        fc.option(fc.constantFrom(...RAW_QUERIES), { freq: 3 }),
      )
      .map(([values, e, raw]) => [...values, e, raw]);
    return fc
      .oneof(
        { weight: 3, arbitrary: clean },
        { weight: 3, arbitrary: oneWrong },
        { weight: 1, arbitrary: anything },
      )
      .map((parts) => {
        const present = parts.filter((p): p is string => p !== null);
        return present.length > 0 ? `?${present.join('&')}` : '';
      });
  }

  function headerValues(op: Operation): fc.Arbitrary<Record<string, string>> {
    const declared = new Map<string, { in: string; name: string }>();
    for (const p of op.parameters)
      if (p.in === 'header' || p.in === 'cookie') declared.set(p.name.toLowerCase(), p);
    const value = fc.oneof(
      fc.constantFrom(...headerSafe),
      printable,
      fc.constantFrom(...ctx.ids),
      fc.constant(api.baseUrl),
      fc.constant('a'.repeat(5000)),
    );
    return fc
      .record({
        declared: fc.tuple(...[...declared.values()].map(() => fc.option(value, { freq: 3 }))),
        forwarded: fc.oneof(
          { weight: 6, arbitrary: fc.ipV4() },
          { weight: 2, arbitrary: fc.ipV6() },
          {
            weight: 1,
            arbitrary: fc.constantFrom('unknown', '<script>', '1.2.3.4, 5.6.7.8', '999.1.1.1', ''),
          },
        ),
        accept: fc.option(
          fc.constantFrom('text/html', '*/*', 'application/xml', 'text/event-stream'),
          { freq: 3 },
        ),
      })
      .map(({ declared: values, forwarded, accept }) => {
        const headers: Record<string, string> = { 'x-forwarded-for': forwarded };
        if (accept) headers.accept = accept;
        [...declared.values()].forEach((p, i) => {
          const v = values[i];
          if (v === null) return;
          if (p.in === 'cookie') headers.cookie = `${p.name}=${encodeComponent(v)}`;
          else headers[p.name.toLowerCase()] = v;
        });
        return headers;
      });
  }

  /**
   * A known good body, as it is or with one leaf changed: replaced by anything, or (a text
   * that stays a text, so it gets past type checks to the services and the database) with
   * hostile text added.
   */
  function seedMutated(make: () => unknown): fc.Arbitrary<unknown> {
    const leaves: string[][] = [];
    const texts: string[][] = [];
    const walk = (v: unknown, path: string[]) => {
      if (v !== null && typeof v === 'object' && Object.keys(v).length > 0)
        for (const [k, child] of Object.entries(v)) walk(child, [...path, k]);
      // Prose (a seed's text with a space) takes any character; codes, enums and dates don't.
      else (typeof v === 'string' && v.includes(' ') ? texts : leaves).push(path);
    };
    walk(make(), []);
    const at = (path: string[], changed: (old: unknown) => unknown) => {
      const value = make() as Record<string, unknown>;
      if (path.length === 0) return value;
      let node = value;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
      const last = path[path.length - 1];
      node[last] = changed(node[last]);
      return value;
    };
    const all = [...leaves, ...texts];
    return fc.oneof(
      { weight: 1, arbitrary: fc.constant(null).map(() => make()) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.constantFrom(...all), hostile(undefined, ctx))
          .map(([path, bad]) => at(path, () => bad)),
      },
      ...(texts.length > 0
        ? [
            {
              weight: 5,
              arbitrary: fc
                .tuple(fc.constantFrom(...texts), hostileString)
                .map(([path, p]) => at(path, (old) => `${String(old)}${p}`)),
            },
          ]
        : []),
    );
  }

  type Body = { text: string; contentType: string } | undefined;

  function bodyOf(op: Operation): fc.Arbitrary<Body> {
    const json = (a: fc.Arbitrary<unknown>): fc.Arbitrary<Body> =>
      a.map((v) => ({ text: toJsonText(v), contentType: 'application/json' }));
    const raw = fc.oneof(
      fc.constantFrom(...RAW_BODIES),
      fc.constantFrom(
        deeplyNested(100_000, 'array').text,
        deeplyNested(40_000, 'object').text,
        'x'.repeat(300 * 1024),
      ),
    );
    const rawBody = raw.map((text) => ({ text, contentType: 'application/json' }));
    const otherType = fc
      .tuple(fc.constantFrom(...CONTENT_TYPES), fc.constantFrom(...RAW_BODIES, 'a=1&b=2'))
      .map(([contentType, text]) => ({ text, contentType }));
    if (op.method === 'GET') return fc.constant(undefined);
    if (!op.body)
      return fc.oneof(
        { weight: 6, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: json(hostile(undefined, ctx)) },
        { weight: 1, arbitrary: rawBody },
      );
    const known = seeds.get(op.key) ?? [];
    return fc.oneof(
      { weight: 3, arbitrary: json(valid(op.body, ctx)) },
      { weight: 6, arbitrary: json(mutated(op.body, ctx)) },
      { weight: 1, arbitrary: json(hostile(op.body, ctx)) },
      ...known.map((make) => ({ weight: 6, arbitrary: json(seedMutated(make)) })),
      { weight: 1, arbitrary: rawBody },
      { weight: 1, arbitrary: otherType },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  }

  /** The API's own log of a 500 (by its error id): the error and where it was thrown. */
  function serverSide(text: string): string {
    const id = /error id ([0-9a-f-]{36})/.exec(text)?.[1];
    const line = id ? logs.lines.find((l) => l.includes(id)) : undefined;
    if (!line) return '';
    const { err } = JSON.parse(line) as { err?: { message?: string; stack?: string } };
    const frames = (err?.stack ?? '').split('\n').slice(1, 6).join(' ←');
    return `\n      server: ${err?.message ?? '?'} ${frames}`;
  }

  function caseOf(op: Operation): fc.Arbitrary<FuzzCase> {
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    return fc
      .record({
        caller,
        segments: fc.tuple(...pathParams.map(() => pathValue())),
        query: queryString(op),
        headers: headerValues(op),
        body: bodyOf(op),
        // Now and then a method the path does not declare: 404 or 405, as a problem.
        method: fc.oneof(
          { weight: 12, arbitrary: fc.constant(op.method) },
          { weight: 1, arbitrary: fc.constantFrom(...OTHER_METHODS) },
        ),
      })
      .map(({ caller: who, segments, query, headers, body, method }) => {
        let path = op.path;
        pathParams.forEach((p, i) => (path = path.replace(`{${p.name}}`, segments[i])));
        const token = ENDS_SESSION.has(op.key) ? spares.get(who)?.token : tokens.get(who);
        const all = token ? { ...headers, authorization: `Bearer ${token}` } : headers;
        const bodyless = method === 'GET' || method === 'HEAD';
        return new FuzzCase(who, method, `${path}${query}`, all, bodyless ? undefined : body);
      });
  }

  it(
    'never answers 5xx, answers every 4xx with a problem and no change, and keeps every body JSON',
    async () => {
      const started = Date.now();
      const found = new Map<string, { count: number; example: string; op: string }>();
      const seeds = new Map<string, number>();
      const note = (op: Operation, fault: string, c: FuzzCase) => {
        // One entry per kind of fault and operation, with the first case that showed it.
        const kind = `${op.key}: ${fault.replace(/:.*$/s, '')}`;
        const seen = found.get(kind);
        if (seen) seen.count++;
        else
          found.set(kind, {
            count: 1,
            example: `${fault}\n      case: ${fc.stringify(c)}`,
            op: op.key,
          });
      };
      let cases = 0;
      // Writes the fingerprint saw after 2xx answers: proof that it sees writes at all.
      let writesSeen = 0;
      for (const op of operations.filter((o) => o.key.includes(ONLY))) {
        const inputs = op.parameters.length + (op.body ? 1 : 0);
        let before = await state.snapshot();
        const result = await fc.check(
          fc.asyncProperty(caseOf(op), async (c) => {
            let answer: Answer;
            try {
              answer = await send(api.baseUrl, c);
            } catch (error) {
              // An abort is a DOMException of another realm: not instanceof Error here.
              note(op, `no answer: ${String(error)}`, c);
              return;
            }
            tally.count(op.key, answer.status);
            for (const fault of answerFaults(answer))
              note(op, `${fault}${answer.status >= 500 ? serverSide(answer.text) : ''}`, c);
            const after = await state.snapshot();
            if (answer.status >= 400 && answer.status < 500) {
              const changed = changedTables(before, after);
              if (changed.length > 0)
                // Rows/newest xmin before and after: tells an insert from an update afterwards.
                note(
                  op,
                  `a ${answer.status} changed ${changed.join(', ')}: ${changed
                    .map((t) => `${t} ${before.get(t)} -> ${after.get(t)}`)
                    .join('; ')}`,
                  c,
                );
            }
            if (answer.status < 300 && changedTables(before, after).length > 0) writesSeen++;
            before = after;
            const spare = spares.get(c.caller as CallerName);
            if (ENDS_SESSION.has(op.key) && answer.status < 300 && spare) {
              // The spare session was ended: a new one, which the next case must not count.
              await factory.signIn(spare);
              before = await state.snapshot();
            }
          }),
          {
            numRuns: inputs === 0 ? RUNS_WITHOUT_INPUT : RUNS,
            seed: SEED,
            ...(SECONDS > 0
              ? { interruptAfterTimeLimit: SECONDS * 1000, markInterruptAsFailure: false }
              : {}),
          },
        );
        cases += result.numRuns;
        seeds.set(op.key, result.seed);
        if (result.failed)
          note(
            op,
            `the property threw: ${String(result.errorInstance)}`,
            new FuzzCase('', '', '', {}),
          );
      }
      const seconds = Math.round((Date.now() - started) / 1000);
      const summary = [
        `${operations.length} operations, ${cases} cases (${tally.total} answered) in ${seconds} s` +
          (SEED === undefined ? '' : `, seed ${SEED}`),
        ...tally.lines(),
      ];
      // Figures for the record: operations, cases and time of this run.
      console.log(`fuzz: ${summary.join('\n  ')}`);
      // With the seed that replays the operation's cases (state left by earlier ones aside).
      const report = [...found].map(
        ([kind, { count, example, op }]) =>
          `${kind} (${count}×)\n      ${example}\n      replay: RILON_FUZZ_SEED=${seeds.get(op)} ` +
          `RILON_FUZZ_ONLY='${op}'`,
      );
      expect(report).toEqual([]);
      expect(operations.length).toBeGreaterThanOrEqual(40);
      expect(cases).toBeGreaterThanOrEqual(operations.length * Math.min(RUNS, 10));
      expect(writesSeen).toBeGreaterThan(0);
    },
    // Room for 80 operations at their time bound; unbounded runs get ten minutes.
    SECONDS > 0 ? 80 * SECONDS * 1000 : 600_000,
  );

  it('logs every line as one JSON line, none of them forged by input', () => {
    // Request lines were captured (pino-http's, with the path as sent), not only start-up ones.
    expect(logs.lines.some((line) => line.includes('"msg":"request completed"'))).toBe(true);
    const faults = [...new Set(logs.lines.flatMap(logLineFaults))];
    expect(faults).toEqual([]);
  });

  it('is still up afterwards', async () => {
    const live = await api.get('/health/live');
    expect(live.status).toBe(200);
  });
});
