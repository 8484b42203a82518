import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsUUID,
} from 'class-validator';

/**
 * Who an AMBER, AMBER+STRICT or RED report goes to. AMBER and AMBER+STRICT take `teamIds`
 * (the authoring team is always added; an empty list means the authoring team alone); RED
 * takes `userIds` (one or more). CLEAR and GREEN take none.
 */
export class DistributionDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 100 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  teamIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', minItems: 1, maxItems: 200 })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  userIds?: string[];
}
