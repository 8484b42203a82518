import { ApiProperty } from '@nestjs/swagger';

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
