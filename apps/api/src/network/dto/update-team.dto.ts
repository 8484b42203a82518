import { ApiPropertyOptional } from '@nestjs/swagger';
import { Absent } from '@rilon/core';
import { IsBoolean, IsUUID } from 'class-validator';
import { BoundedText, SingleLineText } from './validation.decorators';

export class UpdateTeamDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 120 })
  @Absent()
  @SingleLineText(120)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An existing capital (400 otherwise)' })
  @Absent()
  @IsUUID('all')
  capitalId?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Absent()
  @BoundedText(2000, 0)
  description?: string;

  @ApiPropertyOptional({
    description: 'An inactive team keeps its history; its members lose its rights',
  })
  @Absent()
  @IsBoolean()
  active?: boolean;
}
