/** The network-wide roles; most users have none (their teams give them their work). */
export const GLOBAL_ROLES = ['admin', 'auditor'] as const;
export type GlobalRole = (typeof GLOBAL_ROLES)[number];
/** The roles within a team, the most senior first (lists of members sort by it). */
export const TEAM_ROLES = ['lead', 'officer', 'observer'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export interface TeamMembershipRef {
  teamId: string;
  role: TeamRole;
}

/**
 * The caller, as the session check loaded it on this request from shared state.
 * Services take it as an argument; nothing reads it from a global.
 */
export interface Actor {
  userId: string;
  sessionId: string;
  email: string;
  displayName: string;
  memberCode: string;
  globalRole: GlobalRole | null;
  teams: TeamMembershipRef[];
  /**
   * When the access token of this request expires (its `exp`, epoch seconds), set by the
   * token check: what outlives the request (a live stream) must end by then.
   */
  accessExpiresAt?: number;
}

export function isAdmin(actor: Actor): boolean {
  return actor.globalRole === 'admin';
}

export function teamRole(actor: Actor, teamId: string): TeamRole | null {
  return actor.teams.find((t) => t.teamId === teamId)?.role ?? null;
}

export function isLeadOf(actor: Actor, teamId: string): boolean {
  return teamRole(actor, teamId) === 'lead';
}

/** Team ids where the actor leads, as the visibility rule needs them. */
export function leadTeamIds(actor: Actor): string[] {
  return actor.teams.filter((t) => t.role === 'lead').map((t) => t.teamId);
}

export function memberTeamIds(actor: Actor): string[] {
  return actor.teams.map((t) => t.teamId);
}
