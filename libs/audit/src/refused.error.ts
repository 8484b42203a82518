import { Actor, ProblemException } from '@rilon/core';
import type { DeniableAction } from './audit-action';
import type { AuditRecord } from './audit.service';

/** The audit entry of a refusal: what was tried, on what, and why it was refused. */
export interface Refusal extends AuditRecord {
  outcome: 'denied' | 'failure';
}

/**
 * Thrown by a service, possibly inside a transaction, when it refuses: it carries the
 * audit entry and the answer. `Refusals.guard` records the entry once the transaction
 * has rolled back, on a connection of its own, and answers the problem; a lock the
 * transaction held is gone by then.
 */
export class RefusedError extends Error {
  constructor(
    readonly refusal: Refusal,
    readonly problem: ProblemException,
  ) {
    super(problem.message);
    this.name = 'RefusedError';
  }
}

/** A 403 audited as `<action>.denied` on the target, with the message as the problem's detail. */
export function denied(
  actor: Actor,
  action: DeniableAction,
  target: { type: string; id: string | null },
  message: string,
  details: Record<string, unknown> = {},
): RefusedError {
  return new RefusedError(
    {
      actorId: actor.userId,
      action: `${action}.denied`,
      targetType: target.type,
      targetId: target.id,
      outcome: 'denied',
      details,
    },
    ProblemException.forbidden(message),
  );
}
