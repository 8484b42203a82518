import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10, scale and speed: the audit list's indexes (issue 10).
 *
 * The list is newest first by (occurred_at, seq) (docs/architecture.md, "The audit log at
 * scale"), so each index ends in (occurred_at, seq): an equality filter plus a time range
 * and the keyset cursor is one range walk of one index, in the order the page needs, however
 * far back the range lies. The seq-ordered indexes they replace made a time range walk the
 * primary key backward from the newest row.
 *
 * - time only, or no filter: (occurred_at, seq);
 * - actorId: (actor_id, occurred_at, seq);
 * - action: (action, occurred_at, seq);
 * - targetType alone: (target_type, occurred_at, seq); targetId (with or without its type):
 *   (target_id, occurred_at, seq), a handful of rows per target;
 * - outcome: denials and failures are a few per cent of the log, so outcome alone walks the
 *   time index and meets one soon; outcome with an action (the common question "who was
 *   refused report.publish") is served by a partial index over the non-success rows, which
 *   also answers a pair that matches nothing at once instead of walking every such row.
 * - Statistics over (action, target_type, outcome), which go together (an action has one
 *   target type; a denial its own action): without them the planner multiplies the
 *   selectivities and, for a pair that contradicts itself (report.read on a session), walks
 *   the whole time index expecting a match any moment; with them it knows the pair is empty.
 *
 * Built in the migration's transaction (not CONCURRENTLY): at 10^6 rows each takes seconds.
 */
export class ScaleAuditIndexes1764300013000 implements MigrationInterface {
  name = 'ScaleAuditIndexes1764300013000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_audit_events_occurred_at`);
    await q.query(`DROP INDEX ix_audit_events_actor`);
    await q.query(`DROP INDEX ix_audit_events_target`);
    await q.query(`DROP INDEX ix_audit_events_action`);
    await q.query(`CREATE INDEX ix_audit_events_time ON audit_events (occurred_at, seq)`);
    await q.query(
      `CREATE INDEX ix_audit_events_actor_time ON audit_events (actor_id, occurred_at, seq)`,
    );
    await q.query(
      `CREATE INDEX ix_audit_events_action_time ON audit_events (action, occurred_at, seq)`,
    );
    await q.query(
      `CREATE INDEX ix_audit_events_target_type_time ON audit_events (target_type, occurred_at, seq)`,
    );
    await q.query(
      `CREATE INDEX ix_audit_events_target_time ON audit_events (target_id, occurred_at, seq)`,
    );
    await q.query(
      `CREATE INDEX ix_audit_events_unsuccessful ON audit_events (outcome, action, occurred_at, seq)
        WHERE outcome <> 'success'`,
    );
    // Denials or failures of any action, newest first: about 3 % of rows, which a walk of the
    // time index would filter out of 30 rows to fill a page (p95 53 ms at c=8, 10^6 events).
    await q.query(
      `CREATE INDEX ix_audit_events_unsuccessful_time ON audit_events (outcome, occurred_at, seq)
        WHERE outcome <> 'success'`,
    );
    await q.query(
      `CREATE STATISTICS st_audit_events_kind (mcv, dependencies)
         ON action, target_type, outcome FROM audit_events`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP STATISTICS st_audit_events_kind`);
    await q.query(`DROP INDEX ix_audit_events_unsuccessful_time`);
    await q.query(`DROP INDEX ix_audit_events_unsuccessful`);
    await q.query(`DROP INDEX ix_audit_events_target_time`);
    await q.query(`DROP INDEX ix_audit_events_target_type_time`);
    await q.query(`DROP INDEX ix_audit_events_action_time`);
    await q.query(`DROP INDEX ix_audit_events_actor_time`);
    await q.query(`DROP INDEX ix_audit_events_time`);
    await q.query(`CREATE INDEX ix_audit_events_occurred_at ON audit_events (occurred_at)`);
    await q.query(`CREATE INDEX ix_audit_events_actor ON audit_events (actor_id, seq)`);
    await q.query(
      `CREATE INDEX ix_audit_events_target ON audit_events (target_type, target_id, seq)`,
    );
    await q.query(`CREATE INDEX ix_audit_events_action ON audit_events (action, seq)`);
  }
}
