import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { toInt } from '@rilon/core';
import { DataSource } from 'typeorm';

/**
 * Figures for the metrics scrape. Notification ids are UUID v7 made at insert time, so
 * "created in the last N seconds" is a range on the primary key: the smallest v7 id of
 * that instant (48-bit milliseconds, the rest zero) is the lower bound: an index-only
 * scan of the last minute's rows, never the table (EXPLAIN on 300k rows). now(), not
 * clock_timestamp(): a volatile bound would turn it into a sequential scan.
 */
@Injectable()
export class NotificationStatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async createdInLast(seconds: number): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications
        WHERE id >= (lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint - $1::bigint * 1000),
                          12, '0') || '00000000000000000000')::uuid`,
      [seconds],
    );
    return toInt(rows[0]?.n);
  }
}
