import { UnrecoverableError } from 'bullmq';
import { TEAM_ROLES } from '../auth/actor';
import type { OutboxEventType, OutboxPayloads } from '../outbox/outbox';
import { type DataShape, field, parseJobData } from './job-data-checks';

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
 * its name here, to EMAIL_JOB_NAMES and (the shape of its data) to EMAIL_JOB_SHAPES, and
 * provide an `EmailRenderer` for it in the worker (apps/worker/src/email/email-renderer.ts).
 * The worker refuses to start while a name has no renderer. Job ids must be stable per delivery (e.g. `ntf-<notification id>`).
 */
export interface EmailJobs {
  /** An outbox event of type `email.send`, by its id (job id `evt-<event key>`). */
  'email.send': EmailSendJob;
  /** One notification's immediate mail (job id `mail-<notification id>`; notifications area). */
  'notification.immediate': { notificationId: string };
  /**
   * The immediate mails of one fan-out's notifications `fromId`..`toId` (ids in order; job
   * id `mails-<fromId>-<toId>`): one job per batch of recipients, each mailed as
   * `notification.immediate` would be, a failed one requeued as its own job.
   */
  'notification.batch': { outboxId: string; fromId: string; toId: string };
  /** One user's daily digest of a local day `YYYY-MM-DD` (job id `digest-<user id>-<day>`). */
  'notification.digest': { userId: string; day: string };
}

export type EmailJobName = keyof EmailJobs;

/** The e-mail job names at run time; typed so that a name added to EmailJobs must appear. */
export const EMAIL_JOB_NAMES: Readonly<Record<EmailJobName, true>> = {
  'email.send': true,
  'notification.immediate': true,
  'notification.batch': true,
  'notification.digest': true,
};

const REPORT_EVENT: DataShape = { reportId: field.uuid, version: field.count, actorId: field.uuid };
const ENROLMENT_EVENT: DataShape = {
  enrolmentId: field.uuid,
  reportId: field.uuid,
  actorId: field.uuid,
};

/** The payload of each outbox event type, as the fan-out reads it from a job. */
export const OUTBOX_PAYLOAD_SHAPES: { readonly [K in OutboxEventType]: DataShape } = {
  'email.send': { template: field.text, to: field.text, params: field.object },
  'membership.changed': {
    userId: field.uuid,
    teamId: field.uuid,
    role: field.nullable(field.oneOf(TEAM_ROLES)),
    actorId: field.nullable(field.uuid),
  },
  'report.published': REPORT_EVENT,
  'report.amended': REPORT_EVENT,
  'report.withdrawn': REPORT_EVENT,
  'report.submitted': REPORT_EVENT,
  'report.returned': REPORT_EVENT,
  'enrolment.requested': ENROLMENT_EVENT,
  'enrolment.decided': ENROLMENT_EVENT,
  'webhook.changed': {
    teamId: field.uuid,
    change: field.oneOf(['set', 'removed']),
    actorId: field.uuid,
  },
};

function isOutboxEventType(name: string): name is OutboxEventType {
  return Object.hasOwn(OUTBOX_PAYLOAD_SHAPES, name);
}

/**
 * A fan-out job's data, checked: the job name is an event type, the data is of that
 * type and its payload has that type's fields. Anything else fails the job for good.
 */
export function parseOutboxJob(job: { name: string; id?: string; data: unknown }): OutboxJob {
  if (!isOutboxEventType(job.name)) throw new UnrecoverableError(`unknown job ${job.name}`);
  return parseJobData<OutboxJob>(job, {
    outboxId: field.rowId,
    eventKey: field.uuid,
    type: field.oneOf([job.name]),
    payload: OUTBOX_PAYLOAD_SHAPES[job.name],
    occurredAt: field.instant,
  });
}

/** The data of each e-mail job, checked before a renderer sees it. */
export const EMAIL_JOB_SHAPES: { readonly [N in EmailJobName]: DataShape } = {
  'email.send': { outboxId: field.rowId },
  'notification.immediate': { notificationId: field.uuid },
  'notification.batch': { outboxId: field.rowId, fromId: field.uuid, toId: field.uuid },
  'notification.digest': { userId: field.uuid, day: field.day },
};

/** An e-mail job's data, checked against its name's shape (an unknown name fails for good). */
export function parseEmailJob(job: {
  name: string;
  id?: string;
  data: unknown;
}): EmailJobs[EmailJobName] {
  if (!Object.hasOwn(EMAIL_JOB_SHAPES, job.name))
    throw new UnrecoverableError(`no e-mail job named "${job.name}"`);
  return parseJobData(job, EMAIL_JOB_SHAPES[job.name as EmailJobName]);
}
