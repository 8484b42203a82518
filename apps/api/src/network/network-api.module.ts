import { Module } from '@nestjs/common';
import { NetworkModule } from '@rilon/network';
import { CapitalsController } from './capitals.controller';
import { InvitationsController } from './invitations.controller';
import { MembersController } from './members.controller';
import { PeopleController } from './people.controller';
import { TeamMembersController } from './team-members.controller';
import { TeamsController } from './teams.controller';
import { UsersController } from './users.controller';

/**
 * HTTP routes of the network area. Every route is @Authenticated (or @Public for accepting
 * an invitation); who may do what is decided by the services, which audit each refusal
 * as `<action>.denied` before answering 403.
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
  ],
})
export class NetworkApiModule {}
