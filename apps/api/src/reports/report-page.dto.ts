import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '@rilon/core';
import type { ReportRow } from '@rilon/reports';
import { ReportSummaryDto } from './report-summary.dto';

export class ReportPageDto {
  @ApiProperty({ type: [ReportSummaryDto] }) items: ReportSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;

  static from(page: Page<ReportRow>): ReportPageDto {
    return { items: page.items.map((r) => ReportSummaryDto.from(r)), nextCursor: page.nextCursor };
  }
}
