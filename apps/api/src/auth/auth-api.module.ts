import { Module } from '@nestjs/common';
import { IdentityModule } from '@rilon/identity';
import { AuthController } from './auth.controller';
import { MeRepository } from './me.repository';
import { MeService } from './me.service';
import { PortalOrigin } from './portal-origin';
import { RefreshCookieService } from './refresh-cookie.service';

/** HTTP routes of sign-in, sessions and the caller's own profile. */
@Module({
  imports: [IdentityModule],
  controllers: [AuthController],
  providers: [MeRepository, MeService, PortalOrigin, RefreshCookieService],
})
export class AuthApiModule {}
