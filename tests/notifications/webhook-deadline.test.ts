import { QUEUES } from '@rilon/core';
import { postWebhook, WebhookDeadlineExceeded, webhookDeliveryId } from '@rilon/notifications';
import { createServer, Server, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { RunningWorker } from '../../apps/worker/src/create-worker';
import { Cast, createCast, Factory } from '../support/factories';
import { eventKeyOf, startApi, startWorker, TestApi, waitFor } from '../support/harness';
import { envelope, fanoutDone, makeReport, queueOf } from './notify-helpers';
import { WebhookReceiver } from './webhook-receiver';

jest.setTimeout(120_000);

/**
 * How a connection is treated: `hang` reads the request and never answers; `drip-headers`
 * sends a status line and then one header byte at a time; `drip-body` sends whole headers
 * and then one body byte at a time; `answer` answers 204 at once. The drips come every
 * 200 ms, well inside the 5 s idle timeout the sender once relied on, so only an overall
 * deadline ends them.
 */
type Mode = 'hang' | 'drip-headers' | 'drip-body' | 'answer';

interface SlowConnection {
  mode: Mode;
  /** The request's X-Rilon-Delivery header, once its head has arrived. */
  deliveryId?: string;
  /** The other side (the worker) closed it; we never do, but in stop(). */
  closedByClient: boolean;
  open: boolean;
}

/** A webhook endpoint on loopback, raw TCP, that is slow in the ways above. */
class SlowEndpoint {
  readonly connections: SlowConnection[] = [];
  /** The modes of the next connections, in order; `fallback` once they are used up. */
  plan: Mode[] = [];
  fallback: Mode = 'hang';
  /** Most connections open at the same moment. */
  peakOpen = 0;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopping = false;
  private readonly server: Server = createServer((socket) => this.accept(socket));
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get openNow(): number {
    return this.connections.filter((c) => c.open).length;
  }

  private accept(socket: Socket): void {
    const connection: SlowConnection = {
      mode: this.plan.shift() ?? this.fallback,
      closedByClient: false,
      open: true,
    };
    this.connections.push(connection);
    this.sockets.add(socket);
    this.peakOpen = Math.max(this.peakOpen, this.openNow);
    let head = '';
    let started = false;
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (started || end < 0) return;
      started = true;
      connection.deliveryId = /^x-rilon-delivery: *(\S+)/im.exec(head.slice(0, end))?.[1];
      this.respond(socket, connection.mode);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      connection.open = false;
      connection.closedByClient = !this.stopping;
      this.sockets.delete(socket);
    });
  }

  private respond(socket: Socket, mode: Mode): void {
    if (mode === 'hang') return;
    if (mode === 'answer') {
      socket.end('HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n');
      return;
    }
    const first =
      mode === 'drip-headers'
        ? 'HTTP/1.1 200 OK\r\n'
        : 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n';
    socket.write(first);
    const drip = setInterval(() => {
      if (socket.destroyed) clearInterval(drip);
      else socket.write(mode === 'drip-headers' ? 'X' : '.');
    }, 200);
    this.timers.add(drip);
  }

  stop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers) clearInterval(timer);
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A fast endpoint with an oversized answer: the sender reads a bounded part of it. */
function bigAnswerServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', () => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 4194304\r\n\r\n');
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (!socket.destroyed && socket.write(chunk));
      };
      socket.on('drain', pump);
      pump();
    });
    socket.on('error', () => undefined);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/big`,
        close: () => {
          for (const socket of sockets) socket.destroy();
          return new Promise((done) => server.close(() => done()));
        },
      }),
    ),
  );
}

const post = (url: string) =>
  postWebhook({ url, body: '{}', headers: {}, allowPrivate: true, deadlineMs: 1500 });

describe('webhook deliveries: an overall deadline', () => {
  const endpoint = new SlowEndpoint();
  beforeAll(() => endpoint.start());
  afterAll(() => endpoint.stop());

  it.each<Mode>(['hang', 'drip-headers', 'drip-body'])(
    'ends a delivery to an endpoint that does "%s" at the deadline, closing the connection',
    async (mode) => {
      endpoint.plan = [mode];
      const before = endpoint.connections.length;
      await expect(post(`${endpoint.url}/x`)).rejects.toBeInstanceOf(WebhookDeadlineExceeded);
      const connection = endpoint.connections[before];
      expect(connection.mode).toBe(mode);
      await waitFor(() => !connection.open, 5000, 'the connection to close');
      expect(connection.closedByClient).toBe(true);
    },
    20_000,
  );

  it('takes the status of a fast answer and reads only a bounded part of a huge body', async () => {
    endpoint.plan = ['answer'];
    expect(await post(`${endpoint.url}/x`)).toBe(204);
    const big = await bigAnswerServer();
    try {
      expect(await post(big.url)).toBe(200);
    } finally {
      await big.close();
    }
  });
});

describe('webhook deliveries through the worker', () => {
  let api: TestApi;
  let worker: RunningWorker | undefined;
  let cast: Cast;
  let slow: SlowEndpoint;
  const receiver = new WebhookReceiver();

  beforeAll(() => receiver.start());
  afterEach(async () => {
    // Hung-up connections first, so the worker's deliveries to A end and it closes at once.
    await slow?.stop();
    await worker?.close();
    worker = undefined;
    await api?.close();
  });
  afterAll(() => receiver.stop());

  async function setUp(env: Record<string, string>): Promise<void> {
    slow = new SlowEndpoint();
    await slow.start();
    api = await startApi(env);
    cast = await createCast(new Factory(api));
    const a = await api.put(
      `/teams/${cast.teamA.id}/webhook`,
      { url: `${slow.url}/A`, secret: 'team-a-slow-secret-0123' },
      { token: cast.lead.token },
    );
    expect(a.status).toBe(200);
    const b = await api.put(
      `/teams/${cast.teamB.id}/webhook`,
      { url: receiver.endpoint('B', 'team-b-fast-secret-0123'), secret: 'team-b-fast-secret-0123' },
      { token: cast.otherLead.token },
    );
    expect(b.status).toBe(200);
    worker = await startWorker(api);
  }

  it('ends a dripping delivery at the deadline and retries it under the same delivery id', async () => {
    await setUp({ WEBHOOK_TIMEOUT_SECONDS: '2' });
    slow.plan = ['drip-headers', 'drip-body', 'answer'];
    const report = await makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id));
    const outboxId = await fanoutDone(api, worker!, 'report.published', report.id);
    const deliveryId = webhookDeliveryId(await eventKeyOf(api, outboxId), cast.teamA.id);
    const queue = queueOf(worker!, QUEUES.webhook);
    await waitFor(
      async () => (await queue.getJobState(deliveryId)) === 'completed',
      60_000,
      'the delivery to complete on its third attempt',
    );
    const mine = slow.connections.filter((c) => c.deliveryId === deliveryId);
    expect(mine.map((c) => c.mode)).toEqual(['drip-headers', 'drip-body', 'answer']);
    // The worker hung up on both drips (the endpoint never closes a connection itself).
    expect(mine.slice(0, 2).every((c) => c.closedByClient)).toBe(true);
    const job = await queue.getJob(deliveryId);
    expect(job?.attemptsMade).toBeGreaterThanOrEqual(2);
  });

  it("holds at most 2 worker slots for a team whose endpoint hangs; another team's deliveries go on", async () => {
    // A deadline far beyond the test: only the per-team bound can keep team B moving.
    await setUp({ WEBHOOK_TIMEOUT_SECONDS: '60' });
    slow.fallback = 'hang';
    const reports: string[] = [];
    // More deliveries for A than the worker's 8 slots: unbounded, they would take them all.
    for (let i = 0; i < 10; i++) {
      const report = await makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id));
      reports.push(report.id);
    }
    await waitFor(
      () => reports.every((id) => receiver.to('B').some((d) => d.raw.includes(id))),
      45_000,
      'every delivery to team B',
    );
    // B got everything while A's first deliveries were still hanging, never more than 2.
    expect(slow.connections).toHaveLength(2);
    expect(slow.connections.every((c) => !c.closedByClient)).toBe(true);
    expect(slow.peakOpen).toBeLessThanOrEqual(2);
    expect(receiver.to('B').every((d) => d.signed)).toBe(true);
    // Each of B's deliveries once: the A jobs that waited for a slot were not sent twice either.
    const ids = receiver.to('B').map((d) => d.headers['x-rilon-delivery']);
    expect(new Set(ids).size).toBe(ids.length);
    const queue = queueOf(worker!, QUEUES.webhook);
    const waiting = await queue.getJobs(['delayed', 'waiting', 'active']);
    const aJobs = waiting.filter((j) => j.data.teamId === cast.teamA.id);
    // A's deliveries wait their turn without using attempts.
    expect(aJobs.length).toBe(10);
    expect(aJobs.every((j) => j.attemptsMade === 0)).toBe(true);
  });
});
