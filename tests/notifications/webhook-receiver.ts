import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  /** The path after the receiver's base URL, e.g. `/B`: one path per team. */
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  /** The X-Rilon-Signature header verified with the secret registered for the path. */
  signed: boolean;
}

/** Checks `t=<s>,v1=<hex>` as a receiver would: HMAC-SHA256 of `<t>.<raw body>`. */
export function verifySignature(header: string | undefined, secret: string, raw: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${raw}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2], 'hex'));
}

/** A webhook receiver on loopback: keeps every delivery, answers 204. */
export class WebhookReceiver {
  readonly deliveries: ReceivedDelivery[] = [];
  private readonly secrets = new Map<string, string>();
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      const raw = Buffer.concat(chunks).toString();
      const secret = this.secrets.get(path);
      const header = req.headers['x-rilon-signature'];
      this.deliveries.push({
        path,
        headers: req.headers,
        raw,
        signed: !!secret && verifySignature(String(header ?? ''), secret, raw),
      });
      res.writeHead(204).end();
    });
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The URL a team's webhook points at; deliveries there are checked with `secret`. */
  endpoint(name: string, secret: string): string {
    this.secrets.set(`/${name}`, secret);
    return `${this.url}/${name}`;
  }

  to(name: string): ReceivedDelivery[] {
    return this.deliveries.filter((d) => d.path === `/${name}`);
  }

  /** Deliveries to `name` with that X-Rilon-Delivery id. */
  withId(name: string, deliveryId: string): ReceivedDelivery[] {
    return this.to(name).filter((d) => d.headers['x-rilon-delivery'] === deliveryId);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
