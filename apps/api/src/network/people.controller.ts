import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@rilon/identity';
import { PeopleService } from '@rilon/network';
import { PeopleQueryDto } from './dto/people-query.dto';
import { PersonListDto } from './dto/person-list.dto';

@ApiTags('network')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({
    type: PersonListDto,
    description:
      'Every signed-in user: active users by display name, to name and show the recipients of a RED report. Exactly one of q and ids (400 otherwise)',
  })
  find(@Query() query: PeopleQueryDto): Promise<PersonListDto> {
    return this.people.find(query);
  }
}
