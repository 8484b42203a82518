import { ApiProperty } from '@nestjs/swagger';
import { IsCountryAlpha3, IsIanaTimeZone } from '@rilon/network';
import { IsString } from 'class-validator';
import { SingleLineText } from './validation.decorators';

export class CreateCapitalDto {
  @ApiProperty({ example: 'Bangkok', minLength: 1, maxLength: 120 })
  @SingleLineText(120)
  name: string;

  @ApiProperty({ example: 'THA', description: 'ISO 3166-1 alpha-3' })
  @IsString()
  @IsCountryAlpha3()
  countryCode: string;

  @ApiProperty({ example: 'Asia/Bangkok', description: 'IANA time zone', maxLength: 64 })
  @IsString()
  @IsIanaTimeZone()
  timezone: string;
}
