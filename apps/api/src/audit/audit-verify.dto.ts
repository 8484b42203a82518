import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AuditChainBreakDto } from './audit-chain-break.dto';
import { AuditCheckpointDto } from './audit-checkpoint.dto';

/** The outcome of verifying the hash chain. */
export class AuditVerifyDto {
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'The run started at the first event' }) full: boolean;
  @ApiProperty({
    type: 'integer',
    description: 'The seq of the signed checkpoint the run started after (0: the first event)',
  })
  fromSeq: number;
  @ApiProperty({
    type: 'integer',
    description:
      'The last entry checked: the sealed head, or where the bound of breaks stopped the run',
  })
  verifiedThrough: number;
  @ApiProperty({ description: 'The hash of that entry; keep a copy elsewhere' })
  headHash: string;
  @ApiPropertyOptional({ type: 'integer', description: 'When not ok: the first seq that fails' })
  firstBadSeq?: number;
  @ApiProperty({
    type: [AuditChainBreakDto],
    maxItems: 100,
    description: 'Every break found, in seq order, at most 100',
  })
  breaks: AuditChainBreakDto[];
  @ApiProperty({ description: 'The run stopped at 100 breaks; more may follow' })
  truncated: boolean;
  @ApiProperty({
    type: AuditCheckpointDto,
    nullable: true,
    description: 'The latest signed checkpoint found intact; null before the first is signed',
  })
  checkpoint: AuditCheckpointDto | null;
}
