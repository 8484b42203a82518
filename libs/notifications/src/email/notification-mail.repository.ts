import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canReadSql } from '@rilon/reports';
import { DataSource } from 'typeorm';
import { USER_VIEWER, USERS_AS_VIEWERS } from '../viewer-sql';
import type { MailReportLine } from './notification-mail';

/** Lines one digest lists; the rest are counted, and the mail points to the inbox for them. */
export const DIGEST_MAX_LINES = 500;

export interface DigestLines {
  lines: MailReportLine[];
  /** Readable updates of the same digest past the cap: claimed, so only the inbox has them. */
  more: number;
}

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

  /**
   * The notification's user and its line, or null when it must not be sent (any more): it
   * was mailed already (a batch run again after a crash), or may no longer be read.
   */
  async immediate(
    notificationId: string,
  ): Promise<{ userId: string; line: MailReportLine } | null> {
    const rows: Array<LineRow & { user_id: string }> = await this.dataSource.query(
      `SELECT ${LINE}, u.id AS user_id
         FROM notifications n, ${USERS_AS_VIEWERS}, reports r
        WHERE n.id = $1 AND n.email = 'immediate' AND n.emailed_at IS NULL
          AND u.id = n.user_id AND u.status = 'active' AND r.id = n.report_id
          AND ${canReadSql('r', USER_VIEWER)}`,
      [notificationId],
    );
    return rows[0] ? { userId: rows[0].user_id, line: toLine(rows[0]) } : null;
  }

  /** The notifications of a mail batch (ids `fromId`..`toId` of one event) not mailed yet. */
  async pendingImmediate(outboxId: string, fromId: string, toId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM notifications
        WHERE id BETWEEN $2 AND $3 AND outbox_event_id = $1
          AND email = 'immediate' AND emailed_at IS NULL
        ORDER BY id`,
      [outboxId, fromId, toId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The rows of one user's digest that they may still read, oldest first, at most `max`
   * of them, and how many more there are (the window count is taken before the LIMIT).
   */
  async digestLines(userId: string, day: string, max = DIGEST_MAX_LINES): Promise<DigestLines> {
    const rows: Array<LineRow & { total: number }> = await this.dataSource.query(
      `SELECT ${LINE}, count(*) OVER ()::int AS total
         FROM notifications n, ${USERS_AS_VIEWERS}, reports r
        WHERE n.user_id = $1 AND n.digest_day = $2 AND n.email = 'daily'
          AND u.id = n.user_id AND u.status = 'active' AND r.id = n.report_id
          AND ${canReadSql('r', USER_VIEWER)}
        ORDER BY n.created_at, n.id
        LIMIT $3`,
      [userId, day, max],
    );
    return { lines: rows.map(toLine), more: rows.length ? rows[0].total - rows.length : 0 };
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
