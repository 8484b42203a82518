import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional } from 'class-validator';
import { IsCountryCode } from '../validation/code.validators';

/** A travel route by country: origin, transit countries in order, destination. */
export class RouteDto {
  @ApiProperty({ example: 'LKA', description: 'ISO 3166-1 alpha-3' })
  @IsCountryCode()
  origin: string;

  @ApiPropertyOptional({ type: [String], example: ['THA', 'MYS'], maxItems: 10 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsCountryCode({ each: true })
  transit?: string[];

  @ApiProperty({ example: 'AUS' })
  @IsCountryCode()
  destination: string;
}
