import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type DeniableAction, denied, Refusals, RefusedError } from '@rilon/audit';
import {
  Actor,
  addOutboxEvent,
  inTransaction,
  isAdmin,
  isLeadOf,
  memberTeamIds,
  ProblemException,
  type TeamRole,
} from '@rilon/core';
import { DataSource, EntityManager } from 'typeorm';
import { TeamsRepository } from '../teams/teams.repository';
import { MembershipsRepository } from './memberships.repository';
import type { Page } from '@rilon/core';
import type { TeamMemberView } from './team-member.view';

type MembershipAction = 'membership.set' | 'membership.remove';

/**
 * Who is in which team. Administrators set any role; a lead of the team manages its
 * officers and observers but never touches a lead and never grants the lead role. Nobody
 * changes their own memberships (issue 12): an administrator who made themself a lead would
 * read the team's drafts, AMBER and RED reports through the leads clause. Every change is
 * audited and told through the outbox (`membership.changed`, to the member and the leads).
 */
@Injectable()
export class MembershipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly memberships: MembershipsRepository,
    private readonly teams: TeamsRepository,
    private readonly audit: AuditService,
    private readonly refusals: Refusals,
  ) {}

  list(actor: Actor, teamId: string): Promise<Page<TeamMemberView>> {
    return this.refusals.guard(async () => {
      if (!(await this.teams.find(teamId))) throw ProblemException.notFound('Team');
      if (!isAdmin(actor) && !memberTeamIds(actor).includes(teamId))
        throw this.denied(
          actor,
          'membership.list',
          teamId,
          null,
          'Only members of the team see its members',
        );
      return { items: await this.memberships.list(teamId), nextCursor: null };
    });
  }

  set(actor: Actor, teamId: string, userId: string, role: TeamRole): Promise<TeamMemberView> {
    return this.refusals.guard(() =>
      inTransaction(this.dataSource, async (manager) => {
        await this.checkTeamAndPower(manager, actor, 'membership.set', teamId, userId, { role });
        if (role === 'lead' && !isAdmin(actor))
          throw this.denied(
            actor,
            'membership.set',
            teamId,
            userId,
            'Only administrators grant the lead role',
            { role },
          );
        if (!(await this.memberships.userExists(manager, userId)))
          throw ProblemException.notFound('User');
        const previous = await this.lockTarget(manager, actor, 'membership.set', teamId, userId);
        if (previous !== role) {
          const written = await this.memberships.upsert(
            manager,
            teamId,
            userId,
            role,
            isAdmin(actor),
          );
          if (!written) throw this.leadUntouchable(actor, 'membership.set', teamId, userId);
          await this.told(manager, actor, 'membership.set', teamId, userId, role, previous);
        }
        return this.memberships.view(manager, teamId, userId);
      }),
    );
  }

  remove(actor: Actor, teamId: string, userId: string): Promise<void> {
    return this.refusals.guard(() =>
      inTransaction(this.dataSource, async (manager) => {
        await this.checkTeamAndPower(manager, actor, 'membership.remove', teamId, userId);
        const previous = await this.lockTarget(manager, actor, 'membership.remove', teamId, userId);
        if (!previous) throw ProblemException.notFound('Membership');
        await this.memberships.delete(manager, teamId, userId);
        await this.told(manager, actor, 'membership.remove', teamId, userId, null, previous);
      }),
    );
  }

  private async checkTeamAndPower(
    manager: EntityManager,
    actor: Actor,
    action: MembershipAction,
    teamId: string,
    userId: string,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    if (!(await this.teams.find(teamId, manager))) throw ProblemException.notFound('Team');
    if (userId === actor.userId)
      throw this.denied(
        actor,
        action,
        teamId,
        userId,
        'Nobody changes their own memberships: another administrator must do it',
        { reason: 'own_membership', ...details },
      );
    if (!isAdmin(actor) && !isLeadOf(actor, teamId))
      throw this.denied(
        actor,
        action,
        teamId,
        userId,
        'Only administrators and leads of this team manage its members',
      );
  }

  /** Locks the target's membership; a lead of the team is for administrators only. */
  private async lockTarget(
    manager: EntityManager,
    actor: Actor,
    action: MembershipAction,
    teamId: string,
    userId: string,
  ): Promise<TeamRole | null> {
    const previous = await this.memberships.lockRole(manager, teamId, userId);
    if (previous === 'lead' && !isAdmin(actor))
      throw this.leadUntouchable(actor, action, teamId, userId);
    return previous;
  }

  private async told(
    manager: EntityManager,
    actor: Actor,
    action: MembershipAction,
    teamId: string,
    userId: string,
    role: TeamRole | null,
    previousRole: TeamRole | null,
  ): Promise<void> {
    await this.audit.record(manager, {
      actorId: actor.userId,
      action,
      targetType: 'user',
      targetId: userId,
      details: { teamId, role, previousRole },
    });
    await addOutboxEvent(manager, 'membership.changed', {
      userId,
      teamId,
      role,
      actorId: actor.userId,
    });
  }

  private leadUntouchable(
    actor: Actor,
    action: DeniableAction,
    teamId: string,
    userId: string,
  ): RefusedError {
    return this.denied(
      actor,
      action,
      teamId,
      userId,
      'Only administrators change a lead of the team',
    );
  }

  private denied(
    actor: Actor,
    action: DeniableAction,
    teamId: string,
    userId: string | null,
    message: string,
    details: Record<string, unknown> = {},
  ): RefusedError {
    return userId
      ? denied(actor, action, { type: 'user', id: userId }, message, { teamId, ...details })
      : denied(actor, action, { type: 'team', id: teamId }, message, details);
  }
}
