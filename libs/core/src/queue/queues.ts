import type { JobsOptions } from 'bullmq';
import type { OutboxEventType, OutboxPayloads } from '../outbox/outbox';

/** Every queue of the portal, in one place. */
export const QUEUES = {
  /** Committed outbox events that need recipients computed. */
  fanout: 'fanout',
  /** One e-mail a job. */
  email: 'email',
  /** One webhook delivery a job. */
  webhook: 'webhook',
  /** Daily digests, one job per time zone and day. */
  digest: 'digest',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** The job an outbox event becomes: the relay adds it with job id `evt-<outbox id>`. */
export interface OutboxJob<K extends OutboxEventType = OutboxEventType> {
  outboxId: string;
  type: K;
  payload: OutboxPayloads[K];
  occurredAt: string;
}

/** Which queue each outbox event type goes to. */
export function queueForEvent(type: OutboxEventType): QueueName {
  return type === 'email.send' ? QUEUES.email : QUEUES.fanout;
}

/** BullMQ job ids may not be integers nor contain ':'. */
export function outboxJobId(outboxId: string): string {
  return `evt-${outboxId}`;
}

/** Retries with exponential backoff; completed and failed jobs kept bounded. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 10000 },
  removeOnFail: { age: 14 * 24 * 3600, count: 50000 },
};
