import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, AppConfig } from '@rilon/core';
import { AccessDeclarations } from './auth/access-declarations';
import { AccessGuard } from './auth/access.guard';
import { ApiKeys } from './auth/api-keys';
import { AuthService } from './auth/auth.service';
import { BootstrapAdminService } from './auth/bootstrap-admin.service';
import { JwtStrategy } from './auth/jwt.strategy';
import { LoginThrottle } from './auth/login-throttle';
import { PasswordHasher } from './auth/password-hasher';
import { UserRateLimitGuard } from './auth/rate-limit.guard';
import { SessionLoader } from './auth/session-loader';
import { SessionsService } from './auth/sessions.service';
import { TokenService } from './auth/token.service';
import { SessionsRepository } from './sessions/sessions.repository';
import { UsersRepository } from './users/users.repository';

/** Users, sessions and tokens: what every authenticated route stands on. */
@Module({
  imports: [
    DiscoveryModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.jwt.algorithm === 'HS256'
          ? { secret: config.jwt.signingKey }
          : { privateKey: config.jwt.signingKey, publicKey: config.jwt.verifyKey },
    }),
  ],
  providers: [
    UsersRepository,
    SessionsRepository,
    SessionLoader,
    JwtStrategy,
    TokenService,
    AccessGuard,
    ApiKeys,
    AccessDeclarations,
    UserRateLimitGuard,
    SessionsService,
    PasswordHasher,
    LoginThrottle,
    AuthService,
    BootstrapAdminService,
  ],
  exports: [
    UsersRepository,
    SessionLoader,
    TokenService,
    AccessGuard,
    ApiKeys,
    UserRateLimitGuard,
    SessionsService,
    PasswordHasher,
    AuthService,
  ],
})
export class IdentityModule {}
