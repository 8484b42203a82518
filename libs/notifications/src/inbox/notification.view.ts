import type { NotificationEvent } from '../notification-events';

/** A notification as the inbox, the stream and the API show it. */
export interface NotificationView {
  id: string;
  event: NotificationEvent;
  reportId?: string;
  enrolmentId?: string;
  title: string;
  urgent: boolean;
  createdAt: string;
  readAt: string | null;
}

/** A row of the inbox queries, in SQL column names. */
export interface NotificationRow {
  id: string;
  event: NotificationEvent;
  report_id: string | null;
  enrolment_id: string | null;
  title: string;
  urgent: boolean;
  created_at: Date;
  read_at: Date | null;
  /** Milliseconds since the epoch with microseconds, for the stream's position. */
  created_ms?: number;
}

export function toNotificationView(row: NotificationRow): NotificationView {
  const view: NotificationView = {
    id: row.id,
    event: row.event,
    title: row.title,
    urgent: row.urgent,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
  if (row.report_id) view.reportId = row.report_id;
  if (row.enrolment_id) view.enrolmentId = row.enrolment_id;
  return view;
}
