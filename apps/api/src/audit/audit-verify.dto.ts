import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The outcome of recomputing the hash chain. */
export class AuditVerifyDto {
  @ApiProperty() ok: boolean;
  @ApiPropertyOptional({
    type: 'integer',
    description: 'When ok: the seq of the last sealed entry',
  })
  verifiedThrough?: number;
  @ApiPropertyOptional({ description: 'When ok: the hash of the last sealed entry; keep a copy' })
  headHash?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'When not ok: the first seq that fails' })
  firstBadSeq?: number;
}
