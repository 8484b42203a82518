import { Injectable } from '@nestjs/common';
import { type EmailJobs, outboxJobId } from '@rilon/core';
import { UnrecoverableError } from 'bullmq';
import { AsEmailRenderer, EmailRenderer, RenderedEmail } from './email-renderer';
import { EMAIL_TEMPLATES } from './templates';

const ADDRESS = /^[^\s@<>]{1,64}@[^\s@<>]{1,253}$/;

/**
 * Renders outbox events of type `email.send` ({template, to, params}) with the named
 * template. The delivery id is the job id `evt-<event key>`, the same however often the
 * event is relayed or the job retried. Bad data is never retried: it cannot improve.
 */
@Injectable()
@AsEmailRenderer()
export class SendEmailRenderer implements EmailRenderer<'email.send'> {
  readonly jobName = 'email.send' as const;

  render(data: EmailJobs['email.send']): Promise<RenderedEmail> {
    const payload = data?.payload;
    if (!/^\d+$/.test(String(data?.outboxId ?? ''))) {
      throw new UnrecoverableError('email.send job without an outbox id');
    }
    const template = EMAIL_TEMPLATES[payload?.template];
    if (!template || !Object.hasOwn(EMAIL_TEMPLATES, payload.template)) {
      throw new UnrecoverableError(`unknown e-mail template "${String(payload?.template)}"`);
    }
    if (typeof payload.to !== 'string' || !ADDRESS.test(payload.to)) {
      throw new UnrecoverableError('email.send job without a valid recipient');
    }
    const params = payload.params ?? {};
    const missing = template.required.filter(
      (name) => typeof params[name] !== 'string' || params[name] === '',
    );
    if (missing.length > 0) {
      throw new UnrecoverableError(`template "${payload.template}" misses ${missing.join(', ')}`);
    }
    return Promise.resolve({
      to: payload.to,
      ...template.render(params),
      deliveryId: outboxJobId(data.eventKey),
    });
  }
}
