import { ApiProperty } from '@nestjs/swagger';
import { TEAM_ROLES, type TeamRole } from '@rilon/core';
import { InvitationSenderDto } from './invitation-sender.dto';

/** An invitation whose link has not been used and still works. */
export class PendingInvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 254 }) email: string;
  @ApiProperty({ maxLength: 120 }) displayName: string;
  @ApiProperty({ maxLength: 16 }) memberCode: string;
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty({ enum: TEAM_ROLES }) role: TeamRole;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', description: 'The link works until then' })
  expiresAt: string;
  @ApiProperty({
    type: InvitationSenderDto,
    nullable: true,
    description: 'Null when the sender no longer exists',
  })
  invitedBy: InvitationSenderDto | null;
}
