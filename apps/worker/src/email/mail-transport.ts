import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@rilon/core';
import { UnrecoverableError } from 'bullmq';
import { createTransport, Transporter } from 'nodemailer';
import type { RenderedEmail } from './email-renderer';
import { messageIdFor } from './message-id';

interface SmtpError {
  code?: string;
  responseCode?: number;
  command?: string;
}

/**
 * nodemailer over SMTP_URL (`smtp://` plain, `smtps://` TLS), one connection per
 * message so that a mail server restart never strands a pooled connection. Errors are
 * reduced to codes: the server's reply text can quote the address, and a job's failure
 * reason is shown on the dashboard.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = createTransport({
      url: config.smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      logger: false,
    });
  }

  /** Sends one e-mail; returns its Message-ID. */
  async send(mail: RenderedEmail): Promise<string> {
    const messageId = messageIdFor(mail.deliveryId, this.config.mailFrom);
    try {
      await this.transport.sendMail({
        from: this.config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId,
        headers: { 'X-Rilon-Delivery': mail.deliveryId },
      });
    } catch (error) {
      throw this.describe(error as SmtpError);
    }
    return messageId;
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }

  private describe(error: SmtpError): Error {
    const parts = [error.code ?? 'unknown error'];
    if (error.responseCode) parts.push(`reply ${error.responseCode}`);
    if (error.command) parts.push(`on ${error.command}`);
    const message = `SMTP delivery failed (${parts.join(', ')})`;
    // The server refused this recipient for good (or nodemailer found no valid address):
    // retrying cannot help, so the job goes straight to the failed set.
    const permanent =
      (error.command === 'RCPT TO' && (error.responseCode ?? 0) >= 500) ||
      (error.code === 'EENVELOPE' && !error.responseCode);
    return permanent ? new UnrecoverableError(message) : new Error(message);
  }
}
