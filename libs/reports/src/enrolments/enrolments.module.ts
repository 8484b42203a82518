import { Module } from '@nestjs/common';
import { EnrolmentDecisionsService } from './enrolment-decisions.service';
import { EnrolmentSeats } from './enrolment-seats';
import { EnrolmentsRepository } from './enrolments.repository';
import { EnrolmentsService } from './enrolments.service';

/** Training enrolments: requests, lists and decisions (issue 3). */
@Module({
  providers: [EnrolmentsRepository, EnrolmentsService, EnrolmentDecisionsService, EnrolmentSeats],
  exports: [EnrolmentsService, EnrolmentDecisionsService, EnrolmentSeats],
})
export class EnrolmentsModule {}
