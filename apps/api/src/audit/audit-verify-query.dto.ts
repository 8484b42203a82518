import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** `?full=true|false`; anything but the two words is a 400. */
export class AuditVerifyQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'Start at the first event instead of after the latest signed checkpoint an earlier run found intact',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  full?: 'true' | 'false';
}
