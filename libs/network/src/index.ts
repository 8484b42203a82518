import { CapitalEntity } from './capital.entity';
import { InvitationEntity } from './invitation.entity';
import { MemberEntity } from './member.entity';
import { TeamMembershipEntity } from './team-membership.entity';
import { TeamEntity } from './team.entity';

export * from './member.entity';
export * from './capital.entity';
export * from './team.entity';
export * from './team-membership.entity';
export * from './invitation.entity';
export const NETWORK_ENTITIES = [
  MemberEntity,
  CapitalEntity,
  TeamEntity,
  TeamMembershipEntity,
  InvitationEntity,
];
