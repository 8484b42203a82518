import { ApiProperty } from '@nestjs/swagger';
import { TEAM_ROLES } from '@rilon/core';

export class MembershipDto {
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty({ format: 'uuid' }) capitalId: string;
  @ApiProperty({ enum: TEAM_ROLES }) role: string;
}
