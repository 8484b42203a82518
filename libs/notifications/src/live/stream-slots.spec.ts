import { ProblemException } from '@rilon/core';
import type { Redis } from 'ioredis';
import { STREAMS_PER_USER, StreamSlots } from './stream-slots';

/** A Redis that is down: every command fails at once, as the shared client does then. */
function downRedis(): Redis {
  const fail = () => Promise.reject(new Error('Connection is closed.'));
  return {
    eval: fail,
    zrem: fail,
    pipeline: () => ({ eval: () => undefined, exec: fail }),
  } as unknown as Redis;
}

async function refusal(promise: Promise<unknown>): Promise<ProblemException> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ProblemException)) throw new Error('the stream was admitted');
  return error;
}

describe('StreamSlots while Redis is down', () => {
  it('still holds each user to STREAMS_PER_USER on this instance, parallel opens too', async () => {
    const slots = new StreamSlots(downRedis(), 1000);
    const opens = await Promise.allSettled(
      Array.from({ length: STREAMS_PER_USER + 2 }, () => slots.acquire('u1')),
    );
    expect(opens.filter((o) => o.status === 'fulfilled')).toHaveLength(STREAMS_PER_USER);
    const refused = await refusal(slots.acquire('u1'));
    expect(refused.problem.status).toBe(429);
    expect(refused.problem.headers?.['retry-after']).toBe('30');
    await expect(slots.acquire('u2')).resolves.toMatchObject({ userId: 'u2' });
  });

  it('frees a slot on release, once only', async () => {
    const slots = new StreamSlots(downRedis(), 1000);
    const held = await Promise.all(
      Array.from({ length: STREAMS_PER_USER }, () => slots.acquire('u1')),
    );
    slots.release(held[0]);
    slots.release(held[0]);
    await slots.acquire('u1');
    expect((await refusal(slots.acquire('u1'))).problem.status).toBe(429);
    expect(slots.size).toBe(STREAMS_PER_USER);
  });

  it('answers 503 beyond the per-instance cap, whoever asks', async () => {
    const slots = new StreamSlots(downRedis(), 2);
    await slots.acquire('a');
    const second = await slots.acquire('b');
    expect((await refusal(slots.acquire('c'))).problem.status).toBe(503);
    slots.release(second);
    await expect(slots.acquire('c')).resolves.toMatchObject({ userId: 'c' });
  });
});
