import { ApiProperty } from '@nestjs/swagger';

export class CapitalDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Bangkok' }) name: string;
  @ApiProperty({ example: 'THA' }) countryCode: string;
  @ApiProperty({ example: 'Asia/Bangkok' }) timezone: string;
}
