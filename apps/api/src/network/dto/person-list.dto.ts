import { ApiProperty } from '@nestjs/swagger';
import { PersonDto } from './person.dto';

export class PersonListDto {
  @ApiProperty({ type: [PersonDto], description: 'Active users only, by display name' })
  items: PersonDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: the list is not paged' })
  nextCursor: string | null;
}
