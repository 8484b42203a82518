import { ApiPropertyOptional } from '@nestjs/swagger';
import { ListReportsQueryDto } from '@rilon/reports';
import { IsIn, IsOptional } from 'class-validator';

/** TLPs a bulk export may carry: AMBER+STRICT and RED never leave in bulk (docs/stix.md). */
export const BULK_STIX_TLPS = ['CLEAR', 'GREEN', 'AMBER'] as const;
export const STIX_STATUSES = ['published', 'withdrawn'] as const;

/** GET /reports/stix: the filters of GET /reports, narrowed to what may be exported in bulk. */
export class StixBulkQueryDto extends ListReportsQueryDto {
  @ApiPropertyOptional({ enum: BULK_STIX_TLPS })
  @IsOptional()
  @IsIn(BULK_STIX_TLPS, { message: 'tlp must be CLEAR, GREEN or AMBER in a bulk export' })
  declare tlp?: string;

  @ApiPropertyOptional({ enum: STIX_STATUSES, default: 'published' })
  @IsOptional()
  @IsIn(STIX_STATUSES, { message: 'status must be published or withdrawn in an export' })
  declare status?: string;
}
