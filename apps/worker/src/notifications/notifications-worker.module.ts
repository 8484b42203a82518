import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { OutboxModule, QUEUES } from '@rilon/core';
import { NotificationsModule } from '@rilon/notifications';
import { DigestMailRenderer } from './digest-mail.renderer';
import { DigestSchedulerService } from './digest-scheduler.service';
import { DigestProcessor } from './digest.processor';
import { FanoutProcessor } from './fanout.processor';
import { NotificationMailBatchRenderer } from './notification-mail-batch.renderer';
import { NotificationMailQueue } from './notification-mail.queue';
import { NotificationMailRenderer } from './notification-mail.renderer';
import { WebhookProcessor } from './webhook.processor';

/** Worker side of the notifications area: fan-out, webhooks, digests and their e-mails. */
@Module({
  imports: [
    NotificationsModule,
    OutboxModule,
    BullModule.registerQueue(
      { name: QUEUES.fanout },
      { name: QUEUES.email },
      { name: QUEUES.webhook },
      { name: QUEUES.digest },
    ),
  ],
  providers: [
    NotificationMailQueue,
    FanoutProcessor,
    WebhookProcessor,
    DigestProcessor,
    DigestSchedulerService,
    NotificationMailRenderer,
    NotificationMailBatchRenderer,
    DigestMailRenderer,
  ],
})
export class NotificationsWorkerModule {}
