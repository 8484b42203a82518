import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, denied, Refusals } from '@rilon/audit';
import {
  Actor,
  addOutboxEvent,
  inTransaction,
  isAdmin,
  isForeignKeyViolation,
  isLeadOf,
  isUniqueViolation,
  ProblemException,
  type TeamRole,
} from '@rilon/core';
import { PasswordHasher, UsersRepository } from '@rilon/identity';
import { DataSource } from 'typeorm';
import { TeamsRepository } from '../teams/teams.repository';
import { hashInvitationToken, InvitationIssuer } from './invitation-issuer';
import { InvitationThrottle } from './invitation-throttle';
import { MembershipsRepository } from '../memberships/memberships.repository';
import { InvitationsRepository, PendingInvitation } from './invitations.repository';
import { unknownMember } from '../members/unknown-member';
import type { InvitationView } from './invitation.view';

export interface NewTeamInvitation {
  email: string;
  displayName: string;
  memberCode: string;
  teamId: string;
  role: TeamRole;
}

/** Invitations into a team, and their acceptance (which creates or completes the account). */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invitations: InvitationsRepository,
    private readonly issuer: InvitationIssuer,
    private readonly users: UsersRepository,
    private readonly teams: TeamsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly refusals: Refusals,
    private readonly throttle: InvitationThrottle,
  ) {}

  /** Administrators invite with any role; a lead of the team as officer or observer. */
  create(actor: Actor, input: NewTeamInvitation): Promise<InvitationView> {
    return this.refusals.guard(async () => {
      const team = await this.teams.find(input.teamId);
      if (!team || !team.active)
        throw ProblemException.badRequest('The team does not exist or is inactive', [
          { field: 'teamId', message: 'is not an active team' },
        ]);
      const allowed = isAdmin(actor) || (isLeadOf(actor, team.id) && input.role !== 'lead');
      if (!allowed)
        throw denied(
          actor,
          'invitation.create',
          { type: 'team', id: team.id },
          'Administrators invite anyone; leads of this team invite officers and observers',
          { role: input.role },
        );
      await this.throttle.take(actor, { teamId: team.id, role: input.role });
      try {
        return await inTransaction(this.dataSource, async (manager) => {
          if (await this.users.emailTaken(manager, input.email))
            throw ProblemException.conflict('This e-mail address already has an account');
          return this.issuer.issue(manager, { ...input, userId: null, invitedBy: actor.userId });
        });
      } catch (error) {
        if (isForeignKeyViolation(error, 'fk_invitations_member')) throw unknownMember();
        throw error;
      }
    });
  }

  /** The team's pending invitations, for its leads and administrators (403, audited, else). */
  listPending(actor: Actor, teamId: string): Promise<PendingInvitation[]> {
    return this.refusals.guard(async () => {
      const team = await this.teams.find(teamId);
      if (!team) throw ProblemException.notFound('Team');
      if (!isAdmin(actor) && !isLeadOf(actor, team.id))
        throw denied(
          actor,
          'invitation.list',
          { type: 'team', id: team.id },
          "Only administrators and the team's leads see its pending invitations",
        );
      return this.invitations.listPending(this.dataSource.manager, team.id);
    });
  }

  /**
   * Creates the account (or sets the password of one made by POST /users) and the
   * membership, and spends the token, in one transaction.
   */
  async accept(token: string, password: string): Promise<{ userId: string; email: string }> {
    const tokenHash = hashInvitationToken(token);
    // Garbage tokens are refused before argon2 runs, so this public route is no cheap way to load the CPU.
    if (await this.invitations.isLive(tokenHash, this.dataSource.manager)) {
      const passwordHash = await this.hasher.hash(password);
      const accepted = await this.acceptInTransaction(tokenHash, passwordHash);
      if (accepted) return accepted;
    }
    throw await this.refusals.refuse(
      {
        actorId: null,
        action: 'invitation.accept',
        outcome: 'failure',
        details: { reason: 'unknown_used_or_expired' },
      },
      ProblemException.gone('This invitation is unknown, already used or expired'),
    );
  }

  private async acceptInTransaction(
    tokenHash: string,
    passwordHash: string,
  ): Promise<{ userId: string; email: string } | null> {
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const invitation = await this.invitations.claim(manager, tokenHash);
        if (!invitation) return null;
        let userId = invitation.userId;
        if (userId) {
          await this.users.setPassword(manager, userId, passwordHash);
        } else {
          const user = await this.users.insert(manager, {
            ...invitation,
            globalRole: null,
            passwordHash,
          });
          userId = user.id;
          await this.audit.record(manager, {
            actorId: userId,
            action: 'user.create',
            targetType: 'user',
            targetId: userId,
            details: { invitationId: invitation.id, memberCode: invitation.memberCode },
          });
        }
        if (invitation.teamId && invitation.role) {
          await this.memberships.upsert(manager, invitation.teamId, userId, invitation.role, true);
          await addOutboxEvent(manager, 'membership.changed', {
            userId,
            teamId: invitation.teamId,
            role: invitation.role,
            actorId: userId,
          });
        }
        await this.audit.record(manager, {
          actorId: userId,
          action: 'invitation.accept',
          targetType: 'invitation',
          targetId: invitation.id,
          details: { userId, teamId: invitation.teamId, role: invitation.role },
        });
        return { userId, email: invitation.email };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'ux_users_email_lower'))
        throw ProblemException.conflict('This e-mail address has been registered meanwhile');
      throw error;
    }
  }
}
