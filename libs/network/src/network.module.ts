import { Module } from '@nestjs/common';
import { IdentityModule } from '@rilon/identity';
import { CapitalsRepository } from './capitals/capitals.repository';
import { CapitalsService } from './capitals/capitals.service';
import { InvitationIssuer } from './invitations/invitation-issuer';
import { InvitationThrottle } from './invitations/invitation-throttle';
import { InvitationsRepository } from './invitations/invitations.repository';
import { InvitationsService } from './invitations/invitations.service';
import { MembersRepository } from './members/members.repository';
import { MembersService } from './members/members.service';
import { MembershipsRepository } from './memberships/memberships.repository';
import { MembershipsService } from './memberships/memberships.service';
import { TaxiiKeysRepository } from './taxii-keys/taxii-keys.repository';
import { TaxiiKeysService } from './taxii-keys/taxii-keys.service';
import { TeamsRepository } from './teams/teams.repository';
import { TeamsService } from './teams/teams.service';
import { PeopleRepository } from './users/people.repository';
import { PeopleService } from './users/people.service';
import { UserUpdater } from './users/user-updater';
import { UsersService } from './users/users.service';

const SERVICES = [
  MembersService,
  CapitalsService,
  TeamsService,
  MembershipsService,
  UsersService,
  UserUpdater,
  PeopleService,
  InvitationsService,
  TaxiiKeysService,
];

/**
 * Members, capitals, teams, memberships, user accounts, the people directory, invitations and
 * the teams' TAXII keys.
 */
@Module({
  imports: [IdentityModule],
  providers: [
    ...SERVICES,
    InvitationIssuer,
    InvitationThrottle,
    MembersRepository,
    CapitalsRepository,
    TeamsRepository,
    MembershipsRepository,
    PeopleRepository,
    InvitationsRepository,
    TaxiiKeysRepository,
  ],
  exports: SERVICES,
})
export class NetworkModule {}
