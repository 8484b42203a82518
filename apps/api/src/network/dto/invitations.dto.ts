import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
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

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The token from the invitation link' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  token: string;

  @ApiProperty({ minLength: 12, maxLength: 256 })
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password: string;
}

export class AcceptedInvitationDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({
    description:
      "The account's own e-mail address, so that the client that just set its password can sign in with it",
  })
  email: string;
}

/** Who sent an invitation. */
export class InvitationSenderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 120 }) displayName: string;
}

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

export class PendingInvitationListDto {
  @ApiProperty({
    type: [PendingInvitationDto],
    maxItems: 200,
    description: 'Newest first, at most 200',
  })
  items: PendingInvitationDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: the list comes whole' })
  nextCursor: null;
}
