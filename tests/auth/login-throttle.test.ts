import { randomBytes } from 'node:crypto';
import { DEFAULT_PASSWORD, Factory } from '../support/factories';
import { HttpResult, startApi, TestApi } from '../support/harness';

jest.setTimeout(120000);

/** The per-address limit of sign-in failures (libs/identity/src/auth/login-throttle.ts). */
const ADDRESS_LIMIT = 50;

/**
 * Sign-in throttling (issue 12, hole 4): one counter per resolved account whatever the
 * spelling of its address, per client address behind trusted proxies (TRUST_PROXY), IPv6
 * by /64.
 */
describe('sign-in throttling', () => {
  function login(
    api: TestApi,
    email: string,
    password: string,
    headers: Record<string, string> = {},
  ): Promise<HttpResult> {
    return api.post('/auth/login', { email, password }, { headers });
  }

  /** ADDRESS_LIMIT failures for unknown accounts (one each), `from` giving each one's headers. */
  async function failFrom(api: TestApi, from: (i: number) => Record<string, string>) {
    for (let batch = 0; batch < ADDRESS_LIMIT; batch += 10) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, j) =>
          login(api, `nobody-${randomBytes(6).toString('hex')}@rilon.test`, 'wrong password', {
            ...from(batch + j),
          }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(401));
    }
  }

  async function auditIp(api: TestApi, requestId: string): Promise<string | null> {
    const rows: Array<{ ip: string | null }> = await api.db.query(
      `SELECT ip FROM audit_events WHERE action = 'auth.login' AND request_id = $1`,
      [requestId],
    );
    expect(rows).toHaveLength(1);
    return rows[0].ip;
  }

  describe('behind a trusted proxy (TRUST_PROXY=127.0.0.1)', () => {
    let api: TestApi;
    let factory: Factory;

    beforeAll(async () => {
      api = await startApi({ TRUST_PROXY: '127.0.0.1' });
      factory = new Factory(api);
    });
    afterAll(() => api?.close());

    it('locks the account for every case and Unicode variant of its address', async () => {
      const hex = randomBytes(4).toString('hex');
      await factory.user({ email: `officer-${hex}@rilon.test`, signIn: false });
      const variants = [
        `Officer-${hex}@Rilon.Test`,
        `OFFICER-${hex.toUpperCase()}@rilon.test`,
        `officer-${hex}@rilon.test`,
        // PostgreSQL's lower() finds the account; JavaScript's toLowerCase() gives "i̇".
        `OFFİCER-${hex}@RILON.TEST`,
        `Offİcer-${hex}@rilon.test`,
      ];
      for (const email of variants) {
        expect((await login(api, email, 'not the password')).status).toBe(401);
      }
      for (const email of variants) {
        const locked = await login(api, email, DEFAULT_PASSWORD);
        expect(locked.status).toBe(429);
        expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
      }
    });

    it('counts each client behind the proxy apart and audits its forwarded address', async () => {
      await failFrom(api, (i) => ({
        'x-forwarded-for': '203.0.113.10',
        'x-request-id': `fwd-a-${i}`,
      }));
      expect(await auditIp(api, 'fwd-a-7')).toBe('203.0.113.10');
      const lockedA = await login(api, 'someone@rilon.test', 'wrong', {
        'x-forwarded-for': '203.0.113.10',
      });
      expect(lockedA.status).toBe(429);
      const clientB = await login(api, 'someone@rilon.test', 'wrong', {
        'x-forwarded-for': '203.0.113.20',
        'x-request-id': 'fwd-b-1',
      });
      expect(clientB.status).toBe(401);
      expect(await auditIp(api, 'fwd-b-1')).toBe('203.0.113.20');
    });

    it('counts IPv6 clients by /64', async () => {
      await failFrom(api, (i) => ({ 'x-forwarded-for': `2001:db8:1:2::${(i + 1).toString(16)}` }));
      const sameNetwork = await login(api, 'someone@rilon.test', 'wrong', {
        'x-forwarded-for': '2001:db8:1:2:abcd:ef01:2345:6789',
      });
      expect(sameNetwork.status).toBe(429);
      const otherNetwork = await login(api, 'someone@rilon.test', 'wrong', {
        'x-forwarded-for': '2001:db8:1:3::1',
      });
      expect(otherNetwork.status).toBe(401);
    });
  });

  describe('without TRUST_PROXY', () => {
    let api: TestApi;

    beforeAll(async () => {
      api = await startApi();
    });
    afterAll(() => api?.close());

    it('ignores X-Forwarded-For: one address, and the audit has the connection’s', async () => {
      await failFrom(api, (i) => ({
        'x-forwarded-for': `198.51.100.${i + 1}`,
        'x-request-id': `direct-${i}`,
      }));
      expect(await auditIp(api, 'direct-3')).toBe('127.0.0.1');
      const locked = await login(api, 'someone@rilon.test', 'wrong', {
        'x-forwarded-for': '198.51.100.200',
      });
      expect(locked.status).toBe(429);
    });
  });
});
