import { ApiProperty } from '@nestjs/swagger';

/** Who sent an invitation. */
export class InvitationSenderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 120 }) displayName: string;
}
