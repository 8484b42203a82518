import { ApiProperty } from '@nestjs/swagger';
import { PendingInvitationDto } from './pending-invitation.dto';

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
