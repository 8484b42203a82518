import { ApiProperty } from '@nestjs/swagger';

export class UnreadCountDto {
  @ApiProperty({ type: 'integer', minimum: 0 })
  count: number;
}
