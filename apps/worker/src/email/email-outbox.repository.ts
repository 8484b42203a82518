import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OutboxPayloads } from '@rilon/core';
import { DataSource } from 'typeorm';

/** An `email.send` outbox event as the e-mail processor reads it. */
export interface EmailOutboxEvent {
  eventKey: string;
  payload: Partial<OutboxPayloads['email.send']> | null;
  sent: boolean;
}

/**
 * The e-mail processor's SQL on `outbox_events`: the event an `email.send` job names
 * (recipient, template and params are read here, never from the job), and the mark that
 * it was sent, which erases its secret params in the same statement.
 */
@Injectable()
export class EmailOutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(outboxId: string): Promise<EmailOutboxEvent | null> {
    const rows: Array<{
      event_key: string;
      payload: EmailOutboxEvent['payload'];
      sent: boolean;
    }> = await this.dataSource.query(
      `SELECT event_key, payload, sent_at IS NOT NULL AS sent
         FROM outbox_events WHERE id = $1 AND type = 'email.send'`,
      [outboxId],
    );
    const row = rows[0];
    return row ? { eventKey: row.event_key, payload: row.payload, sent: row.sent } : null;
  }

  /**
   * Marks the event sent and removes the named params from its payload (an invitation
   * link holds the token: once mailed, PostgreSQL need not keep it for the rest of the
   * row's 7 days). Only the outbox row changes; the audit chain never held the secret.
   */
  async markSent(outboxId: string, secretParams: readonly string[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox_events
          SET sent_at = coalesce(sent_at, now()),
              payload = jsonb_set(payload, '{params}',
                                  coalesce(payload->'params', '{}'::jsonb) - $2::text[])
        WHERE id = $1 AND type = 'email.send'`,
      [outboxId, secretParams],
    );
  }
}
