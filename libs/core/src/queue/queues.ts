import { JobsOptions, Queue } from 'bullmq';
import { bullConnection } from '../redis/redis';
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

/**
 * The job a fan-out outbox event becomes: the relay adds it with job id `evt-<event key>`.
 * (An `email.send` event becomes an `EmailSendJob` instead.)
 */
export interface OutboxJob<K extends OutboxEventType = OutboxEventType> {
  outboxId: string;
  /** The event's globally unique key: stable ids of jobs and deliveries derive from it. */
  eventKey: string;
  type: K;
  payload: OutboxPayloads[K];
  occurredAt: string;
}

/**
 * The job an `email.send` outbox event becomes (job id `evt-<event key>`): its id alone.
 * Recipient, template and params stay in PostgreSQL, where the worker reads them, so that
 * whoever can write Redis (or the queue dashboard) can neither read an invitation link nor
 * send it elsewhere.
 */
export interface EmailSendJob {
  outboxId: string;
}

/** Which queue each outbox event type goes to. */
export function queueForEvent(type: OutboxEventType): QueueName {
  return type === 'email.send' ? QUEUES.email : QUEUES.fanout;
}

/** BullMQ job ids may not be integers nor contain ':'. */
export function outboxJobId(eventKey: string): string {
  return `evt-${eventKey}`;
}

/** Retries with exponential backoff; completed and failed jobs kept bounded. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 10000 },
  removeOnFail: { age: 14 * 24 * 3600, count: 50000 },
};

/**
 * E-mail jobs retry longer than the default (14 attempts, about 4.5 hours in all), so
 * that a mail server that is down for a while delays mail rather than losing it; what
 * still fails stays in the failed set, visible and retryable on the queue dashboard.
 */
export const EMAIL_JOB_OPTIONS: JobsOptions = { ...DEFAULT_JOB_OPTIONS, attempts: 14 };

/** The job options a producer uses for a queue. */
export function jobOptionsFor(queue: QueueName): JobsOptions {
  return queue === QUEUES.email ? EMAIL_JOB_OPTIONS : DEFAULT_JOB_OPTIONS;
}

/**
 * Every job name the e-mail queue carries, with its data. To add a kind of e-mail: add
 * its name here and to EMAIL_JOB_NAMES, and provide an `EmailRenderer` for it in the
 * worker (apps/worker/src/email/email-renderer.ts). The worker refuses to start while a
 * name has no renderer. Job ids must be stable per delivery (e.g. `ntf-<notification id>`).
 */
export interface EmailJobs {
  /** An outbox event of type `email.send`, by its id (job id `evt-<event key>`). */
  'email.send': EmailSendJob;
  /** One notification's immediate mail (job id `mail-<notification id>`; notifications area). */
  'notification.immediate': { notificationId: string };
  /** One user's daily digest of a local day `YYYY-MM-DD` (job id `digest-<user id>-<day>`). */
  'notification.digest': { userId: string; day: string };
}

export type EmailJobName = keyof EmailJobs;

/** The e-mail job names at run time; typed so that a name added to EmailJobs must appear. */
export const EMAIL_JOB_NAMES: Readonly<Record<EmailJobName, true>> = {
  'email.send': true,
  'notification.immediate': true,
  'notification.digest': true,
};

/**
 * BullMQ worker settings for 2 cores. The stall settings are BullMQ's defaults, stated:
 * a worker renews its job locks every 15 s (lockDuration 30 s); every 30 s workers move
 * jobs whose lock expired (a crashed process) back to waiting, once; a job that stalls a
 * second time fails and stays in the failed set. `autorun: false`: the worker starts
 * processing only once the whole application is up (WorkerLifecycle starts it).
 */
export const DEFAULT_WORKER_OPTIONS = {
  concurrency: 4,
  lockDuration: 30_000,
  stalledInterval: 30_000,
  maxStalledCount: 1,
  autorun: false,
} as const;

/**
 * A queue for producers (the outbox relay, the dashboard, metrics) that fails fast while
 * Redis is down instead of queueing commands in memory: callers roll back and retry
 * later. Connecting is lazy and in the background, so a process starts without Redis.
 */
export function openProducerQueue(name: QueueName, redisUrl: string, prefix: string): Queue {
  const queue = new Queue(name, {
    connection: { ...bullConnection(redisUrl), enableOfflineQueue: false, maxRetriesPerRequest: 1 },
    prefix,
    defaultJobOptions: jobOptionsFor(name),
  });
  // Connection errors are expected while Redis is down; callers see them as rejections.
  queue.on('error', () => undefined);
  return queue;
}

/** Closes a producer queue without hanging or throwing while Redis is down. */
export async function closeProducerQueue(queue: Queue): Promise<void> {
  try {
    await withDeadline(queue.close(), 3000, 'closing the queue');
  } catch {
    void queue.disconnect().catch(() => undefined);
  }
}

/** Rejects when `work` has not settled within `ms` (the work itself is not cancelled). */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
