import { ApiProperty } from '@nestjs/swagger';
import { TEAM_ROLES, type TeamRole } from '@rilon/core';
import { IsIn } from 'class-validator';

export class SetRoleDto {
  @ApiProperty({ enum: TEAM_ROLES, description: 'Only administrators grant lead' })
  @IsIn(TEAM_ROLES)
  role: TeamRole;
}
