import { Module } from '@nestjs/common';
import { NetworkModule } from '@rilon/network';
import { CapitalsController } from './capitals.controller';
import { InvitationsController } from './invitations.controller';
import { TeamInvitationsController } from './team-invitations.controller';
import { MembersController } from './members.controller';
import { PeopleController } from './people.controller';
import { TeamMembersController } from './team-members.controller';
import { TeamTaxiiKeysController } from './team-taxii-keys.controller';
import { TeamsController } from './teams.controller';
import { UsersController } from './users.controller';

/**
 * HTTP routes of the network area. Administrator-only routes say so (@RequireRoles, refused
 * by the guard and audited as `<action>.denied` via @DeniedAs); the others are
 * @Authenticated with the rule on the team or account that the services decide and audit
 * the same way (or @Public for accepting an invitation).
 */
@Module({
  imports: [NetworkModule],
  controllers: [
    MembersController,
    CapitalsController,
    TeamsController,
    TeamMembersController,
    UsersController,
    PeopleController,
    InvitationsController,
    TeamInvitationsController,
    TeamTaxiiKeysController,
  ],
})
export class NetworkApiModule {}
