import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { BoundedText, IsMemberCode } from './validation.decorators';

const ROLES = ['lead', 'officer', 'observer'] as const;
type Role = (typeof ROLES)[number];

export class CreateInvitationDto {
  @ApiProperty({ example: 'new.officer@immigration.go.th', maxLength: 254 })
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email: string;

  @ApiProperty({ minLength: 1, maxLength: 120 })
  @BoundedText(120)
  displayName: string;

  @ApiProperty({ example: 'THA', description: 'An existing member code (400 otherwise)' })
  @IsMemberCode()
  memberCode: string;

  @ApiProperty({ format: 'uuid', description: 'An existing, active team (400 otherwise)' })
  @IsUUID('all')
  teamId: string;

  @ApiProperty({ enum: ROLES, description: 'Leads of the team invite officers and observers only' })
  @IsIn(ROLES)
  role: Role;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty() memberCode: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) teamId: string | null;
  @ApiProperty({ enum: ROLES, nullable: true, type: String }) role: Role | null;
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
}
