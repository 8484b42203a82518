import { ApiProperty } from '@nestjs/swagger';
import { MAX_ACTIVE_TAXII_KEYS } from '@rilon/network';
import { TaxiiKeyDto } from './taxii-key.dto';

export class TaxiiKeyListDto {
  @ApiProperty({
    type: [TaxiiKeyDto],
    maxItems: MAX_ACTIVE_TAXII_KEYS,
    description: `Newest first; a team holds at most ${MAX_ACTIVE_TAXII_KEYS} unrevoked keys`,
  })
  items: TaxiiKeyDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: the list comes whole' })
  nextCursor: null;
}
