import { Injectable } from '@nestjs/common';
import { type EmailJobs, OutboxRepository, outboxJobId } from '@rilon/core';
import { UnrecoverableError } from 'bullmq';
import { AsEmailRenderer, EmailRenderer, RenderedEmail } from './email-renderer';
import { EMAIL_TEMPLATES, SECRET_PARAMS } from './templates';

const ADDRESS = /^[^\s@<>]{1,64}@[^\s@<>]{1,253}$/;
/** A bigint id; anything else can never name a row, so it is not retried. */
const OUTBOX_ID = /^\d{1,18}$/;

/**
 * Renders outbox events of type `email.send` ({template, to, params}) with the named
 * template. The job carries the outbox id alone: recipient, template and params are read
 * from the row in PostgreSQL, so a job written into Redis (or through the dashboard) can
 * neither redirect a mail nor change what it says. The delivery id is the job id
 * `evt-<event key>`, the same however often the event is relayed or the job retried. An
 * event already sent sends nothing; bad data is never retried: it cannot improve.
 */
@Injectable()
@AsEmailRenderer()
export class SendEmailRenderer implements EmailRenderer<'email.send'> {
  readonly jobName = 'email.send' as const;

  constructor(private readonly outbox: OutboxRepository) {}

  async render(data: EmailJobs['email.send']): Promise<RenderedEmail | null> {
    const outboxId = String(data?.outboxId ?? '');
    if (!OUTBOX_ID.test(outboxId)) {
      throw new UnrecoverableError('email.send job without an outbox id');
    }
    const event = await this.outbox.emailEvent(outboxId);
    if (!event) throw new UnrecoverableError('no email.send outbox event of this id (pruned?)');
    if (event.sent) return null;
    const payload = event.payload ?? {};
    const name = String(payload.template);
    const template = Object.hasOwn(EMAIL_TEMPLATES, name) ? EMAIL_TEMPLATES[name] : undefined;
    if (!template) throw new UnrecoverableError(`unknown e-mail template "${name}"`);
    if (typeof payload.to !== 'string' || !ADDRESS.test(payload.to)) {
      throw new UnrecoverableError('email.send event without a valid recipient');
    }
    const params = payload.params ?? {};
    const missing = template.required.filter(
      (param) => typeof params[param] !== 'string' || params[param] === '',
    );
    if (missing.length > 0) {
      throw new UnrecoverableError(`template "${name}" misses ${missing.join(', ')}`);
    }
    return {
      to: payload.to,
      ...template.render(params),
      deliveryId: outboxJobId(event.eventKey),
    };
  }

  /** The mail went out: mark the event sent and erase its secret params. */
  async sent(data: EmailJobs['email.send']): Promise<void> {
    await this.outbox.markEmailSent(String(data.outboxId), SECRET_PARAMS);
  }
}
