import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveStream, type LiveNotification, type LiveState } from './stream';

/**
 * A response body the test writes into, as the server would, and never closes by itself;
 * aborting the request errors it, as fetch does.
 */
function openBody(signal: AbortSignal) {
  let push: (text: string) => void = () => undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const encoder = new TextEncoder();
      push = (text) => controller.enqueue(encoder.encode(text));
      signal.addEventListener('abort', () => controller.error(signal.reason));
    },
  });
  return { body, push: (text: string) => push(text) };
}

const event = (id: string) =>
  `id: ${id}\nevent: notification\ndata: ${JSON.stringify({ id, title: `T ${id}`, urgent: false })}\n\n`;

describe('the live stream', () => {
  const requests: Request[] = [];
  const bodies: Array<ReturnType<typeof openBody>> = [];

  beforeEach(() => {
    vi.useFakeTimers();
    requests.length = 0;
    bodies.length = 0;
    // Node has no page to resolve the stream's relative URL against.
    const NodeRequest = Request;
    vi.stubGlobal(
      'Request',
      class extends NodeRequest {
        constructor(input: RequestInfo | URL, init?: RequestInit) {
          super(typeof input === 'string' ? new URL(input, 'http://portal.test') : input, init);
        }
      },
    );
    vi.stubGlobal(
      'fetch',
      vi.fn((request: Request) => {
        requests.push(request);
        const stream = openBody(request.signal);
        bodies.push(stream);
        return Promise.resolve(
          new Response(stream.body, { headers: { 'content-type': 'text/event-stream' } }),
        );
      }),
    );
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('gives up a silent connection and resumes after the last event it saw', async () => {
    const seen: LiveNotification[] = [];
    const states: LiveState[] = [];
    const live = new LiveStream({
      onNotification: (n) => seen.push(n),
      onState: (s) => states.push(s),
    });
    live.start();
    await vi.advanceTimersByTimeAsync(10);
    bodies[0]?.push(': connected\n\n');
    bodies[0]?.push(event('n1'));
    await vi.advanceTimersByTimeAsync(10);
    expect(seen.map((n) => n.id)).toEqual(['n1']);

    // Heartbeats keep it open...
    for (let i = 0; i < 4; i++) {
      await vi.advanceTimersByTimeAsync(15_000);
      bodies[0]?.push(': keep-alive\n\n');
    }
    expect(requests).toHaveLength(1);
    // ...silence does not: after 45 s it is dropped and opened again, resuming after n1.
    await vi.advanceTimersByTimeAsync(46_000);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(requests).toHaveLength(2);
    expect(requests[1]?.headers.get('last-event-id')).toBe('n1');
    expect(states).toEqual(['connecting', 'open', 'paused', 'connecting', 'open']);
    live.stop();
  });

  it('stops for good when told to', async () => {
    const live = new LiveStream({ onNotification: () => undefined });
    live.start();
    await vi.advanceTimersByTimeAsync(10);
    live.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(requests).toHaveLength(1);
  });
});
