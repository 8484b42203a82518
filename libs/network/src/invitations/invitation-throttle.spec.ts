import { type AuditService, Refusals } from '@rilon/audit';
import type { Actor } from '@rilon/core';
import type { Redis } from 'ioredis';
import { INVITATIONS_PER_HOUR, InvitationThrottle } from './invitation-throttle';

const actor = (userId: string) => ({ userId }) as Actor;

/** A Redis whose transactions fail, as while it is down. */
const downRedis = {
  multi: () => {
    const chain = {
      incr: () => chain,
      expire: () => chain,
      ttl: () => chain,
      exec: () => Promise.reject(new Error('Connection is closed.')),
    };
    return chain;
  },
} as unknown as Redis;

describe('InvitationThrottle while Redis is down', () => {
  it('counts in this process: the 51st invitation of an hour is a 429, audited', async () => {
    const recordAlone = jest.fn(() => Promise.resolve());
    const throttle = new InvitationThrottle(
      downRedis,
      new Refusals({ recordAlone } as unknown as AuditService),
    );
    for (let i = 0; i < INVITATIONS_PER_HOUR; i += 1) await throttle.take(actor('a'), {});
    await expect(throttle.take(actor('a'), { teamId: 't' })).rejects.toMatchObject({
      problem: { status: 429, headers: { 'retry-after': expect.stringMatching(/^3[56]\d\d$/) } },
    });
    expect(recordAlone).toHaveBeenCalledWith(
      expect.objectContaining({
        actorId: 'a',
        action: 'invitation.create',
        outcome: 'denied',
        details: expect.objectContaining({ reason: 'throttled', teamId: 't' }),
      }),
    );
    // Another inviter counts apart.
    await expect(throttle.take(actor('b'), {})).resolves.toBeUndefined();
  });
});
