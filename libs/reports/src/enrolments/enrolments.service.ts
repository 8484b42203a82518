import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, Refusals } from '@rilon/audit';
import {
  Actor,
  addOutboxEvent,
  decodeCursor,
  inTransaction,
  isLeadOf,
  isUuid,
  malformedCursor,
  newId,
  Page,
  ProblemException,
  toPage,
} from '@rilon/core';
import { DataSource } from 'typeorm';
import { assertNoPersonalData } from '../personal-data/personal-data-check';
import { deadlinePassed } from './enrolment-deadline';
import { EnrolmentView, toEnrolmentView } from './enrolment.view';
import { EnrolmentsRepository, OfferRow } from './enrolments.repository';

export interface EnrolmentRequest {
  seats: number;
  note?: string;
}

/** Requests for seats on training offers, and who sees them. */
@Injectable()
export class EnrolmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: EnrolmentsRepository,
    private readonly audit: AuditService,
    private readonly refusals: Refusals,
  ) {}

  async request(
    actor: Actor,
    reportId: string,
    input: EnrolmentRequest,
  ): Promise<{ id: string; status: 'pending'; seats: number }> {
    const offer = await this.readableOffer(actor, reportId);
    if (offer.status !== 'published') throw ProblemException.notFound('Training offer');
    if (!actor.teams.some((t) => t.role === 'officer' || t.role === 'lead')) {
      throw await this.refusals.refuse(
        {
          actorId: actor.userId,
          action: 'enrolment.create.denied',
          targetType: 'report',
          targetId: reportId,
          outcome: 'denied',
        },
        ProblemException.forbidden('Only officers and leads may ask for training seats'),
      );
    }
    assertOpen(offer);
    // The note reaches the offering team, another team: the network's personal-data rule holds.
    assertNoPersonalData({ note: input.note });
    const id = newId();
    return inTransaction(this.dataSource, async (manager) => {
      // Checked again under the row lock: the offer may have been withdrawn or its deadline
      // moved since the read above (which stays, for the cheap refusals before any lock).
      const locked = await this.repository.shareOffer(manager, reportId);
      if (!locked || locked.status !== 'published')
        throw ProblemException.notFound('Training offer');
      assertOpen(locked);
      const note = input.note ?? null;
      const inserted = await this.repository.insert(manager, {
        id,
        reportId,
        userId: actor.userId,
        seats: input.seats,
        note,
      });
      if (!inserted) throw ProblemException.conflict('You have already asked for this offer');
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: 'enrolment.create',
        targetType: 'enrolment',
        targetId: id,
        details: { reportId, seats: input.seats },
      });
      await addOutboxEvent(manager, 'enrolment.requested', {
        enrolmentId: id,
        reportId,
        actorId: actor.userId,
      });
      return { id, status: 'pending' as const, seats: input.seats };
    });
  }

  /** Leads of the offering team see every request; anyone else who reads the offer, their own. */
  async list(
    actor: Actor,
    reportId: string,
    page: { limit?: number; cursor?: string },
  ): Promise<Page<EnrolmentView>> {
    const offer = await this.readableOffer(actor, reportId);
    const limit = page.limit ?? 50;
    const cursor = decodeCursor(page.cursor, 1);
    const before = cursor && isUuid(cursor[0]) ? cursor[0] : null;
    if (cursor && !before) throw malformedCursor();
    const onlyOwn = isLeadOf(actor, offer.team_id) ? null : actor.userId;
    const rows = await this.repository.list(reportId, onlyOwn, limit + 1, before);
    return toPage(rows.map(toEnrolmentView), limit, (last) => [last.id]);
  }

  /** A training offer the caller may read, in any state; anything else does not exist. */
  private async readableOffer(actor: Actor, reportId: string): Promise<OfferRow> {
    const offer = isUuid(reportId) ? await this.repository.findOffer(actor, reportId) : undefined;
    if (!offer || !offer.readable || offer.type !== 'training_offer')
      throw ProblemException.notFound('Training offer');
    return offer;
  }
}

function assertOpen(offer: { application_deadline: string | null }): void {
  if (deadlinePassed(offer.application_deadline, new Date()))
    throw ProblemException.unprocessable(
      `The application deadline (${offer.application_deadline}, end of day UTC) has passed`,
    );
}
