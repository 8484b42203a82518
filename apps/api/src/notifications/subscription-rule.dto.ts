import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EMAIL_MODES, EmailMode, isRuleCountry, MAX_RULE_COUNTRIES } from '@rilon/notifications';
import { REPORT_TYPES } from '@rilon/reports';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  ValidateBy,
} from 'class-validator';

/** One rule: every filter it sets must match; absent filters match everything. */
export class SubscriptionRuleDto {
  @ApiPropertyOptional({
    enum: REPORT_TYPES,
    isArray: true,
    minItems: 1,
    maxItems: REPORT_TYPES.length,
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REPORT_TYPES.length)
  @IsIn(REPORT_TYPES, { each: true })
  types?: string[];

  @ApiPropertyOptional({
    type: [String],
    minItems: 1,
    maxItems: MAX_RULE_COUNTRIES,
    description: 'ISO 3166-1 alpha-3 or ICAO 9303 codes; a country anywhere in the report matches',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RULE_COUNTRIES)
  @ValidateBy(
    { name: 'isRuleCountry', validator: { validate: (v: unknown) => isRuleCountry(v) } },
    {
      each: true,
      message: '$property must hold ISO 3166-1 alpha-3 (or ICAO XXA/XXB/XXC/XXX) codes',
    },
  )
  countries?: string[];

  @ApiPropertyOptional({ description: 'Only urgent reports' })
  @IsOptional()
  @IsBoolean()
  urgentOnly?: boolean;

  @ApiProperty({ enum: EMAIL_MODES })
  @IsIn(EMAIL_MODES)
  email: EmailMode;
}
