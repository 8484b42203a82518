import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig, ConfigError, urlHost } from '@rilon/core';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MetricsService } from './metrics.service';

const PROBLEMS = {
  404: { type: 'not-found', title: 'Not found' },
  405: { type: 'method-not-allowed', title: 'Method not allowed' },
  503: { type: 'unavailable', title: 'Service unavailable' },
} as const;

/** The same problem documents as the API's (RFC 9457), without Nest behind them. */
function problem(
  res: ServerResponse,
  status: keyof typeof PROBLEMS,
  detail: string,
  instance: string,
): void {
  const { type, title } = PROBLEMS[status];
  res
    .writeHead(status, {
      'content-type': 'application/problem+json',
      ...(status === 405 ? { allow: 'GET, HEAD' } : {}),
    })
    .end(JSON.stringify({ type: `/problems/${type}`, title, status, detail, instance }));
}

/**
 * The Prometheus scrape endpoint, on a listener of its own (METRICS_HOST:METRICS_PORT,
 * loopback by default) and never on the API port: the API port faces users through the
 * load balancer, while route counts, queue depths and the outbox backlog are for the
 * operators' network only. Prometheus scrapes each instance here directly (one target per
 * instance, which is what per-instance gauges need anyway); firewalls and network
 * policies keep everyone else off, with no token to hand out or rotate.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server?: Server;
  /** The port it listens on (METRICS_PORT=0 picks a free one). */
  port = 0;

  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((req, res) => void this.answer(req, res));
    const { metricsHost: host, metricsPort: port } = this.config;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'EADDRINUSE' || error.code === 'EADDRNOTAVAIL' || error.code === 'EACCES'
            ? new ConfigError(
                `METRICS_PORT: cannot listen on ${urlHost(host)}:${port} (${error.code}); set METRICS_PORT (and METRICS_HOST) to a free address`,
              )
            : error,
        ),
      );
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    this.logger.log(`metrics on http://${urlHost(host)}:${this.port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics') {
      problem(res, 404, 'This listener serves /metrics only', path);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      problem(res, 405, '/metrics answers GET and HEAD', path);
      return;
    }
    try {
      const text = await this.metrics.registry.metrics();
      res.writeHead(200, { 'content-type': this.metrics.registry.contentType });
      res.end(req.method === 'HEAD' ? undefined : text);
    } catch (error) {
      this.logger.warn({ err: error }, 'metrics scrape failed');
      problem(res, 503, 'The metrics could not be collected; try again', path);
    }
  }
}
