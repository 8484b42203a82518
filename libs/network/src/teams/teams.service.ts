import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, Refusals, requireAdmin } from '@rilon/audit';
import {
  Actor,
  inTransaction,
  isForeignKeyViolation,
  isUniqueViolation,
  ProblemException,
} from '@rilon/core';
import { DataSource } from 'typeorm';
import { TeamChanges, TeamsRepository } from './teams.repository';
import type { Page } from '@rilon/core';
import type { TeamView } from './team.view';

export interface NewTeam {
  name: string;
  capitalId: string;
  description?: string;
}

/**
 * Capital teams. A reference to an unknown capital is a 400 naming `capitalId` (like any
 * code outside its list); a taken name is a 409.
 */
@Injectable()
export class TeamsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly teams: TeamsRepository,
    private readonly audit: AuditService,
    private readonly refusals: Refusals,
  ) {}

  async list(): Promise<Page<TeamView>> {
    return { items: await this.teams.list(), nextCursor: null };
  }

  async get(id: string): Promise<TeamView> {
    const team = await this.teams.find(id);
    if (!team) throw ProblemException.notFound('Team');
    return team;
  }

  create(actor: Actor, input: NewTeam): Promise<TeamView> {
    return this.refusals.guard(() => {
      requireAdmin(actor, 'team.create', 'team');
      return this.translate(input, () =>
        inTransaction(this.dataSource, async (manager) => {
          const team = await this.teams.insert(manager, {
            ...input,
            description: input.description ?? '',
          });
          await this.audit.record(manager, {
            actorId: actor.userId,
            action: 'team.create',
            targetType: 'team',
            targetId: team.id,
            details: { capitalId: team.capitalId },
          });
          return team;
        }),
      );
    });
  }

  update(actor: Actor, id: string, changes: TeamChanges): Promise<TeamView> {
    return this.refusals.guard(() => {
      requireAdmin(actor, 'team.update', 'team', id);
      return this.translate(changes, () =>
        inTransaction(this.dataSource, async (manager) => {
          const before = await this.teams.find(id, manager, true);
          if (!before) throw ProblemException.notFound('Team');
          const changed = (Object.keys(changes) as Array<keyof TeamChanges>).filter(
            (key) => changes[key] !== undefined && changes[key] !== before[key],
          );
          if (changed.length === 0) return before;
          const team = await this.teams.update(manager, id, changes);
          await this.audit.record(manager, {
            actorId: actor.userId,
            action: 'team.update',
            targetType: 'team',
            targetId: id,
            details: { changed, capitalId: team.capitalId, active: team.active },
          });
          return team;
        }),
      );
    });
  }

  /** Constraint violations into the answers the contract names. */
  private async translate<T>(input: { name?: string }, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error, 'ux_teams_name'))
        throw ProblemException.conflict(`A team named ${input.name} exists already`);
      if (isForeignKeyViolation(error, 'fk_teams_capital'))
        throw ProblemException.badRequest('The capital does not exist', [
          { field: 'capitalId', message: 'no capital has this id' },
        ]);
      throw error;
    }
  }
}
