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

export class CapitalDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Bangkok' }) name: string;
  @ApiProperty({ example: 'THA' }) countryCode: string;
  @ApiProperty({ example: 'Asia/Bangkok' }) timezone: string;
}

export class CapitalListDto {
  @ApiProperty({ type: [CapitalDto] }) items: CapitalDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: the list comes whole' })
  nextCursor: string | null;
}
