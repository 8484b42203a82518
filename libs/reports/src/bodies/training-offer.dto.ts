import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MEMBER_CODE } from '@rilon/core';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DELIVERY_MODES, TRAINING_TOPICS } from '../report-codes';
import { IsLanguageCode } from '../validation/code.validators';
import { IsDateOnly, NotAfter, NotBefore } from '../validation/date.validators';
import { LocationDto } from './location.dto';

/** Capacity building offered to the network. */
export class TrainingOfferBodyDto {
  @ApiProperty({ enum: TRAINING_TOPICS })
  @IsIn(TRAINING_TOPICS)
  topic: string;

  @ApiProperty({ example: 'AUS', description: 'a member code (GET /members)' })
  @IsString()
  @MaxLength(16)
  @Matches(MEMBER_CODE, { message: 'provider must be a member code' })
  provider: string;

  @ApiProperty({ enum: DELIVERY_MODES })
  @IsIn(DELIVERY_MODES)
  deliveryMode: string;

  @ApiPropertyOptional({ type: LocationDto, description: 'required unless deliveryMode is online' })
  @ValidateIf(
    (o: TrainingOfferBodyDto) =>
      o.deliveryMode !== 'online' || (o.location !== undefined && o.location !== null),
  )
  @IsDefined({ message: 'location is required unless deliveryMode is online' })
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;

  @ApiProperty({ example: '2027-03-02' })
  @IsDateOnly()
  startDate: string;

  @ApiProperty({ example: '2027-03-06', description: '>= startDate' })
  @IsDateOnly()
  @NotBefore('startDate')
  endDate: string;

  @ApiProperty({ example: '2027-02-01', description: '<= startDate' })
  @IsDateOnly()
  @NotAfter('startDate')
  applicationDeadline: string;

  @ApiProperty({ minimum: 1, maximum: 1000 })
  @IsInt()
  @Min(1)
  @Max(1000)
  seats: number;

  @ApiProperty({ type: [String], example: ['en'], description: 'ISO 639-1 codes', maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsLanguageCode({ each: true })
  languages: string[];

  @ApiPropertyOptional({
    maxLength: 2000,
    description:
      'checked for personal data when the offer is submitted, published or amended (422 naming `body.eligibility`)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  eligibility?: string;
}
