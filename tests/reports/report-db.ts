import type { TestApi } from '../support/harness';

export interface AuditRow {
  action: string;
  outcome: string;
  actor_id: string;
  target_id: string;
  details: Record<string, unknown>;
}

export async function auditRows(
  api: TestApi,
  targetId: string,
  action?: string,
): Promise<AuditRow[]> {
  return api.db.query(
    `SELECT action, outcome, actor_id, target_id, details FROM audit_events
      WHERE target_id = $1 AND ($2::text IS NULL OR action = $2) ORDER BY seq`,
    [targetId, action ?? null],
  );
}

export async function outboxRows(
  api: TestApi,
  reportId: string,
): Promise<Array<{ type: string; payload: Record<string, unknown> }>> {
  return api.db.query(
    `SELECT type, payload FROM outbox_events WHERE payload->>'reportId' = $1 ORDER BY id`,
    [reportId],
  );
}
