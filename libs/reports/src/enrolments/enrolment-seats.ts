import { Injectable } from '@nestjs/common';
import { ProblemException } from '@rilon/core';
import type { EntityManager } from 'typeorm';
import { EnrolmentsRepository } from './enrolments.repository';

/**
 * For the report lifecycle, inside its transaction, when a published training_offer is
 * amended: refuses (422) a `seats` below the seats already accepted. It locks the offer row
 * first, as decisions do, so an accept cannot slip in between the check and the commit.
 */
@Injectable()
export class EnrolmentSeats {
  constructor(private readonly enrolments: EnrolmentsRepository) {}

  async assertNotBelowAccepted(
    manager: EntityManager,
    reportId: string,
    newSeats: number,
  ): Promise<void> {
    await this.enrolments.lockOffer(manager, reportId);
    const accepted = await this.enrolments.acceptedSeats(manager, reportId);
    if (newSeats < accepted)
      throw ProblemException.unprocessable(
        `${accepted} seats are already accepted; the offer cannot have fewer`,
        [
          {
            field: 'body.seats',
            message: `must be at least ${accepted}, the seats already accepted`,
          },
        ],
      );
  }
}
