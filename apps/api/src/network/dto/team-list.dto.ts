import { ApiProperty } from '@nestjs/swagger';
import { TeamDto } from './team.dto';

export class TeamListDto {
  @ApiProperty({ type: [TeamDto] }) items: TeamDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: the list comes whole' })
  nextCursor: string | null;
}
