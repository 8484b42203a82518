import { ApiProperty } from '@nestjs/swagger';

/** Who issued a TAXII key. */
export class TaxiiKeyCreatorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 120 }) displayName: string;
}
