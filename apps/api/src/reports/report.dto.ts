import { ApiProperty } from '@nestjs/swagger';
import type { ReportRow } from '@rilon/reports';
import { ReportSummaryDto } from './report-summary.dto';

/** One whole report: the envelope, the body, and the notes of its last return or withdrawal. */
export class ReportDto extends ReportSummaryDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'shape chosen by `type`',
  })
  body: Record<string, unknown>;

  @ApiProperty({ nullable: true, type: String, description: 'the reason given on withdrawal' })
  withdrawalReason: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'the comment of the last return to draft',
  })
  returnComment: string | null;

  static override from(r: ReportRow): ReportDto {
    return {
      ...ReportSummaryDto.from(r),
      body: r.body ?? {},
      withdrawalReason: r.withdrawalReason,
      returnComment: r.returnComment,
    };
  }
}
