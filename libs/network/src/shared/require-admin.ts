import { Actor, isAdmin } from '@rilon/core';
import { AccessDeniedError } from './access-denied.error';

/** Administrator-only actions; the refusal names the action so the audit log says what was tried. */
export function requireAdmin(
  actor: Actor,
  action: string,
  targetType: string,
  targetId: string | null = null,
): void {
  if (!isAdmin(actor))
    throw new AccessDeniedError(action, targetType, targetId, 'This needs the admin role');
}
