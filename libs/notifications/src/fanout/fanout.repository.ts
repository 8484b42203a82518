import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canReadSql, teamColumnViewer } from '@rilon/reports';
import { DataSource } from 'typeorm';
import type { BroadcastEvent, EmailMode, NotificationEvent } from '../notification-events';
import { matchingEmailRankSql } from '../subscriptions/subscription-rule';
import { USER_VIEWER as VIEWER, USERS_AS_VIEWERS } from '../viewer-sql';

/** Who hears of each audience-specific event besides being able to read the report. */
const AUDIENCE: Record<
  Exclude<NotificationEvent, BroadcastEvent | 'membership.changed'>,
  string
> = {
  'report.submitted': `r.team_id = ANY(v.leads)`,
  'report.returned': `u.id = r.author_id`,
  'enrolment.requested': `r.team_id = ANY(v.leads)`,
  'enrolment.decided': `u.id = e.user_id`,
};

export interface EventRecipient {
  id: string;
  userId: string;
  email: EmailMode;
  emailed: boolean;
}

/**
 * The fan-out's SQL. Raw SQL because it is the hottest write of the portal: one
 * statement inserts every recipient's row (no bind parameter per row), and the unique
 * (outbox event, user) pair makes a retried job notify nobody twice.
 */
@Injectable()
export class FanoutRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Publication, amendment, withdrawal: readers whose rules match (urgent: all readers). */
  async insertBroadcast(
    outboxId: string,
    event: BroadcastEvent,
    reportId: string,
    actorId: string | null,
  ): Promise<number> {
    // A withdrawal reaches only those who were told of the publication or an amendment.
    const told =
      event === 'report.withdrawn'
        ? `AND EXISTS (SELECT 1 FROM notifications n WHERE n.report_id = r.id AND n.user_id = u.id
             AND n.event IN ('report.published', 'report.amended'))`
        : '';
    return this.count(
      `INSERT INTO notifications (id, user_id, outbox_event_id, event, report_id, title, urgent, email)
       SELECT rilon_uuid_v7(), u.id, $1, $2, r.id, r.title, r.urgent,
              CASE s.rank WHEN 2 THEN 'immediate' WHEN 1 THEN 'daily' ELSE 'off' END
         FROM reports r
        CROSS JOIN ${USERS_AS_VIEWERS}
         LEFT JOIN notification_subscriptions ns ON ns.user_id = u.id
        CROSS JOIN LATERAL (SELECT ${matchingEmailRankSql('ns.rules', 'r')} AS rank) s
        WHERE r.id = $3 AND u.status = 'active' AND u.id IS DISTINCT FROM $4::uuid
          AND (s.rank IS NOT NULL OR r.urgent)
          AND ${canReadSql('r', VIEWER)} ${told}
       ON CONFLICT (outbox_event_id, user_id) DO NOTHING
       RETURNING 1`,
      [outboxId, event, reportId, actorId],
    );
  }

  /** Submissions, returns and enrolments: their fixed audience, in the app only. */
  async insertAudience(
    outboxId: string,
    event: keyof typeof AUDIENCE,
    reportId: string,
    enrolmentId: string | null,
    actorId: string | null,
  ): Promise<number> {
    const enrolment = enrolmentId
      ? `JOIN enrolments e ON e.id = $5::uuid AND e.report_id = r.id`
      : `CROSS JOIN (SELECT NULL::uuid AS id, NULL::uuid AS user_id WHERE $5::uuid IS NULL) e`;
    return this.count(
      `INSERT INTO notifications (id, user_id, outbox_event_id, event, report_id, enrolment_id, title, urgent)
       SELECT rilon_uuid_v7(), u.id, $1, $2, r.id, e.id, r.title, r.urgent
         FROM reports r
         ${enrolment}
        CROSS JOIN ${USERS_AS_VIEWERS}
        WHERE r.id = $3 AND u.status = 'active' AND u.id IS DISTINCT FROM $4::uuid
          AND ${AUDIENCE[event]} AND ${canReadSql('r', VIEWER)}
       ON CONFLICT (outbox_event_id, user_id) DO NOTHING
       RETURNING 1`,
      [outboxId, event, reportId, actorId, enrolmentId],
    );
  }

  /** A change to one's own membership: the user hears of it (not when they made it). */
  async insertMembership(
    outboxId: string,
    userId: string,
    teamId: string,
    role: string | null,
    actorId: string | null,
  ): Promise<number> {
    return this.count(
      `INSERT INTO notifications (id, user_id, outbox_event_id, event, team_id, title)
       SELECT rilon_uuid_v7(), u.id, $1, 'membership.changed', t.id,
              left(t.name || CASE WHEN $4::text IS NULL THEN ': you were removed from the team'
                                  ELSE ': your role is now ' || $4::text END, 300)
         FROM users u JOIN teams t ON t.id = $3
        WHERE u.id = $2 AND u.status = 'active' AND u.id IS DISTINCT FROM $5::uuid
       ON CONFLICT (outbox_event_id, user_id) DO NOTHING
       RETURNING 1`,
      [outboxId, userId, teamId, role, actorId],
    );
  }

  /** Runs an INSERT … RETURNING 1 and counts the new rows without shipping them to Node. */
  private async count(insert: string, params: unknown[]): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `WITH ins AS (${insert}) SELECT count(*)::int AS n FROM ins`,
      params,
    );
    return rows[0]?.n ?? 0;
  }

  /** Every row of one event (new or from an earlier attempt), for e-mail and live pushes. */
  async recipientsOf(outboxId: string): Promise<EventRecipient[]> {
    const rows: Array<{ id: string; user_id: string; email: EmailMode; emailed: boolean }> =
      await this.dataSource.query(
        `SELECT id, user_id, email, emailed_at IS NOT NULL AS emailed
           FROM notifications WHERE outbox_event_id = $1`,
        [outboxId],
      );
    return rows.map((r) => ({ id: r.id, userId: r.user_id, email: r.email, emailed: r.emailed }));
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

  /** Teams with a webhook whose members may read the report as members of that team. */
  async webhookTeams(reportId: string): Promise<string[]> {
    const teams: Array<{ team_id: string }> = await this.dataSource.query(
      `SELECT w.team_id FROM team_webhooks w
         JOIN teams t ON t.id = w.team_id AND t.active
         JOIN reports r ON r.id = $1
        WHERE ${canReadSql('r', teamColumnViewer('w.team_id'))}`,
      [reportId],
    );
    return teams.map((t) => t.team_id);
  }
}
