import type { JobsOptions } from 'bullmq';
import { QUEUES, type QueueName } from './queues';

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
