import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, EmailJobs } from '@rilon/core';
import { composeDigest, DIGEST_MAIL_JOB, NotificationMailRepository } from '@rilon/notifications';
import { AsEmailRenderer, EmailRenderer, RenderedEmail } from '../email/email-renderer';

/** One user's daily digest: the rows its digest run claimed, re-checked for visibility now. */
@Injectable()
@AsEmailRenderer()
export class DigestMailRenderer implements EmailRenderer<typeof DIGEST_MAIL_JOB> {
  readonly jobName = DIGEST_MAIL_JOB;

  constructor(
    private readonly mails: NotificationMailRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async render(data: EmailJobs[typeof DIGEST_MAIL_JOB]): Promise<RenderedEmail | null> {
    const recipient = await this.mails.recipient(data.userId);
    if (!recipient) return null;
    const { lines, more } = await this.mails.digestLines(data.userId, data.day);
    if (!lines.length) return null;
    const mail = composeDigest(
      recipient.address,
      recipient.displayName,
      data.userId,
      data.day,
      lines,
      this.config.publicUrl,
      more,
    );
    return { to: mail.to, subject: mail.subject, text: mail.text, deliveryId: mail.deliveryId };
  }
}
