import { ApiProperty } from '@nestjs/swagger';

export class SeriesPointDto {
  @ApiProperty({ description: 'A month YYYY-MM, a country or nationality code, or a border type' })
  key: string;

  @ApiProperty({ type: 'integer' })
  count: number;
}
