import { Controller, Get, Post } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { newId } from '@rilon/core';
import { stixIds } from '@rilon/reports';
import { AccessDeclarations, Authenticated, OBJECT_RULES, Public } from '@rilon/identity';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { envelope, makeReport } from '../reports/report-fixtures';
import { Cast, createCast, DEFAULT_PASSWORD, Factory, TestUser } from '../support/factories';
import { startApi, TestApi } from '../support/harness';
import {
  coverage,
  DeclaredRoute,
  byPath,
  describeAccess,
  nestRoutes,
  RouteKey,
  routerRoutes,
} from './support/route-table';

jest.setTimeout(60_000);

const SNAPSHOT = join(__dirname, 'authorization-matrix.json');
const DOC = join(__dirname, '..', '..', 'docs', 'authorization.md');
const WRITE = process.env.RILON_WRITE_MATRIX === '1';

const CALLERS = [
  'anonymous',
  'observer',
  'officer',
  'lead',
  'otherLead',
  'admin',
  'auditor',
  'suspended',
] as const;
type Caller = (typeof CALLERS)[number];
type SignedIn = Exclude<Caller, 'anonymous'>;

const CALLER_NAMES: Record<Caller, string> = {
  anonymous: 'anonymous',
  observer: 'observer (team A)',
  officer: 'officer (team A)',
  lead: 'lead (team A)',
  otherLead: 'lead of team B',
  admin: 'administrator',
  auditor: 'auditor',
  suspended: 'suspended officer (team A)',
};

/** Expected statuses: `others` for every caller not named; anonymous and suspended are 401 on a route that needs a token. */
type Expected = Partial<Record<Caller, number>> & { others: number };

interface Request {
  path: string;
  json?: unknown;
  /** Another token than the caller's own (a fresh session), or null for none. */
  token?: string | null;
  /** A Server-Sent Events stream: only the status and content type are read. */
  stream?: boolean;
}

interface Answer {
  status: number;
  contentType: string;
  body: any;
}

interface Case {
  /** The object called on, in words (for the table). */
  on: string;
  expect: Expected;
  call: (who: Caller) => Promise<Request> | Request;
  /** More to check about an answer: what the caller must or must not see. */
  check?: (who: Caller, answer: Answer) => string[];
  after?: (who: Caller, answer: Answer) => Promise<void>;
}

/**
 * Routes outside Nest (no decorator can sit on them): who may call them is declared here,
 * next to the test that proves it, and named in the snapshot like the rest.
 */
const OUTSIDE_NEST: Record<RouteKey, DeclaredRoute> = {
  'GET /api/openapi.json': {
    by: 'SwaggerModule (create-app.ts)',
    access: { kind: 'public' },
    note: 'the contract documents the API in production too',
  },
  'GET /api/docs*': {
    by: 'SwaggerModule (create-app.ts)',
    access: { kind: 'public' },
    note: 'Swagger UI and its assets',
  },
  'ANY /admin/queues*': {
    by: 'QueueDashboard, DashboardAccess (a Fastify onRequest hook on the prefix)',
    access: { kind: 'roles', roles: ['admin'] },
    note: 'GET and HEAD only: any other method is 405 for an administrator (audited as `queues.manage.denied`); refusals audited as `queues.view.denied`',
  },
  'GET /<portal-file>': {
    by: 'PortalSite (@fastify/static, one route per built file)',
    access: { kind: 'public' },
    note: 'the web portal; it holds no data',
  },
};

describe('the authorisation matrix', () => {
  let api: TestApi;
  let factory: Factory;
  let cast: Cast;
  let portalDir: string;
  const o = {} as {
    greenA: string;
    amberB: string;
    draftA: string;
    offerA: string;
    offerB: string;
    offerToDecide: string;
    notificationOfOther: string;
    /** Team A's TAXII key as `<id>.<secret>` (Bearer). */
    taxiiKey: string;
  };

  const user = (who: SignedIn): TestUser => cast[who];

  /** A second session of the caller, for calls that end sessions (the cast keeps its own). */
  const freshSession = async (who: Caller): Promise<TestUser | null> => {
    if (who === 'anonymous') return null;
    if (who === 'suspended') return cast.suspended;
    return factory.signIn({ ...user(who) });
  };

  const draftOfA = () => makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id), 'draft');
  const submittedOfA = () =>
    makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id), 'submitted');
  const publishedOfA = () => makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id));

  beforeAll(async () => {
    // A tiny built portal, so its file routes are in the router and predictable.
    portalDir = mkdtempSync(join(tmpdir(), 'rilon-portal-'));
    mkdirSync(join(portalDir, 'assets'));
    writeFileSync(join(portalDir, 'index.html'), '<!doctype html><title>RILON</title>');
    writeFileSync(join(portalDir, 'assets', 'app.js'), 'export {};');
    api = await startApi({ PORTAL_DIR: portalDir });
    factory = new Factory(api);
    cast = await createCast(factory);
    const amber = { tlp: 'AMBER', distribution: { teamIds: [cast.teamB.id] } };
    const [greenA, amberB, draftA, offerA, offerB, offerToDecide] = await Promise.all([
      publishedOfA(),
      makeReport(
        api,
        cast.otherOfficer,
        cast.otherLead,
        envelope(cast.teamB.id, 'modus_operandi', amber),
      ),
      draftOfA(),
      makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id, 'training_offer')),
      makeReport(
        api,
        cast.otherOfficer,
        cast.otherLead,
        envelope(cast.teamB.id, 'training_offer', amber),
      ),
      makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id, 'training_offer')),
    ]);
    Object.assign(o, {
      greenA: greenA.id,
      amberB: amberB.id,
      draftA: draftA.id,
      offerA: offerA.id,
      offerB: offerB.id,
      offerToDecide: offerToDecide.id,
      notificationOfOther: await notificationOf(cast.otherOfficer.id),
    });
    const issued = await api.post(
      `/teams/${cast.teamA.id}/taxii-keys`,
      { label: 'Matrix TAXII key' },
      { token: cast.lead.token },
    );
    expect(issued.status).toBe(201);
    o.taxiiKey = `${issued.body.id}.${issued.body.secret}`;
    const webhook = await api.put(
      `/teams/${cast.teamA.id}/webhook`,
      { url: 'http://127.0.0.1:9/rilon', secret: 'a-secret-of-team-a-0001' },
      { token: cast.lead.token },
    );
    expect(webhook.status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    rmSync(portalDir, { recursive: true, force: true });
  });

  async function notificationOf(userId: string): Promise<string> {
    const id = newId();
    await api.db.query(
      `INSERT INTO notifications (id, user_id, outbox_event_id, event, title)
       VALUES ($1, $2, 990000, 'membership.changed', 'Matrix notification')`,
      [id, userId],
    );
    return id;
  }

  async function pendingEnrolment(requesterId?: string): Promise<string> {
    const requester =
      requesterId ??
      (await factory.user({ teams: [[cast.teamB.id, 'officer']], signIn: false })).id;
    const id = newId();
    await api.db.query(
      'INSERT INTO enrolments (id, report_id, user_id, seats) VALUES ($1, $2, $3, 1)',
      [id, o.offerToDecide, requester],
    );
    return id;
  }

  const unique = () => Math.random().toString(36).slice(2, 10);
  /** The TAXII key the DELETE row revokes (one per caller, issued just before). */
  let keyToRevoke = '';

  /** Every route, and each object it is tried on, with what each caller must get. */
  const MATRIX: Record<RouteKey, Case[]> = {
    // --- sign-in and the caller's own account ---------------------------------------
    'POST /api/v1/auth/login': [
      {
        on: "the caller's own e-mail and password (anonymous: an unknown e-mail)",
        expect: { others: 200, anonymous: 401, suspended: 401 },
        call: (who) => ({
          path: '/api/v1/auth/login',
          json:
            who === 'anonymous'
              ? { email: 'nobody@rilon.test', password: DEFAULT_PASSWORD }
              : { email: user(who).email, password: DEFAULT_PASSWORD },
          token: null,
        }),
      },
    ],
    'POST /api/v1/auth/refresh': [
      {
        on: "the caller's refresh token (anonymous: a made-up one)",
        expect: { others: 200, anonymous: 401, suspended: 401 },
        call: async (who) => ({
          path: '/api/v1/auth/refresh',
          json: { refreshToken: (await freshSession(who))?.refreshToken ?? 'made-up.token' },
          token: null,
        }),
      },
    ],
    'POST /api/v1/auth/logout': [
      {
        on: 'a session of the caller',
        expect: { others: 204 },
        call: async (who) => ({
          path: '/api/v1/auth/logout',
          token: (await freshSession(who))?.token ?? null,
        }),
      },
    ],
    'GET /api/v1/me': [
      { on: 'the caller', expect: { others: 200 }, call: () => ({ path: '/api/v1/me' }) },
    ],
    'POST /api/v1/me/password': [
      {
        on: "the caller's password (the right current one)",
        expect: { others: 204 },
        call: async (who) => ({
          path: '/api/v1/me/password',
          json: { currentPassword: DEFAULT_PASSWORD, newPassword: DEFAULT_PASSWORD },
          token: (await freshSession(who))?.token ?? null,
        }),
        // The change ends the caller's other sessions, the cast's own among them.
        after: async (who, answer) => {
          if (answer.status === 204) await factory.signIn(user(who as SignedIn));
        },
      },
    ],
    'GET /api/v1/me/subscriptions': [
      {
        on: 'the caller',
        expect: { others: 200 },
        call: () => ({ path: '/api/v1/me/subscriptions' }),
      },
    ],
    'PUT /api/v1/me/subscriptions': [
      {
        on: 'the caller',
        expect: { others: 200 },
        call: () => ({ path: '/api/v1/me/subscriptions', json: { rules: [{ email: 'off' }] } }),
      },
    ],
    'GET /api/v1/notifications': [
      {
        on: "the caller's inbox",
        expect: { others: 200 },
        call: () => ({ path: '/api/v1/notifications' }),
      },
    ],
    'GET /api/v1/notifications/unread-count': [
      {
        on: "the caller's inbox",
        expect: { others: 200 },
        call: () => ({ path: '/api/v1/notifications/unread-count' }),
      },
    ],
    'POST /api/v1/notifications/read-all': [
      {
        on: "the caller's inbox",
        expect: { others: 204 },
        call: () => ({ path: '/api/v1/notifications/read-all' }),
      },
    ],
    'POST /api/v1/notifications/:id/read': [
      {
        on: "one of the caller's notifications",
        expect: { others: 204 },
        call: async (who) => ({
          path: `/api/v1/notifications/${who === 'anonymous' ? newId() : await notificationOf(user(who).id)}/read`,
        }),
      },
      {
        on: "another user's notification",
        expect: { others: 404 },
        call: () => ({ path: `/api/v1/notifications/${o.notificationOfOther}/read` }),
      },
    ],
    'GET /api/v1/notifications/stream': [
      {
        on: "the caller's live inbox",
        expect: { others: 200 },
        call: () => ({ path: '/api/v1/notifications/stream', stream: true }),
      },
    ],

    // --- reference data and people ------------------------------------------------------
    'GET /api/v1/members': [
      { on: 'every member', expect: { others: 200 }, call: () => ({ path: '/api/v1/members' }) },
    ],
    'POST /api/v1/members': [
      {
        on: 'a new member',
        expect: { others: 403, admin: 201 },
        call: () => ({
          path: '/api/v1/members',
          json: { code: `M${unique().toUpperCase()}`, name: 'Matrix member', kind: 'organisation' },
        }),
      },
    ],
    'GET /api/v1/capitals': [
      { on: 'every capital', expect: { others: 200 }, call: () => ({ path: '/api/v1/capitals' }) },
    ],
    'GET /api/v1/capitals/:id': [
      {
        on: "team A's capital",
        expect: { others: 200 },
        call: () => ({ path: `/api/v1/capitals/${cast.teamA.capitalId}` }),
      },
    ],
    'POST /api/v1/capitals': [
      {
        on: 'a new capital',
        expect: { others: 403, admin: 201 },
        call: () => ({
          path: '/api/v1/capitals',
          json: { name: `Capital ${unique()}`, countryCode: 'MYS', timezone: 'Asia/Kuala_Lumpur' },
        }),
      },
    ],
    'GET /api/v1/teams': [
      { on: 'every team', expect: { others: 200 }, call: () => ({ path: '/api/v1/teams' }) },
    ],
    'GET /api/v1/teams/:id': [
      {
        on: 'team A',
        expect: { others: 200 },
        call: () => ({ path: `/api/v1/teams/${cast.teamA.id}` }),
      },
    ],
    'POST /api/v1/teams': [
      {
        on: 'a new team',
        expect: { others: 403, admin: 201 },
        call: () => ({
          path: '/api/v1/teams',
          json: { name: `Team ${unique()}`, capitalId: cast.teamA.capitalId },
        }),
      },
    ],
    'PATCH /api/v1/teams/:id': [
      {
        on: 'team A',
        expect: { others: 403, admin: 200 },
        call: (who) => ({
          path: `/api/v1/teams/${cast.teamA.id}`,
          json: { description: `Described by ${who}` },
        }),
      },
    ],
    'GET /api/v1/people': [
      {
        on: 'a name search',
        expect: { others: 200 },
        call: () => ({ path: '/api/v1/people?q=Officer' }),
      },
    ],

    // --- accounts, teams and invitations ---------------------------------------------
    'POST /api/v1/users': [
      {
        on: 'a new account',
        expect: { others: 403, admin: 201 },
        call: () => ({
          path: '/api/v1/users',
          json: {
            email: `matrix-${unique()}@rilon.test`,
            displayName: 'Matrix account',
            memberCode: 'THA',
            password: DEFAULT_PASSWORD,
          },
        }),
      },
    ],
    'GET /api/v1/users': [
      {
        on: 'every account',
        expect: { others: 403, admin: 200 },
        call: () => ({ path: '/api/v1/users' }),
      },
    ],
    'GET /api/v1/users/:id': [
      {
        on: "the caller's own account",
        expect: { others: 200 },
        call: (who) => ({ path: `/api/v1/users/${who === 'anonymous' ? newId() : user(who).id}` }),
      },
      {
        on: "someone else's account (an officer of team B)",
        expect: { others: 403, admin: 200 },
        call: () => ({ path: `/api/v1/users/${cast.otherOfficer.id}` }),
      },
    ],
    'PATCH /api/v1/users/:id': [
      {
        on: 'another account',
        expect: { others: 403, admin: 200 },
        call: async () => ({
          path: `/api/v1/users/${(await factory.user({ signIn: false })).id}`,
          json: { displayName: 'Renamed in the matrix' },
        }),
      },
    ],
    'GET /api/v1/teams/:teamId/members': [
      {
        on: 'team A',
        expect: { others: 403, observer: 200, officer: 200, lead: 200, admin: 200 },
        call: () => ({ path: `/api/v1/teams/${cast.teamA.id}/members` }),
      },
    ],
    'GET /api/v1/teams/:teamId/invitations': [
      {
        on: 'team A',
        expect: { others: 403, lead: 200, admin: 200 },
        call: () => ({ path: `/api/v1/teams/${cast.teamA.id}/invitations` }),
      },
      {
        on: 'an unknown team',
        expect: { others: 404 },
        call: () => ({ path: '/api/v1/teams/0190b6f0-0000-7000-8000-00000000abcd/invitations' }),
      },
    ],
    'PUT /api/v1/teams/:teamId/members/:userId': [
      {
        on: 'team A, a user without a membership made officer',
        expect: { others: 403, lead: 200, admin: 200 },
        call: async () => ({
          path: `/api/v1/teams/${cast.teamA.id}/members/${(await factory.user({ signIn: false })).id}`,
          json: { role: 'officer' },
        }),
      },
    ],
    'DELETE /api/v1/teams/:teamId/members/:userId': [
      {
        on: 'team A, one of its officers',
        expect: { others: 403, lead: 204, admin: 204 },
        call: async () => {
          const member = await factory.user({ teams: [[cast.teamA.id, 'officer']], signIn: false });
          return { path: `/api/v1/teams/${cast.teamA.id}/members/${member.id}` };
        },
      },
    ],
    'POST /api/v1/invitations': [
      {
        on: 'team A, an officer invited',
        expect: { others: 403, lead: 201, admin: 201 },
        call: () => ({
          path: '/api/v1/invitations',
          json: {
            email: `invited-${unique()}@rilon.test`,
            displayName: 'Invited officer',
            memberCode: 'THA',
            teamId: cast.teamA.id,
            role: 'officer',
          },
        }),
      },
    ],
    'POST /api/v1/invitations/accept': [
      {
        on: 'an unknown invitation token',
        expect: { others: 410 },
        call: () => ({
          path: '/api/v1/invitations/accept',
          json: { token: `unknown-${unique()}`, password: DEFAULT_PASSWORD },
        }),
      },
    ],
    'GET /api/v1/teams/:id/webhook': [
      {
        on: "team A's webhook",
        expect: { others: 403, lead: 200, admin: 200 },
        call: () => ({ path: `/api/v1/teams/${cast.teamA.id}/webhook` }),
      },
    ],
    'PUT /api/v1/teams/:id/webhook': [
      {
        on: "team A's webhook",
        expect: { others: 403, lead: 200 },
        call: () => ({
          path: `/api/v1/teams/${cast.teamA.id}/webhook`,
          json: { url: 'http://127.0.0.1:9/rilon', secret: 'a-secret-of-team-a-0002' },
        }),
      },
    ],
    'DELETE /api/v1/teams/:id/webhook': [
      {
        on: "team A's webhook",
        expect: { others: 403, lead: 204, admin: 204 },
        call: async () => {
          const set = await api.put(
            `/teams/${cast.teamA.id}/webhook`,
            { url: 'http://127.0.0.1:9/rilon', secret: 'a-secret-of-team-a-0003' },
            { token: cast.lead.token },
          );
          if (set.status !== 200) throw new Error(`webhook not set: ${set.status}`);
          return { path: `/api/v1/teams/${cast.teamA.id}/webhook` };
        },
      },
    ],

    'GET /api/v1/teams/:id/taxii-keys': [
      {
        on: "team A's TAXII keys",
        expect: { others: 403, lead: 200, admin: 200 },
        call: () => ({ path: `/api/v1/teams/${cast.teamA.id}/taxii-keys` }),
        check: (_who, answer) =>
          answer.status === 200 && JSON.stringify(answer.body).includes('"secret"')
            ? ['a secret in the list']
            : [],
      },
      {
        on: 'an unknown team',
        expect: { others: 404 },
        call: () => ({ path: '/api/v1/teams/0190b6f0-0000-7000-8000-00000000abcd/taxii-keys' }),
      },
    ],
    'POST /api/v1/teams/:id/taxii-keys': [
      {
        on: 'team A, a new key',
        expect: { others: 403, lead: 201, admin: 201 },
        call: (who) => ({
          path: `/api/v1/teams/${cast.teamA.id}/taxii-keys`,
          json: { label: `Matrix key of ${who}` },
        }),
        // The cap on a team's keys must not be what the matrix meets.
        after: async (_who, answer) => {
          if (answer.status !== 201) return;
          const revoked = await api.delete(`/teams/${cast.teamA.id}/taxii-keys/${answer.body.id}`, {
            token: cast.admin.token,
          });
          if (revoked.status !== 204) throw new Error(`key not revoked: ${revoked.status}`);
        },
      },
    ],
    'DELETE /api/v1/teams/:id/taxii-keys/:keyId': [
      {
        on: 'team A, one of its keys',
        expect: { others: 403, lead: 204, admin: 204 },
        call: async () => {
          const issued = await api.post(
            `/teams/${cast.teamA.id}/taxii-keys`,
            { label: 'Matrix key to revoke' },
            { token: cast.lead.token },
          );
          if (issued.status !== 201) throw new Error(`key not issued: ${issued.status}`);
          keyToRevoke = `/teams/${cast.teamA.id}/taxii-keys/${issued.body.id}`;
          return { path: `/api/v1${keyToRevoke}` };
        },
        // A refused caller leaves the key: revoke it, so the cap on a team's keys is never met.
        after: async (_who, answer) => {
          if (answer.status !== 204) await api.delete(keyToRevoke, { token: cast.admin.token });
        },
      },
    ],

    // --- reports -------------------------------------------------------------------------
    'POST /api/v1/reports': [
      {
        on: 'a draft for team A',
        expect: { others: 403, officer: 201, lead: 201 },
        call: () => ({ path: '/api/v1/reports', json: envelope(cast.teamA.id) }),
      },
    ],
    'GET /api/v1/reports': [
      {
        on: "published reports: team A's GREEN one and team B's AMBER one (for team B only)",
        expect: { others: 200 },
        call: () => ({ path: '/api/v1/reports?limit=200' }),
        check: (who, answer) => {
          if (answer.status !== 200) return [];
          const ids = (answer.body.items as Array<{ id: string }>).map((r) => r.id);
          return [
            ids.includes(o.greenA) ? '' : "team A's GREEN report is missing",
            ids.includes(o.amberB) === (who === 'otherLead')
              ? ''
              : `team B's AMBER report is ${who === 'otherLead' ? 'missing' : 'listed'}`,
          ].filter(Boolean);
        },
      },
    ],
    'GET /api/v1/reports/:id': [
      {
        on: "team A's published GREEN report",
        expect: { others: 200 },
        call: () => ({ path: `/api/v1/reports/${o.greenA}` }),
      },
      {
        on: "team B's published AMBER report, shared with team B only",
        expect: { others: 404, otherLead: 200 },
        call: () => ({ path: `/api/v1/reports/${o.amberB}` }),
      },
      {
        on: "a draft of team A's officer",
        expect: { others: 404, officer: 200, lead: 200 },
        call: () => ({ path: `/api/v1/reports/${o.draftA}` }),
      },
    ],
    'GET /api/v1/reports/:id/versions': [
      {
        on: "team A's published GREEN report",
        expect: { others: 200 },
        call: () => ({ path: `/api/v1/reports/${o.greenA}/versions` }),
      },
      {
        on: "team B's published AMBER report, shared with team B only",
        expect: { others: 404, otherLead: 200 },
        call: () => ({ path: `/api/v1/reports/${o.amberB}/versions` }),
      },
    ],
    'GET /api/v1/reports/stix': [
      {
        on: "a STIX bundle: team A's GREEN report for all, team B's AMBER one for team B only",
        expect: { others: 200 },
        call: () => ({ path: '/api/v1/reports/stix?limit=200' }),
        check: (who, answer) => {
          if (answer.status !== 200) return [];
          const ids = JSON.stringify(answer.body);
          return [
            ids.includes(o.greenA) ? '' : "team A's GREEN report is missing",
            ids.includes(o.amberB) === (who === 'otherLead')
              ? ''
              : `team B's AMBER report is ${who === 'otherLead' ? 'missing' : 'exported'}`,
          ].filter(Boolean);
        },
      },
    ],
    'GET /api/v1/reports/:id/stix': [
      {
        on: "team A's published GREEN report",
        expect: { others: 200 },
        call: () => ({ path: `/api/v1/reports/${o.greenA}/stix` }),
      },
      {
        on: "team B's published AMBER report, shared with team B only",
        expect: { others: 404, otherLead: 200 },
        call: () => ({ path: `/api/v1/reports/${o.amberB}/stix` }),
      },
    ],
    'GET /api/v1/stix/extension-schema': [
      {
        on: 'the JSON Schema of the RILON STIX extension',
        expect: { others: 200 },
        call: () => ({ path: '/api/v1/stix/extension-schema' }),
      },
    ],
    'PATCH /api/v1/reports/:id': [
      {
        on: "a draft of team A's officer",
        expect: { others: 404, officer: 200, lead: 200 },
        call: async () => ({
          path: `/api/v1/reports/${(await draftOfA()).id}`,
          json: { summary: 'Changed in the matrix.' },
        }),
      },
      {
        on: "team A's published GREEN report (an amendment)",
        expect: { others: 403, lead: 200 },
        call: () => ({
          path: `/api/v1/reports/${o.greenA}`,
          json: { summary: 'Amended in the matrix.' },
        }),
      },
    ],
    'POST /api/v1/reports/:id/submit': [
      {
        on: "a draft of team A's officer",
        expect: { others: 404, officer: 200, lead: 403 },
        call: async () => ({ path: `/api/v1/reports/${(await draftOfA()).id}/submit` }),
      },
    ],
    'POST /api/v1/reports/:id/return': [
      {
        on: "a submitted report of team A's officer",
        expect: { others: 404, officer: 403, lead: 200 },
        call: async () => ({
          path: `/api/v1/reports/${(await submittedOfA()).id}/return`,
          json: { comment: 'Please name the detection points.' },
        }),
      },
    ],
    'POST /api/v1/reports/:id/publish': [
      {
        on: "a submitted report of team A's officer",
        expect: { others: 404, officer: 403, lead: 200 },
        call: async () => ({ path: `/api/v1/reports/${(await submittedOfA()).id}/publish` }),
      },
    ],
    'POST /api/v1/reports/:id/withdraw': [
      {
        on: "a published GREEN report of team A's officer",
        expect: { others: 403, officer: 200, lead: 200 },
        call: async () => ({
          path: `/api/v1/reports/${(await publishedOfA()).id}/withdraw`,
          json: { reason: 'Superseded by a newer report.' },
        }),
      },
    ],
    'GET /api/v1/statistics/series': [
      {
        on: 'the statistics the caller may read',
        expect: { others: 200 },
        call: () => ({
          path: '/api/v1/statistics/series?indicator=refusal_of_entry&groupBy=month',
        }),
      },
    ],

    // --- training enrolments -------------------------------------------------------------
    'POST /api/v1/reports/:id/enrolments': [
      {
        on: "team A's published GREEN training offer",
        expect: { others: 403, officer: 201, lead: 201, otherLead: 201 },
        call: () => ({ path: `/api/v1/reports/${o.offerA}/enrolments`, json: { seats: 1 } }),
      },
      {
        on: "team B's AMBER training offer, shared with team B only",
        expect: { others: 404, otherLead: 201 },
        call: () => ({ path: `/api/v1/reports/${o.offerB}/enrolments`, json: { seats: 1 } }),
      },
    ],
    'GET /api/v1/reports/:id/enrolments': [
      {
        on: "team A's published GREEN training offer",
        expect: { others: 200 },
        call: () => ({ path: `/api/v1/reports/${o.offerA}/enrolments` }),
      },
      {
        on: "team B's AMBER training offer, shared with team B only",
        expect: { others: 404, otherLead: 200 },
        call: () => ({ path: `/api/v1/reports/${o.offerB}/enrolments` }),
      },
    ],
    'POST /api/v1/enrolments/:id/decision': [
      {
        on: "a pending request on team A's offer (the officer's own, for the officer)",
        expect: { others: 404, officer: 403, lead: 200 },
        call: async (who) => ({
          path: `/api/v1/enrolments/${await pendingEnrolment(who === 'officer' ? cast.officer.id : undefined)}/decision`,
          json: { decision: 'accepted' },
        }),
      },
    ],

    // --- audit ----------------------------------------------------------------------------
    'GET /api/v1/audit-events': [
      {
        on: 'the audit log',
        expect: { others: 403, admin: 200, auditor: 200 },
        call: () => ({ path: '/api/v1/audit-events' }),
      },
    ],
    'GET /api/v1/audit-events/keys': [
      {
        on: 'the public keys of the audit checkpoints',
        expect: { others: 403, admin: 200, auditor: 200 },
        call: () => ({ path: '/api/v1/audit-events/keys' }),
      },
    ],
    'GET /api/v1/audit-events/verify': [
      {
        on: 'the audit log',
        expect: { others: 403, admin: 200, auditor: 200 },
        call: () => ({ path: '/api/v1/audit-events/verify' }),
      },
    ],

    // --- operations -----------------------------------------------------------------------
    'GET /health/live': [
      { on: 'the process', expect: { others: 200 }, call: () => ({ path: '/health/live' }) },
    ],
    'GET /health/ready': [
      { on: 'the process', expect: { others: 200 }, call: () => ({ path: '/health/ready' }) },
    ],
    'GET /api/openapi.json': [
      {
        on: 'the OpenAPI document',
        expect: { others: 200 },
        call: () => ({ path: '/api/openapi.json' }),
      },
    ],
    'GET /api/docs*': [
      { on: 'Swagger UI', expect: { others: 200 }, call: () => ({ path: '/api/docs/index.html' }) },
    ],
    'ANY /admin/queues*': [
      {
        on: 'the queue dashboard (read)',
        expect: { others: 403, admin: 200 },
        call: () => ({ path: '/admin/queues/api/queues' }),
      },
      {
        on: 'the queue dashboard (a write: pause every queue)',
        expect: { others: 403, admin: 405 },
        call: () => ({ path: '/admin/queues/api/queues/pause', json: {} }),
      },
    ],
    ...taxiiRows(),
    'GET /<portal-file>': [
      {
        on: 'a file of the built portal',
        expect: { others: 200 },
        call: () => ({ path: '/assets/app.js' }),
      },
    ],
  };

  /**
   * The TAXII routes take a team's key, never a user's token: every caller's own token is a
   * 401, and team A's key, sent by any of them, reads team A's and the network's collections
   * and nothing of team B's.
   */
  function taxiiRows(): Record<RouteKey, Case[]> {
    const root = '/taxii2/rilon/collections';
    const teamA = () => `${root}/team-${cast.teamA.id}`;
    const teamB = () => `${root}/team-${cast.teamB.id}`;
    const withKey = { others: 200, anonymous: 200, suspended: 200 };
    const notFound = { others: 404, anonymous: 404, suspended: 404 };
    const rows: Array<[RouteKey, (base: () => string) => string]> = [
      ['GET /taxii2', () => '/taxii2'],
      ['GET /taxii2/rilon', () => '/taxii2/rilon'],
      ['GET /taxii2/rilon/collections', () => root],
      ['GET /taxii2/rilon/collections/:collectionId', (base) => base()],
      ['GET /taxii2/rilon/collections/:collectionId/objects', (base) => `${base()}/objects`],
      ['GET /taxii2/rilon/collections/:collectionId/manifest', (base) => `${base()}/manifest`],
      [
        'GET /taxii2/rilon/collections/:collectionId/objects/:objectId',
        (base) => `${base()}/objects/${stixIds.team(cast.teamA.id)}`,
      ],
      [
        'GET /taxii2/rilon/collections/:collectionId/objects/:objectId/versions',
        (base) => `${base()}/objects/${stixIds.team(cast.teamA.id)}/versions`,
      ],
    ];
    const table: Record<RouteKey, Case[]> = {};
    for (const [route, path] of rows) {
      const inCollection = route.includes(':collectionId');
      table[route] = [
        {
          on: inCollection ? "team A's collection, with a user's token" : "a user's token",
          expect: { others: 401 },
          call: () => ({ path: path(teamA) }),
        },
        {
          on: inCollection ? "team A's collection, with team A's key" : "team A's key",
          expect: withKey,
          call: () => ({ path: path(teamA), token: o.taxiiKey }),
          check: (_who, answer) =>
            JSON.stringify(answer.body).includes(o.amberB) ? ["team B's AMBER report served"] : [],
        },
        ...(inCollection
          ? [
              {
                on: "team B's collection, with team A's key",
                expect: notFound,
                call: () => ({ path: path(teamB), token: o.taxiiKey }),
              },
            ]
          : []),
      ];
    }
    return table;
  }

  /** The HTTP method of a call: the row's, or POST/PUT for a body on an ANY row. */
  function methodOf(route: RouteKey, request: Request): string {
    const method = route.split(' ')[0];
    if (method !== 'ANY') return method;
    return request.json === undefined ? 'GET' : 'PUT';
  }

  async function send(method: string, request: Request, token: string | null): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (request.json !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${api.baseUrl}${request.path}`, {
      method,
      headers,
      body: request.json === undefined ? undefined : JSON.stringify(request.json),
    });
    const contentType = response.headers.get('content-type') ?? '';
    if (request.stream && response.status === 200) {
      await response.body?.cancel();
      return { status: 200, contentType, body: null };
    }
    const text = await response.text();
    return {
      status: response.status,
      contentType,
      body: contentType.includes('json') && text ? JSON.parse(text) : text,
    };
  }

  function declarations(): Record<RouteKey, DeclaredRoute> {
    const router = routerRoutes(api.app);
    const declared: Record<RouteKey, DeclaredRoute> = { ...OUTSIDE_NEST };
    for (const { route, ...rest } of nestRoutes(api.app, router)) declared[route] = rest;
    for (const [key, route] of Object.entries(OUTSIDE_NEST)) {
      if (key === 'GET /<portal-file>') continue;
      const covered = router.filter((r) => coverage([r], [key]).missing.length === 0);
      declared[key] = { ...route, covers: covered };
    }
    return Object.fromEntries(Object.entries(declared).sort(byPath));
  }

  /** Router routes with the portal's files folded into one key (their names change with each build). */
  function routerKeys(): string[] {
    const files = new Set(['GET /index.html', 'GET /assets/app.js']);
    return routerRoutes(api.app).map((r) => (files.has(r) ? 'GET /<portal-file>' : r));
  }

  function expected(want: Expected, who: Caller, declared: DeclaredRoute): number {
    const open = declared.access.kind === 'public' || declared.access.kind === 'api-key';
    return want[who] ?? (!open && (who === 'anonymous' || who === 'suspended') ? 401 : want.others);
  }

  describe('the router and the table', () => {
    it('finds a route without a row, and a row without a route', () => {
      const router = ['GET /api/v1/teams', 'PATCH /api/v1/teams/:', 'GET /admin/queues/api/queues'];
      expect(coverage(router, ['GET /api/v1/teams', 'ANY /admin/queues*'])).toEqual({
        missing: ['PATCH /api/v1/teams/:'],
        orphans: [],
      });
      expect(
        coverage(router, [
          'GET /api/v1/teams',
          'PATCH /api/v1/teams/:id',
          'ANY /admin/queues*',
          'GET /gone',
        ]),
      ).toEqual({ missing: [], orphans: ['GET /gone'] });
    });

    it('has a row for every route the running router holds, and no row for a route it lacks', () => {
      const router = routerKeys();
      // The portal files, the dashboard, Swagger UI and Nest's routes are all there.
      expect(router.length).toBeGreaterThan(60);
      expect(router).toEqual(
        expect.arrayContaining([
          'GET /<portal-file>',
          'PUT /admin/queues/api/queues/pause',
          'GET /api/v1/reports/:',
          'GET /health/ready',
        ]),
      );
      expect(coverage(router, Object.keys(MATRIX))).toEqual({ missing: [], orphans: [] });
      // Every Nest route is a row of its own, never folded into a prefix.
      const nest = nestRoutes(api.app, routerRoutes(api.app)).map((r) => r.route);
      expect(nest.filter((route) => !(route in MATRIX))).toEqual([]);
    });

    it('matches the committed snapshot of route → declared rule', async () => {
      const current = declarations();
      const doc = await renderDoc(current);
      if (WRITE) {
        const options = await prettier.resolveConfig(SNAPSHOT);
        writeFileSync(
          SNAPSHOT,
          await prettier.format(JSON.stringify(current), { ...options, parser: 'json' }),
        );
        writeFileSync(DOC, doc);
      }
      const committed = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as unknown;
      // A change of who may call a route is reviewed: RILON_WRITE_MATRIX=1 rewrites both files.
      expect(current).toEqual(committed);
      expect(readFileSync(DOC, 'utf8')).toBe(doc);
    });
  });

  describe('every route, as each caller', () => {
    const rows = () => Object.keys(MATRIX);

    it.each(rows())('%s', async (route) => {
      const declared = declarations()[route];
      expect(declared).toBeDefined();
      const template = new RegExp(
        `^${route
          .split(' ')[1]
          .replace(/[.]/g, '\\.')
          .replace(/:[A-Za-z]+/g, '[^/]+')
          .replace(/\*$/, '.*')
          .replace('<portal-file>', '.+')}$`,
      );
      for (const testCase of MATRIX[route]) {
        const got: Partial<Record<Caller, number>> = {};
        const want: Partial<Record<Caller, number>> = {};
        const faults: string[] = [];
        for (const who of CALLERS) {
          const request = await testCase.call(who);
          if (!template.test(request.path.split('?')[0]))
            faults.push(`${who}: ${request.path} is not ${route}`);
          const token =
            request.token !== undefined
              ? request.token
              : who === 'anonymous'
                ? null
                : user(who).token;
          const answer = await send(methodOf(route, request), request, token);
          got[who] = answer.status;
          want[who] = expected(testCase.expect, who, declared);
          if (answer.status >= 400 && declared.access.kind === 'api-key') {
            // TAXII's own error object on the TAXII routes (docs/stix.md, "TAXII").
            if (!answer.contentType.startsWith('application/taxii+json'))
              faults.push(`${who}: ${answer.status} as ${answer.contentType}, not taxii+json`);
            else if (answer.body?.http_status !== String(answer.status))
              faults.push(`${who}: the TAXII error does not match its status`);
          } else if (answer.status >= 400) {
            if (!answer.contentType.startsWith('application/problem+json'))
              faults.push(`${who}: ${answer.status} as ${answer.contentType}, not problem+json`);
            else if (
              answer.body?.status !== answer.status ||
              typeof answer.body?.title !== 'string'
            )
              faults.push(`${who}: the problem document does not match its status`);
          }
          faults.push(...(testCase.check?.(who, answer) ?? []).map((f) => `${who}: ${f}`));
          await testCase.after?.(who, answer);
        }
        expect({ on: testCase.on, statuses: got, faults }).toEqual({
          on: testCase.on,
          statuses: want,
          faults: [],
        });
      }
    });
  });

  /** docs/authorization.md: the snapshot and the tested statuses as tables, formatted like every file. */
  async function renderDoc(current: Record<RouteKey, DeclaredRoute>): Promise<string> {
    const cell = (text: string) => text.replace(/\|/g, '\\|');
    const lines = [
      '# Authorisation matrix',
      '',
      '<!-- Generated by tests/ops/authorization-matrix.test.ts from tests/ops/authorization-matrix.json: do not edit by hand. After a reviewed change of who may call a route, run `RILON_WRITE_MATRIX=1 npm test -- tests/ops/authorization-matrix.test.ts`. -->',
      '',
      'Every route declares who may call it where it is defined: `@Public()`, `@Authenticated()`,',
      "`@Authenticated('<object rule>')`, `@RequireRoles(...)` or `@ApiKeyAccess()` (a team's TAXII key, for the TAXII routes) on the Nest handler",
      '(`libs/identity/src/auth/auth.decorators.ts`). The global guard enforces the first part:',
      'no token or a dead session is 401, a missing global role 403 (audited). A route with no',
      'declaration stops the API from starting. The object rules depend on the row (a',
      "report's TLP and distribution, who leads a team), so the services decide them, and the",
      'declaration names the rule. Administrators and auditors have no content access by role.',
      'Routes outside Nest (the queue dashboard, Swagger UI, the portal files) are declared in the',
      "test's own table. Prometheus metrics are not on the API's router at all: they have a",
      "listener of their own (`METRICS_HOST`:`METRICS_PORT`) for the operators' network.",
      '',
      '## Who may call each route',
      '',
      'The guard column is enforced before any pipe or service runs; the object rule (defined',
      'at the end) is applied by the service behind the handler in the last column.',
      '',
      '| route | guard | object rule | notes | declared on |',
      '| --- | --- | --- | --- | --- |',
      ...Object.entries(current).map(([route, declared]) => {
        const { guard, object, notes } = describeAccess(declared);
        return `| \`${cell(route)}\` | ${guard} | ${object} | ${cell(notes)} | ${cell(declared.by)} |`;
      }),
      '',
      '## What each caller gets',
      '',
      'As tested by `tests/ops/authorization-matrix.test.ts`, on the object in the second column',
      '(team A and team B are two capital teams; the suspended user is an officer of team A).',
      '',
      `| route | object | ${CALLERS.map((c) => CALLER_NAMES[c]).join(' | ')} |`,
      `| --- | --- | ${CALLERS.map(() => '---').join(' | ')} |`,
      ...Object.entries(MATRIX)
        .sort(byPath)
        .flatMap(([route, cases]) =>
          cases.map(
            (c) =>
              `| \`${cell(route)}\` | ${cell(c.on)} | ${CALLERS.map((who) =>
                expected(c.expect, who, current[route]),
              ).join(' | ')} |`,
          ),
        ),
      '',
      '## Object rules',
      '',
      '| rule | who |',
      '| --- | --- |',
      ...Object.entries(OBJECT_RULES).map(([name, text]) => `| \`${name}\` | ${cell(text)} |`),
      '',
    ];
    const options = await prettier.resolveConfig(DOC);
    return prettier.format(lines.join('\n'), { ...options, parser: 'markdown' });
  }
});

/** A handler nobody declared: the app must not start with it. */
@Controller('probe')
class ForgottenController {
  @Get('open')
  @Public()
  open(): void {}

  @Post('forgotten')
  forgotten(): void {}
}

@Controller('probe-ok')
class DeclaredController {
  @Get()
  @Authenticated('self')
  fine(): void {}
}

describe('a route without a declaration', () => {
  it('stops the app at start, naming the handler', async () => {
    const forgotten = await Test.createTestingModule({
      imports: [DiscoveryModule],
      controllers: [ForgottenController],
      providers: [AccessDeclarations],
    }).compile();
    await expect(forgotten.init()).rejects.toThrow(
      /ForgottenController\.forgotten declares no access rule/,
    );
    await forgotten.close();

    const declared = await Test.createTestingModule({
      imports: [DiscoveryModule],
      controllers: [DeclaredController],
      providers: [AccessDeclarations],
    }).compile();
    await expect(declared.init()).resolves.toBeDefined();
    await declared.close();
  });
});
