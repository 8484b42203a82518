import { ApiProperty } from '@nestjs/swagger';
import { MembershipDto } from './membership.dto';

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty() memberCode: string;
  @ApiProperty({ enum: ['admin', 'auditor'], nullable: true, type: String }) globalRole:
    string | null;
  @ApiProperty({ type: [MembershipDto] }) memberships: MembershipDto[];
}
