import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, Refusals } from '@rilon/audit';
import {
  Actor,
  addOutboxEvent,
  inTransaction,
  isLeadOf,
  isUuid,
  ProblemException,
} from '@rilon/core';
import { DataSource } from 'typeorm';
import { EnrolmentView, toEnrolmentView } from './enrolment.view';
import { EnrolmentsRepository } from './enrolments.repository';

export type EnrolmentDecision = 'accepted' | 'declined';

/** A lead of the offering team accepts or declines a request; accepted seats never overflow. */
@Injectable()
export class EnrolmentDecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: EnrolmentsRepository,
    private readonly audit: AuditService,
    private readonly refusals: Refusals,
  ) {}

  async decide(
    actor: Actor,
    enrolmentId: string,
    decision: EnrolmentDecision,
  ): Promise<EnrolmentView> {
    const found = isUuid(enrolmentId)
      ? await this.repository.findForAccess(actor, enrolmentId)
      : undefined;
    if (!found) throw ProblemException.notFound('Enrolment');
    if (!isLeadOf(actor, found.team_id)) {
      // The requester sees their own request (403); to anyone else it does not exist.
      if (found.user_id !== actor.userId || !found.readable)
        throw ProblemException.notFound('Enrolment');
      throw await this.refusals.refuse(
        {
          actorId: actor.userId,
          action: 'enrolment.decide.denied',
          targetType: 'enrolment',
          targetId: enrolmentId,
          outcome: 'denied',
          details: { reportId: found.report_id },
        },
        ProblemException.forbidden('Only a lead of the offering team decides enrolments'),
      );
    }
    return inTransaction(this.dataSource, async (manager) => {
      // Offer row first, then the enrolment: the same order everywhere, so no deadlock.
      const offer = await this.repository.lockOffer(manager, found.report_id);
      const enrolment = await this.repository.lockEnrolment(manager, enrolmentId);
      if (!offer || !enrolment) throw ProblemException.notFound('Enrolment');
      if (enrolment.status !== 'pending')
        throw ProblemException.conflict(`This enrolment was already ${enrolment.status}`);
      if (decision === 'accepted') {
        if (offer.status !== 'published')
          throw ProblemException.conflict('The offer is no longer published');
        const accepted = await this.repository.acceptedSeats(manager, found.report_id);
        if (accepted + enrolment.seats > offer.seats)
          throw ProblemException.conflict(
            `Accepting ${enrolment.seats} seats would exceed the offer's ${offer.seats} (${accepted} already accepted)`,
          );
      }
      await this.repository.decide(manager, enrolmentId, decision, actor.userId);
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: 'enrolment.decide',
        targetType: 'enrolment',
        targetId: enrolmentId,
        details: { reportId: found.report_id, decision },
      });
      await addOutboxEvent(manager, 'enrolment.decided', {
        enrolmentId,
        reportId: found.report_id,
        actorId: actor.userId,
      });
      return toEnrolmentView(await this.repository.get(manager, enrolmentId));
    });
  }
}
