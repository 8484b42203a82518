import { Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../database/transaction';
import { toInt } from '../database/raw-query';
import { OUTBOX_CHANNEL, type OutboxEventType, type OutboxPayloads } from './outbox';

/**
 * Adds an event inside the caller's transaction; it becomes visible to the relay at commit.
 * A function rather than a method: every service that changes something calls it.
 */
export async function addOutboxEvent<K extends OutboxEventType>(
  manager: EntityManager,
  type: K,
  payload: OutboxPayloads[K],
): Promise<string> {
  const rows: Array<{ id: string }> = await manager.query(
    'INSERT INTO outbox_events (type, payload) VALUES ($1, $2) RETURNING id',
    [type, JSON.stringify(payload)],
  );
  return String(rows[0].id);
}

/** A committed outbox row waiting for the relay. */
export interface PendingOutboxEvent {
  id: string;
  eventKey: string;
  type: OutboxEventType;
  payload: unknown;
  createdAt: Date;
}

/** Relayed rows are kept this long, then pruned: their payloads may carry invitation links. */
export const OUTBOX_RETENTION_DAYS = 7;

/** An `email.send` outbox event as the e-mail processor reads it. */
export interface EmailOutboxEvent {
  eventKey: string;
  payload: Partial<OutboxPayloads['email.send']> | null;
  sent: boolean;
}

export interface OutboxBacklog {
  pending: number;
  oldestSeconds: number;
}

/**
 * The owner of `outbox_events`: every statement on it is here, for the services that add
 * events (addOutboxEvent, in their own transactions), the worker's relay, pruner,
 * reconciler, fan-out and e-mail processor, and the API's backlog gauge. Raw SQL because
 * the relay's claim (`FOR UPDATE SKIP LOCKED`, so several workers relay side by side) has
 * no TypeORM form.
 */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims up to `limit` committed, unrelayed rows in id order, hands them to `publish`,
   * and marks them relayed, all in one transaction: if `publish` throws, nothing is
   * marked and the rows wait for the next attempt. Returns the number of rows relayed.
   */
  async relayBatch(
    limit: number,
    publish: (events: PendingOutboxEvent[]) => Promise<void>,
  ): Promise<number> {
    return inTransaction(this.dataSource, async (manager) => {
      const rows: Array<{
        id: string;
        event_key: string;
        type: OutboxEventType;
        payload: unknown;
        created_at: Date;
      }> = await manager.query(
        `SELECT id::text AS id, event_key, type, payload, created_at
             FROM outbox_events
            WHERE relayed_at IS NULL
            ORDER BY id
            LIMIT $1
              FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return 0;
      await publish(
        rows.map((r) => ({
          id: r.id,
          eventKey: r.event_key,
          type: r.type,
          payload: r.payload,
          createdAt: r.created_at,
        })),
      );
      await manager.query(
        'UPDATE outbox_events SET relayed_at = now() WHERE id = ANY($1::bigint[])',
        [rows.map((r) => r.id)],
      );
      return rows.length;
    });
  }

  /** Fan-out events relayed longer ago than `minutes` whose fan-out has not finished. */
  async staleFanouts(minutes: number, limit: number): Promise<PendingOutboxEvent[]> {
    const rows: Array<{
      id: string;
      event_key: string;
      type: OutboxEventType;
      payload: unknown;
      created_at: Date;
    }> = await this.dataSource.query(
      `SELECT id::text AS id, event_key, type, payload, created_at
         FROM outbox_events
        WHERE fanned_out_at IS NULL AND type <> 'email.send'
          AND relayed_at < now() - make_interval(mins => $1)
        ORDER BY id LIMIT $2`,
      [minutes, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      eventKey: r.event_key,
      type: r.type,
      payload: r.payload,
      createdAt: r.created_at,
    }));
  }

  /** Counts a failed relay attempt on rows that are still waiting (for operators). */
  async countFailedAttempt(ids: string[]): Promise<void> {
    await this.dataSource.query(
      'UPDATE outbox_events SET attempts = attempts + 1 WHERE id = ANY($1::bigint[]) AND relayed_at IS NULL',
      [ids],
    );
  }

  /** Deletes one slice of rows relayed longer ago than the retention; returns how many. */
  async pruneSlice(limit: number): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `WITH gone AS (
         DELETE FROM outbox_events
          WHERE id IN (SELECT id FROM outbox_events
                        WHERE relayed_at < now() - make_interval(days => $1)
                        ORDER BY id LIMIT $2
                          FOR UPDATE SKIP LOCKED)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [OUTBOX_RETENTION_DAYS, limit],
    );
    return toInt(rows[0]?.n);
  }

  /** Records that an event's fan-out finished (a withdrawal waits for its report's). */
  async markFannedOut(outboxId: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE outbox_events SET fanned_out_at = now() WHERE id = $1 AND fanned_out_at IS NULL',
      [outboxId],
    );
  }

  /** Whether a publication or amendment of the report, older than this event, still waits. */
  async earlierBroadcastPending(reportId: string, outboxId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM outbox_events
        WHERE fanned_out_at IS NULL AND type IN ('report.published', 'report.amended')
          AND payload->>'reportId' = $1 AND id < $2 LIMIT 1`,
      [reportId, outboxId],
    );
    return rows.length > 0;
  }

  /** The relay's backlog; the partial index on unrelayed rows keeps it cheap. */
  async backlog(): Promise<OutboxBacklog> {
    const rows: Array<{ pending: number; oldest_seconds: number | null }> =
      await this.dataSource.query(
        `SELECT count(*)::int AS pending,
                EXTRACT(EPOCH FROM now() - min(created_at))::float8 AS oldest_seconds
           FROM outbox_events
          WHERE relayed_at IS NULL`,
      );
    return {
      pending: toInt(rows[0]?.pending),
      oldestSeconds: Math.max(0, Number(rows[0]?.oldest_seconds ?? 0)),
    };
  }

  /**
   * The `email.send` event a job names (recipient, template and params are read here,
   * never from the job).
   */
  async emailEvent(outboxId: string): Promise<EmailOutboxEvent | null> {
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
  async markEmailSent(outboxId: string, secretParams: readonly string[]): Promise<void> {
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

/**
 * Subscribes a dedicated connection to the outbox channel: the insert trigger notifies it
 * at each commit, so the relay wakes at once instead of at its next poll.
 */
export async function listenForOutboxEvents(client: {
  query(sql: string): Promise<unknown>;
}): Promise<void> {
  await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
}

/** Provides the outbox's repository to a module of either app. */
@Module({ providers: [OutboxRepository], exports: [OutboxRepository] })
export class OutboxModule {}
