import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { EMAIL_JOB_OPTIONS, QUEUES } from '@rilon/core';
import { NOTIFICATION_MAIL_JOB, notificationMailJobId } from '@rilon/notifications';
import { Queue } from 'bullmq';

const BULK = 1000;

/** Adds one e-mail job per immediate notification, in bulk, with stable ids. */
@Injectable()
export class NotificationMailQueue {
  constructor(@InjectQueue(QUEUES.email) private readonly email: Queue) {}

  async enqueueImmediate(notificationIds: string[]): Promise<void> {
    for (let i = 0; i < notificationIds.length; i += BULK) {
      await this.email.addBulk(
        notificationIds.slice(i, i + BULK).map((notificationId) => ({
          name: NOTIFICATION_MAIL_JOB,
          data: { notificationId },
          opts: { ...EMAIL_JOB_OPTIONS, jobId: notificationMailJobId(notificationId) },
        })),
      );
    }
  }
}
