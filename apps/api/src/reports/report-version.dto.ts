import { ApiProperty } from '@nestjs/swagger';
import { DistributionViewDto } from './distribution-view.dto';

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
