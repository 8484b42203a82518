/**
 * @rilon/notifications: alerts (docs/domain.md, "Alerts"). It owns notifications,
 * notification_subscriptions and team_webhooks: subscription rules and their matching, the
 * fan-out's rows, the inbox and the live stream, notification and digest mail, and team
 * webhooks with their signed deliveries. Recipients are decided by THE visibility rule of
 * @rilon/reports, for every user at once (`USERS_AS_VIEWERS`).
 */
import { NotificationEntity } from './inbox/notification.entity';
import { NotificationSubscriptionEntity } from './subscriptions/notification-subscription.entity';
import { TeamWebhookEntity } from './webhooks/team-webhook.entity';

/** The area's Nest module: its repositories, for the API and the worker. */
export * from './notifications.module';
/** Event names and e-mail modes (rules name report types from @rilon/reports' REPORT_TYPES). */
export * from './notification-events';
/** Job names, payloads and deterministic ids of the notification jobs. */
export * from './notification-jobs';
/** Notification rows as the inbox and stream show them. */
export * from './inbox/notification.view';
export * from './inbox/notification.entity';
export * from './inbox/inbox.repository';
export * from './inbox/inbox.service';
/** Subscription rules, their defaults and their SQL matcher. */
export * from './subscriptions/subscription-rule';
export * from './subscriptions/subscriptions.service';
export * from './subscriptions/subscriptions.repository';
export * from './subscriptions/notification-subscription.entity';
/** Team webhooks: management, address policy and signatures. */
export * from './webhooks/team-webhook.entity';
export * from './webhooks/team-webhooks.service';
export * from './webhooks/team-webhooks.repository';
export * from './webhooks/webhook-address';
export * from './webhooks/webhook-signature';
export * from './webhooks/webhook-secret-box';
export * from './webhooks/team-delivery-slots';
/** The owner of the notifications table: the fan-out's inserts, read marks, digest claims. */
export * from './notifications.repository';
/** Live streams over Redis pub/sub. */
export * from './live/live-channel';
export * from './live/live-stream';
export * from './live/live-hub';
export * from './live/stream-slots';
/** Every user at once as viewers, so the visibility rule picks recipients in one query. */
export * from './viewer-sql';

/** The notifications entities, for the data source. */
export const NOTIFICATIONS_ENTITIES: Function[] = [
  NotificationEntity,
  NotificationSubscriptionEntity,
  TeamWebhookEntity,
];
/** Sending a webhook delivery: pinned, checked addresses within a deadline. */
export * from './webhooks/webhook-sender';
/** Notification and digest e-mails: content rules and send-time reads. */
export * from './email/notification-mail';
export * from './email/notification-mail.repository';
/** What a webhook delivery may carry, read at delivery time. */
export * from './webhooks/webhook-delivery.repository';
