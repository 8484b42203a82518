import fc from 'fast-check';
import { PinoLogger } from 'nestjs-pino';
import { Client } from 'pg';
import pino from 'pino';
import { short } from './openapi-arbitraries';
import { holdsForgedLine } from './payloads';

/** One generated request. */
export class FuzzCase {
  constructor(
    readonly caller: string,
    readonly method: string,
    /** Path and query, already percent-encoded. */
    readonly target: string,
    readonly headers: Record<string, string>,
    readonly body?: { text: string; contentType: string },
  ) {}

  /** What a failure prints: long texts cut, so a 100,000-level body stays one line. */
  [fc.toStringMethod](): string {
    const headers = Object.entries(this.headers)
      .map(([name, value]) => `${name}: ${short(value, 60)}`)
      .join(', ');
    const body = this.body ? ` ${this.body.contentType} ${short(this.body.text, 3000)}` : '';
    return `${this.caller} ${this.method} ${short(this.target, 300)} [${headers}]${body}`;
  }
}

export interface Answer {
  method: string;
  status: number;
  headers: Headers;
  text: string;
  /** The answer was an event stream, closed once its headers arrived. */
  stream: boolean;
}

/** Sends a case to the API; a stream is closed once it has answered. */
export async function send(baseUrl: string, c: FuzzCase): Promise<Answer> {
  const abort = new AbortController();
  // A request the API leaves unanswered is a finding, not a stuck test.
  const timer = setTimeout(() => abort.abort(new Error('no answer within 30 s')), 30_000);
  try {
    const headers: Record<string, string> = { ...c.headers };
    if (c.body) headers['content-type'] = c.body.contentType;
    const response = await fetch(`${baseUrl}${c.target}`, {
      method: c.method,
      headers,
      body: c.body?.text,
      signal: abort.signal,
    });
    const stream = (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
    const answer = { method: c.method, status: response.status, headers: response.headers };
    if (stream) {
      abort.abort();
      return { ...answer, text: '', stream };
    }
    return { ...answer, text: await response.text(), stream };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A fingerprint of every domain table: row count and the newest row version (xmin) each.
 * An insert, update or delete that committed changes it, whatever the values; reading the
 * system column costs a scan of small tables and no formatting of rows.
 */
export class DomainState {
  private constructor(
    private readonly client: Client,
    private readonly sql: string,
    readonly tables: string[],
  ) {}

  /** Audit tables are left out: refusals are meant to be audited. */
  static async open(ownerUrl: string): Promise<DomainState> {
    const client = new Client({ connectionString: ownerUrl });
    await client.connect();
    const { rows } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
          AND table_name NOT LIKE 'audit\\_%' AND table_name <> 'typeorm_migrations'
        ORDER BY 1`,
    );
    const tables = rows.map((r) => r.name);
    const sql = tables
      .map(
        (t) =>
          `SELECT '${t}' AS t, count(*)::int AS n, coalesce(max(xmin::text::bigint), 0)::text AS v FROM "${t}"`,
      )
      .join(' UNION ALL ');
    return new DomainState(client, sql, tables);
  }

  async snapshot(): Promise<Map<string, string>> {
    const { rows } = await this.client.query<{ t: string; n: number; v: string }>(this.sql);
    return new Map(rows.map((r) => [r.t, `${r.n}/${r.v}`]));
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t));
}

/**
 * Every line the API logs from now on, taken from the stream of the one pino logger that
 * nestjs-pino builds per process (request loggers are its children and write through it).
 * The level goes to info, so request lines are written as well as warnings and errors.
 */
export function captureLogs(): { lines: string[]; stop(): void } {
  const root = PinoLogger.root as unknown as Record<symbol, unknown> & { level: string };
  const streamSym = pino.symbols.streamSym as unknown as symbol;
  const original = root[streamSym];
  const previousLevel = root.level;
  const lines: string[] = [];
  root[streamSym] = { write: (chunk: string) => void lines.push(String(chunk)) };
  root.level = 'info';
  return {
    lines,
    stop() {
      root[streamSym] = original;
      root.level = previousLevel;
    },
  };
}

/** What is wrong with a captured log write: more than one line, not JSON, or a forged entry. */
export function logLineFaults(chunk: string): string[] {
  const body = chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk;
  if (/[\r\n]/.test(body)) return [`a log write holds a line break: ${short(chunk, 300)}`];
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    return holdsForgedLine(parsed) ? [`a forged log entry: ${short(chunk, 300)}`] : [];
  } catch {
    return [`a log line is not JSON: ${short(chunk, 300)}`];
  }
}

// C0 and C1 controls, the line and paragraph separators: never in a human-readable field.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * What is wrong with an answer: a 5xx, anything but JSON, a 4xx that is not a problem
 * document, a problem whose title or detail carries a control character (a line a client
 * would log as two).
 */
export function answerFaults(answer: Answer): string[] {
  const faults: string[] = [];
  const { status, headers, text } = answer;
  const type = headers.get('content-type') ?? '';
  if (status >= 500) faults.push(`answered ${status}: ${short(text, 300)}`);
  if (status < 200) faults.push(`no answer (${status})`);
  // A HEAD answer has the headers of the GET and no body.
  const head = answer.method === 'HEAD';
  if (text.length > 0 && !answer.stream) {
    // JSON, or a JSON media type of its own: problems, and STIX bundles (RFC 6839 +json).
    if (!/^application\/(problem\+|stix\+)?json\b/.test(type))
      faults.push(`a body of type ${JSON.stringify(type)}, not JSON`);
    if (headers.get('x-content-type-options') !== 'nosniff')
      faults.push('a body without X-Content-Type-Options: nosniff');
  }
  let parsed: unknown;
  if (text.length > 0 && !answer.stream) {
    try {
      parsed = JSON.parse(text);
    } catch {
      faults.push(`a body that does not parse as JSON: ${short(text, 200)}`);
    }
  }
  if (status >= 400 && status < 500) {
    if (!type.startsWith('application/problem+json'))
      faults.push(`a ${status} of type ${JSON.stringify(type)}, not application/problem+json`);
    if (head) return faults;
    const p = parsed as Record<string, unknown> | undefined;
    if (!p || typeof p.type !== 'string' || typeof p.title !== 'string' || p.status !== status) {
      faults.push(`a ${status} that is not a problem document: ${short(text, 300)}`);
    } else {
      for (const field of ['title', 'detail'] as const) {
        const value = p[field];
        if (typeof value === 'string' && CONTROL.test(value))
          faults.push(`a problem ${field} with a control character: ${short(value)}`);
      }
    }
  }
  return faults;
}

/** Status counts per operation, for the summary. */
export class Tally {
  readonly byOperation = new Map<string, Map<number, number>>();

  count(operation: string, status: number): void {
    const statuses = this.byOperation.get(operation) ?? new Map<number, number>();
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    this.byOperation.set(operation, statuses);
  }

  get total(): number {
    let n = 0;
    for (const statuses of this.byOperation.values()) for (const c of statuses.values()) n += c;
    return n;
  }

  lines(): string[] {
    return [...this.byOperation].map(
      ([op, statuses]) =>
        `${op}: ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, c]) => `${s}×${c}`)
          .join(' ')}`,
    );
  }
}
