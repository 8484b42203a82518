import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** POST /reports/:id/return. The comment reaches the author, never the audit log. */
export class ReturnReportDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 2000,
    description:
      'shown to the author; checked for personal data as report text is (e-mail, telephone, MRZ line, document number, date of birth): a hit is a 422 naming `comment`',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  comment: string;
}
