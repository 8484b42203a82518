import type { Redis } from 'ioredis';
import type { UsersRepository } from '../users/users.repository';
import { ACCOUNT_LIMIT, LoginThrottle } from './login-throttle';

/** A Redis that is down: the throttle counts in this process. */
const down = {
  multi: () => {
    throw new Error('Connection is closed.');
  },
} as unknown as Redis;

const VICTIM_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

/** The users table: only victim@x.test exists (PostgreSQL's lower() stood in for). */
const users = {
  idByEmail: (email: string) =>
    Promise.resolve(email.replace(/İ/g, 'i').toLowerCase() === 'victim@x.test' ? VICTIM_ID : null),
} as unknown as UsersRepository;

async function fail(throttle: LoginThrottle, email: string, ip: string): Promise<number> {
  const attempt = await throttle.begin(email, ip);
  await attempt.settle(false);
  return attempt.lockedFor;
}

describe('LoginThrottle in-process fallback', () => {
  it('counts an account once, however its address is spelt', async () => {
    const throttle = new LoginThrottle(down, users);
    const variants = [
      'victim@x.test',
      'Victim@X.test',
      'VİCTİM@x.test',
      'VICTIM@x.TEST',
      'vİctim@x.test',
    ];
    for (const [i, email] of variants.entries())
      expect(await fail(throttle, email, `198.51.100.${i}`)).toBe(0);
    for (const email of variants) {
      expect((await throttle.begin(email, '198.51.100.99')).lockedFor).toBeGreaterThan(800);
    }
  });

  it('counts the case and Unicode variants of an unknown address as one', async () => {
    const throttle = new LoginThrottle(down, users);
    const variants = ['nobody@x.test', 'Nobody@X.test', 'NOBODY@x.test', 'ＮＯＢＯＤＹ@x.test'];
    for (let i = 0; i < ACCOUNT_LIMIT; i += 1) {
      expect(await fail(throttle, variants[i % variants.length], `198.51.100.${i}`)).toBe(0);
    }
    for (const email of variants) {
      expect((await throttle.begin(email, '198.51.100.99')).lockedFor).toBeGreaterThan(800);
    }
  });

  it('counts an IPv6 /64 as one address', async () => {
    const throttle = new LoginThrottle(down, users);
    for (let i = 0; i < 50; i += 1)
      await fail(throttle, `n${i}@x.test`, `2001:db8:7:7::${i.toString(16)}`);
    expect(
      (await throttle.begin('other@x.test', '2001:db8:7:7:ffff::1')).lockedFor,
    ).toBeGreaterThan(0);
    expect((await throttle.begin('other@x.test', '2001:db8:7:8::1')).lockedFor).toBe(0);
  });

  it('keeps a recent lockout when it outgrows 100k entries, evicting the oldest instead', async () => {
    const throttle = new LoginThrottle(down, users);
    // Two entries (account, address) per attempt: fill up to just below the bound.
    for (let i = 0; i < 50_000 - ACCOUNT_LIMIT - 1; i += 1) {
      await fail(
        throttle,
        `filler-${i}@x.test`,
        `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      );
    }
    for (let i = 0; i < ACCOUNT_LIMIT; i += 1)
      await fail(throttle, 'victim@x.test', `192.0.2.${i}`);
    // Past the bound: the old fallback cleared itself here, lockouts included.
    for (let i = 0; i < 20; i += 1) await fail(throttle, `late-${i}@x.test`, `172.16.0.${i}`);
    const locked = await throttle.begin('VICTIM@x.test', '192.0.2.200');
    expect(locked.lockedFor).toBeGreaterThan(800);
    // The oldest counters went instead: the first filler counts from 1 again.
    expect(await fail(throttle, 'filler-0@x.test', '10.0.0.0')).toBe(0);
  });
});
