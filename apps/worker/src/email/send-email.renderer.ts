import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type EmailJobs, outboxJobId } from '@rilon/core';
import { DataSource } from 'typeorm';
import { UnrecoverableError } from 'bullmq';
import { AsEmailRenderer, EmailRenderer, RenderedEmail } from './email-renderer';
import { EMAIL_TEMPLATES } from './templates';

const ADDRESS = /^[^\s@<>]{1,64}@[^\s@<>]{1,253}$/;

/**
 * Renders outbox events of type `email.send` ({template, to, params}) with the named
 * template. The delivery id is the job id `evt-<event key>`, the same however often the
 * event is relayed or the job retried. Bad data is never retried: it cannot improve.
 * The params are read from the outbox row (the relay leaves them out of the job: an
 * invitation link must not sit in Redis nor show on the queue dashboard).
 */
@Injectable()
@AsEmailRenderer()
export class SendEmailRenderer implements EmailRenderer<'email.send'> {
  readonly jobName = 'email.send' as const;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async render(data: EmailJobs['email.send']): Promise<RenderedEmail> {
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
    const params = await this.params(String(data.outboxId));
    const missing = template.required.filter(
      (name) => typeof params[name] !== 'string' || params[name] === '',
    );
    if (missing.length > 0) {
      throw new UnrecoverableError(`template "${payload.template}" misses ${missing.join(', ')}`);
    }
    return {
      to: payload.to,
      ...template.render(params),
      deliveryId: outboxJobId(data.eventKey),
    };
  }

  private async params(outboxId: string): Promise<Record<string, string>> {
    const rows: Array<{ params: Record<string, string> | null }> = await this.dataSource.query(
      `SELECT payload->'params' AS params FROM outbox_events WHERE id = $1`,
      [outboxId],
    );
    if (!rows[0]) throw new UnrecoverableError('the outbox event is gone (pruned)');
    return rows[0].params ?? {};
  }
}
