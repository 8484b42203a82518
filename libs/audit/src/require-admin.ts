import { Actor, isAdmin } from '@rilon/core';
import type { DeniableAction } from './audit-action';
import { denied } from './refused.error';

/** Administrator-only actions; the refusal names the action so the audit log says what was tried. */
export function requireAdmin(
  actor: Actor,
  action: DeniableAction,
  targetType: string,
  targetId: string | null = null,
): void {
  if (!isAdmin(actor))
    throw denied(actor, action, { type: targetType, id: targetId }, 'This needs the admin role');
}
