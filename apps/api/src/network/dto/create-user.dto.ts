import { ApiPropertyOptional } from '@nestjs/swagger';
import { Absent } from '@rilon/core';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { NewPersonDto } from './new-person.dto';
import { GLOBAL_ROLES, type GlobalRole } from './user-values';

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
