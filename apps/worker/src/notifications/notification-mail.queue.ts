import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { EMAIL_JOB_OPTIONS, QUEUES } from '@rilon/core';
import { NOTIFICATION_MAIL_JOB, notificationMailJobId } from '@rilon/notifications';
import { Queue } from 'bullmq';

const BULK = 1000;
const IN_FLIGHT = 4;

/** Adds one e-mail job per immediate notification, in bulk, with stable ids. */
@Injectable()
export class NotificationMailQueue {
  constructor(@InjectQueue(QUEUES.email) private readonly email: Queue) {}

  /** Chunks of 1000, a few in flight at once: Redis pipelines them, Node keeps busy. */
  async enqueueImmediate(notificationIds: string[]): Promise<void> {
    const chunks: string[][] = [];
    for (let i = 0; i < notificationIds.length; i += BULK) {
      chunks.push(notificationIds.slice(i, i + BULK));
    }
    const next = async (): Promise<void> => {
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
        await this.email.addBulk(
          chunk.map((notificationId) => ({
            name: NOTIFICATION_MAIL_JOB,
            data: { notificationId },
            opts: { ...EMAIL_JOB_OPTIONS, jobId: notificationMailJobId(notificationId) },
          })),
        );
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, next));
  }
}
