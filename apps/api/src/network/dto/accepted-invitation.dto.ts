import { ApiProperty } from '@nestjs/swagger';

export class AcceptedInvitationDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({
    description:
      "The account's own e-mail address, so that the client that just set its password can sign in with it",
  })
  email: string;
}
