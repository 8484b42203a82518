import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { EMAIL_JOB_OPTIONS, QUEUES } from '@rilon/core';
import {
  MailBatch,
  NOTIFICATION_MAIL_BATCH_JOB,
  NOTIFICATION_MAIL_JOB,
  notificationMailBatchJobId,
  notificationMailJobId,
} from '@rilon/notifications';
import { Queue } from 'bullmq';

/** Jobs per addBulk: one pipeline of scripts, a few hundred kB at most. */
const BULK = 500;

/**
 * Adds a fan-out's immediate mails, a job per batch (MAIL_BATCH of them) with stable ids;
 * a batch of one is the plain `notification.immediate` job of that notification.
 */
@Injectable()
export class NotificationMailQueue {
  constructor(@InjectQueue(QUEUES.email) private readonly email: Queue) {}

  async enqueueBatches(outboxId: string, batches: MailBatch[]): Promise<void> {
    const jobs = batches.map(({ fromId, toId }) =>
      fromId === toId
        ? {
            name: NOTIFICATION_MAIL_JOB,
            data: { notificationId: fromId },
            opts: { ...EMAIL_JOB_OPTIONS, jobId: notificationMailJobId(fromId) },
          }
        : {
            name: NOTIFICATION_MAIL_BATCH_JOB,
            data: { outboxId, fromId, toId },
            opts: { ...EMAIL_JOB_OPTIONS, jobId: notificationMailBatchJobId(fromId, toId) },
          },
    );
    for (let i = 0; i < jobs.length; i += BULK) await this.email.addBulk(jobs.slice(i, i + BULK));
  }
}
