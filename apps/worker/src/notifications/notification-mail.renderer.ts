import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, EmailJobs } from '@rilon/core';
import {
  composeImmediate,
  NOTIFICATION_MAIL_JOB,
  NotificationMailRepository,
  NotificationsRepository,
} from '@rilon/notifications';
import { AsEmailRenderer, EmailRenderer, RenderedEmail } from '../email/email-renderer';

/**
 * The immediate e-mail of one notification, composed at send time from the report's
 * current state, and only while the recipient may still read it and it was not mailed
 * yet. Never a report body; no summary for AMBER+STRICT and RED.
 */
@Injectable()
@AsEmailRenderer()
export class NotificationMailRenderer implements EmailRenderer<typeof NOTIFICATION_MAIL_JOB> {
  readonly jobName = NOTIFICATION_MAIL_JOB;

  constructor(
    private readonly mails: NotificationMailRepository,
    private readonly notifications: NotificationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async render(data: EmailJobs[typeof NOTIFICATION_MAIL_JOB]): Promise<RenderedEmail | null> {
    const found = await this.mails.immediate(data.notificationId);
    if (!found) return null;
    const recipient = await this.mails.recipient(found.userId);
    if (!recipient) return null;
    const mail = composeImmediate(
      recipient.address,
      recipient.displayName,
      found.line,
      this.config.publicUrl,
    );
    return { to: mail.to, subject: mail.subject, text: mail.text, deliveryId: mail.deliveryId };
  }

  /** Marked, so that a batch run again or a second job for the row sends nothing more. */
  async sent(data: EmailJobs[typeof NOTIFICATION_MAIL_JOB]): Promise<void> {
    await this.notifications.markEmailed(data.notificationId);
  }
}
