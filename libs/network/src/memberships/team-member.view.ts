import type { TeamRole } from '@rilon/core';

/** A member of a team, with the role held in it (never an entity: see index.ts). */
export interface TeamMemberView {
  userId: string;
  displayName: string;
  memberCode: string;
  role: TeamRole;
}
