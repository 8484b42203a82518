import type { OutboxEventType, OutboxPayloads } from '../outbox/outbox';

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
