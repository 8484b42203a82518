import { Injectable } from '@nestjs/common';
import {
  Actor,
  decodeCursor,
  isUuid,
  malformedCursor,
  Page,
  ProblemException,
  toPage,
} from '@rilon/core';
import { NotificationsRepository } from '../notifications.repository';
import { InboxRepository } from './inbox.repository';
import { NotificationView, toNotificationView } from './notification.view';

/** The caller's inbox: list, count, mark read. */
@Injectable()
export class InboxService {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly notifications: NotificationsRepository,
  ) {}

  async list(
    actor: Actor,
    query: { unread: boolean; limit?: number; cursor?: string },
  ): Promise<Page<NotificationView>> {
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor, 1);
    let afterId: string | null = null;
    if (cursor) {
      if (!isUuid(cursor[0])) {
        throw malformedCursor();
      }
      afterId = cursor[0];
    }
    const rows = await this.inbox.page(actor, query.unread, limit, afterId);
    const page = toPage(rows, limit, (last) => [last.id]);
    return { items: page.items.map(toNotificationView), nextCursor: page.nextCursor };
  }

  async unreadCount(actor: Actor): Promise<{ count: number }> {
    return { count: await this.inbox.unreadCount(actor) };
  }

  /** Marks one of the caller's own notifications; anybody else's does not exist (404). */
  async markRead(actor: Actor, id: string): Promise<void> {
    if (!isUuid(id) || !(await this.notifications.markRead(actor.userId, id))) {
      throw ProblemException.notFound('Notification');
    }
  }

  markAllRead(actor: Actor): Promise<void> {
    return this.notifications.markAllRead(actor.userId);
  }
}
