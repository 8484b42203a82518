import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canReadSql } from '@rilon/reports';
import { DataSource } from 'typeorm';
import { USER_VIEWER, USERS_AS_VIEWERS } from '../viewer-sql';
import type { MailReportLine } from './notification-mail';

export interface MailRecipient {
  address: string;
  displayName: string;
}

interface LineRow {
  notification_id: string;
  event: string;
  report_id: string;
  title: string;
  tlp: string;
  urgent: boolean;
  status: string;
  summary: string;
}

const LINE = `n.id AS notification_id, n.event, r.id AS report_id, r.title, r.tlp, r.urgent, r.status, r.summary`;

/**
 * Reads what a notification e-mail may say at SEND time: the report's current state,
 * and only while the recipient (still active) may still read it. A report withdrawn
 * from a team or re-restricted since the fan-out is not mailed.
 */
@Injectable()
export class NotificationMailRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async recipient(userId: string): Promise<MailRecipient | null> {
    const rows: Array<{ email: string; display_name: string }> = await this.dataSource.query(
      `SELECT email, display_name FROM users WHERE id = $1 AND status = 'active'`,
      [userId],
    );
    return rows[0] ? { address: rows[0].email, displayName: rows[0].display_name } : null;
  }

  /** The notification's user and its line, or null when it must not (or need not) be sent. */
  async immediate(
    notificationId: string,
  ): Promise<{ userId: string; line: MailReportLine } | null> {
    const rows: Array<LineRow & { user_id: string }> = await this.dataSource.query(
      `SELECT ${LINE}, u.id AS user_id
         FROM notifications n, ${USERS_AS_VIEWERS}, reports r
        WHERE n.id = $1 AND n.emailed_at IS NULL AND n.email = 'immediate'
          AND u.id = n.user_id AND u.status = 'active' AND r.id = n.report_id
          AND ${canReadSql('r', USER_VIEWER)}`,
      [notificationId],
    );
    return rows[0] ? { userId: rows[0].user_id, line: toLine(rows[0]) } : null;
  }

  /** The user's unsent daily notifications up to `upTo` that they may still read, oldest first. */
  async digest(userId: string, upTo: Date): Promise<MailReportLine[]> {
    const rows: LineRow[] = await this.dataSource.query(
      `SELECT ${LINE}
         FROM notifications n, ${USERS_AS_VIEWERS}, reports r
        WHERE n.user_id = $1 AND n.email = 'daily' AND n.emailed_at IS NULL AND n.created_at <= $2
          AND u.id = n.user_id AND u.status = 'active' AND r.id = n.report_id
          AND ${canReadSql('r', USER_VIEWER)}
        ORDER BY n.created_at, n.id
        LIMIT 500`,
      [userId, upTo],
    );
    return rows.map(toLine);
  }

  async markEmailed(notificationIds: string[]): Promise<void> {
    if (!notificationIds.length) return;
    await this.dataSource.query(
      `UPDATE notifications SET emailed_at = now() WHERE id = ANY($1::uuid[]) AND emailed_at IS NULL`,
      [notificationIds],
    );
  }

  /** Daily rows that may no longer be mailed (unreadable now) are settled too, not kept forever. */
  async settleDigest(userId: string, upTo: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET emailed_at = now()
        WHERE user_id = $1 AND email = 'daily' AND emailed_at IS NULL AND created_at <= $2`,
      [userId, upTo],
    );
  }

  /** Users whose digest zone is `zone` (their first active team's capital; UTC without one) with pending daily rows. */
  async digestUsers(zone: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.dataSource.query(
      `SELECT p.user_id FROM (SELECT DISTINCT user_id FROM notifications
                               WHERE email = 'daily' AND emailed_at IS NULL) p
         LEFT JOIN LATERAL (
           SELECT c.timezone FROM team_memberships m
             JOIN teams t ON t.id = m.team_id AND t.active JOIN capitals c ON c.id = t.capital_id
            WHERE m.user_id = p.user_id ORDER BY m.created_at, m.team_id LIMIT 1) z ON true
        WHERE coalesce(z.timezone, 'UTC') = $1`,
      [zone],
    );
    return rows.map((r) => r.user_id);
  }

  /** Every zone a digest can be due in: the capitals' zones and UTC. */
  async digestZones(): Promise<string[]> {
    const rows: Array<{ timezone: string }> = await this.dataSource.query(
      `SELECT DISTINCT c.timezone FROM capitals c JOIN teams t ON t.capital_id = c.id AND t.active`,
    );
    return [...new Set(['UTC', ...rows.map((r) => r.timezone)])].sort();
  }
}

function toLine(row: LineRow): MailReportLine {
  return {
    notificationId: row.notification_id,
    event: row.event,
    reportId: row.report_id,
    title: row.title,
    tlp: row.tlp,
    urgent: row.urgent,
    status: row.status,
    summary: row.summary,
  };
}
