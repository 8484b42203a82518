import { ApiPropertyOptional } from '@nestjs/swagger';
import { Absent, AbsentOrNull } from '@rilon/core';
import { IsIn } from 'class-validator';
import { IsMemberCode, SingleLineText } from './validation.decorators';
import { GLOBAL_ROLES, STATUSES, type GlobalRole, type Status } from './user-values';

export class UpdateUserDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 120 })
  @Absent()
  @SingleLineText(120)
  displayName?: string;

  @ApiPropertyOptional({ example: 'THA', description: 'An existing member code (400 otherwise)' })
  @Absent()
  @IsMemberCode()
  memberCode?: string;

  @ApiPropertyOptional({
    enum: GLOBAL_ROLES,
    nullable: true,
    type: String,
    description: 'null takes the global role away. The last active administrator keeps it (409)',
  })
  @AbsentOrNull()
  @IsIn(GLOBAL_ROLES)
  globalRole?: GlobalRole | null;

  @ApiPropertyOptional({
    enum: STATUSES,
    description:
      'Suspension ends every session at once; not for the last active administrator (409)',
  })
  @Absent()
  @IsIn(STATUSES)
  status?: Status;
}
