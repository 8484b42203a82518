import { Injectable } from '@nestjs/common';
import { EmailJobs } from '@rilon/core';
import {
  NOTIFICATION_MAIL_BATCH_JOB,
  NOTIFICATION_MAIL_JOB,
  NotificationMailRepository,
  notificationMailJobId,
} from '@rilon/notifications';
import { AsEmailRenderer, EmailBatchMember, EmailBatchRenderer } from '../email/email-renderer';

/**
 * A fan-out's batch of immediate mails: the notifications of its id range not mailed yet,
 * each as the `notification.immediate` job (and id) it would have had on its own.
 */
@Injectable()
@AsEmailRenderer()
export class NotificationMailBatchRenderer implements EmailBatchRenderer<
  typeof NOTIFICATION_MAIL_BATCH_JOB
> {
  readonly jobName = NOTIFICATION_MAIL_BATCH_JOB;

  constructor(private readonly mails: NotificationMailRepository) {}

  async members(data: EmailJobs[typeof NOTIFICATION_MAIL_BATCH_JOB]): Promise<EmailBatchMember[]> {
    const ids = await this.mails.pendingImmediate(data.outboxId, data.fromId, data.toId);
    return ids.map((notificationId) => ({
      name: NOTIFICATION_MAIL_JOB,
      data: { notificationId },
      id: notificationMailJobId(notificationId),
    }));
  }
}
