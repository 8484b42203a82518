import { addOutboxEvent, bullConnection, QUEUES } from '@rilon/core';
import { Queue } from 'bullmq';
import type { ReceivedMail } from '../support/smtp';
import type { TestApi } from '../support/harness';

/** The raw message with quoted-printable soft breaks and escapes undone, good enough to search. */
export function readable(mail: ReceivedMail): string {
  return mail.raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function header(mail: ReceivedMail, name: string): string | undefined {
  const match = new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(mail.raw);
  return match?.[1]?.trim();
}

/** Commits one invitation e-mail through the outbox, as the network area does. */
export async function commitInvitation(
  api: TestApi,
  to: string,
  params: Record<string, string> = {},
): Promise<string> {
  return api.db.transaction((manager) =>
    addOutboxEvent(manager, 'email.send', {
      template: 'invitation',
      to,
      params: {
        displayName: 'Ana Invitee',
        link: `${api.config.publicUrl}/invitations/accept?token=tok_${to.split('@')[0]}_0123456789abcdef`,
        teamName: 'Team Bangkok',
        ...params,
      },
    }),
  );
}

/** The e-mail queue of the API's prefix, as the test reads it. */
export function emailQueue(api: TestApi): Queue {
  return new Queue(QUEUES.email, {
    connection: bullConnection(api.config.redisUrl),
    prefix: api.config.queuePrefix,
  });
}

export async function relayedAt(api: TestApi, id: string): Promise<Date | null> {
  const rows: Array<{ relayed_at: Date | null }> = await api.db.query(
    'SELECT relayed_at FROM outbox_events WHERE id = $1',
    [id],
  );
  return rows[0]?.relayed_at ?? null;
}
