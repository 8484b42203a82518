import { randomUUID } from 'node:crypto';
import { Cast, createCast, Factory, TestUser } from '../support/factories';
import { startApi, TestApi } from '../support/harness';
import { ALL_ROLES, RoleName, tokenOf } from './network-helpers';

const UNKNOWN = '0190b6f0-0000-7000-8000-000000000000';

interface Person {
  id: string;
  displayName: string;
  memberCode: string;
  teams: Array<{ teamId: string; teamName: string }>;
}

/** A list on 200; a problem (`type`, `errors`) otherwise. */
interface Answer {
  items: Person[];
  nextCursor: string | null;
  type?: string;
  errors?: Array<{ field: string; message: string }>;
}

/** GET /people: the directory every signed-in user searches to name RED recipients. */
jest.setTimeout(30000);

describe('the people directory', () => {
  let api: TestApi;
  let cast: Cast;
  let factory: Factory;
  let prasert: TestUser;
  let wong: TestUser;
  let somchaiSuspended: TestUser;
  let percent: TestUser;
  let snake: TestUser;
  let backslash: TestUser;

  /** As the officer unless another caller is given (`null`: no token at all). */
  const people = (query: string, token: string | null = cast.officer.token) =>
    api.get<Answer>(`/people?${query}`, {
      token: token ?? undefined,
    });
  const names = (items: Person[]) => items.map((p) => p.displayName);
  /** The fields a 400 names, each once. */
  const fields = (body: Pick<Answer, 'errors'>) => [
    ...new Set((body.errors ?? []).map((e) => e.field)),
  ];

  beforeAll(async () => {
    api = await startApi();
    factory = new Factory(api);
    cast = await createCast(factory);
    const closed = await factory.team('Team Closed');
    await api.db.query('UPDATE teams SET active = false WHERE id = $1', [closed.id]);
    const quiet = { signIn: false } as const;
    [prasert, wong, somchaiSuspended, percent, snake, backslash] = await Promise.all([
      factory.user({
        ...quiet,
        displayName: 'Somchai Prasert',
        teams: [
          [cast.teamB.id, 'observer'],
          [cast.teamA.id, 'officer'],
          [closed.id, 'lead'],
        ],
      }),
      factory.user({ ...quiet, displayName: 'somchai Wong', memberCode: 'IOM' }),
      factory.user({ displayName: 'Anan Somchaiyo', suspended: true }),
      factory.user({ ...quiet, displayName: 'Percent 100% Sure' }),
      factory.user({ ...quiet, displayName: 'Snake_Case Person' }),
      factory.user({ ...quiet, displayName: 'Back\\slash Person' }),
      factory.user({ ...quiet, displayName: 'SnakeXCase Person' }),
      factory.user({ ...quiet, displayName: 'Percent 1000 Sure' }),
    ]);
  });
  afterAll(() => api.close());

  describe('search by q', () => {
    it('an officer finds active users by part of the display name, any case, with their teams', async () => {
      const res = await people('q=SOMCHAI');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        items: [
          {
            id: prasert.id,
            displayName: 'Somchai Prasert',
            memberCode: 'THA',
            teams: [
              { teamId: cast.teamA.id, teamName: 'Team Bangkok' },
              { teamId: cast.teamB.id, teamName: 'Team Colombo' },
            ],
          },
          { id: wong.id, displayName: 'somchai Wong', memberCode: 'IOM', teams: [] },
        ],
        nextCursor: null,
      });
    });

    it('never answers a suspended user, an e-mail address, a global role or a status', async () => {
      const res = await people('q=a&limit=50', cast.admin.token);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThan(5);
      const ids = res.body.items.map((p) => p.id);
      expect(ids).not.toContain(somchaiSuspended.id);
      expect(ids).not.toContain(cast.suspended.id);
      expect(ids).toContain(cast.admin.id);
      for (const item of res.body.items) {
        expect(Object.keys(item).sort()).toEqual(['displayName', 'id', 'memberCode', 'teams']);
        for (const team of item.teams)
          expect(Object.keys(team).sort()).toEqual(['teamId', 'teamName']);
      }
      expect(res.text).not.toContain('@');
      expect(res.text).not.toMatch(/globalRole|status|email|"admin"|"auditor"/);
    });

    it('orders by display name and stops at limit (default 20)', async () => {
      const all = await people('q=e&limit=50');
      expect(all.status).toBe(200);
      const sorted = [...names(all.body.items)];
      const ordered: Array<{ sorted: boolean }> = await api.db.query(
        `SELECT array_agg(n ORDER BY ord) = array_agg(n ORDER BY n COLLATE "default", ord) AS sorted
           FROM unnest($1::text[]) WITH ORDINALITY AS t(n, ord)`,
        [sorted],
      );
      expect(ordered[0].sorted).toBe(true);
      const two = await people('q=e&limit=2');
      expect(names(two.body.items)).toEqual(sorted.slice(0, 2));
      expect(two.body.nextCursor).toBeNull();
      const byDefault = await people('q=e');
      expect(byDefault.body.items).toHaveLength(Math.min(20, sorted.length));
    });

    it('matches %, _ and \\ in q as themselves, not as wildcards', async () => {
      const percentRes = await people(`q=${encodeURIComponent('100%')}`);
      expect(percentRes.status).toBe(200);
      expect(percentRes.body.items.map((p) => p.id)).toEqual([percent.id]);
      const underscore = await people(`q=${encodeURIComponent('e_C')}`);
      expect(underscore.body.items.map((p) => p.id)).toEqual([snake.id]);
      const onlyPercent = await people(`q=${encodeURIComponent('%')}`);
      expect(onlyPercent.body.items.map((p) => p.id)).toEqual([percent.id]);
      const onlyUnderscore = await people('q=_');
      expect(onlyUnderscore.body.items.map((p) => p.id)).toEqual([snake.id]);
      const slash = await people(`q=${encodeURIComponent('\\')}`);
      expect(slash.body.items.map((p) => p.id)).toEqual([backslash.id]);
    });

    it('answers an empty list when nothing matches', async () => {
      const res = await people('q=nobody-has-this-name');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [], nextCursor: null });
    });
  });

  describe('lookup by ids', () => {
    it('answers exactly the listed ids that are active users, by display name', async () => {
      const ids = [prasert.id, somchaiSuspended.id, UNKNOWN, cast.lead.id, prasert.id];
      const res = await people(`ids=${ids.join(',')}`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((p) => [p.id, p.displayName])).toEqual([
        [cast.lead.id, 'Lead A'],
        [prasert.id, 'Somchai Prasert'],
      ]);
      expect(res.body.items[0].teams).toEqual([
        { teamId: cast.teamA.id, teamName: 'Team Bangkok' },
      ]);
      expect(res.body.nextCursor).toBeNull();
    });

    it('accepts upper-case ids, spaces after commas, and ignores limit', async () => {
      const res = await people(
        `ids=${encodeURIComponent(`${wong.id.toUpperCase()}, ${cast.officer.id}`)}&limit=1`,
      );
      expect(res.status).toBe(200);
      expect(res.body.items.map((p) => p.id).sort()).toEqual([wong.id, cast.officer.id].sort());
    });

    it('takes up to 200 ids', async () => {
      const many = [cast.admin.id, ...Array.from({ length: 199 }, () => randomUUID())];
      const ok = await people(`ids=${many.join(',')}`);
      expect(ok.status).toBe(200);
      expect(ok.body.items.map((p) => p.id)).toEqual([cast.admin.id]);
      const tooMany = await people(`ids=${[...many, randomUUID()].join(',')}`);
      expect(tooMany.status).toBe(400);
      expect(fields(tooMany.body)).toEqual(['ids']);
    });

    it.each([
      ['not a uuid', 'not-a-uuid'],
      ['empty', ''],
      ['a trailing comma', `${UNKNOWN},`],
      ['an empty entry', `${UNKNOWN},,${UNKNOWN}`],
      ['a uuid with a quote', `${UNKNOWN}'`],
    ])('400 naming ids for %s', async (_label, value) => {
      const res = await people(`ids=${encodeURIComponent(value)}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.type).toBe('/problems/validation');
      expect(fields(res.body)).toEqual(['ids']);
    });
  });

  describe('bounded inputs', () => {
    it('400 for both q and ids, and for neither', async () => {
      const both = await people(`q=Somchai&ids=${prasert.id}`);
      expect(both.status).toBe(400);
      expect(fields(both.body).sort()).toEqual(['ids', 'q']);
      const neither = await api.get('/people', { token: cast.officer.token });
      expect(neither.status).toBe(400);
      expect(fields(neither.body).sort()).toEqual(['ids', 'q']);
      const onlyLimit = await people('limit=5');
      expect(onlyLimit.status).toBe(400);
    });

    it.each(['0', '51', '-1', '1.5', 'ten', ''])('400 naming limit for limit=%p', async (limit) => {
      const res = await people(`q=Somchai&limit=${limit}`);
      expect(res.status).toBe(400);
      expect(fields(res.body)).toEqual(['limit']);
    });

    it('takes limit 1 and 50', async () => {
      expect((await people('q=Somchai&limit=1')).body.items).toHaveLength(1);
      expect((await people('q=Somchai&limit=50')).status).toBe(200);
    });

    it('q is 1 to 100 characters and not blank', async () => {
      expect((await people(`q=${'x'.repeat(100)}`)).status).toBe(200);
      for (const q of ['', '   ', 'x'.repeat(101)]) {
        const res = await people(`q=${encodeURIComponent(q)}`);
        expect(res.status).toBe(400);
        expect(fields(res.body)).toContain('q');
      }
    });

    it('400 for an unknown parameter, such as an e-mail filter', async () => {
      const res = await people('q=Somchai&email=x');
      expect(res.status).toBe(400);
      expect(fields(res.body)).toEqual(['email']);
    });
  });

  describe('who may call it', () => {
    const expected = (role: RoleName) => (role === 'anonymous' || role === 'suspended' ? 401 : 200);

    it.each(ALL_ROLES)('as %s', async (role) => {
      const res = await people('q=Somchai', tokenOf(cast, role) ?? null);
      expect(res.status).toBe(expected(role));
      if (res.status === 200)
        expect(res.body.items.map((p) => p.id)).toEqual([prasert.id, wong.id]);
      else expect(res.body.type).toMatch(/^\/problems\//);
    });

    it('401 without a token for an ids lookup too', async () => {
      const res = await api.get(`/people?ids=${prasert.id}`);
      expect(res.status).toBe(401);
    });
  });
});
