import { ApiProperty } from '@nestjs/swagger';
import { TeamMemberDto } from './team-member.dto';

export class TeamMemberListDto {
  @ApiProperty({ type: [TeamMemberDto], description: 'Leads first, then officers, then observers' })
  items: TeamMemberDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: the list comes whole' })
  nextCursor: string | null;
}
