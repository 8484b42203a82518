import { ApiProperty } from '@nestjs/swagger';
import { CapitalDto } from './capital.dto';

export class CapitalListDto {
  @ApiProperty({ type: [CapitalDto] }) items: CapitalDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: the list comes whole' })
  nextCursor: string | null;
}
