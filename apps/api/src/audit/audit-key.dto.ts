import { ApiProperty } from '@nestjs/swagger';

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
