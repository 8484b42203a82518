import { EventSourceParserStream } from 'eventsource-parser/stream';
import { authFetch } from '../api/client';
import type { Schemas } from '../api/client';

export type LiveNotification = Schemas['NotificationDto'];

export type LiveState = 'connecting' | 'open' | 'paused';

export interface LiveOptions {
  onNotification(notification: LiveNotification): void;
  onState?(state: LiveState): void;
}

const MAX_BACKOFF_MS = 30_000;
/**
 * The server sends a comment every 15 s. A connection that stays silent longer than
 * three of them is dead without having said so (a sleeping laptop, a proxy that dropped
 * it): it is given up and opened again, with Last-Event-ID.
 */
const SILENCE_MS = 45_000;

/**
 * The inbox's live stream: `GET /notifications/stream` read with fetch (EventSource
 * cannot send the Bearer header), parsed with eventsource-parser. After a drop, and
 * whenever the access token changes (`reconnect()`), it opens again with
 * `Last-Event-ID`, so the server resends what was missed and nothing arrives twice.
 */
export class LiveStream {
  private lastEventId: string | null = null;
  private controller: AbortController | null = null;
  private stopped = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: LiveOptions) {}

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  /** Opens a fresh connection now (e.g. with a new access token), resuming after the last id. */
  reconnect(): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.controller?.abort();
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.controller?.abort();
  }

  private async connect(): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    this.options.onState?.('connecting');
    let silent = false;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const heard = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        silent = true;
        controller.abort();
      }, SILENCE_MS);
    };
    try {
      const headers: Record<string, string> = { accept: 'text/event-stream' };
      if (this.lastEventId) headers['last-event-id'] = this.lastEventId;
      const response = await authFetch(
        new Request('/api/v1/notifications/stream', { headers, signal: controller.signal }),
      );
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      this.options.onState?.('open');
      this.attempt = 0;
      heard();
      const events = response.body
        .pipeThrough(new TextDecoderStream())
        .pipeThrough(new EventSourceParserStream({ onComment: heard }));
      const reader = events.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        heard();
        if (value.event !== 'notification') continue;
        if (value.id) this.lastEventId = value.id;
        try {
          this.options.onNotification(JSON.parse(value.data) as LiveNotification);
        } catch {
          // A malformed event is dropped; the list query still shows the row.
        }
      }
    } catch {
      // Aborted by reconnect() or stop(): that caller decides what comes next.
      if (controller.signal.aborted && !silent) return;
    } finally {
      clearTimeout(watchdog);
    }
    if (this.controller !== controller || this.stopped) return;
    this.options.onState?.('paused');
    const wait = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.attempt++);
    this.retryTimer = setTimeout(() => void this.connect(), wait);
  }
}
