import type { Cast, TestUser } from '../support/factories';
import type { TestApi } from '../support/harness';

export type RoleName =
  'anonymous' | 'observer' | 'officer' | 'lead' | 'otherLead' | 'admin' | 'auditor' | 'suspended';

export const ALL_ROLES: RoleName[] = [
  'anonymous',
  'observer',
  'officer',
  'lead',
  'otherLead',
  'admin',
  'auditor',
  'suspended',
];

/** The bearer token a role calls with (none for anonymous). */
export function tokenOf(cast: Cast, role: RoleName): string | undefined {
  if (role === 'anonymous') return undefined;
  return cast[role].token;
}

export function userOf(cast: Cast, role: Exclude<RoleName, 'anonymous'>): TestUser {
  return cast[role];
}

export interface AuditRow {
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  details: Record<string, unknown>;
}

export function auditRows(api: TestApi, action: string, targetId?: string): Promise<AuditRow[]> {
  return api.db.query(
    `SELECT actor_id, action, target_type, target_id, outcome, details FROM audit_events
      WHERE action = $1 AND ($2::text IS NULL OR target_id = $2) ORDER BY seq`,
    [action, targetId ?? null],
  );
}

export async function outboxRows(
  api: TestApi,
  type: string,
): Promise<Array<{ id: string; payload: any }>> {
  return api.db.query('SELECT id::text, payload FROM outbox_events WHERE type = $1 ORDER BY id', [
    type,
  ]);
}

/** Counts the rows of an audit action: a refusal must add one. */
export async function auditCount(api: TestApi, action: string, actorId?: string): Promise<number> {
  const rows: Array<{ n: number }> = await api.db.query(
    `SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND ($2::uuid IS NULL OR actor_id = $2::uuid)`,
    [action, actorId ?? null],
  );
  return rows[0].n;
}

/** The invitation token, read back from the link in the queued e-mail (the only place it exists). */
export function tokenFromLink(link: string): string {
  const token = new URL(link).searchParams.get('token');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

const TOKEN_IN_LINK = /\/invitations\/accept\?token=([A-Za-z0-9_-]{43})/;

/**
 * The invitation token from a raw received e-mail. The body parts may be
 * quoted-printable (soft line breaks, `=3D`) or base64, so both are decoded.
 */
export function tokenFromMail(raw: string): string | null {
  const qp = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const direct = TOKEN_IN_LINK.exec(qp);
  if (direct) return direct[1];
  for (const block of raw.split(/\r?\n\r?\n/)) {
    const compact = block.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/=]{40,}$/.test(compact)) continue;
    const found = TOKEN_IN_LINK.exec(Buffer.from(compact, 'base64').toString('utf8'));
    if (found) return found[1];
  }
  return null;
}
