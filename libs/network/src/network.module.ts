import { Module } from '@nestjs/common';
import { IdentityModule } from '@rilon/identity';
import { CapitalsRepository } from './capitals/capitals.repository';
import { CapitalsService } from './capitals/capitals.service';
import { InvitationIssuer } from './invitations/invitation-issuer';
import { InvitationsRepository } from './invitations/invitations.repository';
import { InvitationsService } from './invitations/invitations.service';
import { MembersRepository } from './members/members.repository';
import { MembersService } from './members/members.service';
import { MembershipsRepository } from './memberships/memberships.repository';
import { MembershipsService } from './memberships/memberships.service';
import { Denials } from './shared/denials.service';
import { TeamsRepository } from './teams/teams.repository';
import { TeamsService } from './teams/teams.service';
import { UserUpdater } from './users/user-updater.service';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';

const SERVICES = [
  MembersService,
  CapitalsService,
  TeamsService,
  MembershipsService,
  UsersService,
  UserUpdater,
  InvitationsService,
];

/** Members, capitals, teams, memberships, user accounts and invitations. */
@Module({
  imports: [IdentityModule],
  providers: [
    ...SERVICES,
    Denials,
    InvitationIssuer,
    MembersRepository,
    CapitalsRepository,
    TeamsRepository,
    MembershipsRepository,
    UsersRepository,
    InvitationsRepository,
  ],
  exports: SERVICES,
})
export class NetworkModule {}
