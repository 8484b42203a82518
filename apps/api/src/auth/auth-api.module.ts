import { Module } from '@nestjs/common';
import { IdentityModule } from '@rilon/identity';
import { AuthController } from './auth.controller';
import { MeService } from './me.service';

/** HTTP routes of sign-in, sessions and the caller's own profile. */
@Module({ imports: [IdentityModule], controllers: [AuthController], providers: [MeService] })
export class AuthApiModule {}
