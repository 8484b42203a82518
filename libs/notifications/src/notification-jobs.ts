import { type DataShape, field, parseJobData } from '@rilon/core';
import { BROADCAST_EVENTS, type BroadcastEvent } from './notification-events';

/**
 * Jobs the notifications area adds. They carry ids only: processors read current state
 * (and re-check visibility) when they run. Ids are deterministic, so adding a job twice
 * (a retried fan-out) adds it once while BullMQ retains it; the database flags
 * (`emailed_at`) make the rest idempotent.
 */
export const WEBHOOK_JOB = 'webhook.deliver';

export interface WebhookJob {
  outboxId: string;
  /** The outbox event's global key: the delivery id derives from it. */
  eventKey: string;
  teamId: string;
  reportId: string;
  event: BroadcastEvent;
  version: number;
  occurredAt: string;
}

const WEBHOOK_JOB_SHAPE: DataShape = {
  outboxId: field.rowId,
  eventKey: field.uuid,
  teamId: field.uuid,
  reportId: field.uuid,
  event: field.oneOf(BROADCAST_EVENTS),
  version: field.count,
  occurredAt: field.instant,
};

/** A webhook job's data, checked (a malformed one fails for good, nothing posted). */
export function parseWebhookJob(job: { name: string; id?: string; data: unknown }): WebhookJob {
  return parseJobData<WebhookJob>(job, WEBHOOK_JOB_SHAPE);
}

/** Also the `X-Rilon-Delivery` header: the same on every retry. */
export function webhookDeliveryId(eventKey: string, teamId: string): string {
  return `hook-${eventKey}-${teamId}`;
}

/** E-mail job names of this area (listed in `EmailJobs` of @rilon/core). */
export const NOTIFICATION_MAIL_JOB = 'notification.immediate';
export const NOTIFICATION_MAIL_BATCH_JOB = 'notification.batch';
export const DIGEST_MAIL_JOB = 'notification.digest';

/**
 * Immediate mails of one fan-out per batch job. One BullMQ job costs Redis about 45 µs of
 * script time, so a job per mail put 10^5 recipients 4.5 s of Redis work behind the fan-out;
 * a batch of 100 makes it 1000 jobs, and a worker that dies mid-batch resends at most the
 * mail in flight (each sent one is marked first).
 */
export const MAIL_BATCH = 100;

export function notificationMailJobId(notificationId: string): string {
  return `mail-${notificationId}`;
}

/**
 * A batch is named by its first and last notification (ids of one fan-out in order), so a
 * redelivered event names the same batches and BullMQ drops them while it holds them.
 */
export function notificationMailBatchJobId(fromId: string, toId: string): string {
  return `mails-${fromId}-${toId}`;
}

/** One daily digest for one user and local day (`YYYY-MM-DD` in the digest's zone). */
export function digestMailJobId(userId: string, day: string): string {
  return `digest-${userId}-${day}`;
}

/** The local calendar day of `at` in `zone`, as `YYYY-MM-DD`. */
export function localDay(at: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export const DIGEST_JOB = 'digest.run';

/** The scheduler of one time zone fires this at 07:00 local time. */
export interface DigestRunJob {
  zone: string;
}

/** A time zone Intl can compute a local day in (what the digest run does with it). */
function isKnownTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value === '' || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A digest run's data, checked (a malformed one fails for good, nothing claimed). */
export function parseDigestRunJob(job: { name: string; id?: string; data: unknown }): DigestRunJob {
  return parseJobData<DigestRunJob>(job, { zone: isKnownTimeZone });
}

export function digestSchedulerId(zone: string): string {
  return `digest-${zone.replace(/[^A-Za-z0-9_+/-]/g, '_')}`;
}
