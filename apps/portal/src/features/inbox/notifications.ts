import type { InfiniteData } from '@tanstack/react-query';
import type { Schemas } from '../../lib/api/client';

export type Notification = Schemas['NotificationDto'];
export type NotificationPage = Schemas['NotificationPageDto'];
export type InboxData = InfiniteData<NotificationPage>;

/** Each event in words (keys of the inbox catalogue); a Record so a new event fails to compile. */
export const EVENT_LABEL_KEYS: Record<Notification['event'], string> = {
  'report.published': 'event.published',
  'report.amended': 'event.amended',
  'report.withdrawn': 'event.withdrawn',
  'report.submitted': 'event.submitted',
  'report.returned': 'event.returned',
  'enrolment.requested': 'event.enrolmentRequested',
  'enrolment.decided': 'event.enrolmentDecided',
  'membership.changed': 'event.membershipChanged',
  'webhook.changed': 'event.webhookChanged',
};

/** Where opening a notification leads: its report, else the screen of what it is about. */
export function targetOf(notification: Pick<Notification, 'event' | 'reportId'>): string {
  if (notification.reportId) return `/reports/${encodeURIComponent(notification.reportId)}`;
  if (notification.event.startsWith('enrolment.')) return '/training';
  // A membership change names a team, not a report: the account page lists one's teams.
  return '/account';
}

/** The "Unread only" filter lives in the URL (?unread=true), so it survives a reload and a link. */
export function unreadOnlyOf(params: URLSearchParams): boolean {
  return params.get('unread') === 'true';
}

export function withUnreadOnly(params: URLSearchParams, on: boolean): URLSearchParams {
  const next = new URLSearchParams(params);
  if (on) next.set('unread', 'true');
  else next.delete('unread');
  return next;
}

/**
 * A cached inbox with some notifications (or all) read as of `readAt`. In an unread-only
 * list they leave at once, as the refetch that follows would make them do anyway.
 */
export function markReadIn(
  data: InboxData | undefined,
  which: ReadonlySet<string> | 'all',
  readAt: string,
  unreadOnly: boolean,
): InboxData | undefined {
  if (!data) return data;
  const hit = (n: Notification) => which === 'all' || which.has(n.id);
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: unreadOnly
        ? page.items.filter((n) => !hit(n))
        : page.items.map((n) => (hit(n) && !n.readAt ? { ...n, readAt } : n)),
    })),
  };
}

/** Every notification of the loaded pages once, newest first (a refetch may shift a row between pages). */
export function itemsOf(data: InboxData | undefined): Notification[] {
  const seen = new Set<string>();
  const items: Notification[] = [];
  for (const page of data?.pages ?? [])
    for (const n of page.items) {
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      items.push(n);
    }
  return items;
}
