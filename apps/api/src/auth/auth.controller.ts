import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rilon/core';
import { AuthService, Authenticated, CurrentActor, Public } from '@rilon/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ChangePasswordDto } from './change-password.dto';
import { LoginDto } from './login.dto';
import { MeDto } from './me.dto';
import { RefreshDto } from './refresh.dto';
import { TokenPairDto } from './token-pair.dto';
import { ApiChangePassword, ApiLogin, ApiLogout, ApiRefresh } from './auth.openapi';
import { MeService } from './me.service';
import { RefreshCookieService } from './refresh-cookie.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: RefreshCookieService,
    private readonly me: MeService,
  ) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiLogin()
  async login(
    @Body() dto: LoginDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPairDto> {
    const pair = await this.auth.login(dto.email, dto.password);
    return dto.refreshIn === 'cookie' ? this.cookies.hand(reply, pair) : pair;
  }

  @Post('auth/refresh')
  @Public()
  @HttpCode(200)
  @ApiRefresh()
  refresh(
    @Body() dto: RefreshDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPairDto> {
    return dto.refreshToken
      ? this.auth.refresh(dto.refreshToken)
      : this.cookies.refresh(request, reply);
  }

  @Post('auth/logout')
  @Authenticated('self')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiLogout()
  async logout(
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(actor);
    this.cookies.clear(reply);
  }

  @Get('me')
  @Authenticated('self')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  profile(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.me.describe(actor);
  }

  @Post('me/password')
  @Authenticated('self')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiChangePassword()
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }
}
