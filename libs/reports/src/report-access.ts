import { Actor, isLeadOf, teamRole } from '@rilon/core';
import type { ReportStatus } from './report-codes';

export type ReportAction = 'update' | 'submit' | 'return' | 'publish' | 'withdraw';

/** What may happen to a report the actor can read: go ahead, 403, or 409 (wrong state). */
export type AccessDecision = 'ok' | 'forbidden' | 'conflict';

interface Target {
  authorId: string;
  teamId: string;
  status: ReportStatus;
}

/** The author, while still an officer or lead of the authoring team (observers cannot author). */
function isActiveAuthor(actor: Actor, r: Target): boolean {
  const role = teamRole(actor, r.teamId);
  return actor.userId === r.authorId && (role === 'officer' || role === 'lead');
}

/**
 * The lifecycle table (docs/domain.md, "Lifecycle"). Someone who has no part in the
 * action in any state gets 403; someone who has, but not in this state, gets 409.
 */
export function decide(action: ReportAction, actor: Actor, r: Target): AccessDecision {
  const author = isActiveAuthor(actor, r);
  const lead = isLeadOf(actor, r.teamId);
  const inState = (...states: ReportStatus[]): AccessDecision =>
    states.includes(r.status) ? 'ok' : 'conflict';
  switch (action) {
    case 'update':
      if (!author && !lead) return 'forbidden';
      if (r.status === 'draft') return 'ok';
      if (r.status === 'published') return lead ? 'ok' : 'forbidden';
      return 'conflict';
    case 'submit':
      return author ? inState('draft') : 'forbidden';
    case 'return':
      return lead ? inState('submitted') : 'forbidden';
    case 'publish':
      return lead ? inState('draft', 'submitted') : 'forbidden';
    case 'withdraw':
      return author || lead ? inState('published') : 'forbidden';
  }
}
