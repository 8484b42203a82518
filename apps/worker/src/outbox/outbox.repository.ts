import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction, OutboxEventType, toInt } from '@rilon/core';
import { DataSource } from 'typeorm';

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

/**
 * The only SQL on `outbox_events` in the worker. Raw SQL because the relay's claim
 * (`FOR UPDATE SKIP LOCKED`, so several workers relay side by side) has no TypeORM form.
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
}
