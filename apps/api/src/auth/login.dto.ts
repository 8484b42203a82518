import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
