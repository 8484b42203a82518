import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

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
