export type EnrolmentStatus = 'pending' | 'accepted' | 'declined';

/** An enrolment as the API shows it (requester's display name included, e-mail never). */
export interface EnrolmentView {
  id: string;
  reportId: string;
  userId: string;
  displayName: string;
  seats: number;
  note: string | null;
  status: EnrolmentStatus;
  createdAt: string;
  decidedAt: string | null;
}

/** The columns every enrolment query selects, under the names `toEnrolmentView` reads. */
export const ENROLMENT_COLUMNS = `e.id, e.report_id, e.user_id, u.display_name, e.seats, e.note,
  e.status, e.created_at, e.decided_at`;

export interface EnrolmentRow {
  id: string;
  report_id: string;
  user_id: string;
  display_name: string;
  seats: number;
  note: string | null;
  status: EnrolmentStatus;
  created_at: Date;
  decided_at: Date | null;
}

export function toEnrolmentView(row: EnrolmentRow): EnrolmentView {
  return {
    id: row.id,
    reportId: row.report_id,
    userId: row.user_id,
    displayName: row.display_name,
    seats: row.seats,
    note: row.note,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
  };
}
