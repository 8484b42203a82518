import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import { BoundedText } from './validation.decorators';

/** `ids=a,b,c` arrives as one string; a repeated `ids=` as an array, checked the same way. */
const commaList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.split(',').map((id) => id.trim()) : value;

/** GET /people: exactly one of `q` and `ids` (400 otherwise). */
export class PeopleQueryDto {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 100,
    example: 'somchai',
    description:
      'Part of a display name, matched case-insensitively; % and _ are matched as themselves. Not with ids',
  })
  @IsOptional()
  @BoundedText(100)
  q?: string;

  @ApiPropertyOptional({
    type: String,
    example: '0190b6f0-0000-7000-8000-000000000001,0190b6f0-0000-7000-8000-000000000002',
    description:
      'Comma-separated user ids, 1 to 200, e.g. the named recipients of a RED report. The answer holds those that are active users; unknown and suspended ids are left out. Not with q',
  })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  ids?: string[];

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 50,
    default: 20,
    description:
      'At most this many matches of q; type more of the name to narrow a search. An ids lookup answers every id it finds',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}
