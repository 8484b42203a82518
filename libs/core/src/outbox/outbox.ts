/** The channel the insert trigger notifies, so the relay wakes at once. */
export const OUTBOX_CHANNEL = 'rilon_outbox';

/**
 * Every event type the outbox carries, with its payload. Payloads hold ids, never
 * report content: the consumer reads current state under the visibility rule.
 */
export interface OutboxPayloads {
  'email.send': { template: string; to: string; params: Record<string, string> };
  'membership.changed': {
    userId: string;
    teamId: string;
    role: string | null;
    actorId: string | null;
  };
  'report.published': { reportId: string; version: number; actorId: string };
  'report.amended': { reportId: string; version: number; actorId: string };
  'report.withdrawn': { reportId: string; version: number; actorId: string };
  'report.submitted': { reportId: string; version: number; actorId: string };
  'report.returned': { reportId: string; version: number; actorId: string };
  'enrolment.requested': { enrolmentId: string; reportId: string; actorId: string };
  'enrolment.decided': { enrolmentId: string; reportId: string; actorId: string };
  /** A team's webhook was set (or replaced) or removed; never its URL or secret. */
  'webhook.changed': { teamId: string; change: 'set' | 'removed'; actorId: string };
}

export type OutboxEventType = keyof OutboxPayloads;
