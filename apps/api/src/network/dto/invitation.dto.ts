import { ApiProperty } from '@nestjs/swagger';
import { TEAM_ROLES, type TeamRole } from '@rilon/core';

export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty() memberCode: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) teamId: string | null;
  @ApiProperty({ enum: TEAM_ROLES, nullable: true, type: String }) role: TeamRole | null;
  @ApiProperty({ format: 'date-time', description: 'The link works until then (7 days)' })
  expiresAt: string;
}
