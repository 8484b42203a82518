import { ApiProperty } from '@nestjs/swagger';
import { TEAM_ROLES, type TeamRole } from '@rilon/core';

export class TeamMemberDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ example: 'THA' }) memberCode: string;
  @ApiProperty({ enum: TEAM_ROLES }) role: TeamRole;
}
