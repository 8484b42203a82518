import { ApiProperty } from '@nestjs/swagger';
import { KINDS } from './member-kinds';

export class MemberDto {
  @ApiProperty({ example: 'THA' }) code: string;
  @ApiProperty({ example: 'Thailand' }) name: string;
  @ApiProperty({ enum: KINDS }) kind: 'state' | 'organisation';
}
