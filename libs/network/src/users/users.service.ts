import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, denied, Refusals, requireAdmin } from '@rilon/audit';
import {
  Actor,
  decodeCursor,
  type GlobalRole,
  inTransaction,
  isAdmin,
  isForeignKeyViolation,
  isUniqueViolation,
  isUuid,
  malformedCursor,
  Page,
  ProblemException,
  toPage,
} from '@rilon/core';
import { PasswordHasher, type UserView } from '@rilon/identity';
import { DataSource } from 'typeorm';
import { InvitationIssuer } from '../invitations/invitation-issuer';
import { InvitationThrottle } from '../invitations/invitation-throttle';
import { UsersRepository } from '@rilon/identity';
import { unknownMember } from '../members/unknown-member';

export interface NewAccount {
  email: string;
  displayName: string;
  memberCode: string;
  password?: string;
  globalRole?: GlobalRole;
}

/** User accounts as administrators manage them; changes go through `UserUpdater`. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly issuer: InvitationIssuer,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly refusals: Refusals,
    private readonly throttle: InvitationThrottle,
  ) {}

  /** Without a password the account cannot sign in until its invitation is accepted. */
  create(actor: Actor, input: NewAccount): Promise<UserView> {
    return this.refusals.guard(async () => {
      requireAdmin(actor, 'user.create', 'user');
      // Without a password the account is sent an invitation: it counts as one.
      if (!input.password) await this.throttle.take(actor, { teamId: null, role: null });
      const passwordHash = input.password ? await this.hasher.hash(input.password) : null;
      try {
        return await inTransaction(this.dataSource, async (manager) => {
          const user = await this.users.insert(manager, {
            email: input.email,
            displayName: input.displayName,
            memberCode: input.memberCode,
            globalRole: input.globalRole ?? null,
            passwordHash,
          });
          await this.audit.record(manager, {
            actorId: actor.userId,
            action: 'user.create',
            targetType: 'user',
            targetId: user.id,
            details: {
              memberCode: user.memberCode,
              globalRole: user.globalRole,
              invited: !passwordHash,
            },
          });
          if (!passwordHash) {
            await this.issuer.issue(manager, {
              email: user.email,
              displayName: user.displayName,
              memberCode: user.memberCode,
              teamId: null,
              role: null,
              userId: user.id,
              invitedBy: actor.userId,
            });
          }
          return user;
        });
      } catch (error) {
        if (isUniqueViolation(error, 'ux_users_email_lower'))
          throw ProblemException.conflict('This e-mail address already has an account');
        if (isForeignKeyViolation(error, 'fk_users_member')) throw unknownMember();
        throw error;
      }
    });
  }

  /** Newest first (UUID v7 order), `limit` 1–200, default 50. */
  list(actor: Actor, limit = 50, cursor?: string): Promise<Page<UserView>> {
    return this.refusals.guard(async () => {
      requireAdmin(actor, 'user.list', 'user');
      const after = decodeCursor(cursor, 1)?.[0] ?? null;
      if (after !== null && !isUuid(after)) throw malformedCursor();
      const rows = await this.users.page(limit + 1, after);
      return toPage(rows, limit, (last) => [last.id]);
    });
  }

  /** Administrators read anyone; everyone else only themself (without learning whether others exist). */
  get(actor: Actor, id: string): Promise<UserView> {
    return this.refusals.guard(async () => {
      if (!isAdmin(actor) && actor.userId !== id)
        throw denied(
          actor,
          'user.read',
          { type: 'user', id },
          'You may read only your own account',
        );
      const user = await this.users.find(id);
      if (!user) throw ProblemException.notFound('User');
      return user;
    });
  }
}
