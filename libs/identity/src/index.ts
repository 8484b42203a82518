import { SessionSpentSecretEntity } from './session-spent-secret.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

export * from './user.entity';
export * from './session.entity';
export * from './session-spent-secret.entity';
export * from './auth/auth.decorators';
export * from './auth/access.guard';
export * from './auth/auth.service';
export * from './auth/jwt.strategy';
export * from './auth/local-counters';
export * from './auth/password-hasher';
export * from './auth/rate-limit.guard';
export * from './auth/session-loader';
export * from './auth/sessions.service';
export * from './auth/token.service';
export * from './identity.module';
export const IDENTITY_ENTITIES = [UserEntity, SessionEntity, SessionSpentSecretEntity];
