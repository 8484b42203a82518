import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

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

export class EnrolmentDecisionDto {
  @ApiProperty({ enum: ['accepted', 'declined'] })
  @IsString()
  @IsIn(['accepted', 'declined'])
  decision: 'accepted' | 'declined';
}

export class EnrolmentCreatedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['pending'] }) status: 'pending';
  @ApiProperty({ type: 'integer' }) seats: number;
}

export class EnrolmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) reportId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: 'integer' }) seats: number;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ enum: ['pending', 'accepted', 'declined'] }) status: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) decidedAt: string | null;
}

export class EnrolmentPageDto {
  @ApiProperty({ type: [EnrolmentDto] }) items: EnrolmentDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
