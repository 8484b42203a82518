import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Absent, AbsentOrNull } from '@rilon/core';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { IsMemberCode, SingleLineText } from './validation.decorators';
import { NewPersonDto } from './new-person.dto';

const GLOBAL_ROLES = ['admin', 'auditor'] as const;
const STATUSES = ['active', 'suspended'] as const;
type GlobalRole = (typeof GLOBAL_ROLES)[number];
type Status = (typeof STATUSES)[number];

export class CreateUserDto extends NewPersonDto {
  @ApiPropertyOptional({
    minLength: 12,
    maxLength: 256,
    description: 'Without one, the user is sent an invitation e-mail to set it',
  })
  @Absent()
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password?: string;

  @ApiPropertyOptional({ enum: GLOBAL_ROLES })
  @Absent()
  @IsIn(GLOBAL_ROLES)
  globalRole?: GlobalRole;
}

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

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ example: 'THA' }) memberCode: string;
  @ApiProperty({ enum: GLOBAL_ROLES, nullable: true, type: String }) globalRole: GlobalRole | null;
  @ApiProperty({ enum: STATUSES }) status: Status;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto], description: 'Newest account first' }) items: UserDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page' })
  nextCursor: string | null;
}
