import { ApiProperty } from '@nestjs/swagger';

export class PersonTeamDto {
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty({ example: 'RILON Bangkok' }) teamName: string;
}
