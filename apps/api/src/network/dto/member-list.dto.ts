import { ApiProperty } from '@nestjs/swagger';
import { MemberDto } from './member.dto';

export class MemberListDto {
  @ApiProperty({ type: [MemberDto] }) items: MemberDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: the list comes whole' })
  nextCursor: string | null;
}
