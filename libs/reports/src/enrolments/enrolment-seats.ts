import { ProblemException } from '@rilon/core';
import type { EntityManager } from 'typeorm';

/**
 * For the report lifecycle, inside its transaction, when a published training_offer is
 * amended: refuses (422) a `seats` below the seats already accepted. It locks the offer row
 * first, as decisions do, so an accept cannot slip in between the check and the commit.
 */
export async function assertSeatsNotBelowAccepted(
  manager: EntityManager,
  reportId: string,
  newSeats: number,
): Promise<void> {
  await manager.query('SELECT id FROM reports WHERE id = $1 FOR UPDATE', [reportId]);
  const rows: Array<{ total: number }> = await manager.query(
    `SELECT COALESCE(SUM(seats), 0)::int AS total FROM enrolments
     WHERE report_id = $1 AND status = 'accepted'`,
    [reportId],
  );
  const accepted = rows[0].total;
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
