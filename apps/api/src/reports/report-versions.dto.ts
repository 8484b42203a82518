import { ApiProperty } from '@nestjs/swagger';
import type { ReportVersionView } from '@rilon/reports';
import { iso } from './iso-timestamp';
import { ReportVersionDto } from './report-version.dto';

/** GET /reports/:id/versions: published versions, oldest first (none while never published). */
export class ReportVersionsDto {
  @ApiProperty({ type: [ReportVersionDto] }) items: ReportVersionDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'always null: the history comes whole',
  })
  nextCursor: null;

  static from(versions: ReportVersionView[]): ReportVersionsDto {
    return {
      items: versions.map((v) => ({ ...v, createdAt: iso(v.createdAt) as string })),
      nextCursor: null,
    };
  }
}
