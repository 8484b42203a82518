import { ConfigError } from '@rilon/core';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { createApp } from '../../apps/api/src/create-app';
import { startApi, TestApi, testConfig } from '../support/harness';

/** An address of this host other than loopback, when it has one. */
function nonLoopbackAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}

/** Whether a TCP connection to host:port is accepted. */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host, port, path: '/metrics', timeout: 3000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(false));
    req.end();
  });
}

/**
 * Hole 1.8 (/metrics public on the API port): request counts by route, queue depths and
 * the outbox backlog were answered to anyone who reached the API. They now have a
 * listener of their own, on loopback unless METRICS_HOST says otherwise.
 */
describe('/metrics on a listener of its own', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
    // Some traffic, so that the route counters have something to show.
    expect((await api.get('/health/live')).status).toBe(200);
  }, 60000);
  afterAll(() => api.close());

  it('is not on the API port: 404 problem+json there, with nothing of the metrics', async () => {
    for (const method of ['GET', 'HEAD']) {
      const res = await fetch(`${api.baseUrl}/metrics`, { method });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const text = await res.text();
      expect(text).not.toMatch(/rilon_|# HELP|# TYPE/);
    }
    const html = await fetch(`${api.baseUrl}/metrics`, { headers: { accept: 'text/html' } });
    expect(html.status).toBe(404);
    expect(await html.text()).not.toMatch(/rilon_|<html/i);
  });

  it('answers Prometheus text on the metrics listener', async () => {
    const res = await fetch(`${api.metricsUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    expect(text).toMatch(
      /^rilon_http_requests_total\{.*route="\/health\/live".*status="200".*\} [1-9]/m,
    );
    expect(text).toMatch(/^rilon_queue_redis_up 1$/m);
    expect(text).toContain('rilon_api_process_cpu_seconds_total');
    // Scrapes are not API requests: they do not count themselves.
    expect(text).not.toMatch(/route="\/metrics"/);
    const head = await fetch(`${api.metricsUrl}/metrics`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('serves /metrics only, GET and HEAD only, with problem documents otherwise', async () => {
    for (const path of ['/', '/metrics/x', '/api/v1/users', '/health/ready']) {
      const res = await fetch(`${api.metricsUrl}${path}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(await res.json()).toMatchObject({ status: 404, type: '/problems/not-found' });
    }
    const post = await fetch(`${api.metricsUrl}/metrics`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(await post.json()).toMatchObject({ status: 405, type: '/problems/method-not-allowed' });
  });

  it('listens on loopback only by default', async () => {
    const port = Number(new URL(api.metricsUrl).port);
    expect(await connects('127.0.0.1', port)).toBe(true);
    const other = nonLoopbackAddress();
    // A host with no other interface has nothing to reach it from; the default is checked
    // by the config spec (METRICS_HOST 127.0.0.1).
    if (other) expect(await connects(other, port)).toBe(false);
  });

  it('stops the start with one line naming METRICS_PORT when the port is taken', async () => {
    const port = new URL(api.metricsUrl).port;
    const error = await createApp(testConfig(api.database, { METRICS_PORT: port })).then(
      async (app) => {
        await app.close();
        return new Error('it started');
      },
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(
      /^METRICS_PORT: cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\)/,
    );
    expect(error.message).not.toContain('\n');
    // The first instance is unharmed.
    expect((await fetch(`${api.metricsUrl}/metrics`)).status).toBe(200);
  });
});
