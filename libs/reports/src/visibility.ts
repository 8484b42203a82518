import { Actor, leadTeamIds, memberTeamIds } from '@rilon/core';
import type { ViewerSql } from './visibility-rule';

export * from './visibility-rule';

/** The viewer as bind parameters `$n…$n+2` for a request's actor. */
export function actorViewer(
  actor: Actor,
  firstParam: number,
): { viewer: ViewerSql; params: unknown[] } {
  return {
    viewer: {
      userId: `$${firstParam}::uuid`,
      teamIds: `$${firstParam + 1}::uuid[]`,
      leadTeamIds: `$${firstParam + 2}::uuid[]`,
    },
    params: [actor.userId, memberTeamIds(actor), leadTeamIds(actor)],
  };
}
