import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@rilon/core';
import { IsIn, IsOptional } from 'class-validator';

/** `?unread=true|false&limit&cursor`; anything but the two words is a 400. */
export class NotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only unread notifications' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}
