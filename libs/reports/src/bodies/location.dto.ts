import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsCountryCode } from '../validation/code.validators';

/** Where an in-person or hybrid course takes place. */
export class LocationDto {
  @ApiProperty({
    example: 'Bangkok',
    maxLength: 120,
    description:
      'checked for personal data when the offer is submitted, published or amended (422 naming `body.location.city`)',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  city: string;

  @ApiProperty({ example: 'THA' })
  @IsCountryCode()
  country: string;
}
