import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from './user.dto';

export class UserPageDto {
  @ApiProperty({ type: [UserDto], description: 'Newest account first' }) items: UserDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page' })
  nextCursor: string | null;
}
