import { getQueueToken } from '@nestjs/bullmq';
import { QUEUES } from '@rilon/core';
import type { Queue } from 'bullmq';
import type { RunningWorker } from '../../apps/worker/src/create-worker';
import type { Cast } from '../support/factories';
import { waitFor, type TestApi, jobIdOf } from '../support/harness';
import { envelope, makeReport } from '../reports/report-fixtures';

export { envelope, makeReport } from '../reports/report-fixtures';

export function queueOf(worker: RunningWorker, name: string): Queue {
  return worker.app.get<Queue>(getQueueToken(name));
}

/** The newest outbox event of `type` about `key` (a report, enrolment or user id). */
export async function outboxIdOf(api: TestApi, type: string, key: string): Promise<string> {
  const rows: Array<{ id: string }> = await api.db.query(
    `SELECT id::text FROM outbox_events WHERE type = $1
        AND (payload->>'reportId' = $2 OR payload->>'enrolmentId' = $2 OR payload->>'userId' = $2)
      ORDER BY id DESC LIMIT 1`,
    [type, key],
  );
  if (!rows[0]) throw new Error(`no ${type} outbox event for ${key}`);
  return rows[0].id;
}

/** Waits until the fan-out job of that outbox event has completed, and answers its id. */
export async function fanoutDone(
  api: TestApi,
  worker: RunningWorker,
  type: string,
  key: string,
): Promise<string> {
  const outboxId = await waitFor(
    () => outboxIdOf(api, type, key).catch(() => null),
    10000,
    `${type} outbox row`,
  );
  const queue = queueOf(worker, QUEUES.fanout);
  await waitFor(
    async () => (await queue.getJobState(await jobIdOf(api, outboxId))) === 'completed',
    15000,
    `fan-out of ${type} ${key}`,
  );
  return outboxId;
}

/** Who got a notification of that outbox event. */
export async function recipientsOf(api: TestApi, outboxId: string): Promise<string[]> {
  const rows: Array<{ user_id: string }> = await api.db.query(
    `SELECT user_id FROM notifications WHERE outbox_event_id = $1 ORDER BY user_id`,
    [outboxId],
  );
  return rows.map((r) => r.user_id);
}

/** Reads an SSE response: collects events as they arrive. */
export class SseReader {
  readonly events: Array<{ id?: string; event?: string; data?: any }> = [];
  readonly comments: string[] = [];
  private buffer = '';
  private readonly controller = new AbortController();
  status = 0;
  /** True once the server ended the response (not when this side aborted it). */
  ended = false;
  headers?: Headers;
  /** The parsed body of a refusal (a problem document), when the stream did not open. */
  problem?: any;
  done: Promise<void> = Promise.resolve();

  async open(url: string, token: string, lastEventId?: string): Promise<void> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (lastEventId) headers['last-event-id'] = lastEventId;
    const res = await fetch(url, { headers, signal: this.controller.signal });
    this.status = res.status;
    this.headers = res.headers;
    if (!res.ok || !res.body) {
      const text = await res.text().catch(() => '');
      this.problem =
        text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
      return;
    }
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    this.done = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            this.ended = true;
            return;
          }
          this.buffer += decoder.decode(value, { stream: true });
          this.parse();
        }
      } catch {
        // aborted or closed by the server
      }
    })();
  }

  close(): Promise<void> {
    this.controller.abort();
    return this.done;
  }

  private parse(): void {
    let at: number;
    while ((at = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, at);
      this.buffer = this.buffer.slice(at + 2);
      const event: { id?: string; event?: string; data?: any } = {};
      let isComment = true;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          this.comments.push(line.slice(1).trim());
          continue;
        }
        isComment = false;
        const [field, ...rest] = line.split(': ');
        const value = rest.join(': ');
        if (field === 'id') event.id = value;
        if (field === 'event') event.event = value;
        if (field === 'data') event.data = JSON.parse(value);
      }
      if (!isComment) this.events.push(event);
    }
  }
}

/** A received mail's text with folded headers unfolded and quoted-printable decoded. */
export function mailText(raw: string): string {
  return raw
    .replace(/\r\n/g, '\n')
    .replace(/\n[ \t]+/g, ' ')
    .replace(/=\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Team A's lead publishes a GREEN visa fraud trend; answers its id once it is fanned out. */
export async function publishGreen(
  api: TestApi,
  worker: RunningWorker,
  cast: Cast,
  title: string,
): Promise<string> {
  const report = await makeReport(
    api,
    cast.officer,
    cast.lead,
    envelope(cast.teamA.id, 'visa_fraud_trend', { title }),
  );
  await fanoutDone(api, worker, 'report.published', report.id);
  return report.id;
}

/** Opens the caller's live stream (kept in `readers`, for closing), whatever it answers. */
export async function openStream(
  api: TestApi,
  readers: SseReader[],
  token: string,
  lastEventId?: string,
): Promise<SseReader> {
  const reader = new SseReader();
  readers.push(reader);
  await reader.open(`${api.baseUrl}/api/v1/notifications/stream`, token, lastEventId);
  return reader;
}

/** `openStream`, checked to have opened (200, then the `connected` comment). */
export async function connectedStream(
  api: TestApi,
  readers: SseReader[],
  token: string,
): Promise<SseReader> {
  const sse = await openStream(api, readers, token);
  expect(sse.status).toBe(200);
  await waitFor(() => sse.comments.includes('connected'), 5000, 'the stream to open');
  return sse;
}
