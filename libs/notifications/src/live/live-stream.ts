import { Logger } from '@nestjs/common';
import type { Actor } from '@rilon/core';
import type { InboxRepository } from '../inbox/inbox.repository';
import { toNotificationView } from '../inbox/notification.view';

/** Where a stream writes: the HTTP layer adapts its response to this. */
export interface StreamSink {
  write(chunk: string): void;
  end(): void;
}

/** How far back a pull looks for rows committed late by a long fan-out transaction. */
const MARGIN_SECONDS = 300;
const BATCH = 500;
const MAX_REMEMBERED = 5000;
export const HEARTBEAT_MS = 15_000;
/**
 * Most notifications a resume sends: the oldest ones after `Last-Event-ID`, in order, so
 * the client reads the rest from the inbox list rather than one endless burst.
 */
export const RESUME_MAX = 200;
/** Longest a timer may be set for in Node (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What a stream reads: the inbox's queries (the hub gathers many streams' reads into few). */
export type StreamReads = Pick<InboxRepository, 'nowMs' | 'after' | 'recent'>;

/** Reloads the stream's caller from its session: null once it is revoked, expired or suspended. */
export type ActorReloader = (actor: Actor) => Promise<Actor | null>;

/**
 * One open SSE stream of one user. It never trusts a pub/sub message's content: a
 * message only says "look", and the stream reads the user's new rows from PostgreSQL
 * (under the visibility rule), so a message lost while Redis was away is made good by
 * the next pull. Pulls run one at a time.
 *
 * The caller is re-checked before every pull and every heartbeat, not trusted from the
 * opening request: a logout, a password change or a suspension ends the stream before
 * anything more is pushed, and a team change applies to what it reads next. The access
 * token it was opened with bounds it too: at that token's expiry the response ends
 * (cleanly; the client reconnects with a fresh token and `Last-Event-ID`).
 */
export class LiveStream {
  private readonly logger = new Logger(LiveStream.name);
  private chain: Promise<void> = Promise.resolve();
  private sinceMs = 0;
  /** Ids sent recently, with their time: a row is never sent twice. */
  private readonly sent = new Map<string, number>();
  private heartbeat?: NodeJS.Timeout;
  private expiry?: NodeJS.Timeout;
  closed = false;
  private current: Actor;

  constructor(
    actor: Actor,
    private readonly sink: StreamSink,
    private readonly inbox: StreamReads,
    private readonly reload: ActorReloader,
    private readonly onClose: (stream: LiveStream) => void,
    private readonly heartbeatMs = HEARTBEAT_MS,
    /** When the access token it was opened with expires (epoch ms). */
    private readonly expiresAtMs?: number,
  ) {
    this.current = actor;
  }

  get actor(): Actor {
    return this.current;
  }

  /** Sends what followed `lastEventId` (a resume, at most RESUME_MAX rows), then waits for pushes. */
  start(lastEventId: string | undefined): Promise<void> {
    this.sink.write(': connected\n\n');
    this.heartbeat = setInterval(() => void this.beat(), this.heartbeatMs);
    this.heartbeat.unref();
    if (this.expiresAtMs !== undefined) {
      const wait = Math.min(Math.max(0, this.expiresAtMs - Date.now()), MAX_TIMER_MS);
      this.expiry = setTimeout(() => this.close(), wait);
      this.expiry.unref();
    }
    return this.enqueue(async () => {
      const startMs = await this.inbox.nowMs();
      this.sinceMs = startMs;
      if (lastEventId) this.send(await this.inbox.after(this.actor, lastEventId, RESUME_MAX));
      // Rows stamped before the stream opened count as known: only what follows is live.
      const known = await this.inbox.recent(this.actor, startMs, MARGIN_SECONDS, [], 10_000);
      for (const row of known) {
        const ms = row.created_ms ?? 0;
        if (ms <= startMs && !this.sent.has(row.id)) this.sent.set(row.id, ms);
      }
    });
  }

  /** Something new may exist for this user: read it. */
  pull(): Promise<void> {
    return this.enqueue(async () => {
      if (!(await this.stillSignedIn())) return;
      for (;;) {
        const rows = await this.inbox.recent(
          this.actor,
          this.sinceMs,
          MARGIN_SECONDS,
          [...this.sent.keys()],
          BATCH,
        );
        this.send(rows);
        if (rows.length < BATCH) break;
      }
      this.forgetOld();
    });
  }

  /** A keep-alive, sent only while the session still holds. */
  private beat(): Promise<void> {
    return this.enqueue(async () => {
      if (await this.stillSignedIn()) this.sink.write(': keep-alive\n\n');
    });
  }

  /** Reloads the caller (one indexed query); ends the stream when the session is gone. */
  private async stillSignedIn(): Promise<boolean> {
    if (this.expiresAtMs !== undefined && Date.now() >= this.expiresAtMs) {
      this.close();
      return false;
    }
    const fresh = await this.reload(this.current);
    if (!fresh) {
      this.close();
      return false;
    }
    this.current = fresh;
    return true;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    clearTimeout(this.expiry);
    this.sink.end();
    this.onClose(this);
  }

  private send(rows: Awaited<ReturnType<InboxRepository['recent']>>): void {
    for (const row of rows) {
      if (this.closed || this.sent.has(row.id)) continue;
      const view = toNotificationView(row);
      this.sink.write(`id: ${row.id}\nevent: notification\ndata: ${JSON.stringify(view)}\n\n`);
      const ms = row.created_ms ?? 0;
      this.sent.set(row.id, ms);
      if (ms > this.sinceMs) this.sinceMs = ms;
    }
  }

  private forgetOld(): void {
    const floor = this.sinceMs - MARGIN_SECONDS * 1000 - 1000;
    for (const [id, ms] of this.sent) {
      if (ms < floor || this.sent.size > MAX_REMEMBERED) this.sent.delete(id);
    }
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    this.chain = this.chain
      .then(() => (this.closed ? undefined : work()))
      .catch((error: unknown) =>
        this.logger.warn(`stream of ${this.actor.userId}: ${(error as Error).message}`),
      );
    return this.chain;
  }
}
