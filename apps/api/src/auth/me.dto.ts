import { ApiProperty } from '@nestjs/swagger';
import { GLOBAL_ROLES } from '@rilon/core';
import { MembershipDto } from './membership.dto';

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty() memberCode: string;
  @ApiProperty({ enum: GLOBAL_ROLES, nullable: true, type: String }) globalRole: string | null;
  @ApiProperty({ type: [MembershipDto] }) memberships: MembershipDto[];
}
