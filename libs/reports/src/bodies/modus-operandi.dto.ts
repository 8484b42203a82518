import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CRIME_TYPES, MO_METHODS, TRANSPORT_MODES } from '../report-codes';
import { IsDateOnly, NotInFuture } from '../validation/date.validators';
import { RouteDto } from './route.dto';
import { OptionalTextList } from '../validation/text-list.validator';

/** A generic method of smugglers or traffickers: patterns, never people. */
export class ModusOperandiBodyDto {
  @ApiProperty({ enum: CRIME_TYPES })
  @IsIn(CRIME_TYPES)
  crimeType: string;

  @ApiProperty({ enum: TRANSPORT_MODES, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(TRANSPORT_MODES, { each: true })
  transportModes: string[];

  @ApiPropertyOptional({ type: RouteDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RouteDto)
  route?: RouteDto;

  @ApiProperty({ enum: MO_METHODS, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MO_METHODS.length)
  @ArrayUnique()
  @IsIn(MO_METHODS, { each: true })
  methods: string[];

  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  description: string;

  @OptionalTextList(30, 1000, { description: 'indicators for front-line officers' })
  indicators?: string[];

  @OptionalTextList(30, 1000, { description: 'countermeasures' })
  countermeasures?: string[];

  @ApiPropertyOptional({ example: '2025-11-01', description: 'YYYY-MM-DD, not in the future' })
  @IsOptional()
  @IsDateOnly()
  @NotInFuture()
  firstObserved?: string;
}
