import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUrl, MaxLength, MinLength } from 'class-validator';

export class PutTeamWebhookDto {
  @ApiProperty({ example: 'https://hooks.example.org/rilon', maxLength: 2048 })
  @IsString()
  @MaxLength(2048)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  url: string;

  @ApiProperty({ minLength: 16, maxLength: 256, writeOnly: true })
  @IsString()
  @MinLength(16)
  @MaxLength(256)
  secret: string;
}
