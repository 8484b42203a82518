import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, Refusals, requireAdmin } from '@rilon/audit';
import { Actor, inTransaction, isForeignKeyViolation, ProblemException } from '@rilon/core';
import { SessionsService, type UserView } from '@rilon/identity';
import { DataSource, EntityManager } from 'typeorm';
import { UserChanges, UsersRepository } from '@rilon/identity';
import { unknownMember } from '../members/unknown-member';

/**
 * PATCH /users/:id. Suspension ends every session in the same transaction. The last
 * active administrator can be neither demoted nor suspended: the active administrators'
 * rows are locked before they are counted, so two administrators demoting each other at
 * once cannot both succeed.
 */
@Injectable()
export class UserUpdater {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly refusals: Refusals,
  ) {}

  update(actor: Actor, id: string, changes: UserChanges): Promise<UserView> {
    return this.refusals.guard(async () => {
      requireAdmin(actor, 'user.update', 'user', id);
      try {
        return await inTransaction(this.dataSource, (manager) =>
          this.apply(manager, actor, id, changes),
        );
      } catch (error) {
        if (isForeignKeyViolation(error, 'fk_users_member')) throw unknownMember();
        throw error;
      }
    });
  }

  private async apply(
    manager: EntityManager,
    actor: Actor,
    id: string,
    changes: UserChanges,
  ): Promise<UserView> {
    const mayRemoveAdmin =
      (changes.globalRole !== undefined && changes.globalRole !== 'admin') ||
      changes.status === 'suspended';
    // Admin rows first, always in id order, then the target: one lock order for everyone.
    const admins = mayRemoveAdmin ? await this.users.lockActiveAdmins(manager) : [];
    const before = await this.users.find(id, manager, true);
    if (!before) throw ProblemException.notFound('User');
    const changed = (Object.keys(changes) as Array<keyof UserChanges>).filter(
      (key) => changes[key] !== undefined && changes[key] !== before[key],
    );
    if (changed.length === 0) return before;
    const after = { ...before, ...changes };
    const stopsBeingAdmin =
      admins.includes(id) && (after.globalRole !== 'admin' || after.status !== 'active');
    if (stopsBeingAdmin && admins.length <= 1)
      throw ProblemException.conflict(
        'This is the last active administrator: appoint another before demoting or suspending this one',
      );
    const user = await this.users.update(manager, id, changes);
    const suspended = before.status === 'active' && user.status === 'suspended';
    const sessionsRevoked = suspended ? await this.sessions.revokeAll(manager, id, 'suspended') : 0;
    await this.audit.record(manager, {
      actorId: actor.userId,
      action: 'user.update',
      targetType: 'user',
      targetId: id,
      details: {
        changed,
        ...(changed.includes('globalRole') ? { globalRole: user.globalRole } : {}),
        ...(changed.includes('status') ? { status: user.status, sessionsRevoked } : {}),
        ...(changed.includes('memberCode') ? { memberCode: user.memberCode } : {}),
      },
    });
    return user;
  }
}
