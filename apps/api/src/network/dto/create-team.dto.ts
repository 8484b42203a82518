import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Absent } from '@rilon/core';
import { IsUUID } from 'class-validator';
import { BoundedText, SingleLineText } from './validation.decorators';

export class CreateTeamDto {
  @ApiProperty({ example: 'RILON Bangkok', minLength: 1, maxLength: 120 })
  @SingleLineText(120)
  name: string;

  @ApiProperty({ format: 'uuid', description: 'An existing capital (400 otherwise)' })
  @IsUUID('all')
  capitalId: string;

  @ApiPropertyOptional({ maxLength: 2000, default: '' })
  @Absent()
  @BoundedText(2000, 0)
  description?: string;
}
