import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@rilon/core';
import { actorViewer, canReadSql } from '@rilon/reports';
import { DataSource } from 'typeorm';
import { NotificationRow } from './notification.view';

const COLUMNS = `n.id, n.event, n.report_id, n.enrolment_id, n.title, n.urgent, n.created_at, n.read_at,
  extract(epoch FROM n.created_at)::float8 * 1000 AS created_ms`;

/**
 * The inbox's SQL. A notification about a report shows only while its recipient may
 * still read the report (THE visibility rule, in SQL), so a re-restricted report
 * vanishes from inboxes, lists and counts alike.
 */
@Injectable()
export class InboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `$1` is the user id; visibility takes `$2…$4`. */
  private visible(actor: Actor): { where: string; params: unknown[] } {
    const { viewer, params } = actorViewer(actor, 2);
    return {
      where: `n.user_id = $1 AND (n.report_id IS NULL OR EXISTS (
        SELECT 1 FROM reports r WHERE r.id = n.report_id AND ${canReadSql('r', viewer)}))`,
      params: [actor.userId, ...params],
    };
  }

  /** Newest first; `afterId` is the last row of the previous page. */
  async page(
    actor: Actor,
    unread: boolean,
    limit: number,
    afterId: string | null,
  ): Promise<NotificationRow[]> {
    const { where, params } = this.visible(actor);
    const filters = [where];
    if (unread) filters.push('n.read_at IS NULL');
    params.push(limit + 1);
    if (afterId) {
      params.push(afterId);
      filters.push(`(n.created_at, n.id) < (SELECT c.created_at, c.id FROM notifications c
        WHERE c.id = $${params.length}::uuid AND c.user_id = $1)`);
    }
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications n WHERE ${filters.join(' AND ')}
        ORDER BY n.created_at DESC, n.id DESC LIMIT $5`,
      params,
    );
  }

  async unreadCount(actor: Actor): Promise<number> {
    const { where, params } = this.visible(actor);
    const rows: Array<{ count: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM notifications n WHERE ${where} AND n.read_at IS NULL`,
      params,
    );
    return rows[0].count;
  }

  /** Rows created after the given one of the same user, oldest first (stream resume). */
  async after(actor: Actor, lastId: string, limit: number): Promise<NotificationRow[]> {
    const { where, params } = this.visible(actor);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications n WHERE ${where}
          AND (n.created_at, n.id) > (SELECT c.created_at, c.id FROM notifications c
                                       WHERE c.id = $5::uuid AND c.user_id = $1)
        ORDER BY n.created_at, n.id LIMIT $6`,
      [...params, lastId, limit],
    );
  }

  /**
   * Rows created since `sinceMs` minus a margin that are not in `sentIds`, oldest first.
   * The margin covers fan-out transactions that commit after later ones started.
   */
  async recent(
    actor: Actor,
    sinceMs: number,
    marginSeconds: number,
    sentIds: string[],
    limit: number,
  ): Promise<NotificationRow[]> {
    const { where, params } = this.visible(actor);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications n WHERE ${where}
          AND n.created_at > to_timestamp($5::float8 / 1000) - make_interval(secs => $6)
          AND NOT (n.id = ANY($7::uuid[]))
        ORDER BY n.created_at, n.id LIMIT $8`,
      [...params, sinceMs, marginSeconds, sentIds, limit],
    );
  }

  /** The database clock, so a stream's starting point is the one rows are stamped with. */
  async nowMs(): Promise<number> {
    const rows: Array<{ ms: number }> = await this.dataSource.query(
      `SELECT extract(epoch FROM clock_timestamp())::float8 * 1000 AS ms`,
    );
    return rows[0].ms;
  }
}
