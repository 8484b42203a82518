import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

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
