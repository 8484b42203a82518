import { Module } from '@nestjs/common';
import { NotificationMailRepository } from './email/notification-mail.repository';
import { InboxRepository } from './inbox/inbox.repository';
import { NotificationsRepository } from './notifications.repository';
import { SubscriptionsRepository } from './subscriptions/subscriptions.repository';
import { TeamDeliverySlots } from './webhooks/team-delivery-slots';
import { TeamWebhooksRepository } from './webhooks/team-webhooks.repository';
import { WebhookDeliveryRepository } from './webhooks/webhook-delivery.repository';

const REPOSITORIES = [
  InboxRepository,
  SubscriptionsRepository,
  TeamWebhooksRepository,
  NotificationsRepository,
  NotificationMailRepository,
  WebhookDeliveryRepository,
  TeamDeliverySlots,
];

/**
 * The notifications area's data access, wired once for both apps: the API's services
 * (inbox, stream, subscriptions, webhooks) and the worker's processors (fan-out, mail,
 * webhook deliveries) import this module instead of listing the repositories themselves.
 */
@Module({ providers: REPOSITORIES, exports: REPOSITORIES })
export class NotificationsModule {}
