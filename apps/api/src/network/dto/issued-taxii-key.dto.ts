import { ApiProperty } from '@nestjs/swagger';

/** A key just issued: the one answer that carries its secret. */
export class IssuedTaxiiKeyDto {
  @ApiProperty({ format: 'uuid', description: 'The key id: the user name of HTTP Basic' })
  id: string;
  @ApiProperty({
    minLength: 43,
    maxLength: 43,
    pattern: '^[A-Za-z0-9_-]{43}$',
    description:
      'The secret (32 random bytes, base64url): the password of HTTP Basic, or ' +
      '`Authorization: Bearer <id>.<secret>`. Shown this once; only its SHA-256 is stored.',
  })
  secret: string;
  @ApiProperty({ maxLength: 100 }) label: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
