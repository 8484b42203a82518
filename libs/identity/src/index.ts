/**
 * @rilon/identity: who the caller is. It owns users, sessions and session_spent_secrets:
 * sign-in, refresh-token rotation with reuse detection, sign-out and password change; access
 * tokens; password hashing; the access guard and the rules routes declare; the per-user rate
 * limit. Other areas write users only through its `UsersRepository`.
 */
import { SessionSpentSecretEntity } from './session-spent-secret.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

/** The identity tables as TypeORM entities (IDENTITY_ENTITIES below lists them). */
export * from './user.entity';
export * from './session.entity';
export * from './session-spent-secret.entity';
/** Access: the rules a route declares, the guard that enforces them, the check of declarations. */
export * from './auth/auth.decorators';
export * from './auth/access.guard';
export * from './auth/api-keys';
export * from './auth/access-declarations';
/** Sign-in, refresh, sign-out and password change; the access-token strategy. */
export * from './auth/auth.service';
export * from './auth/jwt.strategy';
/** Bounded in-process counters, the throttles' fallback while Redis is unreachable. */
export * from './auth/local-counters';
/** argon2id password hashes. */
export * from './auth/password-hasher';
/** The per-user rate limit and the headers it answers with. */
export * from './auth/rate-limit.guard';
/** Sessions: the per-request load of the caller, their lifecycle, tokens and refresh secrets. */
export * from './auth/session-loader';
export * from './auth/sessions.service';
export * from './auth/token.service';
/** The one repository that writes the users table, for identity and network alike. */
export * from './users/users.repository';
/** The Nest module: users, sessions and tokens, what every authenticated route stands on. */
export * from './identity.module';
/** The identity entities, for the data source. */
export const IDENTITY_ENTITIES = [UserEntity, SessionEntity, SessionSpentSecretEntity];
