import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, leadTeamIds, memberTeamIds } from '@rilon/core';
import { actorViewer, canReadSql, type ViewerSql } from '@rilon/reports';
import { DataSource } from 'typeorm';
import { NotificationRow } from './notification.view';

const COLUMNS = `n.id, n.event, n.report_id, n.enrolment_id, n.title, n.urgent, n.created_at, n.read_at,
  extract(epoch FROM n.created_at)::float8 * 1000 AS created_ms`;

/**
 * The rows of `userId` (an SQL expression) that `viewer` may see: those about no report, and
 * those about a report THE visibility rule lets them read now (alias `n`).
 */
function visibleTo(userId: string, viewer: ViewerSql): string {
  return `n.user_id = ${userId} AND (n.report_id IS NULL OR EXISTS (
    SELECT 1 FROM reports r WHERE r.id = n.report_id AND ${canReadSql('r', viewer)}))`;
}

/** `recent`'s window: created after `sinceMs` less the margin, and not sent yet (alias `n`). */
function recentWindow(sinceMs: string, marginSeconds: string, sentIds: string): string {
  return `n.created_at > to_timestamp(${sinceMs} / 1000) - make_interval(secs => ${marginSeconds})
    AND NOT (n.id = ANY(${sentIds}))`;
}

/** One caller's `recent` among many (`recentMany`). */
export interface RecentRequest {
  actor: Actor;
  sinceMs: number;
  marginSeconds: number;
  sentIds: string[];
  limit: number;
}

/** The viewer of `recentMany`: each request's caller, from its row of the requests. */
const REQUEST_VIEWER: ViewerSql = {
  userId: 'q.user_id',
  teamIds: 'q.teams',
  leadTeamIds: 'q.leads',
};

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
    return { where: visibleTo('$1', viewer), params: [actor.userId, ...params] };
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
      `SELECT ${COLUMNS} FROM notifications n
        WHERE ${where} AND ${recentWindow('$5::float8', '$6', '$7::uuid[]')}
        ORDER BY n.created_at, n.id LIMIT $8`,
      [...params, sinceMs, marginSeconds, sentIds, limit],
    );
  }

  /**
   * `recent` for many callers in one statement, each under THE visibility rule as its own
   * actor (their teams travel with the request, as `recent`'s parameters do): a push that
   * wakes a thousand streams costs one round trip instead of a thousand. Answers in the
   * requests' order.
   */
  async recentMany(requests: readonly RecentRequest[]): Promise<NotificationRow[][]> {
    if (!requests.length) return [];
    const rows: Array<NotificationRow & { k: number }> = await this.dataSource.query(
      `SELECT q.k, ${COLUMNS}
         FROM jsonb_to_recordset($1::jsonb)
              AS q(k int, user_id uuid, teams uuid[], leads uuid[], since_ms float8, margin float8, sent uuid[], lim int)
         CROSS JOIN LATERAL (
           SELECT n.* FROM notifications n
            WHERE ${visibleTo('q.user_id', REQUEST_VIEWER)}
              AND ${recentWindow('q.since_ms', 'q.margin', 'q.sent')}
            ORDER BY n.created_at, n.id LIMIT q.lim) n
        ORDER BY q.k, n.created_at, n.id`,
      [
        JSON.stringify(
          requests.map((r, k) => ({
            k,
            user_id: r.actor.userId,
            teams: memberTeamIds(r.actor),
            leads: leadTeamIds(r.actor),
            since_ms: r.sinceMs,
            margin: r.marginSeconds,
            sent: r.sentIds,
            lim: r.limit,
          })),
        ),
      ],
    );
    const out: NotificationRow[][] = requests.map(() => []);
    for (const { k, ...row } of rows) out[k].push(row);
    return out;
  }

  /** The database clock, so a stream's starting point is the one rows are stamped with. */
  async nowMs(): Promise<number> {
    const rows: Array<{ ms: number }> = await this.dataSource.query(
      `SELECT extract(epoch FROM clock_timestamp())::float8 * 1000 AS ms`,
    );
    return rows[0].ms;
  }
}
