import { Module } from '@nestjs/common';
import { IdentityModule } from '@rilon/identity';
import {
  InboxService,
  LiveHub,
  NotificationsModule,
  SubscriptionsService,
  TeamWebhooksService,
} from '@rilon/notifications';
import { OpsModule } from '../ops/ops.module';
import { NotificationMetrics } from './notification-metrics';
import { NotificationStatsRepository } from './notification-stats.repository';
import { NotificationStreamController } from './notification-stream.controller';
import { NotificationsController } from './notifications.controller';
import { SubscriptionsController } from './subscriptions.controller';
import { TeamWebhooksController } from './team-webhooks.controller';

/** The notifications area over HTTP: inbox, live stream, subscriptions, team webhooks; its gauges. */
@Module({
  imports: [OpsModule, IdentityModule, NotificationsModule],
  controllers: [
    NotificationsController,
    NotificationStreamController,
    SubscriptionsController,
    TeamWebhooksController,
  ],
  providers: [
    InboxService,
    LiveHub,
    SubscriptionsService,
    TeamWebhooksService,
    NotificationStatsRepository,
    NotificationMetrics,
  ],
})
export class NotificationsApiModule {}
