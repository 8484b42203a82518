import type { AppConfig } from '@rilon/core';
import { DIGEST_JOB, WEBHOOK_JOB } from '@rilon/notifications';
import { Job, UnrecoverableError } from 'bullmq';
import { EmailProcessor } from '../email/email.processor';
import type { EmailRendererRegistry } from '../email/email-renderer.registry';
import { DigestProcessor } from './digest.processor';
import { FanoutProcessor } from './fanout.processor';
import { WebhookProcessor } from './webhook.processor';

/** A dependency that records every use: a refused job must not touch any. */
function recorder(touched: string[], name: string): any {
  return new Proxy(
    {},
    {
      get: (_target, key) => {
        if (key === 'then') return undefined;
        return (..._args: unknown[]) => {
          touched.push(`${name}.${String(key)}`);
          return Promise.resolve([]);
        };
      },
    },
  );
}

function job(name: string, data: unknown): Job<unknown> {
  return { name, id: 'job-1', data, timestamp: Date.now() } as unknown as Job<unknown>;
}

const ID = '0196a3a4-0000-7000-8000-000000000001';
const config = {} as AppConfig;

describe('a job whose data does not fit its shape', () => {
  let touched: string[];
  beforeEach(() => (touched = []));

  it('fails for good in the fan-out and notifies nobody', async () => {
    const processor = new FanoutProcessor(
      recorder(touched, 'fanout'),
      recorder(touched, 'outbox'),
      recorder(touched, 'mail'),
      recorder(touched, 'webhooks'),
      recorder(touched, 'redis'),
      config,
    );
    for (const data of [
      null,
      { outboxId: '1' },
      {
        outboxId: '1',
        eventKey: ID,
        type: 'report.withdrawn',
        payload: { reportId: `${ID}' OR 1=1`, version: 1, actorId: ID },
        occurredAt: new Date().toISOString(),
      },
    ])
      await expect(processor.process(job('report.withdrawn', data))).rejects.toThrow(
        UnrecoverableError,
      );
    expect(touched).toEqual([]);
  });

  it('fails for good in the webhook sender and posts nothing', async () => {
    const processor = new WebhookProcessor(
      recorder(touched, 'deliveries'),
      recorder(touched, 'slots'),
      config,
    );
    const data = {
      outboxId: '1',
      eventKey: ID,
      teamId: ID,
      reportId: ID,
      event: 'report.deleted',
      version: 1,
      occurredAt: new Date().toISOString(),
    };
    await expect(processor.process(job(WEBHOOK_JOB, data))).rejects.toThrow(/: event$/);
    await expect(processor.process(job(WEBHOOK_JOB, { teamId: ID }))).rejects.toThrow(
      UnrecoverableError,
    );
    expect(touched).toEqual([]);
  });

  it('fails for good in the digest run and claims nothing', async () => {
    const processor = new DigestProcessor(
      recorder(touched, 'mails'),
      recorder(touched, 'notifications'),
      recorder(touched, 'email'),
    );
    for (const data of [{}, { zone: 'Mars/Olympus' }, { zone: ['UTC'] }])
      await expect(processor.process(job(DIGEST_JOB, data))).rejects.toThrow(UnrecoverableError);
    expect(touched).toEqual([]);
  });

  it('fails for good in the e-mail processor before the renderer reads anything', async () => {
    const renderers = { rendererFor: () => recorder(touched, 'renderer') };
    const processor = new EmailProcessor(
      renderers as unknown as EmailRendererRegistry,
      recorder(touched, 'transport'),
      recorder(touched, 'email'),
    );
    for (const [name, data] of [
      ['email.send', { outboxId: '1 OR 1=1' }],
      ['notification.immediate', { notificationId: 42 }],
      ['notification.batch', { outboxId: '7', fromId: ID, toId: 'x' }],
      ['notification.digest', { userId: ID }],
    ] as const)
      await expect(processor.process(job(name, data) as never)).rejects.toThrow(UnrecoverableError);
    expect(touched).toEqual([]);
  });
});
