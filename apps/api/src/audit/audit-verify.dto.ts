import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** `?full=true|false`; anything but the two words is a 400. */
export class AuditVerifyQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'Start at the first event instead of after the latest signed checkpoint an earlier run found intact',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  full?: 'true' | 'false';
}

const BREAK_REASONS = [
  'missing_entry',
  'link',
  'missing_event',
  'unexpected_event',
  'hash',
  'checkpoint_hash',
  'checkpoint_signature',
  'checkpoint_unknown_key',
] as const;

/** One entry of the chain that does not hold. */
export class AuditChainBreakDto {
  @ApiProperty({ type: 'integer', format: 'int64', minimum: 1 }) seq: number;
  @ApiProperty({
    enum: BREAK_REASONS,
    description:
      'missing_entry: chain entries removed; link: prev_hash is not the hash before; missing_event: a sealed row is gone; ' +
      'unexpected_event: a row carries a seq sealed as a gap; hash: the row was changed; checkpoint_hash: a signed checkpoint ' +
      'names another hash (the chain was re-sealed); checkpoint_signature: a signature does not verify; ' +
      'checkpoint_unknown_key: signed with a key not among AUDIT_PUBLIC_KEYS',
  })
  reason: (typeof BREAK_REASONS)[number];
}

/** A signed statement of the chain's hash at one seq; check it with GET /audit-events/keys. */
export class AuditCheckpointDto {
  @ApiProperty({ type: 'string', pattern: '^[0-9]+$', maxLength: 20 }) seq: string;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', maxLength: 64 }) hash: string;
  @ApiProperty({ format: 'date-time', description: 'As signed, in UTC with milliseconds' })
  signedAt: string;
  @ApiProperty({ pattern: '^[0-9a-f]{16}$', maxLength: 16 }) keyId: string;
  @ApiProperty({
    maxLength: 88,
    description:
      'Ed25519 signature, base64, of the UTF-8 text "rilon-audit-checkpoint/v1\\n<seq>\\n<hash>\\n<signedAt>\\n"',
  })
  signature: string;
}

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

/** One public key that audit checkpoints are signed with. */
export class AuditKeyDto {
  @ApiProperty({
    pattern: '^[0-9a-f]{16}$',
    description: 'SHA-256 of the SPKI DER, first 16 hex digits',
  })
  keyId: string;
  @ApiProperty({ enum: ['Ed25519'] }) algorithm: 'Ed25519';
  @ApiProperty({ description: 'The public key, SPKI PEM' }) publicKey: string;
  @ApiProperty({ description: 'The key the sealer signs new checkpoints with' }) current: boolean;
}

export class AuditKeysDto {
  @ApiProperty({ type: [AuditKeyDto] }) keys: AuditKeyDto[];
}
