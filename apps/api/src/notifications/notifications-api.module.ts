import { Module } from '@nestjs/common';
import {
  InboxRepository,
  InboxService,
  LiveHub,
  SubscriptionsService,
  TeamWebhooksService,
} from '@rilon/notifications';
import { NotificationStreamController } from './notification-stream.controller';
import { NotificationsController } from './notifications.controller';
import { SubscriptionsController } from './subscriptions.controller';
import { TeamWebhooksController } from './team-webhooks.controller';

/** HTTP routes of the notifications area: inbox, live stream, subscriptions, team webhooks. */
@Module({
  controllers: [
    NotificationsController,
    NotificationStreamController,
    SubscriptionsController,
    TeamWebhooksController,
  ],
  providers: [InboxRepository, InboxService, LiveHub, SubscriptionsService, TeamWebhooksService],
})
export class NotificationsApiModule {}
