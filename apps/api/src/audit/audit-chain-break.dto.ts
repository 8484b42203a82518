import { ApiProperty } from '@nestjs/swagger';

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
