import type { OutboxEventType } from '@rilon/core';

/** Every event that becomes a notification (all outbox events but e-mail requests). */
export type NotificationEvent = Exclude<OutboxEventType, 'email.send'>;

export const NOTIFICATION_EVENTS: readonly NotificationEvent[] = [
  'report.published',
  'report.amended',
  'report.withdrawn',
  'report.submitted',
  'report.returned',
  'enrolment.requested',
  'enrolment.decided',
  'membership.changed',
  'webhook.changed',
];

/** The events that subscriptions filter and that reach e-mail and team webhooks. */
export const BROADCAST_EVENTS = ['report.published', 'report.amended', 'report.withdrawn'] as const;
export type BroadcastEvent = (typeof BROADCAST_EVENTS)[number];

export function isBroadcastEvent(event: string): event is BroadcastEvent {
  return (BROADCAST_EVENTS as readonly string[]).includes(event);
}

export const EMAIL_MODES = ['off', 'immediate', 'daily'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];
