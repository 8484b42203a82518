import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { TEAM_ROLES, type TeamRole } from '@rilon/core';
import { NewPersonDto } from './new-person.dto';

export class CreateInvitationDto extends NewPersonDto {
  @ApiProperty({ format: 'uuid', description: 'An existing, active team (400 otherwise)' })
  @IsUUID('all')
  teamId: string;

  @ApiProperty({
    enum: TEAM_ROLES,
    description: 'Leads of the team invite officers and observers only',
  })
  @IsIn(TEAM_ROLES)
  role: TeamRole;
}
