import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsMemberCode, SingleLineText } from './validation.decorators';

const KINDS = ['state', 'organisation'] as const;

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

export class MemberDto {
  @ApiProperty({ example: 'THA' }) code: string;
  @ApiProperty({ example: 'Thailand' }) name: string;
  @ApiProperty({ enum: KINDS }) kind: 'state' | 'organisation';
}

export class MemberListDto {
  @ApiProperty({ type: [MemberDto] }) items: MemberDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: the list comes whole' })
  nextCursor: string | null;
}
