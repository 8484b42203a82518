import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canReadSql, teamColumnViewer } from '@rilon/reports';
import { DataSource } from 'typeorm';
import { LIVE_CHUNK } from './live/live-channel';
import type { BroadcastEvent, NotificationEvent } from './notification-events';
import { matchingEmailRankSql } from './subscriptions/subscription-rule';
import { allUsersAsViewers, USER_VIEWER as VIEWER } from './viewer-sql';

/**
 * A broadcast's users in this many parts, inserted side by side on connections of their own:
 * PostgreSQL runs no INSERT … SELECT in parallel, and one statement for 10^5 readers kept a
 * core busy for 2 s while the other waited. Each part is one statement (all its rows or
 * none); a retry finds the parts already done by the unique (event, user) pair.
 */
const BROADCAST_PARTS = 2;

/** Users of part `$k` of `$n`: by the last byte of the id, random in v4 and v7 alike. */
const inPart = (n: number, k: number) => (userId: string) =>
  `get_byte(uuid_send(${userId}), 15) % $${n} = $${k}`;

/** Who made a team change, as its leads read it (`a` is the acting user, when known). */
const BY_ACTOR = `coalesce(' (by ' || a.display_name || ')', '')`;

/** Who hears of each audience-specific event besides being able to read the report. */
const AUDIENCE: Record<
  Exclude<NotificationEvent, BroadcastEvent | 'membership.changed' | 'webhook.changed'>,
  string
> = {
  'report.submitted': `r.team_id = ANY(v.leads)`,
  'report.returned': `u.id = r.author_id`,
  'enrolment.requested': `r.team_id = ANY(v.leads)`,
  'enrolment.decided': `u.id = e.user_id`,
};

/** One batch of a fan-out's immediate mails: its first and last notification id. */
export interface MailBatch {
  fromId: string;
  toId: string;
}

/** A fan-out's live push: its messages (built in SQL) and how many users they name. */
export interface LivePush {
  messages: string[];
  recipients: number;
}

/**
 * The owner of `notifications`: every statement that writes a row is here, the fan-out's
 * inserts, the inbox's read marks and the digest's claim (the inbox, the stream and the
 * mails read it in their own repositories). Raw SQL because the fan-out is the hottest
 * write of the portal: one statement inserts every recipient's row (no bind parameter per
 * row), and the unique (outbox event, user) pair makes a retried job notify nobody twice.
 */
@Injectable()
export class NotificationsRepository {
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
    const part = inPart(5, 6);
    const counts = await Promise.all(
      Array.from({ length: BROADCAST_PARTS }, (_, k) =>
        this.count(
          (onConflict) =>
            `INSERT INTO notifications (id, user_id, outbox_event_id, event, report_id, title, urgent, email)
       SELECT rilon_uuid_v7(), u.id, $1, $2, r.id, r.title, r.urgent,
              CASE s.rank WHEN 2 THEN 'immediate' WHEN 1 THEN 'daily' ELSE 'off' END
         FROM reports r
        CROSS JOIN ${allUsersAsViewers(part)}
         LEFT JOIN notification_subscriptions ns ON ns.user_id = u.id
        CROSS JOIN LATERAL (SELECT ${matchingEmailRankSql('ns.rules', 'r')} AS rank OFFSET 0) s
        WHERE r.id = $3 AND u.status = 'active' AND u.id IS DISTINCT FROM $4::uuid
          AND ${part('u.id')}
          AND (s.rank IS NOT NULL OR r.urgent)
          AND ${canReadSql('r', VIEWER)} ${told}
       ${onConflict}
       RETURNING 1`,
          [outboxId, event, reportId, actorId, BROADCAST_PARTS, k],
        ),
      ),
    );
    return counts.reduce((a, b) => a + b, 0);
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
      (onConflict) =>
        `INSERT INTO notifications (id, user_id, outbox_event_id, event, report_id, enrolment_id, title, urgent)
       SELECT rilon_uuid_v7(), u.id, $1, $2, r.id, e.id, r.title, r.urgent
         FROM reports r
         ${enrolment}
        CROSS JOIN ${allUsersAsViewers()}
        WHERE r.id = $3 AND u.status = 'active' AND u.id IS DISTINCT FROM $4::uuid
          AND ${AUDIENCE[event]} AND ${canReadSql('r', VIEWER)}
       ${onConflict}
       RETURNING 1`,
      [outboxId, event, reportId, actorId, enrolmentId],
    );
  }

  /**
   * A membership change: the member hears of their own role, and every active lead of the
   * team of whom and by whom (issue 12: no change to a team goes unseen by its leads). The
   * one who made the change hears nothing; a member who is now a lead is told once, as the
   * member. Leads are those of the team when the fan-out runs.
   */
  async insertMembership(
    outboxId: string,
    userId: string,
    teamId: string,
    role: string | null,
    actorId: string | null,
  ): Promise<number> {
    const change = `CASE WHEN $4::text IS NULL THEN ' was removed from the team'
                         ELSE ' is now ' || $4::text END`;
    return this.count(
      (onConflict) =>
        `INSERT INTO notifications (id, user_id, outbox_event_id, event, team_id, title)
       SELECT rilon_uuid_v7(), x.user_id, $1, 'membership.changed', t.id, left(x.title, 300)
         FROM teams t
         JOIN users m ON m.id = $2
         LEFT JOIN users a ON a.id = $5::uuid AND a.id <> m.id
        CROSS JOIN LATERAL (
          SELECT m.id AS user_id,
                 t.name || CASE WHEN $4::text IS NULL THEN ': you were removed from the team'
                                ELSE ': your role is now ' || $4::text END AS title
          UNION ALL
          SELECT l.user_id, t.name || ': ' || m.display_name || ${change} || ${BY_ACTOR}
            FROM team_memberships l
           WHERE l.team_id = t.id AND l.role = 'lead' AND l.user_id <> m.id
        ) x
         JOIN users u ON u.id = x.user_id
        WHERE t.id = $3 AND u.status = 'active' AND u.id IS DISTINCT FROM $5::uuid
       ${onConflict}
       RETURNING 1`,
      [outboxId, userId, teamId, role, actorId],
    );
  }

  /** A change of the team's webhook: every active lead of the team but the one who made it. */
  async insertWebhookChange(
    outboxId: string,
    teamId: string,
    change: 'set' | 'removed',
    actorId: string | null,
  ): Promise<number> {
    return this.count(
      (onConflict) =>
        `INSERT INTO notifications (id, user_id, outbox_event_id, event, team_id, title)
       SELECT rilon_uuid_v7(), u.id, $1, 'webhook.changed', t.id,
              left(t.name || ': the team webhook was ' || $3::text || ${BY_ACTOR}, 300)
         FROM teams t
         JOIN team_memberships l ON l.team_id = t.id AND l.role = 'lead'
         JOIN users u ON u.id = l.user_id
         LEFT JOIN users a ON a.id = $4::uuid
        WHERE t.id = $2 AND u.status = 'active' AND u.id IS DISTINCT FROM $4::uuid
       ${onConflict}
       RETURNING 1`,
      [outboxId, teamId, change, actorId],
    );
  }

  /**
   * Runs an INSERT … RETURNING 1 and counts the new rows without shipping them to Node. JIT
   * is off for it: a join over every user is costed far above jit_above_cost, and compiling
   * it took 0.9 s of a 10^5-reader fan-out that runs a few seconds (the OFFSET 0 of the rank
   * keeps its rule matching to one evaluation a user as well).
   */
  private async count(
    insert: (onConflict: string) => string,
    params: [string, ...unknown[]],
  ): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SET LOCAL jit = off`);
      // The first attempt at an event (nearly every one) inserts without ON CONFLICT, whose
      // speculative insertion costs an eighth of a 10^5-row insert. Should another worker
      // run the same event meanwhile, the unique pair fails one of them, which retries.
      const [{ seen }]: Array<{ seen: boolean }> = await tx.query(
        `SELECT EXISTS (SELECT 1 FROM notifications WHERE outbox_event_id = $1) AS seen`,
        [params[0]],
      );
      const rows: Array<{ n: number }> = await tx.query(
        `WITH ins AS (${insert(seen ? 'ON CONFLICT (outbox_event_id, user_id) DO NOTHING' : '')})
         SELECT count(*)::int AS n FROM ins`,
        params,
      );
      return rows[0]?.n ?? 0;
    });
  }

  /**
   * The immediate mails of one event in batches of `size`, by id (as text in byte order,
   * which is uuid order): the same batches on every
   * attempt (the rows of an event are made by one statement and never change mode), less
   * those whose every row is already e-mailed.
   */
  async immediateBatches(outboxId: string, size: number): Promise<MailBatch[]> {
    const rows: Array<{ from_id: string; to_id: string }> = await this.dataSource.query(
      `SELECT min(id::text COLLATE "C") AS from_id, max(id::text COLLATE "C") AS to_id
         FROM (SELECT id, emailed_at, (row_number() OVER (ORDER BY id) - 1) / $2 AS batch
                 FROM notifications WHERE outbox_event_id = $1 AND email = 'immediate') n
        GROUP BY batch HAVING bool_or(emailed_at IS NULL) ORDER BY batch`,
      [outboxId, size],
    );
    return rows.map((r) => ({ fromId: r.from_id, toId: r.to_id }));
  }

  /**
   * The live messages of one event (new rows or from an earlier attempt), as
   * `liveMessages` would make them, but built in SQL: 10^5 user ids never reach Node.
   */
  async livePushOf(outboxId: string): Promise<LivePush> {
    const rows: Array<{ message: string; n: number }> = await this.dataSource.query(
      `SELECT json_build_object('u', json_agg(user_id))::text AS message, count(*)::int AS n
         FROM (SELECT user_id, (row_number() OVER () - 1) / $2 AS chunk
                 FROM notifications WHERE outbox_event_id = $1) n
        GROUP BY chunk`,
      [outboxId, LIVE_CHUNK],
    );
    return { messages: rows.map((r) => r.message), recipients: rows.reduce((a, r) => a + r.n, 0) };
  }

  /** The immediate mail of a notification was handed to the mail server. */
  async markEmailed(notificationId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET emailed_at = now() WHERE id = $1 AND emailed_at IS NULL`,
      [notificationId],
    );
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

  /** True when the row is the user's (read or not). */
  async markRead(userId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE notifications SET read_at = coalesce(read_at, now())
        WHERE id = $1 AND user_id = $2 RETURNING 1`,
      [id, userId],
    );
    return (rows[0] as unknown[]).length > 0;
  }

  async markAllRead(userId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
  }

  /**
   * Claims every unsent daily row of the users whose digest zone is `zone` (their first
   * active team's capital; UTC without a team) for the digest of local day `day`, and
   * answers the users holding rows of that digest (claimed now or by an earlier attempt).
   */
  async claimDigests(zone: string, day: string): Promise<string[]> {
    await this.dataSource.query(
      `WITH zone_users AS (
         SELECT p.user_id FROM (SELECT DISTINCT user_id FROM notifications
                                 WHERE email = 'daily' AND emailed_at IS NULL) p
           LEFT JOIN LATERAL (
             SELECT c.timezone FROM team_memberships m
               JOIN teams t ON t.id = m.team_id AND t.active JOIN capitals c ON c.id = t.capital_id
              WHERE m.user_id = p.user_id ORDER BY m.created_at, m.team_id LIMIT 1) z ON true
          WHERE coalesce(z.timezone, 'UTC') = $1)
       UPDATE notifications n SET emailed_at = now(), digest_zone = $1, digest_day = $2
         FROM zone_users zu
        WHERE n.user_id = zu.user_id AND n.email = 'daily' AND n.emailed_at IS NULL`,
      [zone, day],
    );
    const rows: Array<{ user_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT user_id FROM notifications WHERE digest_zone = $1 AND digest_day = $2`,
      [zone, day],
    );
    return rows.map((r) => r.user_id);
  }
}
