import { ApiProperty } from '@nestjs/swagger';
import type { ReportVersionView } from '@rilon/reports';
import { DistributionViewDto, iso } from './report-summary.dto';

/** One published version, unchanged since it was published or amended. */
export class ReportVersionDto {
  @ApiProperty() version: number;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty() tlp: string;
  @ApiProperty({ type: DistributionViewDto, nullable: true })
  distribution: DistributionViewDto | null;
  @ApiProperty() urgent: boolean;
  @ApiProperty() sourceReliability: string;
  @ApiProperty() informationCredibility: string;
  @ApiProperty({ type: [String] }) countries: string[];
  @ApiProperty({ type: 'object', additionalProperties: true }) body: Record<string, unknown>;
  @ApiProperty({ description: 'when this version was published or amended' }) createdAt: string;
  @ApiProperty({ format: 'uuid', description: 'the lead who published or amended it' })
  createdBy: string;
}

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
