import { ApiProperty } from '@nestjs/swagger';
import { TaxiiKeyCreatorDto } from './taxii-key-creator.dto';

/** An unrevoked TAXII key of the team, without its secret. */
export class TaxiiKeyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 100 }) label: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The last request the key authenticated (to the minute); null if never used',
  })
  lastUsedAt: string | null;
  @ApiProperty({
    type: TaxiiKeyCreatorDto,
    nullable: true,
    description: 'Null when the account no longer exists',
  })
  createdBy: TaxiiKeyCreatorDto | null;
}
