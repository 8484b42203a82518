import { ApiProperty } from '@nestjs/swagger';
import { PersonTeamDto } from './person-team.dto';

/** What any signed-in user may learn about another: never e-mail, global role or status. */
export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ example: 'THA' }) memberCode: string;
  @ApiProperty({ type: [PersonTeamDto], description: 'The active teams they belong to, by name' })
  teams: PersonTeamDto[];
}
