import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { toInt } from '@rilon/core';
import { DataSource } from 'typeorm';

export interface OutboxBacklog {
  pending: number;
  oldestSeconds: number;
}

/** Reads the relay's backlog; the partial index on unrelayed rows keeps it cheap. */
@Injectable()
export class OutboxBacklogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
}
