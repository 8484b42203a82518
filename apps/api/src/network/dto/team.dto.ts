import { ApiProperty } from '@nestjs/swagger';

export class TeamDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) capitalId: string;
  @ApiProperty() description: string;
  @ApiProperty() active: boolean;
}
