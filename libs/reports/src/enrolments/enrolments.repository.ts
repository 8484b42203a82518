import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor } from '@rilon/core';
import { DataSource, EntityManager } from 'typeorm';
import { actorViewer, canReadSql } from '../visibility';
import { ENROLMENT_COLUMNS, EnrolmentRow } from './enrolment.view';

/** A report as the enrolment rules need it, with whether the caller may read it. */
export interface OfferRow {
  id: string;
  type: string;
  status: string;
  team_id: string;
  seats: number | null;
  application_deadline: string | null;
  readable: boolean;
}

/** An enrolment with its offer's team and whether the caller may read that offer. */
export interface EnrolmentAccessRow {
  id: string;
  user_id: string;
  report_id: string;
  team_id: string;
  readable: boolean;
}

/** The only code that builds SQL for enrolments. */
@Injectable()
export class EnrolmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findOffer(actor: Actor, reportId: string): Promise<OfferRow | undefined> {
    const { viewer, params } = actorViewer(actor, 2);
    const rows: OfferRow[] = await this.dataSource.query(
      `SELECT r.id, r.type, r.status, r.team_id,
              CASE WHEN r.type = 'training_offer' THEN (r.body->>'seats')::int END AS seats,
              r.body->>'applicationDeadline' AS application_deadline,
              ${canReadSql('r', viewer)} AS readable
       FROM reports r WHERE r.id = $1`,
      [reportId, ...params],
    );
    return rows[0];
  }

  async findForAccess(actor: Actor, enrolmentId: string): Promise<EnrolmentAccessRow | undefined> {
    const { viewer, params } = actorViewer(actor, 2);
    const rows: EnrolmentAccessRow[] = await this.dataSource.query(
      `SELECT e.id, e.user_id, e.report_id, r.team_id, ${canReadSql('r', viewer)} AS readable
       FROM enrolments e JOIN reports r ON r.id = e.report_id WHERE e.id = $1`,
      [enrolmentId, ...params],
    );
    return rows[0];
  }

  /** Newest first; `userId` narrows to one requester's own enrolments. */
  async list(
    reportId: string,
    userId: string | null,
    limit: number,
    beforeId: string | null,
  ): Promise<EnrolmentRow[]> {
    return this.dataSource.query(
      `SELECT ${ENROLMENT_COLUMNS}
       FROM enrolments e JOIN users u ON u.id = e.user_id
       WHERE e.report_id = $1
         AND ($2::uuid IS NULL OR e.user_id = $2::uuid)
         AND ($3::uuid IS NULL OR e.id < $3::uuid)
       ORDER BY e.id DESC LIMIT $4`,
      [reportId, userId, beforeId, limit],
    );
  }

  /** Inserts unless this user already asked for this offer (then undefined, never an error). */
  async insert(
    manager: EntityManager,
    row: { id: string; reportId: string; userId: string; seats: number; note: string | null },
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO enrolments (id, report_id, user_id, seats, note) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ON CONSTRAINT ux_enrolments_report_user DO NOTHING RETURNING id`,
      [row.id, row.reportId, row.userId, row.seats, row.note],
    );
    return inserted.length > 0;
  }

  async get(manager: EntityManager, enrolmentId: string): Promise<EnrolmentRow> {
    const rows: EnrolmentRow[] = await manager.query(
      `SELECT ${ENROLMENT_COLUMNS} FROM enrolments e JOIN users u ON u.id = e.user_id WHERE e.id = $1`,
      [enrolmentId],
    );
    return rows[0];
  }

  /**
   * The offer's state, read under FOR SHARE inside the request's transaction: a withdrawal or
   * an amended deadline (both UPDATE the row) waits for the request to commit, or the request
   * waits for them and sees their result. Report row first, then enrolments: the decision
   * path's order, so the two cannot deadlock.
   */
  async shareOffer(
    manager: EntityManager,
    reportId: string,
  ): Promise<{ status: string; application_deadline: string | null } | undefined> {
    const rows: Array<{ status: string; application_deadline: string | null }> =
      await manager.query(
        `SELECT status, body->>'applicationDeadline' AS application_deadline
         FROM reports WHERE id = $1 FOR SHARE`,
        [reportId],
      );
    return rows[0];
  }

  /**
   * Locks the offer row: every decision and every seat change of one offer queue here, so
   * the sum of accepted seats read afterwards cannot be overtaken by a concurrent accept.
   */
  async lockOffer(
    manager: EntityManager,
    reportId: string,
  ): Promise<{ status: string; seats: number } | undefined> {
    const rows: Array<{ status: string; seats: number }> = await manager.query(
      `SELECT status, (body->>'seats')::int AS seats FROM reports WHERE id = $1 FOR UPDATE`,
      [reportId],
    );
    return rows[0];
  }

  async acceptedSeats(manager: EntityManager, reportId: string): Promise<number> {
    const rows: Array<{ total: number }> = await manager.query(
      `SELECT COALESCE(SUM(seats), 0)::int AS total FROM enrolments
       WHERE report_id = $1 AND status = 'accepted'`,
      [reportId],
    );
    return rows[0].total;
  }

  async lockEnrolment(
    manager: EntityManager,
    enrolmentId: string,
  ): Promise<{ status: string; seats: number }> {
    const rows: Array<{ status: string; seats: number }> = await manager.query(
      `SELECT status, seats FROM enrolments WHERE id = $1 FOR UPDATE`,
      [enrolmentId],
    );
    return rows[0];
  }

  async decide(
    manager: EntityManager,
    enrolmentId: string,
    decision: string,
    actorId: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE enrolments SET status = $2, decided_at = now(), decided_by = $3 WHERE id = $1`,
      [enrolmentId, decision, actorId],
    );
  }
}
