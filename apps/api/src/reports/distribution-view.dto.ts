import { ApiPropertyOptional } from '@nestjs/swagger';

export class DistributionViewDto {
  @ApiPropertyOptional({
    type: [String],
    description: 'AMBER, AMBER+STRICT: the teams, authoring team included',
  })
  teamIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'RED: the named recipients' })
  userIds?: string[];
}
