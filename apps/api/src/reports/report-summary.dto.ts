import { ApiProperty } from '@nestjs/swagger';
import { distributionOf, REPORT_TYPES, type ReportRow } from '@rilon/reports';
import { DistributionViewDto } from './distribution-view.dto';
import { iso } from './iso-timestamp';

/** A report in a list: the envelope without `body`. */
export class ReportSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REPORT_TYPES })
  type: string;
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ enum: ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] }) tlp: string;
  @ApiProperty({
    type: DistributionViewDto,
    nullable: true,
    description:
      '{teamIds} for AMBER and AMBER+STRICT (authoring team included), {userIds} for RED, null for CLEAR and GREEN',
  })
  distribution: DistributionViewDto | null;
  @ApiProperty() urgent: boolean;
  @ApiProperty({ enum: ['A', 'B', 'C', 'X'] }) sourceReliability: string;
  @ApiProperty({ enum: ['1', '2', '3', '4'] }) informationCredibility: string;
  @ApiProperty({ type: [String], description: 'every country code the body mentions (derived)' })
  countries: string[];
  @ApiProperty({ enum: ['draft', 'submitted', 'published', 'withdrawn'] }) status: string;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'first publication' }) publishedAt:
    string | null;
  @ApiProperty({ nullable: true, type: String }) withdrawnAt: string | null;

  static from(r: ReportRow): ReportSummaryDto {
    return {
      id: r.id,
      type: r.type,
      teamId: r.teamId,
      authorId: r.authorId,
      title: r.title,
      summary: r.summary,
      tlp: r.tlp,
      distribution: distributionOf(r),
      urgent: r.urgent,
      sourceReliability: r.sourceReliability,
      informationCredibility: r.informationCredibility,
      countries: r.countries,
      status: r.status,
      version: r.version,
      createdAt: iso(r.createdAt) as string,
      updatedAt: iso(r.updatedAt) as string,
      submittedAt: iso(r.submittedAt),
      publishedAt: iso(r.publishedAt),
      withdrawnAt: iso(r.withdrawnAt),
    };
  }
}
