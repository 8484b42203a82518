import { ApiProperty } from '@nestjs/swagger';
import { EnrolmentDto } from './enrolment.dto';

export class EnrolmentPageDto {
  @ApiProperty({ type: [EnrolmentDto] }) items: EnrolmentDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
