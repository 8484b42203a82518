import { randomBytes } from 'node:crypto';
import { BODIES } from '../../reports/report-fixtures';

/** One request as the client lived it: an answer (status, content type), or none. */
export interface Exchange {
  lane: number;
  what: 'create' | 'publish' | 'status';
  startedAt: number;
  endedAt: number;
  status?: number;
  contentType?: string;
  /** Why no answer came (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET, a timeout...). */
  error?: string;
  title?: string;
  reportId?: string;
}

export interface Answer {
  status: number;
  contentType: string;
  body: any;
}

/** A request that got no HTTP answer at all. */
export class NoAnswer extends Error {
  constructor(readonly code: string) {
    super(`no answer: ${code}`);
  }
}

/** The deepest `code` of a fetch failure (undici wraps the socket's error in `cause`). */
function codeOf(error: unknown): string {
  let e = error as { code?: string; name?: string; cause?: unknown } | undefined;
  let code = e?.name === 'TimeoutError' ? 'TIMEOUT' : 'UNKNOWN';
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string') code = e.code;
    e = e.cause as typeof e;
  }
  return code;
}

/** One JSON request; a 2xx or any other answer resolves, no answer at all rejects NoAnswer. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  token?: string,
  json?: unknown,
  timeoutMs = 30_000,
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (json !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  let text: string;
  try {
    res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await res.text();
  } catch (error) {
    throw new NoAnswer(codeOf(error));
  }
  const contentType = res.headers.get('content-type') ?? '';
  let body: unknown = text;
  if (contentType.includes('json') && text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: res.status, contentType, body };
}

export interface Lane {
  teamId: string;
  authorToken: string;
  leadToken: string;
}

/** A number written in the letters a to z (0 is "a"). */
function letters(n: number): string {
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26);
  } while (n > 0);
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The stream of creations and publications the faults happen under: each lane, back to
 * back, has an officer create a GREEN report and the team's lead publish it. A failed
 * step is tried again, as a client would: a creation with a new title (the old one is
 * then checked to have left nothing behind), a publication after first asking whether
 * the unanswered attempt took effect anyway. Every request is kept in `exchanges`.
 */
export class LoadClient {
  readonly exchanges: Exchange[] = [];
  /** Reports this client was told (200) are published. */
  readonly published: string[] = [];
  /** Publications that took effect although their request got no answer. */
  readonly silentEffects: Exchange[] = [];
  private stopping = false;
  private running: Promise<void>[] = [];

  constructor(
    private readonly baseUrl: () => string,
    private readonly lanes: Lane[],
    /** Starts every title, so the checks find this run's reports. */
    readonly tag: string,
    private readonly paceMs = 1000,
  ) {}

  start(): void {
    this.running = this.lanes.map((lane, i) => this.runLane(lane, i));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running);
  }

  /** Exchanges that ended in the time window, for "what happened while X was down". */
  between(from: number, to: number): Exchange[] {
    return this.exchanges.filter((e) => e.startedAt >= from && e.endedAt <= to);
  }

  private async step(
    lane: number,
    what: Exchange['what'],
    method: string,
    path: string,
    token: string,
    json?: unknown,
    extra: Partial<Exchange> = {},
  ): Promise<{ answer: Answer | NoAnswer; exchange: Exchange }> {
    const exchange: Exchange = { lane, what, startedAt: Date.now(), endedAt: 0, ...extra };
    this.exchanges.push(exchange);
    try {
      const answer = await call(this.baseUrl(), method, path, token, json);
      exchange.status = answer.status;
      exchange.contentType = answer.contentType;
      return { answer, exchange };
    } catch (error) {
      if (!(error instanceof NoAnswer)) throw error;
      exchange.error = error.code;
      return { answer: error, exchange };
    } finally {
      exchange.endedAt = Date.now();
    }
  }

  private async runLane(lane: Lane, index: number): Promise<void> {
    for (let seq = 0; !this.stopping; seq++) {
      const done = await this.createAndPublish(lane, index, letters(seq));
      await sleep(done ? this.paceMs : 250);
    }
  }

  /**
   * `count` creations and publications at once, spread over the lanes: a surge, so that
   * requests are in flight when a fault lands, or the fan-out has a backlog.
   */
  async surge(count: number): Promise<void> {
    await Promise.all(
      Array.from({ length: count }, (_, k) =>
        this.createAndPublish(
          this.lanes[k % this.lanes.length],
          k % this.lanes.length,
          `surge ${letters(k)}`,
        ),
      ),
    );
  }

  /** One report created and published; false when the creation failed (the caller goes on). */
  private async createAndPublish(lane: Lane, index: number, seq: string): Promise<boolean> {
    // Letters only: digits in a title can look like a telephone number to the
    // personal-data check, which then refuses the publication.
    const title = `${this.tag} ${letters(index)} ${seq} ${letters(randomBytes(3).readUIntBE(0, 3))}`;
    const { answer: created } = await this.step(
      index,
      'create',
      'POST',
      '/reports',
      lane.authorToken,
      {
        type: 'visa_fraud_trend',
        teamId: lane.teamId,
        title,
        summary: 'Biodata pages substituted; detected at departure control.',
        tlp: 'GREEN',
        body: BODIES.visa_fraud_trend(),
      },
      { title },
    );
    if (created instanceof NoAnswer || created.status !== 201) return false;
    await this.publish(index, lane, created.body.id as string);
    return true;
  }

  /** Publishes until an answer settles it (200, or 409 once an earlier attempt may have won). */
  private async publish(index: number, lane: Lane, id: string): Promise<void> {
    let uncertain = false;
    // A lane keeps at its report through the outage: at most ~2 minutes of retries.
    for (let attempt = 0; attempt < 240; attempt++) {
      const { answer, exchange } = await this.step(
        index,
        'publish',
        'POST',
        `/reports/${id}/publish`,
        lane.leadToken,
        undefined,
        { reportId: id },
      );
      if (answer instanceof NoAnswer) {
        // Did the unanswered attempt publish it? Ask before trying again.
        const state = await this.statusOf(index, lane, id);
        if (state === 'published') {
          this.silentEffects.push(exchange);
          this.published.push(id);
          return;
        }
      } else if (answer.status === 200) {
        this.published.push(id);
        return;
      } else if (answer.status === 409 && uncertain) {
        // An earlier attempt answered 503 after its commit (the database went away on the
        // way back): the report is published; the database will say so.
        return;
      } else if (answer.status < 500) {
        throw new Error(`publishing ${id}: ${answer.status} ${JSON.stringify(answer.body)}`);
      } else {
        uncertain = true;
      }
      await sleep(250);
    }
    throw new Error(`publishing ${id}: no settled answer in 240 attempts`);
  }

  /** The report's status as the lead reads it, asked until there is an answer. */
  private async statusOf(index: number, lane: Lane, id: string): Promise<string> {
    for (let attempt = 0; attempt < 480; attempt++) {
      const { answer } = await this.step(
        index,
        'status',
        'GET',
        `/reports/${id}`,
        lane.leadToken,
        undefined,
        { reportId: id },
      );
      if (!(answer instanceof NoAnswer) && answer.status === 200) return answer.body.status;
      await sleep(250);
    }
    throw new Error(`reading ${id}: no answer in 480 attempts`);
  }
}

/** Answers that are neither a success nor a problem document: what no client should get. */
export function improperAnswers(exchanges: Exchange[]): Exchange[] {
  return exchanges.filter(
    (e) =>
      e.status !== undefined &&
      !(e.status >= 200 && e.status < 300) &&
      !(e.contentType ?? '').startsWith('application/problem+json'),
  );
}
