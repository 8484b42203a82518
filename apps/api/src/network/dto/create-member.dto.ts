import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsMemberCode, SingleLineText } from './validation.decorators';
import { KINDS } from './member-kinds';

export class CreateMemberDto {
  @ApiProperty({ example: 'KHM', pattern: '^[A-Z][A-Z0-9]{1,15}$' })
  @IsMemberCode()
  code: string;

  @ApiProperty({ example: 'Cambodia', minLength: 1, maxLength: 120 })
  @SingleLineText(120)
  name: string;

  @ApiProperty({ enum: KINDS })
  @IsIn(KINDS)
  kind: 'state' | 'organisation';
}
