import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString } from 'class-validator';

export class EnrolmentDecisionDto {
  @ApiProperty({ enum: ['accepted', 'declined'] })
  @IsString()
  @IsIn(['accepted', 'declined'])
  decision: 'accepted' | 'declined';
}
