import { ApiProperty } from '@nestjs/swagger';
import { GLOBAL_ROLES, STATUSES, type GlobalRole, type Status } from './user-values';

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ example: 'THA' }) memberCode: string;
  @ApiProperty({ enum: GLOBAL_ROLES, nullable: true, type: String }) globalRole: GlobalRole | null;
  @ApiProperty({ enum: STATUSES }) status: Status;
}
