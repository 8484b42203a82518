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

  @ApiPropertyOptional({
    type: [String],
    maxItems: 30,
    description: 'each at most 1000 characters',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(1000, { each: true })
  indicators?: string[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: 30,
    description: 'each at most 1000 characters',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(1000, { each: true })
  countermeasures?: string[];

  @ApiPropertyOptional({ example: '2025-11-01', description: 'YYYY-MM-DD, not in the future' })
  @IsOptional()
  @IsDateOnly()
  @NotInFuture()
  firstObserved?: string;
}
