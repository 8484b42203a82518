import type { FastifyAdapter } from '@nestjs/platform-fastify';
import { ProblemException } from '@rilon/core';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The API's side of a graceful stop (SIGTERM), as its clients see it: requests already
 * running finish; a request that arrives once the stop began (on a kept-alive connection,
 * or before the listener closes) is refused with a 503 problem, `Retry-After: 1` and
 * `Connection: close`, and starts no work, so the client tries again on another instance.
 *
 * Fastify's own refusal while it closes (`return503OnClosing`) is plain JSON, not a
 * problem document, so it is switched off (see createApp) and this takes its place. The
 * gate shuts at the first step of Nest's shutdown (the adapter's `beforeClose`, before any
 * module's destroy hook): Nest closes the HTTP server only after those hooks, and a
 * request started between the two would run against a half-stopped application (a live
 * stream opened then would never be ended, and the close would wait for it). A direct
 * `fastify.close()` shuts it too (`preClose`).
 */
export class ShutdownGate {
  private shut = false;

  get closing(): boolean {
    return this.shut;
  }

  close(): void {
    this.shut = true;
  }

  /**
   * An `onSend` hook: an answer sent while closing (to a request that was already running)
   * ends its connection, so the stop does not wait out a kept-alive connection (72 s).
   */
  readonly endConnection = (
    _request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
  ): Promise<unknown> => {
    if (this.shut) void reply.header('connection', 'close');
    return Promise.resolve(payload);
  };

  /** An `onRequest` hook: while closing, every request is the 503 problem. */
  readonly refuse = (_request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!this.shut) return Promise.resolve();
    void reply.header('connection', 'close');
    return Promise.reject(
      new ProblemException({
        status: 503,
        type: 'unavailable',
        title: 'Service unavailable',
        detail: 'This instance of the API is shutting down; try again',
        headers: { 'retry-after': '1' },
      }),
    );
  };
}

/** Puts the gate on every route, shut by Nest's `beforeClose` and Fastify's `preClose`. */
export function installShutdownGate(adapter: FastifyAdapter): ShutdownGate {
  const gate = new ShutdownGate();
  const beforeClose = adapter.beforeClose.bind(adapter);
  adapter.beforeClose = () => {
    gate.close();
    beforeClose();
  };
  const fastify = adapter.getInstance();
  fastify.addHook('preClose', (done) => {
    gate.close();
    done();
  });
  fastify.addHook('onRequest', gate.refuse);
  fastify.addHook('onSend', gate.endConnection);
  return gate;
}
