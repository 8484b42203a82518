import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class CreateEnrolmentDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10 })
  @IsInt()
  @Min(1)
  @Max(10)
  seats: number;

  @ApiPropertyOptional({
    maxLength: 1000,
    description:
      'A note for the offering team; checked for personal data as report text is (e-mail, telephone, MRZ line, document number, date of birth): a hit is a 422 naming `note`',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
