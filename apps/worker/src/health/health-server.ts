import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReadinessCheck = () => Promise<Record<string, 'up' | 'down'>>;

/** The worker's only HTTP surface: /health/live and /health/ready on WORKER_HEALTH_PORT. */
export class WorkerHealthServer {
  private server?: Server;

  constructor(private readonly ready: ReadinessCheck) {}

  async listen(port: number, host: string): Promise<number> {
    this.server = createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0];
      if (req.method === 'GET' && path === '/health/live') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
        return;
      }
      if (req.method === 'GET' && path === '/health/ready') {
        this.ready()
          .then((state) => {
            const ok = state.postgres === 'up' && state.redis === 'up';
            res
              .writeHead(ok ? 200 : 503, { 'content-type': 'application/json' })
              .end(JSON.stringify({ status: ok ? 'ok' : 'degraded', ...state }));
          })
          .catch(() => res.writeHead(503).end());
        return;
      }
      res.writeHead(404, { 'content-type': 'application/problem+json' }).end(
        JSON.stringify({
          type: '/problems/not-found',
          title: 'Not found',
          status: 404,
          detail: 'No such route',
          instance: path,
        }),
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
