import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, Refusals } from '@rilon/audit';
import { Actor, inTransaction, isUuid, ProblemException, RequestContext } from '@rilon/core';
import { DataSource } from 'typeorm';
import { UsersRepository } from '../users/users.repository';
import { LoginThrottle } from './login-throttle';
import { DUMMY_HASH_PROMISE, PasswordHasher } from './password-hasher';
import { SessionsService } from './sessions.service';
import { TokenPair } from './token.service';

const INVALID_CREDENTIALS = 'The e-mail address or the password is wrong';

/** Sign-in, refresh-token rotation with reuse detection, sign-out and password change. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly refusals: Refusals,
    private readonly sessions: SessionsService,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
  ) {}

  async login(email: string, password: string): Promise<TokenPair> {
    const ip = RequestContext.current().ip ?? 'unknown';
    const attempt = await this.throttle.begin(email, ip);
    if (attempt.lockedFor > 0) {
      throw await this.refusals.refuse(
        {
          actorId: null,
          action: 'auth.login',
          outcome: 'denied',
          details: { reason: 'throttled' },
        },
        ProblemException.tooManyRequests(attempt.lockedFor),
      );
    }
    const user = await this.users.credentialsByEmail(email);
    // Verify against a dummy hash for unknown e-mails so both failures take the same time.
    const valid = await this.hasher.verify(
      user?.passwordHash ?? (await DUMMY_HASH_PROMISE),
      password,
    );
    const succeeded = Boolean(user && valid && user.status === 'active');
    await attempt.settle(succeeded);
    if (!user || !succeeded) {
      throw await this.refusals.refuse(
        {
          actorId: user?.id ?? null,
          action: 'auth.login',
          targetType: user ? 'user' : null,
          targetId: user?.id ?? null,
          outcome: 'failure',
          details: { reason: !user ? 'unknown_email' : !valid ? 'wrong_password' : 'suspended' },
        },
        ProblemException.unauthorized(INVALID_CREDENTIALS),
      );
    }
    const rehash =
      user.passwordHash && this.hasher.needsRehash(user.passwordHash)
        ? await this.hasher.hash(password)
        : null;
    return inTransaction(this.dataSource, async (manager) => {
      if (rehash) await this.users.setPassword(manager, user.id, rehash);
      const { sessionId, pair } = await this.sessions.open(manager, user.id);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'auth.login',
        targetType: 'session',
        targetId: sessionId,
      });
      return pair;
    });
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const [sessionId, secret] = refreshToken.split('.');
    if (!isUuid(sessionId) || !secret)
      throw ProblemException.unauthorized('The refresh token is invalid');
    const rotated = await inTransaction(this.dataSource, async (manager) => {
      const result = await this.sessions.rotate(manager, sessionId, secret);
      if (result) {
        await this.audit.record(manager, {
          actorId: result.userId,
          action: 'auth.refresh',
          targetType: 'session',
          targetId: sessionId,
        });
      }
      return result;
    });
    if (rotated) return rotated.pair;
    // A spent secret coming back means the token was copied: that ends the whole session.
    // A secret never issued (forged from a session id, which the audit log names) and the
    // current secret of an ended session are refused, and end nothing.
    await inTransaction(this.dataSource, async (manager) => {
      const session = await this.sessions.classifySecret(manager, sessionId, secret);
      if (!session) return;
      if (session.secret !== 'spent') {
        await this.audit.record(manager, {
          actorId: session.userId,
          action: 'auth.refresh',
          targetType: 'session',
          targetId: sessionId,
          outcome: 'denied',
          details: { reason: session.secret === 'current' ? 'session_ended' : 'unknown_secret' },
        });
        return;
      }
      const revoked = await this.sessions.revoke(manager, sessionId, 'token_reuse');
      await this.audit.record(manager, {
        actorId: session.userId,
        action: 'auth.token_reuse',
        targetType: 'session',
        targetId: sessionId,
        outcome: 'denied',
        details: { sessionRevoked: revoked !== null },
      });
    });
    throw ProblemException.unauthorized('The refresh token is invalid, expired or already used');
  }

  /**
   * Refuses a refresh before its token was tried (a cookie refresh from a foreign origin,
   * say) and gives back `problem` to throw: the token stays unspent, so such a request
   * cannot end the session either. The session is named only when the token names a real one.
   */
  async refuseRefresh(
    refreshToken: string | undefined,
    details: { reason: string } & Record<string, unknown>,
    problem: ProblemException,
  ): Promise<ProblemException> {
    const sessionId = refreshToken?.split('.')[0];
    const session = isUuid(sessionId)
      ? await this.sessions.find(this.dataSource.manager, sessionId)
      : null;
    return this.refusals.refuse(
      {
        actorId: session?.userId ?? null,
        action: 'auth.refresh',
        targetType: session ? 'session' : null,
        targetId: session ? sessionId : null,
        outcome: 'denied',
        details,
      },
      problem,
    );
  }

  async logout(actor: Actor): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      await this.sessions.revoke(manager, actor.sessionId, 'logout');
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: 'auth.logout',
        targetType: 'session',
        targetId: actor.sessionId,
      });
    });
  }

  /**
   * A wrong current password is a sign-in failure of the account (issue 12): it goes into
   * the sign-in throttle's counter, so a stolen access token buys no more guesses than the
   * sign-in form, and a locked account is 429 here too, whatever the password.
   */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.users.credentialsById(actor.userId);
    const ip = RequestContext.current().ip ?? 'unknown';
    const attempt = await this.throttle.begin(account?.email ?? actor.userId, ip);
    if (attempt.lockedFor > 0) {
      throw await this.refusals.refuse(
        {
          actorId: actor.userId,
          action: 'user.password_change',
          targetType: 'user',
          targetId: actor.userId,
          outcome: 'denied',
          details: { reason: 'throttled' },
        },
        ProblemException.tooManyRequests(attempt.lockedFor),
      );
    }
    const valid = await this.hasher.verify(account?.passwordHash ?? null, currentPassword);
    await attempt.settle(valid);
    if (!valid) {
      throw await this.refusals.refuse(
        {
          actorId: actor.userId,
          action: 'user.password_change',
          targetType: 'user',
          targetId: actor.userId,
          outcome: 'failure',
          details: { reason: 'wrong_password' },
        },
        ProblemException.forbidden('The current password is wrong'),
      );
    }
    const hash = await this.hasher.hash(newPassword);
    await inTransaction(this.dataSource, async (manager) => {
      await this.users.setPassword(manager, actor.userId, hash);
      const revoked = await this.sessions.revokeAll(
        manager,
        actor.userId,
        'password_change',
        actor.sessionId,
      );
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: 'user.password_change',
        targetType: 'user',
        targetId: actor.userId,
        details: { sessionsRevoked: revoked },
      });
    });
  }
}
