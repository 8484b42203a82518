import type { TeamRole } from '@rilon/core';

/** An invitation as the network services answer it (never an entity: see index.ts). */
export interface InvitationView {
  id: string;
  email: string;
  displayName: string;
  memberCode: string;
  teamId: string | null;
  role: TeamRole | null;
  expiresAt: Date;
}
