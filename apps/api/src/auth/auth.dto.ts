import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TEAM_ROLES } from '@rilon/core';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export const REFRESH_IN = ['body', 'cookie'] as const;
export type RefreshIn = (typeof REFRESH_IN)[number];

export class LoginDto {
  @ApiProperty({ example: 'officer@rilon.example' })
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email: string;

  @ApiProperty({ minLength: 1, maxLength: 256 })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;

  @ApiPropertyOptional({
    enum: REFRESH_IN,
    // No `default` in the schema: openapi-typescript would then type the field as required.
    description:
      'Where the refresh token goes; `body` when left out. `body` (API clients): in the answer ' +
      'as `refreshToken`. ' +
      '`cookie` (the web portal): not in the answer but in the httpOnly cookie `rilon_refresh` ' +
      '(SameSite=Strict, Path=/api/v1/auth), which `POST /auth/refresh` without a body then uses.',
  })
  @IsOptional()
  @IsIn(REFRESH_IN)
  refreshIn?: RefreshIn;
}

export class RefreshDto {
  @ApiPropertyOptional({
    description:
      'The refresh token of the last pair; it is spent by this call. Leave it out (or send no ' +
      'body at all) to refresh with the `rilon_refresh` cookie instead.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  refreshToken?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  currentPassword: string;

  @ApiProperty({ minLength: 12, maxLength: 256 })
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  newPassword: string;
}

export class TokenPairDto {
  @ApiProperty() accessToken: string;
  @ApiPropertyOptional({
    description:
      'The next refresh token, single use. Absent when it was set as the `rilon_refresh` cookie ' +
      '(sign-in with `refreshIn: "cookie"`, and every cookie refresh).',
  })
  refreshToken?: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Access token lifetime in seconds' }) expiresIn: number;
}

export class MembershipDto {
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty({ format: 'uuid' }) capitalId: string;
  @ApiProperty({ enum: TEAM_ROLES }) role: string;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty() memberCode: string;
  @ApiProperty({ enum: ['admin', 'auditor'], nullable: true, type: String }) globalRole:
    string | null;
  @ApiProperty({ type: [MembershipDto] }) memberships: MembershipDto[];
}
