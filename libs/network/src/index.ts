/**
 * @rilon/network: who belongs where. It owns members, capitals, teams, team_memberships,
 * invitations and taxii_keys: the reference data administrators keep (members, capitals,
 * teams), team memberships and their roles, user administration (written through
 * @rilon/identity's `UsersRepository`), the people directory, invitations by e-mail, and the
 * TAXII keys a team's leads issue to its MISP or OpenCTI.
 */
import { CapitalEntity } from './capital.entity';
import { InvitationEntity } from './invitation.entity';
import { MemberEntity } from './member.entity';
import { TeamMembershipEntity } from './team-membership.entity';
import { TeamEntity } from './team.entity';

/** The network tables as TypeORM entities (NETWORK_ENTITIES lists them for the data source). */
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

/** The network area's module: import it to use the services below. */
export * from './network.module';
/**
 * What the network services answer: plain shapes picked column by column in SQL, never
 * entities, so a new column never reaches a client by accident.
 */
export type { MemberView } from './members/member.view';
export type { CapitalView } from './capitals/capital.view';
export type { TeamView } from './teams/team.view';
export type { TeamMemberView } from './memberships/team-member.view';
export type { UserView } from '@rilon/identity';
export type { InvitationView } from './invitations/invitation.view';

/** Validators for ISO 3166-1 alpha-3 codes and IANA time zones, for DTOs of any area. */
export * from './validation/reference-validators';
/** The services: reference data, team memberships and roles, user administration. */
export * from './members/members.service';
export * from './capitals/capitals.service';
export * from './teams/teams.service';
export type { TeamChanges } from './teams/teams.repository';
export * from './memberships/memberships.service';
export * from './users/users.service';
export * from './users/user-updater';
export type { UserChanges } from '@rilon/identity';
/** The people directory: active users by name, for naming RED recipients. */
export * from './users/people.service';
export type { PersonView } from './users/people.repository';
/** Invitations into a team (by administrators and its leads), and their acceptance. */
export * from './invitations/invitations.service';
export type { PendingInvitation } from './invitations/invitations.repository';
/**
 * A team's TAXII keys (docs/stix.md, "TAXII"): issued, listed and revoked by its leads and
 * administrators, and checked for the TAXII server (`TaxiiKeysService.authenticate`).
 */
export * from './taxii-keys/taxii-keys.service';
export type { TaxiiKeyView, IssuedTaxiiKey } from './taxii-keys/taxii-key.view';
