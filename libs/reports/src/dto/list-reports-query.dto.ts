import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@rilon/core';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { REPORT_STATUSES, REPORT_TYPES, TLPS } from '../report-codes';
import { IsNationalityCode } from '../validation/code.validators';

/** Query strings are text: only the exact words 'true' and 'false' are booleans. */
const strictBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** `+` in a query string decodes to a space: `tlp=AMBER+STRICT` arrives as "AMBER STRICT". */
const plusTlp = ({ value }: { value: unknown }): unknown =>
  value === 'AMBER STRICT' ? 'AMBER+STRICT' : value;

const DATE_OR_INSTANT =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** GET /reports filters. */
export class ListReportsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REPORT_TYPES })
  @IsOptional()
  @IsIn(REPORT_TYPES)
  type?: string;

  @ApiPropertyOptional({ enum: REPORT_STATUSES, default: 'published' })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'authoring team' })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ example: 'LKA', description: 'one code, matched against `countries`' })
  @IsOptional()
  @IsNationalityCode()
  country?: string;

  @ApiPropertyOptional({ enum: TLPS, description: 'encode AMBER+STRICT as AMBER%2BSTRICT' })
  @IsOptional()
  @Transform(plusTlp)
  @IsIn(TLPS)
  tlp?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @Transform(strictBoolean)
  @IsBoolean({ message: 'urgent must be true or false' })
  urgent?: boolean;

  @ApiPropertyOptional({
    maxLength: 200,
    description:
      'full-text search over title, summary and the body text (web search syntax: "phrase", or, -word)',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'inclusive, on publishedAt (UTC date or instant)',
  })
  @IsOptional()
  @IsString()
  @Matches(DATE_OR_INSTANT, { message: 'from must be an ISO date or date-time' })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-06-30',
    description: 'inclusive, on publishedAt (UTC date or instant)',
  })
  @IsOptional()
  @IsString()
  @Matches(DATE_OR_INSTANT, { message: 'to must be an ISO date or date-time' })
  to?: string;
}
