import { connect, Socket } from 'node:net';
import { Client } from 'pg';
import { envelope } from '../reports/report-fixtures';
import { Factory, TestUser } from '../support/factories';
import { startApi, TestApi, waitFor } from '../support/harness';

/**
 * A request that reaches the API once it began to shut down (SIGTERM) is refused with a
 * problem document and does nothing; one that was running finishes, and its answer ends
 * the connection. Fastify answered the first with a plain-JSON 503 (`{"error":"Service
 * Unavailable",...}`), which no client of a problem+json API expects, and kept the second's
 * connection alive, so the stop waited out the keep-alive timeout (72 s). Found by
 * tests/faults/sigterm.test.ts.
 */
jest.setTimeout(60_000);

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Splits what the server wrote on one connection into its HTTP/1.1 responses. */
function parseResponses(raw: string): RawResponse[] {
  const out: RawResponse[] = [];
  let rest = raw;
  while (rest.startsWith('HTTP/1.1 ')) {
    const end = rest.indexOf('\r\n\r\n');
    const [statusLine, ...lines] = rest.slice(0, end).split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const at = line.indexOf(':');
      headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    const body = rest.slice(end + 4, end + 4 + length);
    out.push({ status: Number(statusLine.split(' ')[1]), headers, body });
    rest = rest.slice(end + 4 + length);
  }
  return out;
}

/** A client connection written byte by byte, as the test needs the timing of each part. */
class RawConnection {
  raw = '';
  private readonly socket: Socket;
  private readonly ended: Promise<void>;

  constructor(port: number) {
    this.socket = connect(port, '127.0.0.1');
    this.socket.setEncoding('utf8');
    this.socket.on('data', (chunk: string) => (this.raw += chunk));
    this.socket.on('error', () => undefined);
    this.ended = new Promise((resolve) => this.socket.on('close', () => resolve()));
  }

  write(text: string): void {
    this.socket.write(text);
  }

  /** True once the server has closed the connection, false if it is still open after `ms`. */
  closed(ms: number): Promise<boolean> {
    return Promise.race([
      this.ended.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref()),
    ]);
  }
}

describe('a request arriving while the API shuts down', () => {
  let api: TestApi;
  let officer: TestUser;
  let teamId: string;

  beforeAll(async () => {
    api = await startApi();
    const factory = new Factory(api);
    teamId = (await factory.team()).id;
    officer = await factory.user({ teams: [[teamId, 'officer']] });
  });
  afterAll(() => api.database.drop());

  it('is a 503 problem with Retry-After and Connection: close, and creates nothing', async () => {
    const port = (api.app.getHttpServer().address() as { port: number }).port;
    const body = JSON.stringify(envelope(teamId, 'visa_fraud_trend', { title: 'Late arrival' }));
    const auth = `authorization: Bearer ${officer.token}\r\n`;
    // Connection A: a request running when the stop begins (it waits on a lock of ours).
    // Connection B: a slow client, whose request has begun but arrives whole only after.
    const holder = new Client({ connectionString: api.database.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE sessions IN ACCESS EXCLUSIVE MODE');
    const a = new RawConnection(port);
    const b = new RawConnection(port);
    a.write(`GET /api/v1/me HTTP/1.1\r\nhost: api\r\n${auth}\r\n`);
    b.write(`POST /api/v1/reports HTTP/1.1\r\nhost: api\r\n`);
    let closing: Promise<void> | undefined;
    let late: RawResponse[];
    try {
      await waitFor(
        async () =>
          (
            await holder.query(
              `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            )
          ).rows.length > 0,
        10_000,
        'the running request to wait for the lock',
      );
      closing = api.app.close();
      // The stop reached the HTTP server: it listens no more, and waits for A's request.
      await waitFor(() => !api.app.getHttpServer().listening, 10_000, 'the listener to close');
      b.write(
        `${auth}content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      // B is answered at once (no database needed) and its connection ends.
      expect(await b.closed(10_000)).toBe(true);
      late = parseResponses(b.raw);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    // A's request finishes normally, and its answer ends the connection, so the stop does
    // not wait for the keep-alive timeout.
    expect(await a.closed(15_000)).toBe(true);
    await closing;

    const [running] = parseResponses(a.raw);
    expect(running.status).toBe(200);
    expect(JSON.parse(running.body)).toMatchObject({ id: officer.id });
    expect(running.headers.connection).toBe('close');

    expect(late).toHaveLength(1);
    const [refused] = late;
    expect(refused.status).toBe(503);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.headers.connection).toBe('close');
    expect(JSON.parse(refused.body)).toMatchObject({ status: 503, type: '/problems/unavailable' });
    const check = new Client({ connectionString: api.database.url });
    await check.connect();
    try {
      const { rows } = await check.query(
        `SELECT count(*)::int AS n FROM reports WHERE title = 'Late arrival'`,
      );
      expect(rows[0].n).toBe(0);
    } finally {
      await check.end();
    }
  });
});
