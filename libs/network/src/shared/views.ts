import type { TeamRole } from '@rilon/core';
import type { MemberKind } from '../member.entity';

/**
 * What the network services answer: plain shapes picked column by column in SQL,
 * never entities, so a new column never reaches a client by accident.
 */
export interface MemberView {
  code: string;
  name: string;
  kind: MemberKind;
}

export interface CapitalView {
  id: string;
  name: string;
  countryCode: string;
  timezone: string;
}

export interface TeamView {
  id: string;
  name: string;
  capitalId: string;
  description: string;
  active: boolean;
}

export interface TeamMemberView {
  userId: string;
  displayName: string;
  memberCode: string;
  role: TeamRole;
}

export type { UserView } from '@rilon/identity';

export interface InvitationView {
  id: string;
  email: string;
  displayName: string;
  memberCode: string;
  teamId: string | null;
  role: TeamRole | null;
  expiresAt: Date;
}

/** A list answer: reference lists come whole (`nextCursor: null`). */
export interface ListOf<T> {
  items: T[];
  nextCursor: string | null;
}
