import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** POST /reports/:id/withdraw. */
export class WithdrawReportDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 2000,
    description:
      'shown to everyone who can read the report; checked for personal data as report text is (e-mail, telephone, MRZ line, document number, date of birth): a hit is a 422 naming `reason`',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}
