import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Absent, TEAM_ROLES, type TeamRole } from '@rilon/core';
import { IsBoolean, IsIn, IsUUID } from 'class-validator';
import { BoundedText, SingleLineText } from './validation.decorators';

export class CreateTeamDto {
  @ApiProperty({ example: 'RILON Bangkok', minLength: 1, maxLength: 120 })
  @SingleLineText(120)
  name: string;

  @ApiProperty({ format: 'uuid', description: 'An existing capital (400 otherwise)' })
  @IsUUID('all')
  capitalId: string;

  @ApiPropertyOptional({ maxLength: 2000, default: '' })
  @Absent()
  @BoundedText(2000, 0)
  description?: string;
}

export class UpdateTeamDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 120 })
  @Absent()
  @SingleLineText(120)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An existing capital (400 otherwise)' })
  @Absent()
  @IsUUID('all')
  capitalId?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Absent()
  @BoundedText(2000, 0)
  description?: string;

  @ApiPropertyOptional({
    description: 'An inactive team keeps its history; its members lose its rights',
  })
  @Absent()
  @IsBoolean()
  active?: boolean;
}

export class TeamDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) capitalId: string;
  @ApiProperty() description: string;
  @ApiProperty() active: boolean;
}

export class TeamListDto {
  @ApiProperty({ type: [TeamDto] }) items: TeamDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: the list comes whole' })
  nextCursor: string | null;
}

export class SetRoleDto {
  @ApiProperty({ enum: TEAM_ROLES, description: 'Only administrators grant lead' })
  @IsIn(TEAM_ROLES)
  role: TeamRole;
}

export class TeamMemberDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ example: 'THA' }) memberCode: string;
  @ApiProperty({ enum: TEAM_ROLES }) role: TeamRole;
}

export class TeamMemberListDto {
  @ApiProperty({ type: [TeamMemberDto], description: 'Leads first, then officers, then observers' })
  items: TeamMemberDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: the list comes whole' })
  nextCursor: string | null;
}
